package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/beginilint/beginilint/internal/driver"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	index, flags, files, bad := splitArgs([]string{"-index", "-tags=e2e", "a/x.go", "--json", "b/y.go"})
	if !index || !reflect.DeepEqual(flags, []string{"-tags=e2e", "--json"}) ||
		!reflect.DeepEqual(files, []string{"a/x.go", "b/y.go"}) || bad != nil {
		t.Errorf("got %v %q %q %q", index, flags, files, bad)
	}
	// -o out.txt would lint out.txt and print to standard output.
	if code, out := runHere(t, "-o", "out.txt", "a/x.go"); code != driver.ExitError ||
		!strings.Contains(out, "write -o=value") {
		t.Errorf("-o without =: exit %d\n%s", code, out)
	}
}

func TestPackagesByModule(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"go.mod":              "module example.com/app\n",
		"a/x.go":              "package a\n",
		"a/b/c.go":            "package b\n",
		"tools/go.mod":        "module example.com/tools\n",
		"tools/cmd/z.go":      "package main\n",
		"testdata/q.go":       "package q\n",
		".hidden/h.go":        "package h\n",
		"_scratch/s.go":       "package s\n",
		"docs/README.md":      "docs\n",
		"tools/testdata/t.go": "package t\n",
	})
	files := []string{"a/x.go", "a/x.go", "a/b/c.go", "tools/cmd/z.go", "testdata/q.go",
		".hidden/h.go", "_scratch/s.go", "docs/README.md", "gone/deleted.go", "tools/testdata/t.go"}
	got, err := packagesByModule(root, files)
	if err != nil {
		t.Fatal(err)
	}
	want := []module{
		{dir: root, patterns: []string{"./a", "./a/b"}},
		{dir: filepath.Join(root, "tools"), patterns: []string{"./cmd"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestFileOutsideAnyModule(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"loose/x.go": "package loose\n"})
	if _, err := packagesByModule(root, []string{"loose/x.go"}); err == nil ||
		!strings.Contains(err.Error(), "no go.mod") {
		t.Errorf("err = %v, want one saying there is no go.mod", err)
	}
}

func TestWorse(t *testing.T) {
	c, f, e := driver.ExitClean, driver.ExitFindings, driver.ExitError
	for _, tt := range [][3]int{{c, c, c}, {c, f, f}, {f, c, f}, {f, e, e}, {e, f, e}, {c, 2, 2}} {
		if got := worse(tt[0], tt[1]); got != tt[2] {
			t.Errorf("worse(%d, %d) = %d, want %d", tt[0], tt[1], got, tt[2])
		}
	}
}

// The key literal is random and belongs to no account.
const (
	keyedClient = `package begini

import "net/http"

const beginiAPIKey = "Zq8Lm3Vx7Rt2Wp9Ks4Hd6Fn1"

func NewRequest() (*http.Request, error) {
	req, err := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("api-key", beginiAPIKey)
	return req, nil
}
`
	fixedClient = `package begini

import (
	"net/http"
	"os"
)

func NewRequest() (*http.Request, error) {
	req, err := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("api-key", os.Getenv("BEGINI_API_KEY"))
	return req, nil
}
`
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func runHere(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String() + stderr.String()
}

// A key that is staged but edited away in the working tree must still fail
// under -index, and an untracked file must not count there; without
// -index the working tree is what is analysed (pre-commit has stashed the
// unstaged changes by then).
func TestIndexIsWhatIsCommitted(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	writeFiles(t, repo, map[string]string{
		"go.mod":           "module example.com/shop\n\ngo 1.26\n",
		"begini/client.go": keyedClient,
	})
	git(t, repo, "add", ".")
	writeFiles(t, repo, map[string]string{"begini/client.go": fixedClient})
	t.Chdir(repo)

	code, out := runHere(t, "-index")
	if code != driver.ExitFindings || !strings.Contains(out, "begini/client.go:5:") {
		t.Errorf("-index with the key staged: exit %d, want 3 and the finding\n%s", code, out)
	}
	if strings.Contains(out, "Zq8Lm3Vx7Rt2Wp9Ks4Hd6Fn1") {
		t.Error("output contains the key")
	}
	if code, out := runHere(t); code != driver.ExitClean {
		t.Errorf("working tree (fixed): exit %d, want 0\n%s", code, out)
	}

	git(t, repo, "add", ".")
	writeFiles(t, repo, map[string]string{"begini/scratch.go": strings.Replace(keyedClient,
		"func NewRequest", "func scratchRequest", 1)})
	if code, out := runHere(t, "-index"); code != driver.ExitClean {
		t.Errorf("-index with the fix staged and a keyed untracked file: exit %d, want 0\n%s",
			code, out)
	}
	if code, _ := runHere(t, "begini/client.go"); code != driver.ExitFindings {
		t.Errorf("working tree with a keyed untracked file: exit %d, want 3", code)
	}
}

// Staged files in two modules give one output: paths from the repository
// root, one JSON object, and an -o file that holds both modules' findings.
func TestTwoModulesOneOutput(t *testing.T) {
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		"shop/go.mod":           "module example.com/shop\n\ngo 1.26\n",
		"shop/begini/client.go": keyedClient,
		"loans/go.mod":          "module example.com/loans\n\ngo 1.26\n",
		"loans/begini/client.go": strings.Replace(keyedClient, "Zq8Lm3Vx7Rt2Wp9Ks4Hd6Fn1",
			"Hq72LmPx9ZtR4vYb1NcK8sWd", 1),
	})
	t.Chdir(repo)
	files := []string{"shop/begini/client.go", "loans/begini/client.go"}

	code, out := runHere(t, files...)
	if code != driver.ExitFindings || !strings.Contains(out, "shop/begini/client.go:5:") ||
		!strings.Contains(out, "loans/begini/client.go:5:") {
		t.Errorf("text: exit %d, want 3 and both findings from the repository root\n%s", code, out)
	}

	code, out = runHere(t, append([]string{"-format=json", "-o=out.json"}, files...)...)
	if code != driver.ExitFindings || out != "" {
		t.Errorf("json to a file: exit %d, output %q; want 3 and nothing printed", code, out)
	}
	data, err := os.ReadFile(filepath.Join(repo, "out.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("out.json is not one JSON document: %v\n%s", err, data)
	}
	if doc["example.com/shop/begini"] == nil || doc["example.com/loans/begini"] == nil {
		t.Errorf("out.json lacks a module's findings:\n%s", data)
	}

	if code, out := runHere(t, append([]string{"-format=sarif"},
		files...)...); code != driver.ExitError ||
		!strings.Contains(out, "2 modules") {
		t.Errorf("sarif over two modules: exit %d, want 1 and a clear error\n%s", code, out)
	}
}

// Started from a subdirectory of the work tree (a module of a monorepo),
// the staged files git names from the top are still found.
func TestStartedInSubdirectory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	writeFiles(t, repo, map[string]string{
		"svc/go.mod":           "module example.com/svc\n\ngo 1.26\n",
		"svc/begini/client.go": keyedClient,
		"other/go.mod":         "module example.com/other\n\ngo 1.26\n",
	})
	git(t, repo, "add", ".")
	t.Chdir(filepath.Join(repo, "other"))
	for _, args := range [][]string{nil, {"-index"}} {
		code, out := runHere(t, args...)
		if code != driver.ExitFindings || !strings.Contains(out, "svc/begini/client.go:5:") {
			t.Errorf("%v from other/: exit %d, want 3 and the finding\n%s", args, code, out)
		}
	}
	if code, out := runHere(t, "-h"); code != driver.ExitClean || !strings.HasPrefix(out, "usage:") {
		t.Errorf("-h: exit %d, output %q", code, out)
	}
	t.Chdir(t.TempDir())
	if code, out := runHere(t); code != driver.ExitError || strings.Count(out, "\n") != 1 {
		t.Errorf("outside a repository: exit %d, want 1 and one line\n%s", code, out)
	}
}
