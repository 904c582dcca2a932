package driver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
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
	r.run(l.source, l.roots, nil)
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

// A dependency that only a test imports is parsed by go/packages but
// type-checked from export data, so its TypesInfo is empty. It must not be
// analysed as if it were loaded from source (found on stripe-go, where it
// crashed the engine).
func TestTestOnlyDependencyIsNotAnalysed(t *testing.T) {
	dir := t.TempDir()
	// The root package's external test imports a package that imports the
	// root, and the root has internal tests: go list builds a test variant
	// "sub [example.com/p.test]" that is no root of the load.
	mkfile(t, dir, "go.mod", "module example.com/p\n\ngo 1.26\n")
	mkfile(t, dir, "p.go", "package p\n\ntype T struct{ N string }\n")
	mkfile(t, dir, "p_internal_test.go",
		"package p\n\nimport \"testing\"\n\nfunc TestT(t *testing.T) {}\n")
	mkfile(t, dir, "p_test.go",
		"package p_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/p/sub\"\n)\n\n"+
			"func TestP(t *testing.T) { sub.B() }\n")
	mkfile(t, dir, "sub/sub.go", "package sub\n\nimport \"example.com/p\"\n\n"+
		"func B() *p.T {\n\tx := &p.T{N: \"n\"}\n\treturn x\n}\n")
	l, err := load(loadConfig{Dir: dir, Tests: true}, []string{"."})
	if err != nil {
		t.Fatal(err)
	}
	set := analyzers.New(model.Default())
	r := newRunner(set.Analyzers)
	r.run(l.source, l.roots, nil)
	if len(r.errs) > 0 {
		t.Errorf("errors: %v", r.errs)
	}
	for _, p := range l.source {
		if len(p.Syntax) > 0 && (p.TypesInfo == nil || len(p.TypesInfo.Defs) == 0) {
			t.Errorf("%s is in the source order without type information", p.ID)
		}
	}
}

// A wasm-only main package has no file for the host, so go list leaves it
// out of "./..." on linux; the client build must still find it.
func TestWasmOnlyPackageIsAnalysed(t *testing.T) {
	dir := t.TempDir()
	mkfile(t, dir, "go.mod", "module example.com/wo\n\ngo 1.26\n")
	mkfile(t, dir, "srv/srv.go", "package srv\n\nfunc S() {}\n")
	mkfile(t, dir, "cmd/widget/main_js.go", "//go:build js && wasm\n\npackage main\n\n"+
		"import \"net/http\"\n\nfunc main() {\n"+
		"\treq, _ := http.NewRequest(\"POST\", \"https://api.begini.co/v1/x\", nil)\n"+
		"\treq.Header.Set(\"api-key\", \"x\")\n}\n")
	cfg := model.Default()
	cfg.TypedClientConfigs = true
	selected, err := analyzers.New(cfg).Select([]string{"wasmkey"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := newAnchors(cfg)
	_, diags, errs, err := analyse(loadConfig{Dir: dir}, []string{"./..."}, selected, &a)
	if err != nil || len(errs) > 0 {
		t.Fatalf("analyse: %v %v", err, errs)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "client-side") {
		t.Errorf("diagnostics = %v, want the client-side call in cmd/widget", diags)
	}
}
