// Command loadonly is the load-only baseline of the realmods benchmark.
//
// It loads the given package patterns the way a go/analysis driver does
// (syntax and types for the named packages, dependencies from export data)
// and exits without analysing anything, so that
// "beginilint time / loadonly time" shows what the analyzers themselves cost
// on top of go/packages.
//
// Usage:
//
//	loadonly [-test=true] [-allsyntax] ./...
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	tests := flag.Bool("test", true,
		"also load test packages (the go/analysis drivers default to true)")
	allSyntax := flag.Bool("allsyntax", false,
		"type-check dependencies from source too, as a driver whose analyzers "+
			"use facts does")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	os.Exit(run(patterns, *tests, *allSyntax))
}

func run(patterns []string, tests, allSyntax bool) int {
	cfg := &packages.Config{Mode: loadMode(allSyntax), Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadonly:", err)
		return 1
	}
	nerr := packages.PrintErrors(pkgs)
	fmt.Printf("loaded %d packages, %d errors\n", len(pkgs), nerr)
	if nerr > 0 {
		return 1
	}
	return 0
}

func loadMode(allSyntax bool) packages.LoadMode {
	mode := packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
		packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports
	if allSyntax {
		// NeedDeps makes go/packages type-check every dependency from source
		// instead of reading export data.
		mode |= packages.NeedDeps
	}
	return mode
}
