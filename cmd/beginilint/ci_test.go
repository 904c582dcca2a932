package main_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// These tests pin what a CI step relies on: the output formats, the exit
// codes in each, the baseline and the config file.

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var formats = []string{"text", "json", "sarif", "github"}

// TestGoldenFormats runs the binary on the example service in each format
// and compares the output with testdata/golden/lender.FORMAT. Run
// "go test ./cmd/beginilint -run Golden -update" after an intended change.
// The goldens pin the formats, not the analyzers (the planted markers do
// that), so they run a fixed pair of analyzers: a new analyzer does not
// change them.
func TestGoldenFormats(t *testing.T) {
	t.Parallel()
	dir := lenderDir(t)
	_, keys := planted(t, dir)
	for _, format := range formats {
		args := []string{"-enable", "hardcodedkey,keylog", "-format", format, "./..."}
		r := runIn(t, dir, binary, args...)
		if r.code != 3 {
			t.Errorf("-format %s: exit %d, want 3; stderr:\n%s", format, r.code, r.stderr)
		}
		if again := runIn(t, dir, binary, args...); again.stdout != r.stdout {
			t.Errorf("-format %s: output differs between two runs", format)
		}
		if strings.Contains(r.stdout, "/pkg/mod/") || strings.Contains(r.stdout, "vendor/") {
			t.Errorf("-format %s: a finding outside the module's own files", format)
		}
		assertNoKeys(t, keys, r.stdout, r.stderr)
		if format == "sarif" {
			validateSARIF(t, []byte(r.stdout))
		}
		golden(t, "lender."+format, normalize(r.stdout, dir))
	}
}

var sarifToolVersion = regexp.MustCompile(`("name": "beginilint",\s+"version": )"[^"]*"`)

// normalize removes what depends on the machine: the checkout's path and
// the version stamped into the binary.
func normalize(out, dir string) string {
	out = strings.ReplaceAll(out, dir, "$LENDER")
	return sarifToolVersion.ReplaceAllString(out, `$1"VERSION"`)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < min(len(gl), len(wl)); i++ {
			if gl[i] != wl[i] {
				t.Errorf("%s differs at line %d:\n got: %s\nwant: %s\n"+
					"(run with -update after an intended change)", path, i+1,
					gl[i], wl[i])
				return
			}
		}
		t.Errorf("%s: %d lines, want %d (run with -update after an intended change)",
			path, len(gl), len(wl))
	}
}

func validateSARIF(t *testing.T, log []byte) {
	t.Helper()
	f, err := os.Open("../../testdata/sarif/sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-2.1.0.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF output does not match the 2.1.0 schema: %v", err)
	}
}

// Exit codes are the same in every format: 0 clean, 3 findings, 1 errors,
// and errors win with the findings still printed.
func TestExitCodesInEveryFormat(t *testing.T) {
	t.Parallel()
	broken := brokenModule(t)
	for _, format := range formats {
		if r := runIn(t, lenderDir(t), binary, "-format", format, "./internal/store/"); r.code != 0 {
			t.Errorf("-format %s, clean package: exit %d, want 0; stderr:\n%s",
				format, r.code, r.stderr)
		}
		r := runIn(t, broken, binary, "-format", format, "./...")
		if r.code != 1 {
			t.Errorf("-format %s, broken package: exit %d, want 1", format, r.code)
		}
		if !strings.Contains(r.stdout, "good.go") {
			t.Errorf("-format %s: the finding beside the broken package is not printed:\n%s",
				format, r.stdout)
		}
	}
}

// brokenModule is a module with one package that does not type-check and
// one with a finding.
func brokenModule(t *testing.T) string {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/broken\n\ngo 1.26\n")
	write(t, dir, "bad/bad.go", "package bad\n\nfunc f() int { return \"x\" }\n")
	write(t, dir, "good/good.go", "package good\n\nimport (\n\t\"log\"\n\t\"os\"\n)\n\n"+
		"func f() { log.Print(os.Getenv(\"BEGINI_API_KEY\")) }\n")
	return dir
}

