package credflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Suppression directives live in the engine so that every driver (the
// beginilint command, go vet, golangci-lint) honours them the same way:
//
//	//beginilint:ignore keylog,idmix the key is a revoked test key
//	//beginilint:file-ignore hardcodedkey fixtures of the key-rotation tool
//
// A line directive covers its own line and the line below it; a file
// directive covers its file. A reason is required, and a directive that
// suppresses nothing is reported, as staticcheck does, so that they do not
// outlive the code they were written for.

const (
	// DirectiveNoReason: a directive without a reason.
	DirectiveNoReason FlowKind = iota + 90
	// DirectiveUnused: a directive that suppresses nothing for an analyzer.
	DirectiveUnused
)

const (
	lineDirective = "//beginilint:ignore"
	fileDirective = "//beginilint:file-ignore"
)

// A directive is one parsed suppression comment.
type directive struct {
	pos       token.Pos
	file      *token.File
	line      int
	fileLevel bool
	analyzers []string
	reason    string
	used      map[string]bool
}

// analyzerOfKind maps flow kinds to the analyzer that reports them, by the
// ranges each feature module takes.
func analyzerOfKind(k FlowKind) string {
	switch {
	case k == Hardcoded:
		return "hardcodedkey"
	case k == Logged:
		return "keylog"
	case k >= 10 && k < 20:
		return "idmix"
	case k >= 20 && k < 30:
		return "wasmkey"
	case k >= 30 && k < 40:
		return "envmix"
	case k >= 40 && k < 50:
		return "webhooksig"
	case k >= 50 && k < 60:
		return "plainhttp"
	}
	return ""
}

// collectDirectives parses the suppression comments of the package.
func (s *state) collectDirectives() {
	for _, f := range s.pass.Files {
		tf := s.pass.Fset.File(f.FileStart)
		for _, group := range f.Comments {
			for _, c := range group.List {
				if d := parseDirective(c, tf); d != nil {
					s.directives = append(s.directives, d)
				}
			}
		}
	}
}

func parseDirective(c *ast.Comment, tf *token.File) *directive {
	text, fileLevel := "", false
	switch {
	case strings.HasPrefix(c.Text, fileDirective):
		text, fileLevel = strings.TrimPrefix(c.Text, fileDirective), true
	case strings.HasPrefix(c.Text, lineDirective):
		text = strings.TrimPrefix(c.Text, lineDirective)
	default:
		return nil
	}
	if text != "" && text[0] != ' ' && text[0] != '\t' {
		return nil // another word that starts the same
	}
	// A nested "//" starts a comment on the directive, not its reason.
	text, _, _ = strings.Cut(text, " //")
	fields := strings.Fields(text)
	d := &directive{pos: c.Pos(), file: tf, line: tf.Line(c.Pos()), fileLevel: fileLevel,
		used: make(map[string]bool)}
	// The analyzer list may be written "keylog,idmix" or "keylog, idmix".
	n := 0
	for n < len(fields) && (n == 0 || strings.HasSuffix(fields[n-1], ",")) {
		n++
	}
	for _, name := range strings.Split(strings.Join(fields[:n], ""), ",") {
		if name != "" {
			d.analyzers = append(d.analyzers, name)
		}
	}
	d.reason = strings.Join(fields[n:], " ")
	return d
}

// suppress drops the flows that a directive covers, marking it used, and
// adds flows for directives without a reason or without use.
func (s *state) suppress(flows []Flow) []Flow {
	if len(s.directives) == 0 {
		return flows
	}
	var kept []Flow
	for _, fl := range flows {
		if !s.suppressed(fl) {
			kept = append(kept, fl)
		}
	}
	for _, d := range s.directives {
		kept = append(kept, d.problems()...)
	}
	return kept
}

func (s *state) suppressed(fl Flow) bool {
	name := analyzerOfKind(fl.Kind)
	f := s.pass.Fset.File(fl.Pos)
	if name == "" || f == nil {
		return false
	}
	line := f.Line(fl.Pos)
	for _, d := range s.directives {
		if d.file != f || !slices.Contains(d.analyzers, name) || d.reason == "" {
			continue
		}
		if d.fileLevel || line == d.line || line == d.line+1 {
			d.used[name] = true
			return true
		}
	}
	return false
}

func (d *directive) problems() []Flow {
	if len(d.analyzers) == 0 || d.reason == "" {
		// One report is enough: by the first analyzer it names, or by every
		// analyzer when it names none (drivers print that once).
		name := ""
		if len(d.analyzers) > 0 {
			name = d.analyzers[0]
		}
		return []Flow{{Kind: DirectiveNoReason, Pos: d.pos, End: d.pos, Sink: name}}
	}
	var out []Flow
	for _, name := range d.analyzers {
		if !d.used[name] {
			out = append(out, Flow{Kind: DirectiveUnused, Pos: d.pos, End: d.pos, Sink: name})
		}
	}
	return out
}

// ReportDirectives reports, for the analyzer pass.Analyzer, the directives
// naming it that lack a reason or suppress nothing. An analyzer that does
// not run reports nothing, so a directive for it is never called unused.
func ReportDirectives(pass *analysis.Pass, res *Result, url string) {
	name := pass.Analyzer.Name
	for _, fl := range res.Flows {
		if fl.Sink != name && !(fl.Kind == DirectiveNoReason && fl.Sink == "") {
			continue
		}
		switch fl.Kind {
		case DirectiveNoReason:
			pass.Report(analysis.Diagnostic{Pos: fl.Pos, Category: "directive", URL: url,
				Message: "beginilint:ignore directive without a reason: " +
					"say why the finding is safe"})
		case DirectiveUnused:
			pass.Report(analysis.Diagnostic{Pos: fl.Pos, Category: "directive", URL: url,
				Message: fmt.Sprintf("beginilint:ignore directive suppresses no %s finding: "+
					"remove it", name)})
		}
	}
}
