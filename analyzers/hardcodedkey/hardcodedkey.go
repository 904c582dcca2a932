package hardcodedkey

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/fiximport"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report a Begini API key hardcoded in source

A literal (string, byte or rune slice, constant, flag or struct-tag default,
env fallback, embedded key file) that ends up as the Begini API key is a
committed secret. Read the key from the environment or a secret store.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#hardcodedkey"

// EnvName is the variable the suggested fix reads the key from.
const EnvName = "BEGINI_API_KEY"

// Analyzer reports hardcoded Begini API keys with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine, so that all analyzers of a
// set share one analysis of each package.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("hardcodedkey", Doc, URL, engine, diagnostics)
}

func diagnostics(pass *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fl := range flows {
		if fl.Kind == credflow.Hardcoded {
			out = append(out, diagnostic(pass, fl))
		}
	}
	return out
}

func diagnostic(pass *analysis.Pass, fl credflow.Flow) analysis.Diagnostic {
	d := analysis.Diagnostic{
		Pos:      fl.Pos,
		End:      fl.End,
		Category: category(fl),
		URL:      URL,
	}
	if fl.Source.Pkg != pass.Pkg.Path() {
		// The literal is in another package: this is where it becomes a key.
		d.Message = fmt.Sprintf("%s from %s becomes the Begini API key here (%s): "+
			"read the key from the environment or a secret store", kindOf(fl),
			fl.Source.Pkg, fl.Role)
		if p := fl.Source.Pos(pass.Fset); p.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: p, End: p, Message: "the literal"}}
		}
	} else {
		d.Message = fmt.Sprintf("hardcoded Begini API key (%s): "+
			"read it from the environment or a secret store", fl.Role)
	}
	if fix, ok := suggestedFix(pass, fl); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return d
}

func kindOf(fl credflow.Flow) string {
	if fl.Source.Kind == credflow.FromEmbed {
		return "embedded file"
	}
	return "literal"
}

func category(fl credflow.Flow) string {
	switch {
	case fl.Source.Kind == credflow.FromEmbed:
		return "embed"
	case fl.Fix == nil:
		return "constant"
	}
	return "literal"
}

// suggestedFix replaces the literal with os.Getenv("BEGINI_API_KEY") and
// imports os if the file does not.
func suggestedFix(pass *analysis.Pass, fl credflow.Flow) (analysis.SuggestedFix, bool) {
	lit, ok := fl.Fix.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || fl.File == nil {
		return analysis.SuggestedFix{}, false
	}
	osName, edits, ok := fiximport.Name(pass, fl.File, "os", lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false // a local named os would take the call
	}
	edits = append(edits, analysis.TextEdit{
		Pos:     lit.Pos(),
		End:     lit.End(),
		NewText: []byte(osName + ".Getenv(" + strconv.Quote(EnvName) + ")"),
	})
	return analysis.SuggestedFix{
		Message:   "read the key from env " + EnvName,
		TextEdits: edits,
	}, true
}
