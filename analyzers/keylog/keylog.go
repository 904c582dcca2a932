package keylog

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report a Begini API key reaching a log or print

The key, followed from env, flags and config through helpers, fields and
errors, must never reach log, slog, fmt.Print, testing logs or third-party
loggers (zap, logrus, zerolog, klog). Log a masked form or leave it out.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#keylog"

// Analyzer reports logged Begini API keys with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine shared with the other
// analyzers of a set.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("keylog", Doc, URL, engine, diagnostics)
}

func diagnostics(pass *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fl := range flows {
		if fl.Kind == credflow.Logged {
			out = append(out, diagnostic(pass, fl))
		}
	}
	return out
}

func diagnostic(pass *analysis.Pass, fl credflow.Flow) analysis.Diagnostic {
	src := "Begini API key"
	if fl.Source != nil {
		src = "Begini API key from " + fl.Source.Describe()
	}
	sink := fl.Sink
	if fl.Via != "" {
		// Through a wrapper, or through a field a method of the callee logs.
		sink = fl.Sink + " through " + fl.Via
	}
	d := analysis.Diagnostic{
		Pos:     fl.Pos,
		End:     fl.End,
		Message: fmt.Sprintf("%s reaches %s: log a masked form or leave it out", src, sink),
		URL:     URL,
	}
	if fl.Source != nil {
		if p := fl.Source.Pos(pass.Fset); p.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: p, End: p,
				Message: "the key's source"}}
		}
	}
	return d
}