// -o writes what standard output would have shown, and nothing goes to
// standard output.
func TestOutputFile(t *testing.T) {
	t.Parallel()
	dir := lenderDir(t)
	out := filepath.Join(t.TempDir(), "beginilint.sarif")
	r := runIn(t, dir, binary, "-format", "sarif", "-o", out, "./...")
	if r.code != 3 || r.stdout != "" {
		t.Errorf("exit %d, stdout %q; want 3 and nothing", r.code, r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := runIn(t, dir, binary, "-format", "sarif", "./..."); string(data) != want.stdout {
		t.Error("-o file differs from standard output")
	}
}

// copyLender copies the example service, so that a test can edit it.
func copyLender(t *testing.T) string {
	t.Helper()
	src, dst := lenderDir(t), t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// edit replaces old, which must occur in the file, by new.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

const newMisuse = `package begini

// stagingBeginiKey was pasted in for a demo.
const stagingBeginiKey = "Vb7Rk2Lm9Qx4Tz8Wn3Ps6Yd1" // planted: hardcodedkey
`

// A baseline written on the example service hides its findings; a new
// misuse is the only finding; lines inserted above old findings do not
// bring them back; a fixed finding leaves a warning, not a failure.
func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := copyLender(t)
	r := runIn(t, dir, binary, "-write-baseline", "baseline.jsonl", "./...")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("-write-baseline: exit %d, output %q; want 0 and nothing", r.code, r.stdout)
	}
	if r = runIn(t, dir, binary, "-baseline", "baseline.jsonl", "./..."); r.code != 0 || r.stdout != "" {
		t.Fatalf("with the baseline: exit %d, output %q; want 0 and nothing", r.code, r.stdout)
	}

	write(t, dir, "internal/begini/staging.go", newMisuse)
	for _, file := range []string{
		"cmd/replay/main.go", "internal/worker/worker.go", "internal/config/local.go",
	} {
		// The first line that is only ")" closes the import block.
		edit(t, dir, file, "\n)\n", "\n)\n\n// Added above the old findings.\nvar _ = 1\n")
	}
	r = runIn(t, dir, binary, "-baseline", "baseline.jsonl", "./...")
	want := []string{"internal/begini/staging.go:4 hardcodedkey"}
	if got := parseText(t, r.stdout); r.code != 3 || !slices.Equal(got, want) {
		t.Errorf("after a new misuse: exit %d, findings %q; want 3 and only the new one", r.code, got)
	}

	edit(t, dir, "cmd/replay/main.go",
		`"QSZpos2ZnK6gd84JJAkZBk5VGv1t" // planted: hardcodedkey`, `"" // key removed`)
	r = runIn(t, dir, binary, "-baseline", "baseline.jsonl", "./...")
	if r.code != 3 || !strings.Contains(r.stderr, "warning: baseline baseline.jsonl") ||
		!strings.Contains(r.stderr, "cmd/replay/main.go: const beginiAPIKey (hardcodedkey)") {
		t.Errorf("after a fix: exit %d, stderr:\n%s\nwant 3 and a warning naming the stale entry",
			r.code, r.stderr)
	}
	baseline, err := os.ReadFile(filepath.Join(dir, "baseline.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	_, keys := planted(t, lenderDir(t))
	assertNoKeys(t, append(keys, "Vb7Rk2Lm9Qx4Tz8Wn3Ps6Yd1"), string(baseline), r.stdout, r.stderr)
}

const fixableMisuse = `package begini

import "net/http"

func probe(req *http.Request) {
	req.Header.Set("api-key", "Hq3Zt8Lw2Nv6Rb9Xc4Mj7Pk1Ds5") // planted: hardcodedkey
}
`

// -fix touches only the findings that are reported, not those of the
// baseline.
func TestFixSkipsBaseline(t *testing.T) {
	t.Parallel()
	dir := copyLender(t)
	before, err := os.ReadFile(filepath.Join(dir, "internal/begini/health.go"))
	if err != nil {
		t.Fatal(err)
	}
	if r := runIn(t, dir, binary, "-write-baseline", "b.jsonl", "./..."); r.code != 0 {
		t.Fatalf("-write-baseline: exit %d", r.code)
	}
	write(t, dir, "internal/begini/probe.go", fixableMisuse)
	r := runIn(t, dir, binary, "-fix", "-baseline", "b.jsonl", "./...")
	if r.code != 3 || !strings.Contains(r.stdout, "probe.go") {
		t.Fatalf("exit %d, output %q; want 3 and the new finding", r.code, r.stdout)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "internal/begini/probe.go"))
	if strings.Contains(string(fixed), "Hq3Zt8Lw2Nv6Rb9Xc4Mj7Pk1Ds5") {
		t.Errorf("the reported finding was not fixed:\n%s", fixed)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "internal/begini/health.go"))
	if !bytes.Equal(before, after) {
		t.Error("-fix changed a file whose finding is in the baseline")
	}
}

// The config file is found from a subdirectory, its baseline path is taken
// relative to it, flags add to it, and -config overrides it.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	dir := copyLender(t)
	if r := runIn(t, dir, binary, "-write-baseline", "ci/baseline.jsonl",
		"./internal/begini/"); r.code != 1 {
		// The ci directory does not exist yet: writing fails and says so.
		t.Fatalf("-write-baseline into a missing directory: exit %d, want 1", r.code)
	}
	write(t, dir, "ci/.keep", "")
	if r := runIn(t, dir, binary, "-write-baseline", "ci/baseline.jsonl",
		"./internal/begini/"); r.code != 0 {
		t.Fatalf("-write-baseline: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	write(t, dir, ".beginilint.yaml",
		"# settings for CI\ndisable: [keylog]\nbaseline: ci/baseline.jsonl\n")
	r := runIn(t, filepath.Join(dir, "internal"), binary, "./...")
	got := parseText(t, r.stdout)
	var want []string
	all, _ := planted(t, dir)
	for _, p := range all {
		rest, ok := strings.CutPrefix(p, "internal/")
		if ok && !strings.HasPrefix(rest, "begini/") && !strings.HasSuffix(rest, " keylog") {
			want = append(want, rest)
		}
	}
	if r.code != 3 || !slices.Equal(got, want) {
		t.Errorf("from internal/: exit %d, findings %q; want 3 and %q "+
			"(keylog off, begini in the baseline)",
			r.code, got, want)
	}
	if r := runIn(t, dir, binary, "-print-config", "-key_env", "LENDER_KEY"); r.code != 0 ||
		!strings.Contains(r.stdout, "disable:\n  - keylog\n") ||
		!strings.Contains(r.stdout, "  - LENDER_KEY\n") ||
		!strings.Contains(r.stdout, "baseline: ci/baseline.jsonl\n") {
		t.Errorf("-print-config: exit %d, output:\n%s", r.code, r.stdout)
	}
	write(t, dir, "other.yaml", "enable: [keylog]\n")
	if r := runIn(t, dir, binary, "-config", "other.yaml", "./cmd/lender/"); r.code != 3 ||
		!strings.Contains(r.stdout, "(keylog)") {
		t.Errorf("-config other.yaml: exit %d, output %q; want keylog findings", r.code, r.stdout)
	}
	write(t, dir, ".beginilint.yaml", "disable: keylog\n")
	r = runIn(t, dir, binary, "./...")
	if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr,
		".beginilint.yaml:1:") {
		t.Errorf("broken config: exit %d, stderr %q; want 1 and one line naming file and line",
			r.code, r.stderr)
	}
}

