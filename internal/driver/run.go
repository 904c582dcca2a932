package driver

import (
	"fmt"
	"go/build"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/beginilint/beginilint/internal/credflow"
)

// A diagnostic as the driver keeps it: the analyzer that reported it and
// the package it was found in.
type diagnostic struct {
	analysis.Diagnostic
	Analyzer string
	PkgID    string
	Pkg      *packages.Package
}

// runner runs an analyzer graph over packages in dependency order, keeping
// facts in memory between them. It replaces x/tools' checker, which loads
// every dependency from source when analyzers use facts; here only the
// team's packages are analysed, and the rest come from export data.
type runner struct {
	analyzers []*analysis.Analyzer // the reporting analyzers
	objFacts  map[objFactKey]analysis.Fact
	pkgFacts  map[pkgFactKey]analysis.Fact
	diags     []diagnostic
	errs      []error
	// depErrors reports the errors of the module's packages that the
	// analysed ones import, not only of those named: a broken dependency
	// leaves its importers half-analysed, and that must not pass silently.
	depErrors bool
}

type objFactKey struct {
	obj types.Object
	typ reflect.Type
}

type pkgFactKey struct {
	pkg *types.Package
	typ reflect.Type
}

func newRunner(analyzers []*analysis.Analyzer) *runner {
	return &runner{
		analyzers: analyzers,
		objFacts:  make(map[objFactKey]analysis.Fact),
		pkgFacts:  make(map[pkgFactKey]analysis.Fact),
	}
}

// run analyses each package in order. A package that failed to load or
// type-check is reported as an error and skipped; its importers are still
// analysed against what could be checked of it.
func (r *runner) run(pkgs []*packages.Package, report map[string]bool, a *anchors) {
	var analysed map[*packages.Package]bool
	if a != nil {
		analysed = relevant(pkgs, *a)
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			if (report[p.ID] || (r.depErrors && !isTestVariant(p))) && !onlyExcluded(p) {
				r.errs = append(r.errs, packageError(p))
			}
			continue
		}
		if p.Types == nil || p.TypesInfo == nil || (analysed != nil && !analysed[p]) {
			continue
		}
		r.runPackage(p, report[p.ID])
	}
}

// isTestVariant reports the test builds of a package: p [p.test], p_test
// and p.test. A dependency's tests are not part of the run.
func isTestVariant(p *packages.Package) bool {
	return strings.Contains(p.ID, " [") || strings.HasSuffix(p.ID, ".test") ||
		strings.HasSuffix(p.PkgPath, "_test")
}

// A PackageError is a package that could not be analysed.
type PackageError struct {
	PkgID string
	Msg   string
}

func (e *PackageError) Error() string { return e.PkgID + ": " + e.Msg }

func packageError(p *packages.Package) error {
	msg := oneLine(p.Errors[0].Error())
	if n := len(p.Errors); n > 1 {
		msg += fmt.Sprintf(" (and %d more errors)", n-1)
	}
	return &PackageError{PkgID: p.ID, Msg: msg}
}

// oneLine folds an error of the go command into one line: "-: # pkg" and
// its other headers go, and hints such as "to add it:\n\tgo get x" are
// joined to the line before.
func oneLine(msg string) string {
	// "-: # pkg" starts the go command's own build output: the compiler
	// fails on the package too, which is worth saying.
	rest, fromBuild := strings.CutPrefix(msg, "-: # ")
	if fromBuild {
		msg = rest
	}
	var parts []string
	for _, line := range strings.Split(msg, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") || (fromBuild && len(parts) == 0 &&
			!strings.Contains(line, ":")) {
			continue // the header naming the package again
		}
		parts = append(parts, line)
	}
	if fromBuild {
		return "go build: " + strings.Join(parts, " ")
	}
	return strings.Join(parts, " ")
}

func errorPkg(err error) string {
	if pe, ok := err.(*PackageError); ok {
		return pe.PkgID
	}
	return ""
}

