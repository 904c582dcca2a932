package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/model"
)

// sinks records what a call does with credentials it is given: logs them,
// sends them as the API key, or keys a webhook HMAC with them.
func (f *frame) sinks(c *callSite) {
	if name, from, ok := f.logSink(c); ok {
		f.logHit(c.call, name, c.args[from:], c.taint[from:])
	}
	switch {
	case c.is("net/http", "Header", "Set", "Add"):
		if name, ok := f.constString(c.argExpr(0)); ok && !f.toOtherHost(c.args[0]) {
			f.headerSet(name, c.arg(1), c.call, c.argExpr(1))
		}
		if root, _, ok := f.pathOf(c.args[0]); ok {
			f.pairEnvs(c.arg(1), f.readLocal(root, ""), c.call.Pos())
		}
		f.assign(c.args[0], c.arg(1), nil)
	case c.self == 1 && c.pkg != "net/http" && isHeaderSetter(c.fn.Name()) && len(c.args) >= 3:
		if name, ok := f.constString(c.argExpr(0)); ok {
			f.headerSet(name, c.arg(1), c.call, c.argExpr(1))
		}
	case c.is("crypto/hmac", "", "New"):
		if f.begini || f.s.pkgSignature {
			f.keySink(c.arg(1), "webhook HMAC key", c.call, c.argExpr(1))
		}
	case c.is("os", "", "Setenv"):
		if name, ok := f.constString(c.argExpr(0)); ok {
			f.checkNamedEntry(name, c.arg(1), c.call.Pos(), c.argExpr(1))
		}
	}
}

// isHeaderSetter matches the header methods of HTTP client libraries such
// as resty's SetHeader, matched by name since there are many of them.
func isHeaderSetter(name string) bool {
	return name == "SetHeader" || name == "AddHeader" || name == "WithHeader" || name == "Header"
}

// logSink reports whether a call writes its arguments to a log, the sink's
// short name, and the index of the first logged argument.
func (f *frame) logSink(c *callSite) (string, int, bool) {
	name := shortName(c)
	switch {
	case c.pkg == "fmt" && c.recv == "" && slices.Contains(model.PrintFuncs, c.fn.Name()):
		return name, 0, true
	case c.pkg == "fmt" && slices.Contains(model.FprintFuncs, c.fn.Name()):
		if f.isStdStream(c.argExpr(0)) {
			return name, 1, true
		}
	case c.is("os", "File", "Write", "WriteString") && c.self == 1 && f.isStdStream(c.args[0]):
		return name, 1, true
	case c.is("io", "", "WriteString") && f.isStdStream(c.argExpr(0)):
		return name, 1, true
	case c.pkg == "testing" && slices.Contains(model.TestingLogMethods, c.fn.Name()):
		return name, c.self, true
	case slices.Contains(model.LogPackages, c.pkg) && !slices.Contains(model.LogNonSinks, c.fn.Name()):
		// Calls that return a value (zap.String, logrus.WithField,
		// Event.Str) build what is logged later; the key is reported where
		// it is written, with the receiver carrying what was built.
		if builds(c.sig) {
			return "", 0, false
		}
		return name, 0, true
	}
	for _, s := range f.s.cfg.LogSinks {
		r, err := model.ParseFuncRef(s)
		if err != nil || r.Pkg != c.pkg {
			continue
		}
		if r.Name == "" || (r.Recv == c.recv && r.Name == c.fn.Name()) {
			return name, c.self, true
		}
	}
	return "", 0, false
}

