package plainhttp_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers/plainhttp"
)

func TestPlainHTTP(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), plainhttp.Analyzer,
		"urls", "tlsclient", "innocent", "tests", "example.com/settings", "example.com/httpx",
		"example.com/beginihttp", "example.com/app")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), plainhttp.Analyzer, "fixes")
}