// runPackage runs every analyzer needed on one package, each prerequisite
// once, and keeps the diagnostics when the package is reported on.
func (r *runner) runPackage(p *packages.Package, reporting bool) {
	results := make(map[*analysis.Analyzer]any)
	var exec func(a *analysis.Analyzer) error
	exec = func(a *analysis.Analyzer) error {
		if _, done := results[a]; done {
			return nil
		}
		for _, req := range a.Requires {
			if err := exec(req); err != nil {
				return err
			}
		}
		res, err := r.runAnalyzer(a, p, results, reporting)
		if err != nil {
			return err
		}
		results[a] = res
		return nil
	}
	for _, a := range r.analyzers {
		if err := exec(a); err != nil {
			r.errs = append(r.errs, err)
			return
		}
	}
}

// runAnalyzer runs one analyzer on one package, turning a panic into an
// error that names the package and the analyzer.
func (r *runner) runAnalyzer(a *analysis.Analyzer, p *packages.Package,
	results map[*analysis.Analyzer]any, reporting bool) (res any, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = &PackageError{PkgID: p.ID,
				Msg: fmt.Sprintf("internal error in analyzer %s: %v\n%s", a.Name,
					x, debug.Stack())}
		}
	}()
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         p.Fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		Module:       module(p),
		ResultOf:     make(map[*analysis.Analyzer]any),
		ReadFile:     os.ReadFile,
		Report: func(d analysis.Diagnostic) {
			if reporting {
				r.diags = append(r.diags, diagnostic{Diagnostic: d,
					Analyzer: a.Name, PkgID: p.ID, Pkg: p})
			}
		},
		ImportObjectFact: r.importObjectFact,
		ExportObjectFact: func(obj types.Object,
			f analysis.Fact) {
			r.objFacts[objFactKey{obj, reflect.TypeOf(f)}] = f
		},
		ImportPackageFact: r.importPackageFact,
		ExportPackageFact: func(f analysis.Fact) {
			r.pkgFacts[pkgFactKey{p.Types,
				reflect.TypeOf(f)}] = f
		},
		AllObjectFacts:  r.allObjectFacts,
		AllPackageFacts: r.allPackageFacts,
	}
	for _, req := range a.Requires {
		pass.ResultOf[req] = results[req]
	}
	res, err = a.Run(pass)
	if err != nil {
		return nil, &PackageError{PkgID: p.ID, Msg: fmt.Sprintf("analyzer %s: %v", a.Name, err)}
	}
	return res, nil
}

func module(p *packages.Package) *analysis.Module {
	if p.Module == nil {
		return nil
	}
	m := &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, Main: p.Module.Main,
		Dir: p.Module.Dir, GoVersion: p.Module.GoVersion}
	if p.Module.Replace != nil {
		m.Replace = &analysis.Module{Path: p.Module.Replace.Path, Version: p.Module.Replace.Version}
	}
	return m
}

func (r *runner) importObjectFact(obj types.Object, ptr analysis.Fact) bool {
	f, ok := r.objFacts[objFactKey{obj, reflect.TypeOf(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

func (r *runner) importPackageFact(pkg *types.Package, ptr analysis.Fact) bool {
	f, ok := r.pkgFacts[pkgFactKey{pkg, reflect.TypeOf(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

func (r *runner) allObjectFacts() []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, f := range r.objFacts {
		out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
	}
	return out
}

func (r *runner) allPackageFacts() []analysis.PackageFact {
	var out []analysis.PackageFact
	for k, f := range r.pkgFacts {
		out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func goroot() string { return build.Default.GOROOT }

// onlyExcluded reports whether a package failed only because no file builds
// for this platform, as a js/wasm front end does on linux: nothing to
// analyse, nothing wrong.
func onlyExcluded(p *packages.Package) bool {
	for _, e := range p.Errors {
		if !strings.Contains(e.Msg, "build constraints exclude all Go files") {
			return false
		}
	}
	// Only client code is expected to be left out: a cgo package under
	// CGO_ENABLED=0 was not analysed at all, and that must be said.
	for _, name := range p.IgnoredFiles {
		if src, err := readHeader(name); err == nil && credflow.IsClientOnly(name, src) {
			return true
		}
	}
	return false
}