func (f *frame) isStdStream(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := f.s.info.ObjectOf(sel.Sel).(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" &&
		(v.Name() == "Stdout" || v.Name() == "Stderr")
}

// logHit checks each logged argument; one finding per call is enough.
func (f *frame) logHit(call *ast.CallExpr, sink string, args []ast.Expr, ts []Taint) {
	for i, t := range ts {
		if f.logArg(call, sink, "", t, f.s.info.TypeOf(args[i])) {
			return
		}
		if f.leaksByType(call, sink, args[i], t) {
			return
		}
	}
}

// logArg records a key reaching a log sink at call, and what parameters and
// fields reach it, for the summaries.
func (f *frame) logArg(call *ast.CallExpr, sink, via string, t Taint, typ types.Type) bool {
	if f.s.isKey(t) {
		return f.reportLogged(call, sink, via, t, typ)
	}
	// Not a key here: what reaches the sink from a parameter or a field
	// becomes a key at the callers that pass one.
	for _, p := range t.params() {
		f.addParamSink(ParamSink{Param: p, Kind: SinkLog, Sink: sink})
	}
	for _, o := range t {
		if o.Kind == fromObj {
			f.addFieldSink(o.obj, ParamSink{Kind: SinkLog, Sink: sink})
		}
	}
	return false
}

func (f *frame) reportLogged(call *ast.CallExpr, sink, via string, t Taint, typ types.Type) bool {
	// A named key type may print itself masked, even when it is a string.
	if _, named := types.Unalias(typ).(*types.Named); typ != nil && (!isString(typ) || named) {
		if fn := f.s.formatter(typ); fn != nil && !f.s.formatterLeaks(fn) {
			return false // the type prints itself without the key
		}
	}
	f.s.addFlow(Flow{
		Kind: Logged, Pos: call.Pos(), End: call.Lparen, Source: f.s.keySource(t),
		Sink: sink, Via: via,
	})
	return true
}

// leaksByType reports a struct printed whole whose type holds the key in a
// field and does not format itself without it: log.Printf("%+v", cfg).
func (f *frame) leaksByType(call *ast.CallExpr, sink string, arg ast.Expr, t Taint) bool {
	typ := f.s.info.TypeOf(arg)
	if typ == nil || !isVariable(arg) {
		return false // a call result such as cfg.Redacted() was checked by its taint
	}
	fld := f.s.keyField(typ, 0)
	if fld == nil {
		return false
	}
	f.s.addFlow(Flow{
		Kind: Logged, Pos: call.Pos(), End: call.Lparen,
		Source: f.s.nameOrigin(fld, model.RoleKey), Sink: sink,
	})
	return true
}

// keyField returns a field of typ, or of a struct nested in it, that holds
// the key, unless the type formats itself in a way that leaves it out.
func (s *state) keyField(typ types.Type, depth int) *types.Var {
	if depth > 3 {
		return nil
	}
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		typ = p.Elem()
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	if formatter := s.formatter(typ); formatter != nil {
		if s.formatterLeaks(formatter) {
			return s.firstKeyField(st, depth)
		}
		return nil
	}
	return s.firstKeyField(st, depth)
}

func (s *state) firstKeyField(st *types.Struct, depth int) *types.Var {
	for i := 0; i < st.NumFields(); i++ {
		fld := st.Field(i)
		if s.roleOf(fld) == model.RoleKey {
			return fld
		}
		if inner := s.keyField(fld.Type(), depth+1); inner != nil {
			return inner
		}
	}
	return nil
}

var formatterMethods = []string{"String", "Format", "GoString", "LogValue", "Error", "MarshalLogObject"}

// formatter returns the method a type prints itself with, if any.
func (s *state) formatter(typ types.Type) *types.Func {
	ms := types.NewMethodSet(types.NewPointer(typ))
	for _, name := range formatterMethods {
		if sel := ms.Lookup(s.pass.Pkg, name); sel != nil {
			if fn, ok := sel.Obj().(*types.Func); ok {
				return fn
			}
		}
		for i := 0; i < ms.Len(); i++ {
			if fn, ok := ms.At(i).Obj().(*types.Func); ok && fn.Name() == name {
				return fn
			}
		}
	}
	return nil
}

// formatterLeaks reports whether a String-like method returns the key.
func (s *state) formatterLeaks(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return true // the Error method of an embedded error: it prints anything
	}
	if fn.Pkg() == s.pass.Pkg {
		if sum := s.summaries[fn]; sum != nil {
			// The receiver itself returned: string(k) of a named key type.
			return s.isKey(sum.returns) || len(sum.returns.params()) > 0
		}
		return false
	}
	if fact := s.summaryOf(fn); fact != nil {
		return Taint(fact.Returns).isKey() || len(fact.ParamReturns) > 0
	}
	// No summary: a method of this module that returns nothing tracked, or
	// one of another module, which we cannot see into and so assume prints
	// what it holds (slog.Attr.String does).
	return !sameModule(s.pass.Module, fn.Pkg().Path())
}

