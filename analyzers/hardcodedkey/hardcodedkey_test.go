package hardcodedkey_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers/hardcodedkey"
)

func TestHardcodedKey(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedkey.Analyzer,
		"basic", "innocent", "tests", "embedkey", "example.com/svc", "example.com/defaults")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hardcodedkey.Analyzer, "fixes")
}
