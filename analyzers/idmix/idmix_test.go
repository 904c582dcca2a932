package idmix_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers/idmix"
)

func TestIDMix(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), idmix.Analyzer, "basic", "innocent", "example.com/app")
}
