//go:build integration

package precommit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beginilint/beginilint/integration/internal/itest"
)

// key is a random literal that belongs to no account.
const key = "Zq8Lm3Vx7Rt2Wp9Ks4Hd6Fn1"

const keyedClient = `package begini

import "net/http"

const beginiAPIKey = "` + key + `"

func NewRequest() (*http.Request, error) {
	req, err := http.NewRequest("POST", "https://api.begini.co/v1/sessions-management/tokens", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("api-key", beginiAPIKey)
	return req, nil
}
`

const fixedClient = `package begini

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

// The finding the keyed client must produce, as beginilint prints it.
const finding = "begini/client.go:5:"

func TestPreCommitHooks(t *testing.T) {
	itest.RequireTool(t, "git", "apt-get install git")
	itest.RequireTool(t, "go", "install Go 1.26")
	itest.RequireTool(t, "pre-commit", "apt-get install pre-commit")
	start := time.Now()
	hooks, rev := hookRepo(t)
	p := newProject(t, hooks, rev)
	t.Logf("hook repository and project ready in %s", time.Since(start).Round(time.Millisecond))

	t.Run("hardcoded key blocks the commit", func(t *testing.T) {
		p.write(t, "begini/client.go", keyedClient)
		p.git(t, "add", "begini/client.go")
		out := p.commitFails(t, "add begini client", finding)
		for _, id := range []string{"beginilint", "beginilint-staged"} {
			if !strings.Contains(out, "- hook id: "+id+"\n") {
				t.Errorf("hook %s did not fail:\n%s", id, out)
			}
		}
	})
	t.Run("staged key edited away in the working tree still blocks", func(t *testing.T) {
		// The key is still staged; only the working tree is fixed.
		p.write(t, "begini/client.go", fixedClient)
		p.commitFails(t, "add begini client", finding)
		if got := p.read(t, "begini/client.go"); got != fixedClient {
			t.Error("pre-commit did not restore the unstaged fix")
		}
	})
	t.Run("fixed commit passes", func(t *testing.T) {
		p.git(t, "add", "begini/client.go")
		p.commitPasses(t, "add begini client")
	})
	t.Run("staged hook lints only staged packages", func(t *testing.T) {
		// A key already committed elsewhere, bypassing the hooks.
		p.write(t, "legacy/legacy.go", strings.Replace(keyedClient, "package begini",
			"package legacy", 1))
		p.git(t, "add", "legacy/legacy.go")
		p.git(t, "commit", "-q", "--no-verify", "-m", "legacy client")

		p.write(t, "begini/client.go", fixedClient+"\n// Touched.\n")
		p.git(t, "add", "begini/client.go")
		p.env = append(p.env, "SKIP=beginilint")
		p.commitPasses(t, "touch begini client")
		p.env = p.env[:len(p.env)-1]

		p.write(t, "begini/client.go", fixedClient+"\n// Touched again.\n")
		p.git(t, "add", "begini/client.go")
		p.commitFails(t, "touch begini client again", "legacy/legacy.go:5:")
	})
}

// hookRepo makes a git repository from this working tree (tracked and
// untracked files, minus ignored ones) with one commit and a tag, since
// pre-commit builds a hook from the repository at rev.
func hookRepo(t *testing.T) (dir, rev string) {
	t.Helper()
	root := itest.RepoRoot(t)
	dir = filepath.Join(t.TempDir(), "beginilint")
	list := itest.MustRun(t, root, nil, "git", "ls-files", "-z", "--cached", "--others",
		"--exclude-standard")
	for _, name := range strings.Split(strings.TrimRight(list.Stdout, "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		itest.WriteFile(t, dir, name, string(data))
	}
	env := gitEnv(t)
	itest.MustRun(t, dir, env, "git", "init", "-q")
	itest.MustRun(t, dir, env, "git", "add", "-A")
	itest.MustRun(t, dir, env, "git", "commit", "-q", "-m", "beginilint under test")
	itest.MustRun(t, dir, env, "git", "tag", "v0.0.0-hooktest")
	return dir, "v0.0.0-hooktest"
}

// gitEnv shields git from the user's configuration (signing, templates,
// hooks paths) and names a committer.
func gitEnv(t *testing.T) []string {
	empty := filepath.Join(t.TempDir(), "gitconfig")
	itest.WriteFile(t, filepath.Dir(empty), filepath.Base(empty), "")
	return []string{
		"GIT_CONFIG_GLOBAL=" + empty, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=hook test", "GIT_AUTHOR_EMAIL=hook-test@example.invalid",
		"GIT_COMMITTER_NAME=hook test", "GIT_COMMITTER_EMAIL=hook-test@example.invalid",
	}
}

// project is a throwaway repository whose commits run the hooks.
type project struct {
	dir string
	env []string
}

const configTemplate = `repos:
  - repo: %s
    rev: %s
    hooks:
      - id: beginilint
      - id: beginilint-staged
`

func newProject(t *testing.T, hooks, rev string) *project {
	t.Helper()
	// A pre-commit home of its own: the hook is built from rev, never
	// taken from an earlier run's cache.
	p := &project{
		dir: filepath.Join(t.TempDir(), "shop"),
		env: append(gitEnv(t), "PRE_COMMIT_HOME="+t.TempDir()),
	}
	p.write(t, "go.mod", "module example.com/shop\n\ngo 1.26\n")
	p.write(t, ".pre-commit-config.yaml", fmt.Sprintf(configTemplate, hooks, rev))
	p.git(t, "init", "-q")
	p.git(t, "add", ".")
	p.git(t, "commit", "-q", "-m", "project")
	r := itest.MustRun(t, p.dir, p.env, "pre-commit", "install-hooks")
	t.Logf("pre-commit install-hooks (builds the hooks with go install) took %s",
		r.Took.Round(time.Millisecond))
	itest.MustRun(t, p.dir, p.env, "pre-commit", "install")
	return p
}

func (p *project) write(t *testing.T, name, content string) {
	t.Helper()
	itest.WriteFile(t, p.dir, name, content)
}

func (p *project) read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(p.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func (p *project) git(t *testing.T, args ...string) itest.Result {
	t.Helper()
	return itest.MustRun(t, p.dir, p.env, "git", args...)
}

func (p *project) head(t *testing.T) string {
	t.Helper()
	return strings.TrimSpace(p.git(t, "rev-parse", "HEAD").Stdout)
}

// commitFails commits through the installed hook and wants it refused with
// want in the output, which must never contain the key. It returns the
// output.
func (p *project) commitFails(t *testing.T, msg, want string) string {
	t.Helper()
	before := p.head(t)
	r := itest.Run(t, p.dir, p.env, "git", "commit", "-m", msg)
	t.Logf("git commit (refused) took %s; hook output:\n%s",
		r.Took.Round(time.Millisecond), r.Output())
	if r.Code == 0 || p.head(t) != before {
		t.Fatalf("commit went through; want the hook to refuse it\n%s", r.Output())
	}
	if !strings.Contains(r.Output(), want) {
		t.Errorf("hook output does not name %s:\n%s", want, r.Output())
	}
	itest.AssertNoKeys(t, []string{key}, r.Output())
	return r.Output()
}

func (p *project) commitPasses(t *testing.T, msg string) {
	t.Helper()
	before := p.head(t)
	r := itest.Run(t, p.dir, p.env, "git", "commit", "-m", msg)
	t.Logf("git commit (accepted) took %s", r.Took.Round(time.Millisecond))
	if r.Code != 0 || p.head(t) == before {
		t.Fatalf("commit refused: exit %d\n%s", r.Code, r.Output())
	}
}
