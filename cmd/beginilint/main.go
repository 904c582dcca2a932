// Command beginilint reports misuse of Begini API credentials in Go code.
//
// Run it on packages like go vet:
//
//	beginilint ./...
//
// or let go vet drive it, which adds the build cache and incremental runs:
//
//	go vet -vettool=$(which beginilint) ./...
//
// Exit codes: 0 no findings, 3 findings, 1 the tool could not do its job.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/beginilint/beginilint/analyzers"
	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/driver"
)

func main() {
	if vetMode(os.Args[1:]) {
		// go vet speaks its own protocol (-V=full, -flags, a .cfg file per
		// package). The engine is listed so that its flags, which carry the
		// configuration, are accepted there.
		unitchecker.Main(append([]*analysis.Analyzer{credflow.Analyzer}, analyzers.Default...)...)
		return
	}
	os.Exit(driver.Main(os.Args[1:], os.Stdout, os.Stderr))
}

// vetMode reports whether go vet is invoking the tool.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
