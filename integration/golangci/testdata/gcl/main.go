// Command golangci-lint is golangci-lint v2 with the beginilint module
// plugin linked in. It is the offline alternative to "golangci-lint custom",
// which clones golangci-lint's repository: this main package needs only the
// Go module proxy. Build it in a module that requires
// github.com/golangci/golangci-lint/v2 and github.com/beginilint/beginilint
// (see the README, section "golangci-lint").
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// Linked in for its init, which registers the "beginilint" plugin.
	_ "github.com/beginilint/beginilint/plugin"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "golangci-lint: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo fills what "golangci-lint version" prints from the linked
// golangci-lint module, since no release tooling stamps this build.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "custom", Commit: "(with beginilint)", Date: "(unknown)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	for _, dep := range bi.Deps {
		if dep.Path == "github.com/golangci/golangci-lint/v2" {
			info.Version = dep.Version + "+beginilint"
		}
	}
	return info
}
