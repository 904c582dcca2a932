package driver

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestNormalizeTokensHidesLiterals(t *testing.T) {
	const key = "Zq8xLmP2vR7tYw4nKs9bHd3c"
	for _, src := range []string{
		`"` + key + `"`,
		"`" + key + "`",
		`[]rune{'Z', 'q', '8'}`,
		`[]byte{0x5a, 0x71, 0x38}`,
	} {
		got := normalizeTokens([]byte(src))
		for _, part := range []string{key, "'Z'", "0x5a", "Zq8"} {
			if strings.Contains(got, part) {
				t.Errorf("normalizeTokens(%s) = %q: shows %s", src, got, part)
			}
		}
		if !strings.Contains(got, "literals:") {
			t.Errorf("normalizeTokens(%s) = %q: no literal hash", src, got)
		}
	}
}

func TestNormalizeTokensIgnoresLayout(t *testing.T) {
	a := normalizeTokens([]byte("log.Printf(\"k %s\",\n\tkey) // note"))
	b := normalizeTokens([]byte("log.Printf( `k %s`, /* c */ key )"))
	if a != b {
		t.Errorf("layout changed the tokens:\n%q\n%q", a, b)
	}
	if c := normalizeTokens([]byte(`log.Printf("other", key)`)); c == a {
		t.Error("a different literal gave the same tokens")
	}
}

func TestEnclosingDecl(t *testing.T) {
	src := `package p

const a, b = "x", "y"

type T[K any] struct{ f string }

var (
	v = 1
)

func (t *T[K]) M() { _ = func() { println("in M") } }

func F() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ at, want string }{
		{`"y"`, "const a,b"},
		{"f string", "type T"},
		{"v = 1", "var v"},
		{`"in M"`, "func (T).M"},
		{"{}", "func F"},
		{"package", ""},
	} {
		pos := f.FileStart + token.Pos(strings.Index(src, tc.at))
		if got := enclosingDecl(f, pos); got != tc.want {
			t.Errorf("at %s: %q, want %q", tc.at, got, tc.want)
		}
	}
}

// Lines inserted above a finding keep its fingerprint; a second identical
// finding in the same function gets a fingerprint of its own.
func TestFingerprintSurvivesEditsAbove(t *testing.T) {
	before := "package a\n\nfunc f() {\n\tprintln(\"x\")\n}\n"
	after := "package a\n\n// added\nvar added = 1\n\n" +
		"func f() {\n\n\tprintln(\"x\")\n\tprintln(\"x\")\n}\n"
	fa := fingerprintsOf(t, before)
	fb := fingerprintsOf(t, after)
	if len(fa) != 1 || len(fb) != 2 {
		t.Fatalf("got %d and %d findings, want 1 and 2", len(fa), len(fb))
	}
	if fa[0].Hash != fb[0].Hash {
		t.Errorf("fingerprint changed after edits above:\n%+v\n%+v", fa[0], fb[0])
	}
	if fb[0].Hash == fb[1].Hash {
		t.Error("two findings share a fingerprint")
	}
	if fa[0].File != "a/a.go" || fa[0].Decl != "func f" {
		t.Errorf("fingerprint = %+v, want file a/a.go in func f", fa[0])
	}
}

// fingerprintsOf runs an analyzer that reports every call to println in a
// one-file module and returns the fingerprints.
func fingerprintsOf(t *testing.T, src string) []Fingerprint {
	t.Helper()
	dir := t.TempDir()
	writeTestFile(t, dir, "go.mod", "module example.com/m\n\ngo 1.26\n")
	writeTestFile(t, dir, "a/a.go", src)
	l, err := load(loadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner([]*analysis.Analyzer{printlnAnalyzer})
	r.run(l.source, l.roots, nil)
	var out []Fingerprint
	for _, f := range findings(r.diags, func(d diagnostic) *token.FileSet { return d.Pkg.Fset }, dir) {
		out = append(out, f.Fingerprint)
	}
	return out
}

var printlnAnalyzer = &analysis.Analyzer{
	Name: "printlns",
	Doc:  "report calls to println",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "println" {
						pass.ReportRangef(call, "println")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func writeTestFile(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// No input makes normalizeTokens show a quoted literal: every string, rune
// and number leaves only its kind and the shared hash.
func FuzzNormalizeTokens(f *testing.F) {
	for _, s := range []string{`"k"`, "`raw`", `'r'`, `[]byte{0x1}`, `"unterminated`, `a /* "c" */ + b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if got := normalizeTokens([]byte(src)); strings.ContainsAny(got, "\"'`") {
			t.Errorf("normalizeTokens(%q) = %q shows a literal", src, got)
		}
	})
}
