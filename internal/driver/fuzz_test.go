package driver

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// FuzzSource feeds arbitrary Go source through every analyzer. Inputs that
// do not type-check are dropped; the rest must never make an analyzer fail.
func FuzzSource(f *testing.F) {
	seeds := []string{
		`import "os"; import "log"; func f() { log.Print(os.Getenv("BEGINI_API_KEY")) }`,
		`const beginiAPIKey = "Zk3pQ9xLm2Rt7Vw4Yb8Nc1Hd"; var x = beginiAPIKey + beginiAPIKey`,
		`import "net/http"; func f(r *http.Request) { r.Header.Set("api-key", "x"+r.URL.Host) }`,
		`type T struct{ BeginiAPIKey string }; func (t T) String() string { return t.String() }`,
		`func f(n int) int { if n == 0 { return 0 }; return g(n-1) }; ` +
			`func g(n int) int { return f(n) }`,
		`import "fmt"; func f(k string) error { for { k = fmt.Sprint(k, k) } }`,
		"var s = \"\xff\xfe\x00\"",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	// Importing from source is slow; done once here, the fuzz workers' hang
	// detector does not mistake it for a hang in the analyzers.
	for _, path := range []string{"os", "log", "fmt", "net/http", "crypto/hmac", "strings"} {
		if _, err := imp.Import(path); err != nil {
			f.Fatal(err)
		}
	}
	set := analyzers.New(model.Default())
	f.Fuzz(func(t *testing.T, src string) {
		pkg := typeCheck(fset, imp, "package fuzz\n"+src)
		if pkg == nil {
			return
		}
		r := newRunner(set.Analyzers)
		r.run([]*packages.Package{pkg}, map[string]bool{pkg.ID: true}, nil)
		for _, err := range r.errs {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("analyzer failed on:\n%s\n%v", src, err)
			}
		}
	})
}

// typeCheck parses and checks one file, or returns nil when it is not
// valid Go.
func typeCheck(fset *token.FileSet, imp types.Importer, src string) *packages.Package {
	file, err := parser.ParseFile(fset, "/fuzz/fuzz.go", src, parser.ParseComments)
	if err != nil {
		return nil
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Implicits:  make(map[ast.Node]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:     make(map[ast.Node]*types.Scope),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: imp, Error: func(error) {}}
	tpkg, err := conf.Check("example.com/fuzz", fset, []*ast.File{file}, info)
	if err != nil {
		return nil
	}
	return &packages.Package{
		ID: "example.com/fuzz", Name: tpkg.Name(), PkgPath: tpkg.Path(), Fset: fset,
		Syntax: []*ast.File{file}, Types: tpkg, TypesInfo: info,
		TypesSizes: types.SizesFor("gc", "amd64"), GoFiles: []string{"/fuzz/fuzz.go"},
	}
}

// Command lines are user input: any arguments give options or a one-line
// error, never a panic.
func FuzzFlags(f *testing.F) {
	for _, s := range []string{
		"-format\nsarif\n./...", "-enable\nkeylog,idmix\n-disable\nkeylog", "-key_env=A,B,",
		"-log_sinks=(*log.Logger).Output", "-hosts=\xff", "-format=xml", "-keylog\n-json",
		"-webhook_handlers=(*a.T", "-C\n/nonexistent", "-baseline=\n-o=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		opts, err := parseFlags(strings.Split(s, "\n"), io.Discard)
		if err != nil {
			if strings.Contains(strings.TrimSuffix(err.Error(), "\n"), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
			return
		}
		if _, err := opts.selected(analyzers.New(opts.cfg)); err != nil &&
			strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q is more than one line", err)
		}
	})
}
