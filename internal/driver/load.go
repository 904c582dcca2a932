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

// load loads the packages named by patterns, and the dependencies they
// have in the same modules, with syntax in one go. The common case, ./... at
// a module's root, names every package of the module already: one load
// does. Only when a named package imports one of the module's packages that
// was not named (or the module replaces a dependency with a directory, or a
// workspace is in use) is the import graph listed to find them, and all
// loaded again together, so that facts flow between them.
func load(c loadConfig, patterns []string) (*loaded, error) {
	cfg := c.packagesConfig(loadMode)
	all, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	rootPaths := make(map[string]bool)
	for _, p := range all {
		if !strings.HasSuffix(p.ID, ".test") { // the generated test main
			rootPaths[strings.TrimSuffix(p.PkgPath, "_test")] = true
		}
	}
	if mayMissLocalDeps(c, all) {
		graph := c.packagesConfig(packages.NeedName | packages.NeedModule | packages.NeedImports |
			packages.NeedDeps)
		graph.Tests = false
		pkgs, err := packages.Load(graph, patterns...)
		if err != nil {
			return nil, fmt.Errorf("listing packages: %v", err)
		}
		if extra := localDeps(pkgs); len(extra) > 0 {
			all, err = packages.Load(cfg, append(append([]string{}, patterns...), extra...)...)
			if err != nil {
				return nil, fmt.Errorf("loading packages: %v", err)
			}
		}
	}
	l := &loaded{roots: make(map[string]bool), all: all, byID: make(map[string]*packages.Package)}
	for _, p := range all {
		l.byID[p.ID] = p
		if rootPaths[strings.TrimSuffix(p.PkgPath, "_test")] {
			l.roots[p.ID] = true
		}
	}
	l.source = sourceOrder(all)
	return l, nil
}

// mayMissLocalDeps reports whether packages of the team's modules could be
// imported without having been loaded: an import under a loaded module's
// path that was not loaded, a directory replace in a loaded module's
// go.mod, or a go.work. It errs towards yes; yes costs one more listing.
func mayMissLocalDeps(c loadConfig, pkgs []*packages.Package) bool {
	if w := os.Getenv("GOWORK"); (w != "" && w != "off") || (w == "" && inWorkspace(c.Dir)) {
		return true
	}
	loaded := make(map[string]bool)
	modules := make(map[string]*packages.Module)
	for _, p := range pkgs {
		loaded[p.PkgPath] = true
		if p.Module != nil {
			modules[p.Module.Path] = p.Module
		}
	}
	for _, m := range modules {
		if hasDirReplace(m.GoMod) {
			return true
		}
	}
	for _, p := range pkgs {
		for path := range p.Imports {
			if loaded[path] {
				continue
			}
			for mp := range modules {
				if path == mp || strings.HasPrefix(path, mp+"/") {
					return true
				}
			}
		}
	}
	return false
}

// inWorkspace reports whether a go.work file governs dir, as the go command
// finds one: in dir or a parent.
func inWorkspace(dir string) bool {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// hasDirReplace reports a replace directive whose target is a directory.
func hasDirReplace(gomod string) bool {
	data, err := readRegular(gomod, maxInputFile)
	if err != nil {
		return gomod != "" // unreadable: assume the worst
	}
	for _, line := range strings.Split(string(data), "\n") {
		_, target, ok := strings.Cut(line, "=>")
		target = strings.TrimSpace(target)
		if ok && (strings.HasPrefix(target, ".") || strings.HasPrefix(target, "/")) {
			return true
		}
	}
	return false
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
	return m.Main || (m.Version == "" && m.Replace == nil) || (m.Replace != nil &&
		m.Replace.Version == "")
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
