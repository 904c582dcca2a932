package driver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
)

// A baseline is a file of accepted findings, so that a team can adopt the
// linter on old code and gate only new findings. It holds one JSON object a
// line, sorted, so that it diffs well in review. Only the fingerprint is
// matched; the other fields tell the reader what was accepted and tell a run
// which entries it could have matched. No field holds source text: the
// fingerprint hashes it, and messages never quote a key.
type baselineEntry struct {
	File        string `json:"file"`
	Decl        string `json:"decl,omitempty"`
	Analyzer    string `json:"analyzer"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

// useBaseline records the findings with -write-baseline, after which none is
// new, or drops those that the baseline holds. A baseline that cannot be
// read is an error, and then every finding is reported.
func useBaseline(opts *options, rep *report, stderr io.Writer) {
	switch {
	case opts.writeBaseline != "":
		if err := writeBaseline(opts.writeBaseline, rep.findings); err != nil {
			rep.errs = append(rep.errs, err)
			return
		}
		fmt.Fprintf(stderr, "beginilint: recorded %d findings in %s\n", len(rep.findings),
			relPath(opts.wd, opts.writeBaseline))
		rep.findings = nil
	case opts.baseline != "":
		entries, err := readBaseline(opts.baseline)
		if err != nil {
			rep.errs = append(rep.errs, err)
			return
		}
		var unused []baselineEntry
		rep.findings, unused = applyBaseline(rep.findings, entries)
		stale := staleEntries(unused, rep.files, rep.analyzers)
		warnStale(stderr, relPath(opts.wd, opts.baseline), stale)
	}
}

// writeBaseline records fs in the file at path.
func writeBaseline(path string, fs []Finding) error {
	entries := make([]baselineEntry, 0, len(fs))
	for _, f := range fs {
		entries = append(entries, baselineEntry{
			File: f.Fingerprint.File, Decl: f.Fingerprint.Decl, Analyzer: f.Analyzer,
			Fingerprint: f.Fingerprint.Hash, Message: f.Message,
		})
	}
	sort.Slice(entries, func(i, j int) bool { return entryLess(entries[i], entries[j]) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, e := range entries {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing baseline: %v", err)
	}
	return nil
}

func entryLess(a, b baselineEntry) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Decl != b.Decl {
		return a.Decl < b.Decl
	}
	if a.Analyzer != b.Analyzer {
		return a.Analyzer < b.Analyzer
	}
	return a.Fingerprint < b.Fingerprint
}

// readBaseline reads a baseline file; errors name its line.
func readBaseline(path string) ([]baselineEntry, error) {
	data, err := readRegular(path, maxInputFile)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %v (create it with -write-baseline)", err)
	}
	var entries []baselineEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var e baselineEntry
		dec := json.NewDecoder(strings.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("baseline %s:%d: %v", path, line, err)
		}
		if e.Fingerprint == "" || e.Analyzer == "" {
			return nil,
				fmt.Errorf("baseline %s:%d: entry without fingerprint or analyzer",
					path, line)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	return entries, nil
}

// applyBaseline returns the findings the baseline does not hold, and the
// entries that matched no finding.
func applyBaseline(fs []Finding, entries []baselineEntry) (kept []Finding, unused []baselineEntry) {
	used := make(map[string]bool)
	known := make(map[string]bool)
	for _, e := range entries {
		known[e.Fingerprint] = true
	}
	for _, f := range fs {
		if known[f.Fingerprint.Hash] {
			used[f.Fingerprint.Hash] = true
			continue
		}
		kept = append(kept, f)
	}
	for _, e := range entries {
		if !used[e.Fingerprint] {
			unused = append(unused, e)
		}
	}
	return kept, unused
}

// analysedFiles returns the files, relative to their module, of the
// packages reported on that could be analysed.
func analysedFiles(l *loaded) map[string]bool {
	files := make(map[string]bool)
	for _, p := range l.source {
		if !l.roots[p.ID] || len(p.Errors) > 0 {
			continue
		}
		for _, name := range p.CompiledGoFiles {
			files[moduleRelPath(p, name)] = true
		}
	}
	return files
}

// staleEntries keeps the unused entries that this run could have matched:
// those of an analyzer that ran, in a file that was analysed. An entry for a
// package left out of the run is not stale, only not looked at.
func staleEntries(unused []baselineEntry, files map[string]bool,
	ran []*analysis.Analyzer) []baselineEntry {
	names := make(map[string]bool)
	for _, a := range ran {
		names[a.Name] = true
	}
	var stale []baselineEntry
	for _, e := range unused {
		if files[e.File] && names[e.Analyzer] {
			stale = append(stale, e)
		}
	}
	return stale
}

// warnStale tells on stderr which entries no longer match, so that the
// baseline shrinks as findings are fixed. It never changes the exit code.
func warnStale(w io.Writer, path string, stale []baselineEntry) {
	if len(stale) == 0 {
		return
	}
	fmt.Fprintf(w, "beginilint: warning: baseline %s has entries that match no finding (%d); "+
		"rewrite it with -write-baseline to drop them:\n", path, len(stale))
	for _, e := range stale {
		where := printable(e.File)
		if e.Decl != "" {
			where += ": " + printable(e.Decl)
		}
		fmt.Fprintf(w, "\t%s (%s)\n", where, printable(e.Analyzer))
	}
}

// printable quotes text from a file when it holds anything but graphic
// characters, so that an edited baseline cannot write escape sequences to
// the terminal.
func printable(s string) string {
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return strconv.Quote(s)
		}
	}
	return s
}
