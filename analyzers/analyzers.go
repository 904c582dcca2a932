// Package analyzers builds the beginilint analyzer set. All analyzers of a
// set share one engine, so each package is analysed once whatever the
// number of analyzers enabled.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers/hardcodedkey"
	"github.com/beginilint/beginilint/analyzers/keylog"
	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/model"
)

// Default is the set built from the default configuration, for go vet
// -vettool and Bazel's nogo. Its engine is credflow.Analyzer, whose flags
// configure it.
var Default = []*analysis.Analyzer{hardcodedkey.Analyzer, keylog.Analyzer}

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
		},
	}
}
