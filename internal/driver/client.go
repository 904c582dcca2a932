package driver

import (
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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
// With anchors, only the packages that can matter are analysed (see
// relevant); nil analyses every package.
func analyse(lc loadConfig, patterns []string, selected []*analysis.Analyzer,
	a *anchors) (*loaded, []diagnostic, []error, error) {
	host, err := load(lc, patterns)
	if err != nil {
		return nil, nil, nil, err
	}
	r := newRunner(selected)
	r.depErrors = true
	r.run(host.source, host.roots, a)
	diags, errs := r.diags, r.errs
	for _, t := range targetedPlatforms(host, lc.Dir, patterns) {
		if a != nil {
			if t.dirs = relevantDirs(t.dirs, host, *a); len(t.dirs) == 0 {
				continue // no client code there can hold a finding
			}
		}
		clc := lc
		clc.Env = append(append([]string{}, lc.Env...), t.platform.env...)
		cl, err := load(clc, t.dirs)
		if err != nil {
			errs = append(errs, fmt.Errorf("loading the %s build: %v", t.platform.name, err))
			continue
		}
		cr := newRunner(selected)
		cr.run(cl.source, clientRoots(cl), a)
		diags = append(diags, cr.diags...)
		errs = append(errs, cr.errs...)
	}
	return host, diags, errs, nil
}

// A target is a client platform and the directories of the packages that
// have client-only files for it. Only those are loaded again: loading the
// whole module for a browser would type-check everything a second time
// for one file.
type target struct {
	platform clientPlatform
	dirs     []string
}

// targetedPlatforms returns the client platforms that the packages named by
// the patterns have client-only files for. A package with no file for the
// host at all (a wasm-only main) is not even listed by the host load of
// "./...", so the directories under "..." patterns are searched as well.
func targetedPlatforms(l *loaded, dir string, patterns []string) []target {
	files := clientCandidates(dir, patterns)
	for _, pkg := range l.all {
		files = append(files, pkg.IgnoredFiles...)
	}
	var out []target
	for _, p := range clientPlatforms {
		if dirs := clientDirs(files, p); len(dirs) > 0 {
			out = append(out, target{p, dirs})
		}
	}
	return out
}

// clientCandidates lists the Go files whose names or first lines could
// make them client-only, under the directories of "..." patterns.
func clientCandidates(dir string, patterns []string) []string {
	var out []string
	for _, pat := range patterns {
		root, ok := strings.CutSuffix(pat, "/...")
		if !ok || !strings.HasPrefix(root, ".") {
			continue // import-path patterns are covered by the host load
		}
		filepath.WalkDir(filepath.Join(dir, root), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if path != filepath.Join(dir, root) && skipDir(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				out = append(out, path)
			}
			return nil
		})
	}
	return out
}

// skipDir reports directories the go command ignores in "..." patterns.
func skipDir(name string) bool {
	return name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") ||
		strings.HasPrefix(name, "_")
}

// clientDirs returns the directories, as absolute paths the go command
// takes as patterns, of the files that are client-only for p.
func clientDirs(files []string, p clientPlatform) []string {
	var dirs []string
	seen := make(map[string]bool)
	for _, name := range files {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := readHeader(name)
		if err != nil || !credflow.IsClientOnly(name, src) {
			continue
		}
		if !strings.Contains(name, "_"+p.tag) && !strings.Contains(string(head(src)), p.tag) {
			continue
		}
		d, err := filepath.Abs(filepath.Dir(name))
		if err == nil && !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// readHeader reads the start of a file, where its build constraint is.
func readHeader(name string) ([]byte, error) {
	// Opening a FIFO blocks until someone writes to it: look first.
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
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

// relevantDirs keeps the client package directories whose Go files mention
// an anchor or import a package of the host build that can hold a finding.
// The rest need no client build: loading one compiles the standard library
// for the browser, which on a cold build cache costs more than the whole
// host run (logrus: one _js.go file, 40 s).
func relevantDirs(dirs []string, host *loaded, a anchors) []string {
	reach := make(map[string]bool)
	for p := range relevant(host.source, a) {
		reach[p.PkgPath] = true
	}
	var out []string
	for _, dir := range dirs {
		if clientDirMatters(dir, reach, a) {
			out = append(out, dir)
		}
	}
	return out
}

func clientDirMatters(dir string, reach map[string]bool, a anchors) bool {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return true
	}
	fset := token.NewFileSet()
	for _, name := range names {
		src, err := readRegular(name, maxInputFile)
		if err != nil || a.in(src) {
			return true
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			return true
		}
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err != nil || reach[path] {
				return true
			}
		}
	}
	return false
}
