package envmix

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report Begini Test and Production credentials mixed

Each environment has its own API key and integration ID. Reports a key and
an integration ID of different environments used together, a credential in
the other environment's slot, one source in both slots, and a credential
chosen under a condition naming the other environment.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#envmix"

// Analyzer reports mixed environments, with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine shared with the other
// analyzers of a set.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("envmix", Doc, URL, engine, diagnostics)
}

func diagnostics(_ *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fl := range flows {
		if msg, category, ok := message(fl); ok {
			out = append(out, analysis.Diagnostic{
				Pos: fl.Pos, End: fl.End, Message: msg, Category: category,
			})
		}
	}
	return out
}

func message(fl credflow.Flow) (string, string, bool) {
	switch fl.Kind {
	case credflow.EnvMixed:
		return fmt.Sprintf("%s used with the %s: keep Test and Production credentials apart",
			describe(fl.Source), fl.Role), "mixed", true
	case credflow.EnvWrongSlot:
		return fmt.Sprintf("%s stored in %s, the %s slot: use the %s credential there",
			describe(fl.Source), fl.Role, fl.Sink, fl.Sink), "slot", true
	case credflow.EnvSharedSlot:
		return fmt.Sprintf("%s is given to both the Test and the Production slot (here %s): "+
			"each environment needs its own credential", fl.Sink, fl.Role), "shared-slot", true
	case credflow.EnvWrongBranch:
		return fmt.Sprintf("%s chosen under a condition that selects %s: "+
			"use that environment's credential", describe(fl.Source), fl.Sink), "branch", true
	}
	return "", "", false
}

func describe(o *credflow.Origin) string {
	if o == nil {
		return "a credential"
	}
	return o.Env.String() + " credential from " + o.Describe()
}
