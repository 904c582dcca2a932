package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// An analyzer that panics is reported as an error naming the package and
// the analyzer; the run goes on with the other packages.
func TestPanicBecomesPackageError(t *testing.T) {
	dir := t.TempDir()
	mkfile(t, dir, "go.mod", "module example.com/p\n\ngo 1.26\n")
	mkfile(t, dir, "a/a.go", "package a\n")
	mkfile(t, dir, "b/b.go", "package b\n")
	boom := &analysis.Analyzer{
		Name: "boom",
		Doc:  "panics on package a",
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "a" {
				panic("deliberate")
			}
			pass.Reportf(pass.Files[0].Package, "seen")
			return nil, nil
		},
	}
	l, err := load(loadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner([]*analysis.Analyzer{boom})
	r.run(l.source, l.roots)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), "example.com/p/a") ||
		!strings.Contains(r.errs[0].Error(), "internal error in analyzer boom") {
		t.Errorf("errors = %v, want one internal error naming example.com/p/a", r.errs)
	}
	if len(r.diags) != 1 || r.diags[0].PkgID != "example.com/p/b" {
		t.Errorf("package b was not analysed: %v", r.diags)
	}
}

func mkfile(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
