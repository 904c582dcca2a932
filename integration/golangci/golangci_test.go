//go:build integration

package golangci_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beginilint/beginilint/integration/internal/itest"
)

// golangciVersion is the golangci-lint release the plugin is proven with.
const golangciVersion = "v2.15.0"

// extraEnv is a team's own name for the key env var. Nothing in its words
// says Begini, so only the key_env_names setting makes it the key.
const extraEnv = "LENDER_BGN_TOKEN"

// extraFile is added to the copy of the example service. Its markers join
// the planted ones; the two suppressed lines make the same mistake as the
// control line, so their absence from the output shows both kinds of
// suppression working.
const extraFile = `package bgn

import (
	"log"
	"os"
)

// LogTeamToken logs the key under the team's own env name.
func LogTeamToken() {
	log.Printf("token %s", os.Getenv("` + extraEnv + `")) // planted: keylog
}

// Suppressed is a finding silenced the golangci-lint way.
func Suppressed() {
	log.Printf("key %s", os.Getenv("BEGINI_API_KEY")) //nolint:beginilint // shown suppressed
}

// Control is the same mistake without the directive.
func Control() {
	log.Printf("key %s", os.Getenv("BEGINI_API_KEY")) // planted: keylog
}

// Ignored is silenced by beginilint's own directive, which names the
// analyzer and works under every driver.
func Ignored() {
	log.Printf("key %s", os.Getenv("BEGINI_API_KEY")) //beginilint:ignore keylog shown suppressed
}
`

// configTemplate is the README's recommended configuration with the
// plugin settings left open: every beginilint finding is shown (the
// analyzers share one linter name, so golangci-lint's per-linter and
// per-line limits would drop some) and no source line is printed (it would
// echo a hardcoded key).
const configTemplate = `version: "2"
linters:
  default: none
  enable:
    - beginilint
  settings:
    custom:
      beginilint:
        type: module
        description: misuse of Begini API credentials
        settings: %s
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
output:
  show-stats: false
  formats:
    text:
      path: stdout
      print-issued-lines: false
      print-linter-name: true
      colors: false
`

func TestGolangciLint(t *testing.T) {
	itest.RequireTool(t, "go", "install Go 1.26")
	gcl := buildGolangci(t)

	dir := filepath.Join(t.TempDir(), "lender")
	itest.CopyTree(t, filepath.Join(itest.RepoRoot(t), "testdata", "lender"), dir)
	itest.WriteFile(t, dir, "internal/bgn/bgn.go", extraFile)
	want, keys := itest.Planted(t, dir)
	extraLine := lineOf(t, want, "internal/bgn/bgn.go:10 ")

	t.Run("planted findings with a setting", func(t *testing.T) {
		r := lint(t, gcl, dir, "{key_env_names: ["+extraEnv+"]}")
		assertFindings(t, r, want)
		itest.AssertNoKeys(t, keys, r.Output())
	})
	t.Run("without the setting", func(t *testing.T) {
		r := lint(t, gcl, dir, "{}")
		assertFindings(t, r, slices.DeleteFunc(slices.Clone(want), func(w string) bool {
			return w == extraLine
		}))
		itest.AssertNoKeys(t, keys, r.Output())
	})
	t.Run("mistyped settings fail loudly", func(t *testing.T) {
		for settings, words := range map[string][]string{
			"{key_env_name: [" + extraEnv + "]}": {"unknown setting", `"key_env_name"`},
			"{hosts: api.begini.co}":             {"hosts", "want a list of strings"},
			"{enable: [hardcodedkeys]}":          {"unknown analyzer", "hardcodedkeys"},
		} {
			r := lint(t, gcl, dir, settings)
			assertConfigError(t, r, settings, words)
		}
	})
}

// buildGolangci builds golangci-lint with the plugin of this working tree
// linked in. The throwaway module lives in a stable directory so that Go's
// build cache makes every build after the first take seconds; it is
// rebuilt on every run so the plugin is never stale.
func buildGolangci(t *testing.T) string {
	start := time.Now()
	root := itest.RepoRoot(t)
	dir := stableDir(t, root)
	main, err := os.ReadFile(filepath.Join("testdata", "gcl", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	itest.WriteFile(t, dir, "main.go", string(main))
	itest.WriteFile(t, dir, "go.mod", fmt.Sprintf(`module beginilint.test/gcl

go 1.26

require github.com/golangci/golangci-lint/v2 %s

replace %s => %s
`, golangciVersion, itest.ModulePath, root))
	itest.MustRun(t, dir, nil, "go", "mod", "tidy")
	bin := filepath.Join(dir, "golangci-lint")
	itest.MustRun(t, dir, nil, "go", "build", "-o", bin, ".")
	t.Logf("built golangci-lint %s with the plugin in %s", golangciVersion,
		time.Since(start).Round(time.Second))
	return bin
}

// stableDir is where the throwaway module is kept between runs, beside
// other per-user caches. It is per checkout, so that two clones tested at
// once do not rewrite each other's replace directive; the build cache is
// shared anyway.
func stableDir(t *testing.T, root string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	sum := sha256.Sum256([]byte(root))
	name := fmt.Sprintf("golangci-lint-%s-%x", golangciVersion, sum[:4])
	dir := filepath.Join(base, "beginilint-integration", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lint runs golangci-lint on dir with the given plugin settings (YAML flow
// style) in dir/.golangci.yml, where users keep it, and with a results
// cache of its own, so no run sees another's results.
func lint(t *testing.T, gcl, dir, settings string) itest.Result {
	t.Helper()
	itest.WriteFile(t, dir, ".golangci.yml", fmt.Sprintf(configTemplate, settings))
	env := []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}
	r := itest.Run(t, dir, env, gcl, "run", "./...")
	t.Logf("golangci-lint run with settings %s: exit %d in %s",
		settings, r.Code, r.Took.Round(time.Millisecond))
	return r
}

// issueLine is golangci-lint's text output with the linter name printed;
// a linter of several analyzers prefixes the message with the analyzer.
var issueLine = regexp.MustCompile(`^(\S+\.go):(\d+):\d+: (\w+): .* \(beginilint\)$`)

func assertFindings(t *testing.T, r itest.Result, want []string) {
	t.Helper()
	if r.Code != 1 {
		t.Fatalf("exit %d, want 1 (issues found)\n%s", r.Code, r.Output())
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.Stdout), "\n") {
		m := issueLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("unexpected output line: %q", line)
			continue
		}
		got = append(got, filepath.ToSlash(m[1])+":"+m[2]+" "+m[3])
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings differ from the planted markers\n got: %q\nwant: %q", got, want)
	}
}

func assertConfigError(t *testing.T, r itest.Result, settings string, words []string) {
	t.Helper()
	// Exit 1 means issues found; a configuration error must not look like
	// that, nor like a clean run.
	if r.Code == 0 || r.Code == 1 {
		t.Errorf("settings %s: exit %d, want a failure other than 1\n%s", settings,
			r.Code, r.Output())
	}
	for _, w := range words {
		if !strings.Contains(r.Output(), w) {
			t.Errorf("settings %s: output does not mention %s:\n%s", settings, w, r.Output())
		}
	}
	if issueLine.MatchString(r.Stdout) {
		t.Errorf("settings %s: findings printed despite the error:\n%s", settings, r.Stdout)
	}
}

func lineOf(t *testing.T, want []string, prefix string) string {
	t.Helper()
	for _, w := range want {
		if strings.HasPrefix(w, prefix) {
			return w
		}
	}
	t.Fatalf("no planted finding at %s", prefix)
	return ""
}
