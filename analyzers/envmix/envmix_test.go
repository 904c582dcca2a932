package envmix_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers/envmix"
)

func TestEnvMix(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envmix.Analyzer, "basic", "innocent", "example.com/app")
}
