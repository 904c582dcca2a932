package driver

import (
	"fmt"
	"strings"
	"testing"
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
