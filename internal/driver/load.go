package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode loads syntax and types for the packages analysed and takes
// every other dependency (the standard library, other modules) from the
// build cache's export data, as go vet does. That is what keeps a run close
// to the cost of type-checking the team's own code.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedSyntax |
	packages.NeedTypesSizes | packages.NeedModule | packages.NeedEmbedFiles

// loadConfig says what to load and how.
type loadConfig struct {
	Dir   string
	Tags  string
	Tests bool
	Env   []string // extra environment, such as GOOS=js GOARCH=wasm
}

// loaded is the result of a load: the packages named by the patterns
// (roots), and those plus their dependencies from the same modules, in
// dependency order, which are analysed from source so that facts flow
// from a shared package to the packages that use it.
type loaded struct {
	roots  map[string]bool // IDs of packages to report on
	source []*packages.Package
	all    []*packages.Package
	byID   map[string]*packages.Package
}

func (c loadConfig) packagesConfig(mode packages.LoadMode) *packages.Config {
	cfg := &packages.Config{
		Mode:  mode,
		Dir:   c.Dir,
		Tests: c.Tests,
		Env:   append(os.Environ(), c.Env...),
	}
	if c.Tags != "" {
		cfg.BuildFlags = []string{"-tags=" + c.Tags}
	}
	return cfg
}

// load finds the packages named by patterns and the dependencies they have
// in the same modules, then loads all of those with syntax in one go.
func load(c loadConfig, patterns []string) (*loaded, error) {
	graph := c.packagesConfig(packages.NeedName | packages.NeedModule | packages.NeedImports |
		packages.NeedDeps)
	graph.Tests = false
	pkgs, err := packages.Load(graph, patterns...)
	if err != nil {
		return nil, fmt.Errorf("listing packages: %v", err)
	}
	extra := localDeps(pkgs)
	cfg := c.packagesConfig(loadMode)
	all, err := packages.Load(cfg, append(append([]string{}, patterns...), extra...)...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	l := &loaded{roots: make(map[string]bool), all: all, byID: make(map[string]*packages.Package)}
	for _, p := range all {
		l.byID[p.ID] = p
	}
	rootPaths := make(map[string]bool)
	for _, p := range pkgs {
		rootPaths[p.PkgPath] = true
	}
	for _, p := range all {
		if rootPaths[p.PkgPath] || rootPaths[strings.TrimSuffix(p.PkgPath, "_test")] {
			l.roots[p.ID] = true
		}
	}
	l.source = sourceOrder(all)
	return l, nil
}

// localDeps returns the import paths of dependencies of pkgs that belong to
// a main module (or a workspace module), excluding pkgs themselves.
func localDeps(pkgs []*packages.Package) []string {
	roots := make(map[string]bool)
	for _, p := range pkgs {
		roots[p.PkgPath] = true
	}
	var extra []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if seen[p.PkgPath] || roots[p.PkgPath] || p.Module == nil || !isLocalModule(p.Module) {
			return
		}
		seen[p.PkgPath] = true
		extra = append(extra, p.PkgPath)
	})
	return extra
}

func isLocalModule(m *packages.Module) bool {
	return m.Main || (m.Version == "" && m.Replace == nil) || (m.Replace != nil && m.Replace.Version == "")
}

// sourceOrder returns the packages loaded from source, dependencies first.
// Only the packages the load returned count: go/packages also parses some
// that it type-checks from export data (the test variants of dependencies),
// and those have no type information to analyse.
func sourceOrder(pkgs []*packages.Package) []*packages.Package {
	var order []*packages.Package
	initial := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		initial[p] = true
	}
	seen := make(map[*packages.Package]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, path := range sortedKeys(p.Imports) {
			visit(p.Imports[path])
		}
		if initial[p] && (len(p.Syntax) > 0 || len(p.Errors) > 0) {
			order = append(order, p)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
	return order
}

// reportable reports whether findings in a file are shown: files of the
// modules being linted, never the module cache, GOROOT or vendor/.
func reportable(filename string) bool {
	slash := filepath.ToSlash(filename)
	if strings.Contains(slash, "/vendor/") || strings.Contains(slash, "/pkg/mod/") {
		return false
	}
	return !strings.HasPrefix(slash, filepath.ToSlash(goroot())+"/")
}
