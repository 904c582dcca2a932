package credflow

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"testing"
)

// Directives are user input: any comment text parses to a directive or to
// nothing, never a panic, and what it parses to keeps its promises.
func FuzzDirective(f *testing.F) {
	for _, s := range []string{
		"//beginilint:ignore keylog the key is revoked",
		"//beginilint:ignore keylog, idmix reason // comment",
		"//beginilint:file-ignore hardcodedkey fixtures",
		"//beginilint:ignore",
		"//beginilint:ignored keylog x",
		"//beginilint:ignore ,,, ,",
		"//beginilint:ignore\tkeylog\treason",
		"//beginilint:ignore keylog,\xff reason",
	} {
		f.Add(s)
	}
	fset := token.NewFileSet()
	tf := fset.AddFile("x.go", -1, 1<<16)
	f.Fuzz(func(t *testing.T, text string) {
		c := &ast.Comment{Slash: tf.Pos(0), Text: text}
		d := parseDirective(c, tf)
		isDirective := strings.HasPrefix(text, lineDirective) || strings.HasPrefix(text,
			fileDirective)
		if d == nil {
			return
		}
		if !isDirective {
			t.Fatalf("%q parsed as a directive", text)
		}
		if slices.Contains(d.analyzers, "") {
			t.Fatalf("%q: empty analyzer name in %q", text, d.analyzers)
		}
		for _, a := range d.analyzers {
			if strings.ContainsAny(a, ", \t\n") {
				t.Fatalf("%q: analyzer name %q holds a separator", text, a)
			}
		}
		if d.reason != strings.TrimSpace(d.reason) {
			t.Fatalf("%q: reason %q is not trimmed", text, d.reason)
		}
		if probs := d.problems(); len(d.analyzers) == 0 && len(probs) != 1 {
			t.Fatalf("%q names no analyzer but gives %d problems, want 1", text, len(probs))
		}
	})
}
