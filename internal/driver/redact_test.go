package driver

import (
	"fmt"
	"strings"
	"testing"

	"github.com/beginilint/beginilint/internal/model"
)

func TestRedactError(t *testing.T) {
	const key = "Zq8xLmP2vR7tYw4nKs9bHd3c"
	pe := &PackageError{PkgID: "example.com/bad", Msg: fmt.Sprintf(
		"bad.go:5:23: cannot use beginiAPIKey (untyped string constant %q) as int value; "+
			"cannot use \"BEGINI_API_KEY\" as int", key)}
	got := redactError(pe)
	if strings.Contains(got.Error(), key) || !strings.Contains(got.Error(), `"****3c"`) {
		t.Errorf("redacted error = %q, want the key masked", got)
	}
	if !strings.Contains(got.Error(), `"BEGINI_API_KEY"`) {
		t.Errorf("redacted error = %q: an env var name is no key and stays", got)
	}
	if errorPkg(got) != "example.com/bad" {
		t.Errorf("redacting lost the package: %q", errorPkg(got))
	}
	if plain := fmt.Errorf("no quotes here"); redactError(plain) != plain {
		t.Error("an error without a key was replaced")
	}
}

// The type checker prints a raw literal as written and shortens a long
// constant to "…... with no closing quote; neither may leak the key.
func TestRedactRawAndShortened(t *testing.T) {
	long := strings.Repeat("Aq8xLmP2vR7tYw4nKs9bHd3c", 4)
	msg := "p.go:4:13: cannot use `" + long + "` (untyped string constant \"" + long[:67] +
		"...) as int value in variable declaration; unterminated \" quote"
	got := redactText(msg)
	if strings.Contains(got, long[:20]) {
		t.Errorf("redacted = %q, want no part of the key", got)
	}
	if !strings.Contains(got, "as int value in variable declaration; unterminated \" quote") {
		t.Errorf("redacted = %q, want the rest of the message kept", got)
	}
}

// Any error text redacts without a panic, and a key quoted in a message
// whose quotes pair up, in any of the three forms, does not survive.
func FuzzRedact(f *testing.F) {
	f.Add("cannot use `x` (untyped string constant \"y...) as int", "Zq8xLmP2vR7tYw4nKs9bHd3c")
	f.Add("a \"b\\\"c\" d", "Bq8xLmP2vR7tYw4nKs9bHd3c")
	f.Fuzz(func(t *testing.T, msg, key string) {
		got := redactText(msg)
		// Quotes pair up in the messages of the go command and the type
		// checker; in arbitrary text they need not, and then no scanner can
		// tell which quote opens the key.
		if !model.CouldBeKey(key, false) || strings.ContainsAny(key+msg, "\"`\\.") {
			return
		}
		for _, form := range []string{`"` + key + `"`, "`" + key + "`", `"` + key + "...)"} {
			if out := redactText(msg + " " + form + " " + got); strings.Contains(out, key) {
				t.Fatalf("redactText(%q) = %q keeps the key", msg+" "+form, out)
			}
		}
	})
}
