package keylog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers/keylog"
)

func TestKeyLog(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), keylog.Analyzer, "basic", "innocent",
		"example.com/app", "directives")
}