const keyLogSource = `import (
	"log"
	"os"
)

func f() { log.Print(os.Getenv("BEGINI_API_KEY")) }
`

// -tags and -test=false decide which files are analysed, as they do for the
// go command.
func TestTagsAndTests(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/m\n\ngo 1.26\n")
	write(t, dir, "p/p.go", "package p\n")
	write(t, dir, "p/special.go", "//go:build special\n\npackage p\n\n"+keyLogSource)
	write(t, dir, "q/q_test.go", "package q\n\n"+keyLogSource)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"./..."}, []string{"q/q_test.go:8 keylog"}},
		{[]string{"-test=false", "./..."}, nil},
		{[]string{"-tags", "special", "./..."}, []string{"p/special.go:10 keylog",
			"q/q_test.go:8 keylog"}},
	} {
		r := runIn(t, dir, binary, tc.args...)
		var got []string
		if r.stdout != "" {
			got = parseText(t, r.stdout)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: findings %q, want %q; stderr:\n%s", tc.args, got, tc.want, r.stderr)
		}
	}
}

// Findings are reported in the module's own files, never in vendor/.
func TestVendorNotReported(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/m\n\ngo 1.26\n\nrequire example.com/dep v1.0.0\n")
	write(t, dir, "vendor/modules.txt",
		"# example.com/dep v1.0.0\n## explicit; go 1.26\nexample.com/dep\n")
	write(t, dir, "vendor/example.com/dep/dep.go", "package dep\n\n"+keyLogSource+"\nfunc F() { f() }\n")
	write(t, dir, "main.go", "package main\n\nimport \"example.com/dep\"\n\nfunc main() { dep.F() }\n")
	write(t, dir, "p/p.go", "package p\n\n"+keyLogSource)
	r := runIn(t, dir, binary, "./...")
	if got := parseText(t, r.stdout); r.code != 3 || !slices.Equal(got, []string{"p/p.go:8 keylog"}) {
		t.Errorf("exit %d, findings %q; want 3 and only p/p.go; stderr:\n%s", r.code, got, r.stderr)
	}
}

// The type checker quotes constants in its errors; a package that does not
// compile must not carry its key into any output through them.
func TestErrorsAreRedacted(t *testing.T) {
	t.Parallel()
	const key = "Zq8xLmP2vR7tYw4nKs9bHd3c"
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/te\n\ngo 1.26\n")
	write(t, dir, "bad/bad.go", "package bad\n\nconst beginiAPIKey = \""+key+"\"\n\n"+
		"func f() int { return beginiAPIKey }\n\nfunc g() { x := \""+key+"\" \""+key+"\" }\n")
	for _, format := range formats {
		r := runIn(t, dir, binary, "-format", format, "./...")
		if r.code != 1 || !strings.Contains(r.stderr, "example.com/te/bad") {
			t.Errorf("-format %s: exit %d, stderr %q; want 1 and an error naming the package",
				format, r.code, r.stderr)
		}
		assertNoKeys(t, []string{key}, r.stdout, r.stderr)
	}
}
