package plainhttp

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report a Begini API call over plain HTTP or unverified TLS

Every Begini request carries the API key in a header; over http://, or over
TLS whose certificate is not verified, anyone on the path can read it.
Reports Begini URLs with the http:// scheme and clients used for Begini calls
that set InsecureSkipVerify or accept every certificate.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#plainhttp"

// Analyzer reports plain-HTTP Begini calls with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine shared with the other
// analyzers of a set.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("plainhttp", Doc, URL, engine, diagnostics)
}

func diagnostics(_ *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fl := range flows {
		switch fl.Kind {
		case credflow.PlainURL:
			out = append(out, urlDiagnostic(fl))
		case credflow.InsecureTLS:
			out = append(out, tlsDiagnostic(fl))
		}
	}
	return out
}

func urlDiagnostic(fl credflow.Flow) analysis.Diagnostic {
	d := analysis.Diagnostic{
		Pos: fl.Pos, End: fl.End, Category: "url-" + fl.Sink, URL: URL,
		Message: fmt.Sprintf("plain-HTTP Begini API URL (%s): requests and their api-key header "+
			"would travel unencrypted; use https://", fl.Role),
	}
	if fix, ok := httpsFix(fl); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return d
}

// httpsFix turns the "http" of the literal's scheme into "https". The
// engine sets Fix only where that is safe; the scheme is the first "http"
// at or after the reported position, which may lie inside a struct tag.
func httpsFix(fl credflow.Flow) (analysis.SuggestedFix, bool) {
	lit, ok := fl.Fix.(*ast.BasicLit)
	if !ok || fl.Pos < lit.Pos() || fl.Pos >= lit.End() {
		return analysis.SuggestedFix{}, false
	}
	off := int(fl.Pos - lit.Pos())
	i := strings.Index(strings.ToLower(lit.Value[off:]), "http")
	if i < 0 {
		return analysis.SuggestedFix{}, false
	}
	at := fl.Pos + token.Pos(i)
	return analysis.SuggestedFix{
		Message:   "use https://",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at + 4, NewText: []byte("https")}},
	}, true
}

func tlsDiagnostic(fl credflow.Flow) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: fl.Pos, End: fl.End, URL: URL}
	switch {
	case fl.Via != "":
		d.Category = "imported"
		d.Message = fmt.Sprintf("%s skips TLS certificate verification (%s) and is used for "+
			"Begini calls here: anyone on the path can read the API key; use a client that "+
			"verifies certificates", fl.Via, fl.Role)
	case fl.Role == "InsecureSkipVerify":
		d.Category = "insecure-skip-verify"
		d.Message = "TLS certificate verification switched off (InsecureSkipVerify) on a client " +
			"used for Begini calls: anyone on the path can read the API key; remove it"
	default:
		d.Category = "accept-all-callback"
		d.Message = fmt.Sprintf("%s accepts every certificate while InsecureSkipVerify is set, "+
			"on a client used for Begini calls: anyone on the path can read the API key; "+
			"verify the chain or remove both", fl.Role)
	}
	if fl.SinkPos.IsValid() && fl.Via == "" {
		d.Related = []analysis.RelatedInformation{{Pos: fl.SinkPos, End: fl.SinkPos,
			Message: "used for Begini calls here"}}
	}
	return d
}
