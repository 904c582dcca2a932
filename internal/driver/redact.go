package driver

import (
	"errors"
	"regexp"
	"strconv"

	"github.com/beginilint/beginilint/internal/model"
)

// Error messages of the go command, the parser and the type checker quote
// literals from the source ("cannot use "…" (untyped string constant) as int
// value"). A package that does not compile can therefore carry a key into
// an error, and errors reach standard error and every output format. So
// every quoted string in an error that could be a key is masked.
var quotedString = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"`)

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
	return quotedString.ReplaceAllStringFunc(s, func(q string) string {
		v, err := strconv.Unquote(q)
		if err != nil || !model.CouldBeKey(v, false) {
			return q
		}
		return strconv.Quote(model.Mask(v))
	})
}
