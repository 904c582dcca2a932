package driver

import (
	"slices"
	"strings"
	"testing"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// writeRelayModule writes a module where the key is named in one package
// and logged two packages away, through packages that never name Begini.
func writeRelayModule(t *testing.T) string {
	dir := t.TempDir()
	mkfile(t, dir, "go.mod", "module example.com/relay\n\ngo 1.26\n")
	mkfile(t, dir, "keys/keys.go", "package keys\n\nimport \"os\"\n\n"+
		"func Key() string { return os.Getenv(\"BEGINI_API_KEY\") }\n")
	mkfile(t, dir, "mid/mid.go", "package mid\n\nimport \"example.com/relay/keys\"\n\n"+
		"func Get() string { return keys.Key() }\n")
	mkfile(t, dir, "logwrap/logwrap.go", "package logwrap\n\nimport \"log\"\n\n"+
		"func Debug(s string) { log.Print(s) }\n")
	mkfile(t, dir, "app/app.go", "package app\n\nimport (\n"+
		"\t\"example.com/relay/logwrap\"\n\t\"example.com/relay/mid\"\n)\n\n"+
		"func Run() { logwrap.Debug(mid.Get()) }\n")
	mkfile(t, dir, "other/other.go", "package other\n\nimport (\n\t\"log\"\n\t\"os\"\n)\n\n"+
		"func F() { log.Print(os.Getenv(\"HOME\")) }\n")
	mkfile(t, dir, "hooks/hooks.go", "package hooks\n\nimport \"net/http\"\n\n"+
		"func Receive(w http.ResponseWriter, r *http.Request) {}\n")
	return dir
}

// Packages that neither name Begini nor import one that does are not
// analysed; those that relay the key, and those they call, are.
func TestRelevantPackages(t *testing.T) {
	dir := writeRelayModule(t)
	l, err := load(loadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.Default()
	cfg.WebhookHandlers = []string{"example.com/relay/hooks.Receive"}
	var got []string
	for p := range relevant(l.source, newAnchors(cfg)) {
		got = append(got, strings.TrimPrefix(p.PkgPath, "example.com/relay/"))
	}
	slices.Sort(got)
	want := []string{"app", "hooks", "keys", "logwrap", "mid"}
	if !slices.Equal(got, want) {
		t.Errorf("analysed %v, want %v", got, want)
	}
}

// The filter loses nothing: the key named in keys reaches the log through
// mid and logwrap, neither of which names Begini.
func TestRelayedKeyIsFoundWithFilter(t *testing.T) {
	dir := writeRelayModule(t)
	cfg := model.Default()
	selected, err := analyzers.New(cfg).Select([]string{"keylog"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := newAnchors(cfg)
	// ./app alone names none of the packages the key passes through: they
	// are found in the import graph and analysed from source all the same.
	for _, pattern := range []string{"./...", "./app"} {
		_, diags, errs, err := analyse(loadConfig{Dir: dir}, []string{pattern}, selected, &a)
		if err != nil || len(errs) > 0 {
			t.Fatalf("analyse %s: %v %v", pattern, err, errs)
		}
		var where []string
		for _, d := range diags {
			where = append(where, d.PkgID)
		}
		if !slices.Equal(where, []string{"example.com/relay/app"}) {
			t.Errorf("%s: findings in %v, want one in example.com/relay/app", pattern, where)
		}
	}
}

// A configured key env name with no Begini word in it is an anchor too.
func TestAnchorsFromConfig(t *testing.T) {
	cfg := model.Default()
	cfg.KeyEnvNames = []string{"ACME_TOKEN"}
	a := newAnchors(cfg)
	for _, src := range []string{
		`os.Getenv("acme_token")`, `// beginilint:ignore keylog`, `json:"integration_id"`,
		`url := "https://api.BEGINI.co"`, `IntegrationID string`,
	} {
		if !a.in([]byte(src)) {
			t.Errorf("%q is not an anchor", src)
		}
	}
	for _, src := range []string{`os.Getenv("API_KEY")`, `integration test`, `beginning`} {
		if a.in([]byte(src)) {
			t.Errorf("%q is an anchor", src)
		}
	}
}
