package analyzers_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/model"
)

// Default is what go vet -vettool and Bazel's nogo run. nogo cannot be run
// here, so this checks what it relies on: a valid graph of plain analyzers
// (Validate also rejects a fact type declared twice), each configured
// through the default engine's flags, nothing missing from what New builds.
func TestDefaultIsCompleteAndValid(t *testing.T) {
	if err := analysis.Validate(analyzers.Default); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range analyzers.Default {
		names = append(names, a.Name)
		if !slices.Contains(a.Requires, credflow.Analyzer) {
			t.Errorf("%s does not require the default engine credflow.Analyzer, "+
				"whose flags configure go vet and nogo runs", a.Name)
		}
	}
	for _, a := range analyzers.New(model.Default()).Analyzers {
		if !slices.Contains(names, a.Name) {
			t.Errorf("analyzers.New builds %s but analyzers.Default lacks it", a.Name)
		}
	}
}
