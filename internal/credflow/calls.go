package credflow

import (
	"go/ast"
	"go/types"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/beginilint/beginilint/internal/model"
)

// A callSite is one call being evaluated: its callee, arguments (receiver
// first for methods) and their taints.
type callSite struct {
	call  *ast.CallExpr
	fn    *types.Func
	sig   *types.Signature
	pkg   string // callee's package path
	recv  string // callee's receiver type name, without '*'
	args  []ast.Expr
	taint []Taint
	self  int // 1 when args[0] is the receiver
}

func (c *callSite) arg(i int) Taint {
	if i+c.self < len(c.taint) {
		return c.taint[i+c.self]
	}
	return nil
}

func (c *callSite) argExpr(i int) ast.Expr {
	if i+c.self < len(c.args) {
		return c.args[i+c.self]
	}
	return nil
}

func (c *callSite) allArgs() Taint { return union(c.taint[c.self:]...) }

func (c *callSite) is(pkg, recv string, names ...string) bool {
	return c.pkg == pkg && c.recv == recv && slices.Contains(names, c.fn.Name())
}

func (f *frame) call(e *ast.CallExpr) []Taint {
	info := f.s.info
	if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
		if len(e.Args) != 1 {
			return nil
		}
		return []Taint{f.carry(e, f.eval(e.Args[0]))} // string(b), []byte(k)
	}
	if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return f.builtin(b.Name(), e)
		}
	}
	fn, _ := typeutil.Callee(info, e).(*types.Func)
	if fn == nil {
		f.eval(e.Fun) // a closure or func value: walk it for its calls
		for _, a := range e.Args {
			f.eval(a)
		}
		return nil
	}
	c := f.newCallSite(e, fn)
	return f.apply(c)
}

func (f *frame) newCallSite(e *ast.CallExpr, fn *types.Func) *callSite {
	c := &callSite{call: e, fn: fn, sig: fn.Type().(*types.Signature)}
	if fn.Pkg() != nil {
		c.pkg = fn.Pkg().Path()
	}
	if r := c.sig.Recv(); r != nil {
		c.recv = typeName(r.Type())
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if s := f.s.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				c.args = append(c.args, sel.X)
			}
		}
		c.self = 1
		if len(c.args) == 0 {
			c.self = 0 // a method expression T.M(recv, ...) passes recv as an arg
		}
	}
	c.args = append(c.args, e.Args...)
	for _, a := range c.args {
		c.taint = append(c.taint, f.eval(a))
	}
	return c
}

func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Name()
	case *types.Interface:
		return ""
	}
	return ""
}

func (f *frame) builtin(name string, e *ast.CallExpr) []Taint {
	var ts []Taint
	for _, a := range e.Args {
		ts = append(ts, f.eval(a))
	}
	switch name {
	case "append", "min", "max":
		return []Taint{f.carry(e, union(ts...))}
	case "copy":
		if len(e.Args) == 2 {
			f.assign(e.Args[0], ts[1], nil)
		}
	case "print", "println", "panic":
		// A panic's value is printed with the stack trace, into the
		// same logs as everything else.
		f.logHit(e, name, e.Args, ts)
	}
	return nil
}

// apply works out what a call does with credentials: sources it creates,
// sinks it reaches, and what its results carry.
func (f *frame) apply(c *callSite) []Taint {
	out := make([]Taint, c.sig.Results().Len())
	if f.source(c, out) || f.jsSource(c, out) {
		return out
	}
	f.sinks(c)
	f.checkSwapped(c)
	f.clientUse(c)
	f.checkEnvCall(c)
	if f.s.isSanitizer(c.fn) || slices.Contains(model.HashPkgs, c.pkg) {
		return out // maskKey(k), sha256.Sum256(k): safe to log
	}
	// Loggers are known by table, not by what their code does; fakes of
	// them in tests and vendored copies must not count as our own code.
	if !slices.Contains(model.LogPackages, c.pkg) && f.summarised(c, out) {
		return out
	}
	f.passthrough(c, out)
	if !isErrorConstructor(c.fn.Name()) {
		clearErrors(c, out) // json.Marshal's error does not hold the data
	}
	return out
}

// setResults gives t to every result of a type that can carry text.
func (f *frame) setResults(c *callSite, out []Taint, t Taint) {
	for i := range out {
		if carriesText(c.sig.Results().At(i).Type()) {
			out[i], _ = out[i].union(t)
		}
	}
}

// source handles calls that produce a credential: env, flags, config
// getters and the team's secret-store functions.
func (f *frame) source(c *callSite, out []Taint) bool {
	switch {
	case f.isEnvGetter(c):
		f.envSource(c, out, FromEnv)
	case c.is("os", "", "ExpandEnv"):
		f.expandEnvSource(c, out)
	case f.isConfigGetter(c):
		f.envSource(c, out, FromConfig)
	case f.isKeyGetter(c):
		f.envSource(c, out, FromGetter)
	default:
		return f.flagSource(c, out)
	}
	return true
}

