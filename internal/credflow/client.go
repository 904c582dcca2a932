package credflow

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/beginilint/beginilint/internal/model"
)

// Client-side code is Go compiled for a browser or another client runtime:
// everything in it ships to the user, the API key included.

const (
	// ClientCall: a credentialed Begini call made from client-side code.
	ClientCall FlowKind = iota + 20
	// ClientKey: the API key used by client-side code.
	ClientKey
)

var clientSuffixes = []string{"_js.go", "_wasm.go", "_wasip1.go"}

// clientTagSets are build configurations of client runtimes; serverTagSets
// are the usual server ones. A file is client-only when its constraint holds
// for some client configuration and for no server one.
var (
	clientTagSets = [][]string{{"js", "wasm"}, {"wasip1", "wasm"}}
	serverTagSets = [][]string{
		{"linux", "amd64", "unix", "gc"}, {"linux", "arm64", "unix", "gc"},
		{"darwin", "arm64", "unix", "gc"}, {"windows", "amd64", "gc"},
	}
)

// IsClientOnly reports whether a Go file builds only for a client runtime,
// by its name or its //go:build line.
func IsClientOnly(filename string, src []byte) bool {
	for _, suf := range clientSuffixes {
		if strings.HasSuffix(filename, suf) {
			return true
		}
	}
	expr := buildConstraint(src)
	if expr == nil {
		return false
	}
	holds := func(sets [][]string) bool {
		for _, set := range sets {
			if expr.Eval(func(tag string) bool { return contains(set, tag) }) {
				return true
			}
		}
		return false
	}
	return holds(clientTagSets) && !holds(serverTagSets)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// buildConstraint returns the //go:build expression in the file header.
func buildConstraint(src []byte) constraint.Expr {
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			return nil
		}
		if constraint.IsGoBuild(line) {
			if expr, err := constraint.Parse(line); err == nil {
				return expr
			}
		}
	}
	return nil
}

