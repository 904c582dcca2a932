package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/beginilint/beginilint/internal/model"
)

// These tests build the real binary and run it the way users do.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "beginilint-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "beginilint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		panic("building beginilint: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func lenderDir(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata/lender")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type result struct {
	stdout, stderr string
	code           int
}

func runIn(t *testing.T, dir string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", name, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

var plantRE = regexp.MustCompile(`// planted: (\w+)`)

// planted reads the example's "// planted: ANALYZER" markers: the expected
// findings as "file:line analyzer", and the literals on hardcodedkey lines,
// which must never appear in any output.
func planted(t *testing.T, root string) (want []string, keys []string) {
	t.Helper()
	litRE := regexp.MustCompile(`"([A-Za-z0-9_\-]{12,})"`)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(root, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := plantRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			want = append(want, filepath.ToSlash(rel)+":"+strconv.Itoa(line)+" "+m[1])
			if m[1] == "hardcodedkey" {
				for _, lm := range litRE.FindAllStringSubmatch(sc.Text(), -1) {
					if model.CouldBeKey(lm[1], false) {
						keys = append(keys, lm[1])
					}
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	return want, keys
}

var textLine = regexp.MustCompile(`^(\S+?):(\d+):\d+: .* \((\w+)\)$`)

func parseText(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		m := textLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("output line not in path:line:col: message (analyzer) form: %q", line)
		}
		got = append(got, m[1]+":"+m[2]+" "+m[3])
	}
	slices.Sort(got)
	return got
}

func assertNoKeys(t *testing.T, keys []string, outputs ...string) {
	t.Helper()
	if len(keys) == 0 {
		t.Fatal("no planted keys found: the marker scan is broken")
	}
	for _, out := range outputs {
		for _, k := range keys {
			if strings.Contains(out, k) {
				t.Errorf("output contains a planted key (masked: ****%s)", k[len(k)-2:])
			}
		}
	}
}

func TestExampleServiceText(t *testing.T) {
	dir := lenderDir(t)
	want, keys := planted(t, dir)
	r := runIn(t, dir, binary, "./...")
	if r.code != 3 {
		t.Fatalf("exit code %d, want 3; stderr:\n%s", r.code, r.stderr)
	}
	got := parseText(t, r.stdout)
	if !slices.Equal(got, want) {
		t.Errorf("findings differ from the planted markers\n got: %q\nwant: %q", got, want)
	}
	again := runIn(t, dir, binary, "./...")
	if again.stdout != r.stdout {
		t.Error("output differs between two runs")
	}
	assertNoKeys(t, keys, r.stdout, r.stderr)
}

func TestExampleServiceJSON(t *testing.T) {
	dir := lenderDir(t)
	want, keys := planted(t, dir)
	for _, flagArgs := range [][]string{{"-json"}, {"-format", "json"}} {
		r := runIn(t, dir, binary, append(flagArgs, "./...")...)
		if r.code != 3 {
			t.Fatalf("%v: exit code %d, want 3 (findings must fail CI in every format)",
				flagArgs, r.code)
		}
		var tree map[string]map[string][]struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
			t.Fatalf("%v: output is not the multichecker JSON shape: %v", flagArgs, err)
		}
		n := 0
		for _, byAnalyzer := range tree {
			for _, diags := range byAnalyzer {
				n += len(diags)
			}
		}
		if n != len(want) {
			t.Errorf("%v: %d diagnostics in JSON, want %d", flagArgs, n, len(want))
		}
		assertNoKeys(t, keys, r.stdout, r.stderr)
	}
}

func TestCleanPackageExitsZero(t *testing.T) {
	r := runIn(t, lenderDir(t), binary, "./internal/store/")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("clean package: exit %d, output %q; want 0 and nothing", r.code, r.stdout)
	}
}

func TestBadFlagExitsOne(t *testing.T) {
	for _, args := range [][]string{{"-nosuchflag"}, {"-enable", "nosuch"}, {"-format", "xml"}} {
		r := runIn(t, lenderDir(t), binary, args...)
		if r.code != 1 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 1 and a message", args, r.code, r.stderr)
		}
	}
}

