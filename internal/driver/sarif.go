package driver

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// The SARIF 2.1.0 log, as plain structs holding only what beginilint fills
// in. Optional members are omitted rather than written empty, so that the
// file stays small and its golden tests stable.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifFingerprintKey names our fingerprint in partialFingerprints; the
	// "/v1" suffix lets a later scheme live beside it.
	sarifFingerprintKey = "beginilint/v1"
	// srcRoot is the base that relative artifact URIs are resolved against:
	// the directory beginilint ran in.
	srcRoot        = "%SRCROOT%"
	informationURI = "https://github.com/beginilint/beginilint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifProperties  `json:"properties,omitempty"`
}

type sarifProperties struct {
	Category string `json:"category"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion columns count UTF-16 code units, SARIF's default, where Go
// counts bytes; they differ only on lines with non-ASCII text.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// writeSARIF writes one run: the analyzers that ran as rules, the findings
// as results, and load or analysis errors as notifications of a failed
// invocation.
func writeSARIF(w io.Writer, rep *report) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "beginilint", Version: Version(), InformationURI: informationURI,
			Rules: sarifRules(rep.analyzers),
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(rep.errs) == 0}},
		Results:     []sarifResult{}, // an empty run lists no results, not null
	}
	for _, err := range rep.errs {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications,
			sarifNotification{Level: "error", Message: sarifText{err.Error()}})
	}
	cols := newColumnConverter()
	for _, f := range rep.findings {
		run.Results = append(run.Results, sarifResultOf(f, run.Tool.Driver.Rules, cols))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRules describes each analyzer: the first line of its doc is the short
// description and the rest the full one.
func sarifRules(analyzers []*analysis.Analyzer) []sarifRule {
	rules := []sarifRule{}
	for _, a := range analyzers {
		title, rest, _ := strings.Cut(a.Doc, "\n")
		rest = strings.TrimSpace(rest)
		if rest == "" {
			rest = title
		}
		rules = append(rules, sarifRule{
			ID: a.Name, ShortDescription: sarifText{title}, FullDescription: sarifText{rest},
			HelpURI: a.URL, DefaultConfiguration: sarifRuleConfig{Level: "error"},
		})
	}
	return rules
}

func sarifResultOf(f Finding, rules []sarifRule, cols *columnConverter) sarifResult {
	res := sarifResult{
		RuleID: f.Analyzer, RuleIndex: ruleIndex(rules, f.Analyzer), Level: "error",
		Message:             sarifText{f.Message},
		PartialFingerprints: map[string]string{sarifFingerprintKey: f.Fingerprint.Hash},
	}
	region := sarifRegion{StartLine: f.Posn.Line, StartColumn: cols.column(f.Posn)}
	if f.End.IsValid() && f.End.Filename == f.Posn.Filename {
		region.EndLine, region.EndColumn = f.End.Line, cols.column(f.End)
	}
	res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifactOf(f.Path), Region: region,
	}}}
	for i, r := range f.Related {
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID: i + 1,
			PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactOf(r.Path),
				Region: sarifRegion{StartLine: r.Posn.Line,
					StartColumn: cols.column(r.Posn)},
			},
			Message: &sarifText{r.Message},
		})
	}
	if f.Category != "" {
		res.Properties = &sarifProperties{Category: f.Category}
	}
	return res
}

func ruleIndex(rules []sarifRule, id string) int {
	for i, r := range rules {
		if r.ID == id {
			return i
		}
	}
	return -1 // SARIF's "no rule object"; cannot happen for a finding of an analyzer that ran
}

// sarifArtifactOf turns a printed path into a URI: relative to the source
// root when it is inside the working directory, a file URI otherwise, since
// a uriBaseId may only qualify a relative reference.
func sarifArtifactOf(path string) sarifArtifact {
	if filepath.IsAbs(path) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()}
	}
	segs := strings.Split(filepath.ToSlash(path), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return sarifArtifact{URI: strings.Join(segs, "/"), URIBaseID: srcRoot}
}

// columnConverter turns Go's byte columns into UTF-16 columns, reading each
// file once.
type columnConverter struct {
	src map[string][]byte
}

func newColumnConverter() *columnConverter {
	return &columnConverter{src: make(map[string][]byte)}
}

func (c *columnConverter) column(p token.Position) int {
	col := p.Column
	src, ok := c.src[p.Filename]
	if !ok {
		src, _ = readRegular(p.Filename, maxInputFile) // unreadable: keep the byte column
		c.src[p.Filename] = src
	}
	start := p.Offset - (col - 1)
	if start < 0 || p.Offset > len(src) || col < 1 {
		return col
	}
	prefix := src[start:p.Offset]
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		units += utf16.RuneLen(r)
		prefix = prefix[size:]
	}
	return units + 1
}