func (f *frame) isEnvGetter(c *callSite) bool {
	for _, r := range model.EnvGetters {
		if c.is(r.Pkg, r.Recv, r.Name) {
			return true
		}
	}
	return false
}

func (f *frame) isConfigGetter(c *callSite) bool {
	return slices.Contains(model.ConfigGetterPkgs, c.pkg) &&
		slices.Contains(model.ConfigGetterNames, c.fn.Name())
}

func (f *frame) isKeyGetter(c *callSite) bool {
	for _, s := range f.s.cfg.KeyGetters {
		if r, err := model.ParseFuncRef(s); err == nil && c.is(r.Pkg, r.Recv, r.Name) {
			return true
		}
	}
	return false
}

// envSource gives the call's first result the origin its name argument
// says. A name passed in as a parameter makes the enclosing function an
// env reader for its callers (getenv(name, fallback) helpers).
func (f *frame) envSource(c *callSite, out []Taint, kind SourceKind) {
	if len(out) == 0 {
		return
	}
	name, ok := f.constString(c.argExpr(0))
	if !ok {
		for _, p := range c.arg(0).params() {
			out[0] = Taint{f.s.envParamOrigin(p)}
		}
		return
	}
	// Unclassified names get an origin too: one env var feeding both the
	// key and the integration ID is a finding whatever it is called.
	out[0] = Taint{f.s.source(kind, f.s.cfg.ClassifyEnvName(name), name, c.call.Pos())}
}

// expandEnvSource handles os.ExpandEnv("Bearer $BEGINI_API_KEY"): the
// result holds every variable the template names.
func (f *frame) expandEnvSource(c *callSite, out []Taint) {
	tmpl, ok := f.constString(c.argExpr(0))
	if !ok || len(out) == 0 {
		f.setResults(c, out, c.arg(0))
		return
	}
	var t Taint
	os.Expand(tmpl, func(name string) string {
		o := f.s.source(FromEnv, f.s.cfg.ClassifyEnvName(name), name, c.call.Pos())
		t, _ = t.union(Taint{o})
		return ""
	})
	out[0] = t
}

// flagSource handles flag.String("begini-api-key", default, usage) and its
// pflag and *Var forms. The default is part of the flag's value, which is
// how a literal default becomes a hardcoded key.
func (f *frame) flagSource(c *callSite, out []Taint) bool {
	d, ok := model.FlagDefinerOf(model.FuncRef{Pkg: c.pkg, Recv: c.recv, Name: c.fn.Name()})
	if !ok {
		return false
	}
	name, ok := f.constString(c.argExpr(d.Name))
	if !ok {
		return true
	}
	r := f.s.cfg.ClassifyEnvName(name)
	if r == model.RoleNone {
		return true
	}
	t := Taint{f.s.source(FromFlag, r, name, c.call.Pos())}
	t, _ = t.union(c.arg(d.Default))
	if r == model.RoleKey {
		f.reportLiterals(c.arg(d.Default), "default of flag -"+name, c.call)
		if f.s.onlyID(c.arg(d.Default)) && !f.inTest {
			f.s.addFlow(Flow{Kind: RoleConflict, Pos: c.argExpr(d.Default).Pos(),
				End: c.argExpr(d.Default).End(), Source: f.s.idSource(c.arg(d.Default)),
				Role: "default of flag -" + name, Sink: "key"})
		}
	}
	if d.Pointer >= 0 {
		f.assign(c.argExpr(d.Pointer), t, nil)
	} else if len(out) > 0 {
		out[0] = t
	}
	return true
}

// summarised applies what is known of a function of this module: its
// results, the sinks its parameters reach, the fields they are stored in.
func (f *frame) summarised(c *callSite, out []Taint) bool {
	if c.fn.Pkg() == f.s.pass.Pkg {
		sum := f.s.summaries[c.fn.Origin()]
		if sum == nil {
			return false
		}
		if len(sum.results) != len(out) {
			f.setResults(c, out, sum.returns.withoutParams())
		}
		for i := range sum.results {
			if i < len(out) && carriesText(c.sig.Results().At(i).Type()) {
				out[i], _ = out[i].union(sum.results[i].withoutParams())
			}
		}
		for p, fields := range sum.paramFields {
			if p < len(c.taint) {
				for _, fld := range fields {
					f.storeGlobal(fld, c.taint[p])
				}
			}
		}
	}
	fact := f.s.summaryOf(c.fn)
	if fact == nil {
		return false
	}
	if len(fact.Results) == len(out) {
		for i, r := range fact.Results {
			f.applyResult(c, out[i:i+1], i, r.Origins, r.Params, r.EnvParam)
		}
	} else {
		f.applyResult(c, out, -1, fact.Returns, fact.ParamReturns, fact.EnvParam)
	}
	for _, ps := range fact.ParamSinks {
		if ps.Param < len(c.taint) {
			f.wrapperSink(c, ps, c.taint[ps.Param])
		}
	}
	return true
}

