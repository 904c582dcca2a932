package plugin

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers"
)

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatalf("analyzers do not validate: %v", err)
	}
	return as
}

func TestRegistered(t *testing.T) {
	if _, err := register.GetPlugin(Name); err != nil {
		t.Fatal(err)
	}
}

// No settings, or an empty block, runs every analyzer, including ones added
// after this test was written.
func TestDefaultsRunEverything(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		if got := names(build(t, settings)); !slices.Equal(got, analyzers.Names()) {
			t.Errorf("%#v: analyzers %q, want %q", settings, got, analyzers.Names())
		}
	}
}

// Settings arrive as golangci-lint's YAML reader leaves them: string keys,
// lists as []any.
func TestSettingsDecode(t *testing.T) {
	settings := map[string]any{
		"key_env_names": []any{"LENDER_BGN_TOKEN"},
		"hosts":         []any{"begini.internal.example"},
		"log_sinks":     []any{"example.com/audit.Record"},
	}
	cfg, err := decodeSettings(settings)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(cfg.KeyEnvNames, "LENDER_BGN_TOKEN") {
		t.Errorf("key_env_names lost: %q", cfg.KeyEnvNames)
	}
	// Lists add to the defaults rather than replacing them.
	if !slices.Contains(cfg.Hosts, "begini.co") || !slices.Contains(cfg.Hosts,
		"begini.internal.example") {
		t.Errorf("hosts %q: want the default and the added host", cfg.Hosts)
	}
	if len(cfg.LogSinks) != 1 {
		t.Errorf("log_sinks %q", cfg.LogSinks)
	}
}

func TestEnableAndDisable(t *testing.T) {
	all := analyzers.Names()
	first := all[0]
	got := names(build(t, map[string]any{"enable": []any{first}}))
	if !slices.Equal(got, []string{first}) {
		t.Errorf("enable %s: got %q", first, got)
	}
	got = names(build(t, map[string]any{"disable": []any{first}}))
	if slices.Contains(got, first) || len(got) != len(all)-1 {
		t.Errorf("disable %s: got %q", first, got)
	}
}

// Every mistake must stop golangci-lint with a message naming the setting.
func TestBadSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		want     []string
	}{
		{"misspelt key", map[string]any{"key_env_name": []any{"X"}},
			[]string{"unknown setting", "key_env_name", "key_env_names"}},
		{"string for a list", map[string]any{"hosts": "api.begini.co"},
			[]string{"hosts", "list of strings"}},
		{"number in a list", map[string]any{"key_env_names": []any{42}},
			[]string{"key_env_names"}},
		{"bad host", map[string]any{"hosts": []any{"https://api.begini.co"}},
			[]string{"hosts", "not a host name"}},
		{"bad log sink", map[string]any{"log_sinks": []any{"not a func"}},
			[]string{"log_sinks"}},
		{"unknown analyzer", map[string]any{"enable": []any{"nosuch"}},
			[]string{"unknown analyzer", "nosuch"}},
		{"nothing left", map[string]any{"disable": toAny(analyzers.Names())},
			[]string{"no analyzers"}},
		{"not a map", []any{"key_env_names"}, []string{"mapping of setting names"}},
		{"a string", "key_env_names", []string{"mapping of setting names"}},
		{"non-string keys", map[any]any{1: "x"}, []string{"beginilint settings"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.settings)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func toAny(ss []string) []any {
	var out []any
	for _, s := range ss {
		out = append(out, s)
	}
	return out
}

// golangci-lint would print related information as separate issues, so
// the plugin's analyzers report without it and otherwise unchanged.
func TestRelatedInformationDropped(t *testing.T) {
	engine := &analysis.Analyzer{Name: "engine", Doc: "engine", Run: func(*analysis.Pass) (any, error) {
		return nil, nil
	}}
	inner := &analysis.Analyzer{
		Name:     "inner",
		Doc:      "inner",
		Requires: []*analysis.Analyzer{engine},
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Pos: 1, Message: "found", URL: "u",
				Related: []analysis.RelatedInformation{{Pos: 2, Message: "source"}}})
			return "result", nil
		},
	}
	w := withoutRelated(inner)
	if w.Name != inner.Name || len(w.Requires) != 1 || w.Requires[0] != engine {
		t.Fatalf("wrapper changed the analyzer's identity: %+v", w)
	}
	var got []analysis.Diagnostic
	res, err := w.Run(&analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d) }})
	if err != nil || res != "result" {
		t.Fatalf("Run = %v, %v", res, err)
	}
	if len(got) != 1 || got[0].Message != "found" || got[0].URL != "u" || got[0].Related != nil {
		t.Errorf("reported %+v, want the diagnostic without related information", got)
	}
}
