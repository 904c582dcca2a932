// Package analyzers builds the beginilint analyzer set. All analyzers of a
// set share one engine, so each package is analysed once whatever the
// number of analyzers enabled.
package analyzers

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers/envmix"
	"github.com/beginilint/beginilint/analyzers/hardcodedkey"
	"github.com/beginilint/beginilint/analyzers/idmix"
	"github.com/beginilint/beginilint/analyzers/keylog"
	"github.com/beginilint/beginilint/analyzers/plainhttp"
	"github.com/beginilint/beginilint/analyzers/wasmkey"
	"github.com/beginilint/beginilint/analyzers/webhooksig"
	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/model"
)

// Default is the set built from the default configuration, for go vet
// -vettool and Bazel's nogo. Its engine is credflow.Analyzer, whose flags
// configure it.
var Default = []*analysis.Analyzer{
	hardcodedkey.Analyzer, keylog.Analyzer, wasmkey.Analyzer, idmix.Analyzer, envmix.Analyzer,
	webhooksig.Analyzer, plainhttp.Analyzer,
}

// A Set is the analyzers built from one configuration and their engine.
type Set struct {
	Engine    *analysis.Analyzer
	Analyzers []*analysis.Analyzer
}

// New builds the whole set from a configuration.
func New(cfg *model.Config) Set {
	engine := credflow.New(cfg)
	return Set{
		Engine: engine,
		Analyzers: []*analysis.Analyzer{
			hardcodedkey.New(engine),
			keylog.New(engine),
			wasmkey.New(engine),
			idmix.New(engine),
			envmix.New(engine),
			webhooksig.New(engine),
			plainhttp.New(engine),
		},
	}
}

// Names lists every analyzer name, in the order -list prints them.
func Names() []string {
	var names []string
	for _, a := range New(model.Default()).Analyzers {
		names = append(names, a.Name)
	}
	return names
}

// Select returns the analyzers of the set that enable names (all when it is
// empty) and disable does not. Unknown names are errors listing the known.
func (s Set) Select(enable, disable []string) ([]*analysis.Analyzer, error) {
	known := Names()
	for _, n := range append(append([]string{}, enable...), disable...) {
		if !slices.Contains(known, n) {
			return nil, fmt.Errorf("unknown analyzer %q (known: %s)", n,
				strings.Join(known, ", "))
		}
	}
	var out []*analysis.Analyzer
	for _, a := range s.Analyzers {
		if (len(enable) == 0 || slices.Contains(enable, a.Name)) &&
			!slices.Contains(disable, a.Name) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no analyzers left to run")
	}
	return out, nil
}
