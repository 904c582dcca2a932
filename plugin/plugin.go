// Package plugin makes beginilint a golangci-lint v2 module plugin.
//
// Importing it registers every beginilint analyzer under the single linter
// name "beginilint". The settings under
// linters.settings.custom.beginilint.settings use the same keys as the
// standalone configuration (key_env_names, hosts, log_sinks, enable, ...);
// unknown keys and wrong types stop golangci-lint with an error.
//
// golangci-lint tags every finding with the linter name, not the analyzer
// name, so findings are suppressed with //nolint:beginilint.
package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/model"
)

// Name is the linter name under which golangci-lint knows beginilint.
const Name = "beginilint"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the set of analyzers built from one golangci-lint configuration.
type Plugin struct {
	selected []*analysis.Analyzer
}

// New decodes the settings golangci-lint read from its configuration and
// builds the analyzers. Errors surface when golangci-lint starts, before any
// package is loaded, so a mistyped setting never passes silently.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := decodeSettings(settings)
	if err != nil {
		return nil, fmt.Errorf("beginilint settings: %w", err)
	}
	selected, err := analyzers.New(cfg).Select(cfg.Enable, cfg.Disable)
	if err != nil {
		return nil, fmt.Errorf("beginilint settings: %w", err)
	}
	for i, a := range selected {
		selected[i] = withoutRelated(a)
	}
	return &Plugin{selected: selected}, nil
}

// withoutRelated returns a copy of a whose diagnostics carry no related
// information. golangci-lint turns every related position into an issue of
// its own, placed on the source line (or, across files, on the finding's
// line again): one finding would show twice or more, count twice against
// the issue limits, and a //nolint:beginilint on the finding's line would
// leave the source line's issue standing. The message already names the
// source ("Begini API key from env BEGINI_API_KEY"), so nothing is lost
// that golangci-lint could show.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	run := a.Run
	w.Run = func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return run(&inner)
	}
	return &w
}

// decodeSettings goes through JSON so that the plugin shares the standalone
// decoder and its unknown-key checks. golangci-lint hands over whatever its
// YAML reader produced (maps and lists of plain values), or nil when the
// settings block is absent.
func decodeSettings(settings any) (*model.Config, error) {
	if settings == nil {
		return model.Default(), nil
	}
	data, err := json.Marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("settings are not plain keys and lists: %v", err)
	}
	// The shared decoder would word a top-level list or string as a bad
	// setting with an empty name; say what is expected instead.
	if !bytes.HasPrefix(data, []byte("{")) {
		return nil,
			fmt.Errorf("settings must be a mapping of setting names to lists, got %T", settings)
	}
	return model.DecodeJSON(data)
}

// BuildAnalyzers returns the selected analyzers. Their shared engine is
// reached through Requires, so golangci-lint runs it once per package.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.selected, nil
}

// GetLoadMode asks for type information: the engine follows values through
// types and imports facts from dependencies.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
