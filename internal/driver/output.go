package driver

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"sort"
)

// A Finding is one diagnostic ready to print: positions resolved, path
// relative to the working directory.
type Finding struct {
	Analyzer string
	PkgID    string
	Path     string // as printed
	Posn     token.Position
	End      token.Position
	Message  string
	Category string
	URL      string
	Related  []Related
	Fixes    []Fix
	// Fingerprint identifies the finding for SARIF consumers and the
	// baseline.
	Fingerprint Fingerprint
}

// Related is a related location, such as the source of a flow.
type Related struct {
	Path    string
	Posn    token.Position
	Message string
}

// Fix is a suggested fix with its edits resolved to byte offsets.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces bytes [Start, End) of File.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// findings resolves, filters, deduplicates and sorts diagnostics. A package
// and its test variant report the same line once.
func findings(diags []diagnostic, fset func(d diagnostic) *token.FileSet, wd string) []Finding {
	seen := make(map[string]bool)
	fp := newFingerprinter()
	var out []Finding
	for _, d := range diags {
		fs := fset(d)
		posn := fs.Position(d.Pos)
		if !posn.IsValid() || !reportable(posn.Filename) {
			continue
		}
		who := d.Analyzer
		if d.Category == "directive" {
			who = "" // a directive naming no analyzer is reported by each: show it once
		}
		key := fmt.Sprintf("%s:%d:%d:%s:%s", posn.Filename, posn.Line, posn.Column, who, d.Message)
		if seen[key] {
			continue
		}
		seen[key] = true
		f := Finding{
			Analyzer: d.Analyzer, PkgID: d.PkgID, Path: relPath(wd, posn.Filename), Posn: posn,
			End: fs.Position(d.End), Message: d.Message, Category: d.Category, URL: d.URL,
		}
		f.Fingerprint = fp.of(d, f.Posn, f.End)
		for _, r := range d.Related {
			rp := fs.Position(r.Pos)
			f.Related = append(f.Related, Related{Path: relPath(wd, rp.Filename),
				Posn: rp, Message: r.Message})
		}
		for _, sf := range d.SuggestedFixes {
			f.Fixes = append(f.Fixes, resolveFix(fs, sf.Message, sf.TextEdits))
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i], out[j]) })
	numberFingerprints(out)
	return out
}

func less(a, b Finding) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Posn.Line != b.Posn.Line {
		return a.Posn.Line < b.Posn.Line
	}
	if a.Posn.Column != b.Posn.Column {
		return a.Posn.Column < b.Posn.Column
	}
	if a.Analyzer != b.Analyzer {
		return a.Analyzer < b.Analyzer
	}
	return a.Message < b.Message
}

func relPath(wd, name string) string {
	if wd == "" {
		return name
	}
	if rel, err := filepath.Rel(wd, name); err == nil && !filepath.IsAbs(rel) && rel[:min(2,
		len(rel))] != ".." {
		return rel
	}
	return name
}

// writeText prints path:line:col: message (analyzer), one a line.
func writeText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", f.Path, f.Posn.Line, f.Posn.Column,
			f.Message, f.Analyzer); err != nil {
			return err
		}
	}
	return nil
}

// The JSON shape is the one multichecker -json prints, so that tools that
// read it keep working: package ID, then analyzer, then diagnostics.
type jsonDiagnostic struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonError struct {
	Err string `json:"error"`
}

func writeJSON(w io.Writer, fs []Finding, errs []error) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string, v any) {
		m := tree[pkg]
		if m == nil {
			m = make(map[string]any)
			tree[pkg] = m
		}
		if list, ok := m[analyzer].([]jsonDiagnostic); ok {
			m[analyzer] = append(list, v.(jsonDiagnostic))
			return
		}
		m[analyzer] = v
	}
	for _, f := range fs {
		jd := jsonDiagnostic{
			Category: f.Category, Posn: f.Posn.String(), End: f.End.String(), Message: f.Message,
		}
		for _, r := range f.Related {
			jd.Related = append(jd.Related, jsonRelated{Posn: r.Posn.String(),
				End: r.Posn.String(), Message: r.Message})
		}
		for _, fx := range f.Fixes {
			jf := jsonFix{Message: fx.Message}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: e.File,
					Start: e.Start, End: e.End, New: e.New})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		if _, ok := tree[f.PkgID][f.Analyzer]; !ok {
			add(f.PkgID, f.Analyzer, []jsonDiagnostic{jd})
		} else {
			add(f.PkgID, f.Analyzer, jd)
		}
	}
	for _, err := range errs {
		add(errorPkg(err), "beginilint", jsonError{Err: err.Error()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}
