package driver

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/beginilint/beginilint/internal/credflow"
)

// Client-side code (js/wasm, wasip1) does not build on the host, so a plain
// load never sees it. After the host run, the packages that have
// client-only files are loaded again for each client platform they target,
// with full types, and analysed there; only their own findings are kept.
// Their server-only neighbours often fail to build for a browser ("build
// constraints exclude all Go files"): that is expected, and never an error.

// clientPlatform is a client build configuration.
type clientPlatform struct {
	name string
	env  []string
	tag  string // the build tag that selects it
}

var clientPlatforms = []clientPlatform{
	{"js/wasm", []string{"GOOS=js", "GOARCH=wasm"}, "js"},
	{"wasip1/wasm", []string{"GOOS=wasip1", "GOARCH=wasm"}, "wasip1"},
}

// analyse runs the analyzers on the host build and on the client builds the
// module has, and returns the host load, all diagnostics and all errors.
func analyse(lc loadConfig, patterns []string, selected []*analysis.Analyzer) (*loaded, []diagnostic, []error, error) {
	host, err := load(lc, patterns)
	if err != nil {
		return nil, nil, nil, err
	}
	r := newRunner(selected)
	r.run(host.source, host.roots)
	diags, errs := r.diags, r.errs
	for _, p := range targetedPlatforms(host) {
		clc := lc
		clc.Env = append(append([]string{}, lc.Env...), p.env...)
		cl, err := load(clc, patterns)
		if err != nil {
			errs = append(errs, fmt.Errorf("loading the %s build: %v", p.name, err))
			continue
		}
		cr := newRunner(selected)
		cr.run(cl.source, clientRoots(cl))
		diags = append(diags, cr.diags...)
		errs = append(errs, cr.errs...)
	}
	return host, diags, errs, nil
}

// targetedPlatforms returns the client platforms that some package of the
// host load has client-only files for.
func targetedPlatforms(l *loaded) []clientPlatform {
	var out []clientPlatform
	for _, p := range clientPlatforms {
		for _, pkg := range l.all {
			if hasClientFileFor(pkg.IgnoredFiles, p) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

func hasClientFileFor(files []string, p clientPlatform) bool {
	for _, name := range files {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil || !credflow.IsClientOnly(name, head(src)) {
			continue
		}
		if strings.Contains(name, "_"+p.tag) || strings.Contains(string(head(src)), p.tag) {
			return true
		}
	}
	return false
}

func head(src []byte) []byte {
	if len(src) > 4096 {
		return src[:4096]
	}
	return src
}

// clientRoots returns the root packages of a client load that hold client
// code: a client-only file, or an import of syscall/js. The rest are
// analysed for facts only, and their errors are not reported.
func clientRoots(l *loaded) map[string]bool {
	roots := make(map[string]bool)
	for id := range l.roots {
		if p := l.byID[id]; p != nil && isClientPackage(p) {
			roots[id] = true
		}
	}
	return roots
}

func isClientPackage(p *packages.Package) bool {
	if _, ok := p.Imports["syscall/js"]; ok {
		return true
	}
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(name)
		if err == nil && credflow.IsClientOnly(name, head(src)) {
			return true
		}
	}
	return false
}