// collectClient marks the files of this package that are client-side: files
// that build only for a client runtime, and every file of a package that
// imports syscall/js or of a main package that has a client-only file (the
// entry point of a wasm build).
func (s *state) collectClient() {
	s.clientFiles = make(map[*ast.File]bool)
	whole := false
	for _, f := range s.pass.Files {
		name := s.pass.Fset.File(f.FileStart).Name()
		src, _ := s.readHeader(name)
		if IsClientOnly(name, src) {
			s.clientFiles[f] = true
			whole = whole || f.Name.Name == "main"
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"syscall/js"` {
				whole = true
			}
		}
	}
	if whole {
		for _, f := range s.pass.Files {
			s.clientFiles[f] = true
		}
	}
}

// readHeader reads the start of a file, enough for its build constraint.
func (s *state) readHeader(name string) ([]byte, error) {
	read := os.ReadFile
	if s.pass.ReadFile != nil {
		read = s.pass.ReadFile
	}
	src, err := read(name)
	if len(src) > 4096 {
		src = src[:4096]
	}
	return src, err
}

// clientUse reports the key used by client-side code: passed to a call,
// including the calls that hand it to JavaScript.
//
// Passing it through a string helper or reading a JavaScript value is not a
// use; handing a value to JavaScript is.
func (f *frame) clientUse(c *callSite) {
	if !f.client || slices.Contains(model.PassthroughPkgs, c.pkg) && !handsToJS(c) {
		return
	}
	for i, t := range c.taint {
		if i < c.self {
			continue // the receiver is what is being configured, not a use
		}
		typ := f.s.info.TypeOf(c.args[i])
		if f.s.isKey(t) && (isText(typ) || handsToJS(c)) {
			f.s.addFlow(Flow{Kind: ClientKey, Pos: c.call.Pos(), End: c.call.Lparen,
				Source: f.s.keySource(t), Sink: shortName(c)})
			return
		}
	}
}

var jsHandoffs = []string{"ValueOf", "Set", "SetIndex", "Call", "Invoke", "New"}

func handsToJS(c *callSite) bool {
	return c.pkg == "syscall/js" && slices.Contains(jsHandoffs, c.fn.Name())
}

// clientSink reports a credentialed Begini request made from client-side
// code, whatever the key's origin: the header alone ships the key.
func (f *frame) clientSink(what string, at ast.Node, t Taint) {
	if !f.client {
		return
	}
	f.s.addFlow(Flow{Kind: ClientCall, Pos: at.Pos(), End: at.Pos(), Role: what,
		Source: f.s.keySource(t)})
}

// jsSource recognises the key read from the page: a JavaScript global or
// local storage entry named like it, js.Global().Get("beginiApiKey") or
// localStorage.getItem("begini_api_key").
func (f *frame) jsSource(c *callSite, out []Taint) bool {
	if c.pkg != "syscall/js" || c.recv != "Value" || len(out) == 0 {
		return false
	}
	nameArg := 0
	if c.fn.Name() == "Call" {
		if m, ok := f.constString(c.argExpr(0)); !ok || m != "getItem" {
			return false
		}
		nameArg = 1
	} else if c.fn.Name() != "Get" {
		return false
	}
	name, ok := f.constString(c.argExpr(nameArg))
	if !ok {
		return false
	}
	r := f.s.cfg.ClassifyEnvName(name)
	if r == model.RoleNone {
		return false
	}
	out[0] = Taint{f.s.source(FromConfig, r, "js "+name, c.call.Pos())}
	return true
}

// ignoredClientFiles parses the client-only files a driver left out of the
// package (go vet and golangci-lint on a server platform) and checks them
// without types: the fallback that lets those drivers see client code.
func (s *state) ignoredClientFiles() {
	if s.cfg.TypedClientConfigs {
		return // the driver loads client configurations with full types
	}
	for _, name := range s.pass.IgnoredFiles {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		src, err := s.readFile(name)
		if err != nil || !IsClientOnly(name, src) {
			continue
		}
		f, err := parser.ParseFile(s.pass.Fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		s.extraFiles = append(s.extraFiles, f)
		s.scanClientSyntax(f)
	}
}

// maxClientFile bounds the ignored files read for the syntax fallback. Go
// files that big are generated tables, not client code that handles a key.
const maxClientFile = 8 << 20

// readFile reads an ignored file. The go command lists a symlink to a device
// or a FIFO as a file like any other; reading one would never end.
func (s *state) readFile(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxClientFile {
		return nil, fmt.Errorf("%s: not a regular file of at most %d MB", name, maxClientFile>>20)
	}
	if s.pass.ReadFile != nil {
		return s.pass.ReadFile(name)
	}
	return os.ReadFile(name)
}

// scanClientSyntax checks a client-only file by its syntax alone: a Begini
// key header set, a key env var read, and a key-named identifier passed to
// a call.
func (s *state) scanClientSyntax(f *ast.File) {
	begini := s.pkgBegini || s.mentionsBeginiSyntax(f)
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name := calleeName(call)
		switch {
		case begini && (name == "Set" || name == "Add") && len(call.Args) == 2 &&
			isKeyHeaderLit(call):
			s.addFlow(Flow{Kind: ClientCall, Pos: call.Pos(), End: call.Pos(),
				Role: "api-key header"})
		case (name == "Getenv" || name == "LookupEnv") && len(call.Args) == 1 &&
			s.litRole(call.Args[0]) == model.RoleKey:
			s.addFlow(Flow{Kind: ClientKey, Pos: call.Pos(), End: call.Lparen, Sink: "os." + name,
				Source: s.source(FromEnv, model.RoleKey, litValue(call.Args[0]), call.Pos())})
		default:
			for _, a := range call.Args {
				if id, ok := a.(*ast.Ident); ok && s.cfg.ClassifyName(id.Name,
					begini) == model.RoleKey {
					s.addFlow(Flow{Kind: ClientKey, Pos: call.Pos(),
						End: call.Lparen, Sink: name,
						Source: s.source(FromName, model.RoleKey, id.Name, id.Pos())})
					return true
				}
			}
		}
		return true
	})
}

func (s *state) mentionsBeginiSyntax(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			v, err := strconv.Unquote(n.Value)
			found = found || err == nil && s.cfg.MentionsBeginiHost(v)
		case *ast.Ident:
			found = found || s.cfg.HasVendorWord(n.Name)
		}
		return !found
	})
	return found
}

func calleeName(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		return fn.Sel.Name
	case *ast.Ident:
		return fn.Name
	}
	return ""
}

func isKeyHeaderLit(call *ast.CallExpr) bool {
	name := strings.ToLower(litValue(call.Args[0]))
	if contains(model.KeyHeaders, name) {
		return true
	}
	if name != "authorization" {
		return false
	}
	bearer := false
	ast.Inspect(call.Args[1], func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			bearer = bearer || strings.HasPrefix(strings.ToLower(litValue(lit)), "bearer")
		}
		return !bearer
	})
	return bearer
}

func (s *state) litRole(e ast.Expr) model.Role {
	v := litValue(e)
	if v == "" {
		return model.RoleNone
	}
	return s.cfg.ClassifyEnvName(v)
}

func litValue(e ast.Expr) string {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return ""
	}
	v, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return v
}
