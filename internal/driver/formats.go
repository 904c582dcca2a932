package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"golang.org/x/tools/go/analysis"
)

// A report is what one run found, ready to print in any format.
type report struct {
	findings  []Finding
	errs      []error
	analyzers []*analysis.Analyzer // those that ran: the rules of a SARIF log
	files     map[string]bool      // module-relative files analysed, for the baseline
}

// formatNames lists the values of -format, for usage and errors.
const formatNames = "text, json, sarif or github"

func validFormat(name string) bool {
	switch name {
	case "text", "json", "sarif", "github":
		return true
	}
	return false
}

func writeFormat(w io.Writer, format string, rep *report) error {
	switch format {
	case "json":
		return writeJSON(w, rep.findings, rep.errs)
	case "sarif":
		return writeSARIF(w, rep)
	case "github":
		return writeGitHub(w, rep)
	}
	return writeText(w, rep.findings)
}

// writeOutput prints the report to stdout, or to the file named by -o. The
// file is written whole at the end, so that a failed run never leaves half a
// SARIF log for the next CI step to upload.
func writeOutput(opts *options, rep *report, stdout io.Writer) error {
	if opts.output == "" {
		return writeFormat(stdout, opts.format, rep)
	}
	var buf bytes.Buffer
	if err := writeFormat(&buf, opts.format, rep); err != nil {
		return err
	}
	if err := os.WriteFile(opts.output, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-o: %v", err)
	}
	return nil
}
