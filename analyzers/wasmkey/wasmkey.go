package wasmkey

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report a Begini API key used by client-side code

Go built for js/wasm or wasip1 ships everything to the user. Reports a
credentialed Begini request made from client-side code and any call there
handed the API key, whatever its origin (literal, env, -ldflags -X, embed,
JavaScript, a shared package). Call your own back end instead.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#wasmkey"

// Analyzer reports keys in client-side code, with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine shared with the other
// analyzers of a set.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("wasmkey", Doc, URL, engine, diagnostics)
}

func diagnostics(_ *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	var last credflow.Flow
	for _, fl := range flows {
		if fl.Kind != credflow.ClientCall && fl.Kind != credflow.ClientKey {
			continue
		}
		if fl.Pos == last.Pos && last.Kind == credflow.ClientCall {
			continue // the call is reported; the key in it says nothing more
		}
		last = fl
		out = append(out, analysis.Diagnostic{
			Pos: fl.Pos, End: fl.End, Message: message(fl), Category: category(fl),
		})
	}
	return out
}

func message(fl credflow.Flow) string {
	if fl.Kind == credflow.ClientCall {
		return fmt.Sprintf("credentialed Begini call from client-side code (%s): the key ships "+
			"to every user; call Begini from your back end", fl.Role)
	}
	src := "Begini API key"
	if fl.Source != nil {
		src += " from " + fl.Source.Describe()
	}
	return fmt.Sprintf("%s used in client-side code (passed to %s): the key ships to every "+
		"user; keep it on your back end", src, fl.Sink)
}

func category(fl credflow.Flow) string {
	if fl.Kind == credflow.ClientCall {
		return "call"
	}
	return "key"
}
