package webhooksig

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Doc is the analyzer's documentation, kept in doc.go.
const Doc = `report Begini webhook signatures verified unsafely or not at all

Begini signs each webhook with the hex HMAC-SHA512 of the raw body, keyed
with the API key, in X-Signature. Reports the signature compared in
variable time (==, bytes.Equal, a byte loop), an HMAC with another hash or
a plain hash, a MAC over re-encoded JSON, and a handler that acts on the
payload without verifying it.`

// URL is the analyzer's section of the README.
const URL = "https://github.com/beginilint/beginilint#webhooksig"

// Analyzer reports unsafe webhook verification with the default engine.
var Analyzer = New(credflow.Analyzer)

// New returns the analyzer on top of an engine shared with the other
// analyzers of a set.
func New(engine *analysis.Analyzer) *analysis.Analyzer {
	return credflow.Reporter("webhooksig", Doc, URL, engine, diagnostics)
}

func diagnostics(pass *analysis.Pass, flows []credflow.Flow) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fl := range flows {
		msg, category, ok := message(fl)
		if !ok {
			continue
		}
		d := analysis.Diagnostic{Pos: fl.Pos, End: fl.End, Message: msg, Category: category}
		if fix, ok := suggestedFix(pass, fl); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		out = append(out, d)
	}
	return out
}

// message words a flow. Helpers of other packages are named (Via) where
// the finding is reported at their call.
func message(fl credflow.Flow) (msg, category string, ok bool) {
	switch fl.Kind {
	case credflow.SigCompare:
		return compareMessage(fl), "compare", true
	case credflow.SigWrongHash:
		what := "Begini webhook HMAC built with " + fl.Role
		if fl.Via != "" {
			what = fl.Via + " builds the Begini webhook HMAC with " + fl.Role
		}
		return what + ": Begini signs with HMAC-SHA512, so use sha512.New", "hash", true
	case credflow.SigPlainHash:
		what := "Begini webhook signature checked against a plain hash (" + fl.Role + ")"
		if fl.Via != "" {
			what = fl.Via +
				" checks the Begini webhook signature against a plain hash (" + fl.Role + ")"
		}
		return what + ": compute hmac.New(sha512.New, key) over the raw body", "plain-hash", true
	case credflow.SigReencoded:
		switch {
		case fl.Role == credflow.ReencodedArgument:
			return "re-encoded data passed to " + fl.Via +
				", which computes the Begini webhook MAC " +
				"over it: pass the raw request body as received", "reencoded", true
		case fl.Via != "":
			return fl.Via +
				" computes the Begini webhook MAC over re-encoded data: hash the raw " +
				"request body as received", "reencoded", true
		}
		return "Begini webhook MAC computed over re-encoded data: hash the raw request body " +
			"as received", "reencoded", true
	case credflow.SigUnverified:
		return unverifiedMessage(fl), "unverified", true
	}
	return "", "", false
}

func compareMessage(fl credflow.Flow) string {
	how := "with " + fl.Role
	if strings.HasPrefix(fl.Role, "a ") {
		how = "in " + fl.Role // a byte-by-byte loop, a switch case
	}
	what := "Begini webhook signature compared " + how
	if fl.Via != "" {
		what = fl.Via + " compares the Begini webhook signature " + how
	}
	return what + ", which leaks how much of it matches: use hmac.Equal"
}

func unverifiedMessage(fl credflow.Flow) string {
	handler := "Begini webhook handler"
	if fl.Sink != "" {
		handler += " " + fl.Sink
	}
	switch fl.Role {
	case credflow.UnverifiedHandler:
		return fmt.Sprintf("%s reads the signature but never verifies it: compare the "+
			"HMAC-SHA512 of the raw body with hmac.Equal before acting on the payload", handler)
	case credflow.UnverifiedDecode:
		return "Begini webhook payload decoded on a path where its signature is not verified: " +
			"verify first and stop on a mismatch"
	}
	return fmt.Sprintf("%s registered without signature verification: wrap it in a verifying "+
		"middleware or verify in the handler", handler)
}
