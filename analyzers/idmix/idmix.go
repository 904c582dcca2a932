package idmix

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report the Begini integration ID and API key confused

The API key (secret) and the integration ID (public, per environment) are
different values that Begini needs in different places: the key in the
api-key or Bearer header and the webhook HMAC, the ID in the integration_id
body field. Reports one sent as the other, swapped arguments, one source
feeding both, and one bound to the other's slot.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#idmix"

// Analyzer reports the two confused, with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine shared with the other
// analyzers of a set.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("idmix", Doc, URL, engine, diagnostics)
}

func diagnostics(pass *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fl := range strongest(flows) {
		msg, category, _ := message(fl)
		out = append(out, analysis.Diagnostic{
			Pos: fl.Pos, End: fl.End, Message: msg, Category: category,
			Related: related(pass, fl),
		})
	}
	return out
}

func message(fl credflow.Flow) (msg, category string, ok bool) {
	switch fl.Kind {
	case credflow.IDAsKey:
		return fmt.Sprintf("Begini integration ID from %s sent as the API key (%s): "+
			"send the API key; the integration ID goes in the integration_id field",
			fl.Source.Describe(), fl.Role), "id-as-key", true
	case credflow.KeyAsID:
		return fmt.Sprintf("Begini API key from %s sent as the integration_id field: "+
			"this leaks the secret in the request body; send the integration ID",
			fl.Source.Describe()), "key-as-id", true
	case credflow.Swapped:
		return fmt.Sprintf("%s gets %s: swap the arguments", fl.Sink, fl.Role), "swapped", true
	case credflow.SharedSource:
		return fmt.Sprintf("%s is used both as the Begini API key and as the integration ID "+
			"(here %s): give each its own source", fl.Sink, fl.Role), "shared-source", true
	case credflow.RoleConflict:
		if fl.Sink == "key" {
			return fmt.Sprintf("Begini integration ID from %s bound to %s, the API key's slot: "+
				"use the API key there", fl.Source.Describe(), fl.Role), "role-conflict", true
		}
		return fmt.Sprintf("Begini API key from %s bound to %s, the integration ID's slot: "+
			"use the integration ID there", fl.Source.Describe(), fl.Role), "role-conflict", true
	}
	return "", "", false
}

func related(pass *analysis.Pass, fl credflow.Flow) []analysis.RelatedInformation {
	if fl.Source == nil {
		return nil
	}
	if p := fl.Source.Pos(pass.Fset); p.IsValid() && p != fl.Pos {
		return []analysis.RelatedInformation{{Pos: p, End: p, Message: "the source"}}
	}
	return nil
}

// priority orders the kinds that can meet at one position: a swapped call
// is also the integration ID reaching the key parameter, and saying it was
// swapped is the more useful of the two.
var priority = map[credflow.FlowKind]int{
	credflow.Swapped:      4,
	credflow.RoleConflict: 3,
	credflow.IDAsKey:      2,
	credflow.KeyAsID:      2,
	credflow.SharedSource: 1,
}

// strongest keeps one idmix flow per position, the one of highest priority.
func strongest(flows []credflow.Flow) []credflow.Flow {
	var out []credflow.Flow
	for _, fl := range flows {
		if priority[fl.Kind] == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Pos == fl.Pos {
			if priority[fl.Kind] > priority[out[n-1].Kind] {
				out[n-1] = fl
			}
			continue
		}
		out = append(out, fl)
	}
	return out
}