func (t Taint) withoutParams() Taint {
	var out Taint
	for _, o := range t {
		if o.Kind != fromParam && o.Kind != fromEnvParam {
			out = append(out, o)
		}
	}
	return out
}

func (f *frame) wrapperSink(c *callSite, ps ParamSink, t Taint) {
	via := shortName(c)
	var value ast.Expr
	if ps.Param < len(c.args) {
		value = c.args[ps.Param]
	}
	switch ps.Kind {
	case SinkLog:
		f.logArg(c.call, ps.Sink, via, t, nil)
	case SinkKey:
		f.keySink(t, "API key parameter of "+via, c.call, value)
	case SinkIDBody:
		f.idSink(t, c.call.Pos(), value)
	}
}

// passthrough handles the standard library's string and encoding helpers:
// results carry their arguments, Write-like methods store into their
// receiver.
func (f *frame) passthrough(c *callSite, out []Taint) {
	switch {
	case c.is("net/http", "", "NewRequest"):
		f.setResults(c, out, c.arg(2))
		return
	case c.is("net/http", "", "NewRequestWithContext"):
		f.setResults(c, out, c.arg(3))
		return
	case c.pkg == "net/http/httputil" && strings.HasPrefix(c.fn.Name(), "Dump"):
		f.setResults(c, out, c.arg(0))
		return
	case c.is("net/http", "Header", "Get", "Values", "Clone"),
		c.is("net/http", "Request", "WithContext", "Clone"):
		f.setResults(c, out, c.taint[0])
		return
	case c.is("encoding/json", "", "Unmarshal"), c.is("encoding/xml", "", "Unmarshal"):
		f.assign(c.argExpr(1), c.arg(0), nil)
		return
	}
	if !slices.Contains(model.PassthroughPkgs, c.pkg) && !slices.Contains(model.LogPackages, c.pkg) {
		return
	}
	all := union(c.taint...)
	f.setResults(c, out, all)
	if c.self == 1 && isStoreMethod(c.fn.Name()) {
		f.assign(c.args[0], c.allArgs(), nil)
	}
}

func isStoreMethod(name string) bool {
	return strings.HasPrefix(name, "Write") || name == "Set" || name == "Add" ||
		strings.HasPrefix(name, "Append")
}

func shortName(c *callSite) string {
	pkg := c.pkg
	if c.fn.Pkg() != nil {
		pkg = c.fn.Pkg().Name()
	}
	if c.recv != "" {
		return pkg + "." + c.recv + "." + c.fn.Name()
	}
	if pkg == "" {
		return c.fn.Name()
	}
	return pkg + "." + c.fn.Name()
}

// isErrorConstructor reports whether a function builds an error from its
// arguments (fmt.Errorf, errors.New), so the error carries them.
func isErrorConstructor(name string) bool {
	return name == "Errorf" || name == "New" || name == "Join" || strings.HasPrefix(name, "Wrap")
}

func clearErrors(c *callSite, out []Taint) {
	for i := range out {
		if isError(c.sig.Results().At(i).Type()) {
			out[i] = nil
		}
	}
}

// applyResult gives out (one result, or all when i is -1) what the summary
// says it carries: sources of the callee's package, the arguments of the
// parameters it returns, and the env var a parameter names.
func (f *frame) applyResult(c *callSite, out []Taint, i int, origins []*Origin, params []int, envParam int) {
	set := func(t Taint) {
		if i < 0 {
			f.setResults(c, out, t)
		} else if carriesText(c.sig.Results().At(i).Type()) {
			out[0], _ = out[0].union(t)
		}
	}
	if c.fn.Pkg() != f.s.pass.Pkg {
		set(f.s.importOrigins(origins))
	}
	for _, p := range params {
		if p < len(c.taint) {
			set(c.taint[p])
		}
	}
	if envParam == 0 || envParam-1 >= len(c.args) {
		return
	}
	if name, ok := f.constString(c.args[envParam-1]); ok {
		set(Taint{f.s.source(FromEnv, f.s.cfg.ClassifyEnvName(name), name, c.call.Pos())})
	} else if envParam-1 < len(c.taint) {
		for _, p := range c.taint[envParam-1].params() {
			set(Taint{f.s.envParamOrigin(p)})
		}
	}
}