func TestListAndVersion(t *testing.T) {
	r := runIn(t, ".", binary, "-list")
	for _, name := range []string{"hardcodedkey", "keylog"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("-list does not name %s:\n%s", name, r.stdout)
		}
	}
	if v := runIn(t, ".", binary, "-version"); v.code != 0 || !strings.HasPrefix(v.stdout,
		"beginilint ") {
		t.Errorf("-version: exit %d, output %q", v.code, v.stdout)
	}
}

// A package that fails to type-check is an error naming it; the other
// packages are still analysed and their findings printed; errors win.
func TestBrokenPackageDoesNotHideOthers(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/broken\n\ngo 1.26\n")
	write(t, dir, "bad/bad.go", "package bad\n\nfunc f() int { return \"x\" }\n")
	write(t, dir, "good/good.go", `package good

import (
	"log"
	"os"
)

func f() { log.Print(os.Getenv("BEGINI_API_KEY")) }
`)
	r := runIn(t, dir, binary, "./...")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "example.com/broken/bad") {
		t.Errorf("stderr does not name the broken package:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "good/good.go:8:") {
		t.Errorf("finding in the good package missing:\n%s", r.stdout)
	}
}

// Under go vet the same binary reports the same findings, facts across
// packages included, and client-side files through the syntax fallback.
func TestVetTool(t *testing.T) {
	dir := lenderDir(t)
	want, keys := planted(t, dir)
	r := runIn(t, dir, "go", "vet", "-json", "-vettool="+binary, "./...")
	if r.code != 0 {
		t.Fatalf("go vet -json failed (exit %d):\n%s", r.code, r.stderr)
	}
	got := parseVetJSON(t, dir, r.stdout+r.stderr)
	if !slices.Equal(got, want) {
		t.Errorf("go vet findings differ from the planted markers\n got: %q\nwant: %q", got, want)
	}
	assertNoKeys(t, keys, r.stdout, r.stderr)
	plain := runIn(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if plain.code == 0 {
		t.Error("go vet without -json passed; want a failure on findings")
	}
}

// parseVetJSON reads go vet -json output: one JSON object per package,
// each after a "# package" comment line.
func parseVetJSON(t *testing.T, dir, out string) []string {
	t.Helper()
	var got []string
	dec := json.NewDecoder(strings.NewReader(stripComments(out)))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []struct{ Posn string }
				if json.Unmarshal(raw, &diags) != nil {
					continue // an error object, not diagnostics
				}
				for _, d := range diags {
					got = append(got, vetPosn(t, dir, d.Posn)+" "+name)
				}
			}
		}
	}
	slices.Sort(got)
	return slices.Compact(got)
}

func stripComments(out string) string {
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "#") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func vetPosn(t *testing.T, dir, posn string) string {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		t.Fatalf("bad position %q", posn)
	}
	rel, err := filepath.Rel(dir, parts[0])
	if err != nil {
		rel = parts[0]
	}
	return filepath.ToSlash(rel) + ":" + parts[1]
}

var vetLine = regexp.MustCompile(`^(\S+?\.go):(\d+):\d+: [^\t]`)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A broken package of the module that a named package imports is an error
// too, though it was not named: its importers were analysed against what
// could be checked of it.
func TestBrokenDependencyIsReported(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/brokendep\n\ngo 1.26\n")
	write(t, dir, "bad/bad.go", "package bad\n\nfunc F() int { return \"x\" }\n")
	write(t, dir, "app/app.go", "package app\n\nimport \"example.com/brokendep/bad\"\n\n"+
		"func G() int { return bad.F() }\n")
	r := runIn(t, dir, binary, "./app")
	if r.code != 1 || !strings.Contains(r.stderr, "example.com/brokendep/bad") {
		t.Errorf("exit %d, want 1 naming the broken dependency; stderr:\n%s", r.code, r.stderr)
	}
}