func sameModule(mod *analysis.Module, path string) bool {
	return mod != nil && mod.Path != "" && (path == mod.Path || strings.HasPrefix(path, mod.Path+"/"))
}

func (f *frame) addParamSink(ps ParamSink) {
	if f.sum == nil {
		return
	}
	n := len(f.sum.paramSinks)
	f.sum.paramSinks = addParamSink(f.sum.paramSinks, ps)
	if len(f.sum.paramSinks) != n {
		f.s.changed = true
	}
}

func (f *frame) addFieldSink(obj types.Object, ps ParamSink) {
	list := f.s.fieldSinks[obj]
	if n := len(list); len(addParamSink(list, ps)) != n {
		f.s.fieldSinks[obj] = addParamSink(list, ps)
		f.s.changed = true
	}
}

// headerSet handles a request header being set. Only requests that belong to
// Begini count: Azure OpenAI, among others, uses an api-key header too.
func (f *frame) headerSet(name string, t Taint, at ast.Node, value ast.Expr) {
	lname := strings.ToLower(name)
	var what string
	switch {
	case slices.Contains(model.KeyHeaders, lname):
		what = "api-key header"
	case lname == "authorization" && f.hasBearer(value):
		what = "Bearer token"
	default:
		return
	}
	if !f.begini && !f.s.namesBegini(t) {
		return
	}
	f.keySink(t, what, at, value)
}

// namesBegini reports whether a value's sources are named for Begini.
func (s *state) namesBegini(t Taint) bool {
	for _, o := range t {
		if o.Kind == fromObj {
			if s.vendorName(o.obj.Name()) {
				return true
			}
			continue
		}
		if !o.symbolic() && o.Name != "" && s.vendorName(o.Name) {
			return true
		}
	}
	return false
}

// hasBearer reports whether a header value is built with a "Bearer" prefix.
func (f *frame) hasBearer(value ast.Expr) bool {
	if value == nil {
		return false
	}
	found := false
	ast.Inspect(value, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !found {
			if s, ok := f.constString(e); ok {
				found = strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "bearer")
			}
		}
		return !found
	})
	return found
}

// keySink records a value used as the API key: literals in it are
// hardcoded keys, objects it was read from hold the key, and parameters in
// it make the function a key sink for its callers.
func (f *frame) keySink(t Taint, what string, at ast.Node, value ast.Expr) {
	f.reportLiterals(t, what, at)
	if !f.s.isID(t) {
		f.s.learnKeys(t)
	}
	f.idAtKeySink(t, what, at)
	f.clientSink(what, at, t)
	f.recordUse(model.RoleKey, t, value, at.Pos())
	for _, p := range t.params() {
		f.addParamSink(ParamSink{Param: p, Kind: SinkKey, Sink: what})
	}
	for _, o := range t {
		if o.Kind != fromObj || f.s.keyRole[o.obj] {
			continue
		}
		if f.s.roleOf(o.obj) == model.RoleIntegrationID {
			continue // a confusion for idmix, not a key
		}
		f.s.keyRole[o.obj] = true
		f.s.changed = true
	}
}

// reportLiterals reports each literal in t as a hardcoded key that became
// one at what.
//
// Literals in a value known as the integration ID are integration IDs:
// sending one as the key is idmix's finding, not a hardcoded key.
func (f *frame) reportLiterals(t Taint, what string, at ast.Node) {
	if f.s.onlyID(t) {
		return
	}
	for _, o := range t {
		if (o.Kind == FromLiteral || o.Kind == FromEmbed) && o.CouldBeKey {
			f.s.hardcoded(o, what, at.Pos())
		}
	}
}

