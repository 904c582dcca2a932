// Package itest holds what the integration tests share: finding the
// repository, copying the example service, reading its planted markers,
// running real tools and deciding when a missing tool is a failure.
package itest

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beginilint/beginilint/internal/model"
)

// ModulePath is this repository's module path.
const ModulePath = "github.com/beginilint/beginilint"

// RepoRoot returns the directory of this repository's go.mod, found by
// walking up from the test's working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(data, []byte("module "+ModulePath+"\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod of " + ModulePath + " above the working directory")
		}
		dir = parent
	}
}

// RequireTool returns the path of a tool, or skips the test when it is
// missing. Under CI=true a missing tool fails instead: CI installs every
// tool, so a skip there would hide a broken install step.
func RequireTool(t testing.TB, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := name + " is not installed (" + install + ")"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; under CI=true this is a failure")
	}
	t.Skip(msg + "; skipping")
	return ""
}

// CopyTree copies the regular files under src to dst.
func CopyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dst, rel), data)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// WriteFile writes content to dir/name, creating parent directories.
func WriteFile(t testing.TB, dir, name, content string) {
	t.Helper()
	if err := writeFile(filepath.Join(dir, name), []byte(content)); err != nil {
		t.Fatal(err)
	}
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// Result is what a command did.
type Result struct {
	Stdout, Stderr string
	Code           int
	Took           time.Duration
}

// Output is stdout and stderr together, for assertions that do not care
// which stream a tool chose.
func (r Result) Output() string { return r.Stdout + r.Stderr }

// Run runs a command in dir with extra environment variables and returns
// its result; only a command that could not start fails the test.
func Run(t testing.TB, dir string, env []string, name string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := Result{Stdout: stdout.String(), Stderr: stderr.String(), Took: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", name, err)
	}
	return r
}

// MustRun is Run for commands that have to succeed.
func MustRun(t testing.TB, dir string, env []string, name string, args ...string) Result {
	t.Helper()
	r := Run(t, dir, env, name, args...)
	if r.Code != 0 {
		t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), r.Code, r.Output())
	}
	return r
}

var (
	markerRE  = regexp.MustCompile(`// planted: (\w+)`)
	literalRE = regexp.MustCompile(`"([A-Za-z0-9_\-]{12,})"`)
)

// Planted reads the "// planted: ANALYZER" markers under root. want lists
// the expected findings as "path:line analyzer", sorted, with slash paths
// relative to root; keys are the key-like literals on hardcodedkey lines,
// which no output may ever contain.
func Planted(t testing.TB, root string) (want, keys []string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		w, k, err := plantedInFile(path, filepath.ToSlash(rel))
		want, keys = append(want, w...), append(keys, k...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) == 0 {
		t.Fatal("no planted key literals found under " + root + ": the marker scan is broken")
	}
	slices.Sort(want)
	return want, keys
}

func plantedInFile(path, rel string) (want, keys []string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		m := markerRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		want = append(want, rel+":"+strconv.Itoa(line)+" "+m[1])
		if m[1] != "hardcodedkey" {
			continue
		}
		for _, lit := range literalRE.FindAllStringSubmatch(sc.Text(), -1) {
			if model.CouldBeKey(lit[1], false) {
				keys = append(keys, lit[1])
			}
		}
	}
	return want, keys, sc.Err()
}

// AssertNoKeys fails when an output contains one of keys. The message
// shows only the last two characters, so the log does not leak either.
func AssertNoKeys(t testing.TB, keys []string, outputs ...string) {
	t.Helper()
	for _, out := range outputs {
		for _, k := range keys {
			if strings.Contains(out, k) {
				t.Errorf("output contains a planted key (masked: ****%s)", k[len(k)-2:])
			}
		}
	}
}
