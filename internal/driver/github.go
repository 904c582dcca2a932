package driver

import (
	"fmt"
	"io"
	"strings"
)

// writeGitHub prints GitHub Actions workflow commands, one ::error line per
// finding, which the runner turns into annotations on the pull request.
// The source of a flow follows the message on lines of its own. Errors are
// annotations without a file, so that a broken package shows up there too.
func writeGitHub(w io.Writer, rep *report) error {
	for _, f := range rep.findings {
		msg := f.Message
		for _, r := range f.Related {
			msg += fmt.Sprintf("\n%s:%d:%d: %s", r.Path, r.Posn.Line, r.Posn.Column, r.Message)
		}
		props := fmt.Sprintf("file=%s,line=%d,col=%d,title=%s", escapeProperty(f.Path),
			f.Posn.Line, f.Posn.Column, escapeProperty("beginilint "+f.Analyzer))
		if _, err := fmt.Fprintf(w, "::error %s::%s\n", props, escapeData(msg)); err != nil {
			return err
		}
	}
	for _, err := range rep.errs {
		_, werr := fmt.Fprintf(w, "::error title=beginilint::%s\n", escapeData(err.Error()))
		if werr != nil {
			return werr
		}
	}
	return nil
}

// The runner decodes these escapes: in the message, % and line breaks; in a
// property value also ':' and ',', which would end the value.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
