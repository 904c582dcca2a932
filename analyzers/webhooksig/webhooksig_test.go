package webhooksig_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/beginilint/beginilint/analyzers/webhooksig"
	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/model"
)

func TestWebhookSig(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), webhooksig.Analyzer,
		"basic", "innocent", "ginapp", "example.com/receiver", "example.com/beginisig",
		"example.com/app", "example.com/handlers")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), webhooksig.Analyzer, "fixes")
}

// Handlers and helpers the team names in webhook_handlers are Begini's
// whatever their names and routes.
func TestConfiguredHandlers(t *testing.T) {
	cfg := model.Default()
	cfg.WebhookHandlers = []string{"configured.Receive", "(*configured.Verifier).Check"}
	a := webhooksig.New(credflow.New(cfg))
	analysistest.Run(t, analysistest.TestData(), a, "configured")
}