// hardcoded records a literal that is a key. It is reported at the literal
// when the literal is in this package, else where it becomes a key here.
func (s *state) hardcoded(lit *Origin, what string, use token.Pos) {
	local := lit.Pkg == s.pass.Pkg.Path()
	if lit.Reported && !local {
		return // its own package reported it
	}
	if s.reporting && local {
		lit.Reported = true
	}
	fl := Flow{Kind: Hardcoded, Source: lit, Role: what, Pos: use, End: use, Use: use}
	if p := lit.Pos(s.pass.Fset); p.IsValid() && s.fileOf(p) != nil {
		fl.Pos, fl.End = p, p
		if n := s.litNodes[p]; n != nil {
			fl.End = n.End()
			if !s.noFixLits[p] {
				fl.Fix = n
			}
		}
	}
	s.addFlow(fl)
}

// checkSlot reports literals stored into an object that is the key by its
// name, tag or role; for other objects it checks for an env fallback.
func (f *frame) checkSlot(obj types.Object, t Taint, pos token.Pos, value ast.Expr) {
	switch f.s.roleOf(obj) {
	case model.RoleKey:
		f.reportLiterals(t, describeObj(obj), posNode(pos))
		f.checkRoleSlot(obj, t, pos)
		f.recordUse(model.RoleKey, t, value, pos)
		f.checkEnvSlot(obj, t, pos, value)
		return
	case model.RoleIntegrationID:
		f.idSink(t, pos, value)
		f.checkEnvSlot(obj, t, pos, value)
	}
	f.checkFallback(t, pos, obj.Type())
}

// checkFallback reports a literal mixed with a real key source, as in
// cmp.Or(os.Getenv("BEGINI_API_KEY"), "...") or an if-empty fallback.
//
// Only text values count: a struct holds a key in one field and a literal
// in another without one being the other's fallback.
func (f *frame) checkFallback(t Taint, pos token.Pos, typ types.Type) {
	if (!hasLiteral(t) && !hasEmbed(t)) || !isText(typ) {
		return
	}
	if src := f.s.keySource(t); src != nil {
		f.reportLiterals(t, "fallback for "+src.Describe(), posNode(pos))
	}
}

func hasEmbed(t Taint) bool {
	for _, o := range t {
		if o.Kind == FromEmbed {
			return true
		}
	}
	return false
}

// checkNamedEntry reports a literal stored under a key-named entry:
// map[string]string{"BEGINI_API_KEY": "..."}, os.Setenv("BEGINI_API_KEY", "...").
func (f *frame) checkNamedEntry(name string, t Taint, pos token.Pos, value ast.Expr) {
	switch {
	case f.s.cfg.ClassifyEnvName(name) == model.RoleKey:
		f.reportLiterals(t, "entry "+name, posNode(pos))
		f.recordUse(model.RoleKey, t, value, pos)
	case f.s.cfg.ClassifyEnvName(name) == model.RoleIntegrationID || f.s.cfg.ClassifyIDName(name):
		f.idSink(t, pos, value)
	}
}

func describeObj(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Const:
		return "constant " + obj.Name()
	case *types.Var:
		if obj.IsField() {
			return "field " + obj.Name()
		}
	}
	return "variable " + obj.Name()
}

type posNode token.Pos

func (p posNode) Pos() token.Pos { return token.Pos(p) }
func (p posNode) End() token.Pos { return token.Pos(p) }

// isHeaderType reports whether t is net/http.Header.
func isHeaderType(t types.Type) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Header"
}

// isVariable reports whether e reads a variable or a field of one.
func isVariable(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isVariable(e.X)
	case *ast.StarExpr:
		return isVariable(e.X)
	case *ast.UnaryExpr:
		return e.Op == token.AND && isVariable(e.X)
	}
	return false
}

// builds reports whether a logging call returns something other than an
// error, such as a field, an attribute, an entry or an event.
func builds(sig *types.Signature) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		if !isError(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}

// isText reports whether t is a string or a byte or rune slice.
func isText(t types.Type) bool {
	if t == nil {
		return false
	}
	if isString(t) {
		return true
	}
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Rune)
}
