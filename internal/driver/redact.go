package driver

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/beginilint/beginilint/internal/model"
)

// Error messages of the go command, the parser and the type checker quote
// literals from the source: cannot use "…" (untyped string constant) as
// int value. A package that does not compile can therefore carry a key into
// an error, and errors reach standard error and every output format. So
// every literal in an error that could be a key is masked: double-quoted,
// raw (`…`, as the type checker prints the expression), and the shortened
// form the type checker gives long constants ("…...), with no closing quote.

var quotedString = regexp.MustCompile(`^"(?:[^"\\\n]|\\.)*"`)

// redactErrors returns errs with key-like quoted strings masked.
func redactErrors(errs []error) []error {
	out := make([]error, len(errs))
	for i, err := range errs {
		out[i] = redactError(err)
	}
	return out
}

func redactError(err error) error {
	var pe *PackageError
	if errors.As(err, &pe) {
		return &PackageError{PkgID: pe.PkgID, Msg: redactText(pe.Msg)}
	}
	if msg := redactText(err.Error()); msg != err.Error() {
		return errors.New(msg)
	}
	return err
}

func redactText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		lit, body, ok := literalAt(s[i:])
		if !ok {
			b.WriteByte(s[i])
			i++
			continue
		}
		if model.CouldBeKey(body, false) {
			b.WriteString(strconv.Quote(model.Mask(body)))
		} else {
			b.WriteString(lit)
		}
		i += len(lit)
	}
	return b.String()
}

// literalAt returns the literal that s starts with, if any, and its value.
func literalAt(s string) (lit, body string, ok bool) {
	switch {
	case strings.HasPrefix(s, "`"):
		end := strings.IndexByte(s[1:], '`')
		if end < 0 {
			return "", "", false
		}
		return s[:end+2], s[1 : end+1], true
	case strings.HasPrefix(s, `"`):
		if m := quotedString.FindString(s); m != "" {
			short := strings.Index(s, "...)")
			if short < 0 || short > len(m) {
				v, err := strconv.Unquote(m)
				return m, v, err == nil
			}
		}
		// The type checker's shortened constant: "Zq8x...) with no close.
		short := strings.Index(s, "...)")
		if short < 0 || strings.ContainsAny(s[1:short], "\"\n") {
			return "", "", false
		}
		return s[:short+3], s[1:short], true
	}
	return "", "", false
}
