package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// finish sums a function up once its body is walked: whether it reads or
// verifies the signature, decodes before verifying, is a handler that never
// verifies, or a middleware that verifies what it wraps. Flags are
// recomputed, not accumulated, since an early round may lack what a later
// one learns about callees.
func (f *hookFrame) finish(fd *ast.FuncDecl) {
	var flags HookFlags
	if len(f.reads) > 0 {
		flags |= HookReads
	}
	if len(f.verifs) > 0 {
		flags |= HookVerifies
	}
	if f.firstUnverifiedDecode(fd.Body).IsValid() {
		flags |= HookDecodes
	}
	sig := f.fn.Type().(*types.Signature)
	if isHandlerSig(sig) && f.handlerStatus(fd.Body, fd.Name.Pos(), funcName(f.fn)).has(wUnverified) {
		flags |= HookUnverified
	}
	if hasHandlerParam(sig) && f.sum.ret.has(wVerified) {
		flags |= HookMiddleware
	}
	if f.sum.flags != flags {
		f.sum.flags = flags
		f.h.changed = true
	}
	if f.wraps {
		return
	}
	for _, r := range f.pending {
		f.report(Flow{Kind: SigUnverified, Pos: r.call.Pos(), End: r.call.Lparen,
			Role: UnverifiedRegistration, Sink: r.name})
	}
}

// handlerStatus judges a handler body: one that verifies is checked for a
// payload decoded before the check; one that reads the signature and never
// compares it is reported here; one that neither reads nor verifies but
// decodes may be wrapped in a middleware where it is registered, so it is
// left to the registration.
func (f *hookFrame) handlerStatus(body *ast.BlockStmt, at token.Pos, name string) wval {
	switch {
	case within(f.verifs, body):
		if d := f.firstUnverifiedDecode(body); d.IsValid() {
			f.report(Flow{Kind: SigUnverified, Pos: d, End: d, Role: UnverifiedDecode,
				Sink: name})
		}
		return wval{bits: wVerified, name: name}
	case !within(f.decodes, body):
		return wval{}
	case within(f.reads, body):
		f.report(Flow{Kind: SigUnverified, Pos: at, End: at, Role: UnverifiedHandler, Sink: name})
		return wval{}
	}
	return wval{bits: wUnverified, name: name}
}

func within(set map[token.Pos]bool, n ast.Node) bool {
	for p := range set {
		if n.Pos() <= p && p < n.End() {
			return true
		}
	}
	return false
}

// firstUnverifiedDecode returns the first decode of a payload that some
// path through body reaches before the signature is checked.
func (f *hookFrame) firstUnverifiedDecode(body *ast.BlockStmt) token.Pos {
	d, _ := f.stmts(body.List)
	return d
}

// stmts returns the first decode in list reached before a check, and
// whether no unchecked path leaves the list (every path was checked, or
// returned).
func (f *hookFrame) stmts(list []ast.Stmt) (token.Pos, bool) {
	for _, st := range list {
		if d, done := f.stmt(st); d.IsValid() || done {
			return d, done
		}
	}
	return token.NoPos, false
}

func (f *hookFrame) stmt(st ast.Stmt) (token.Pos, bool) {
	switch st := st.(type) {
	case *ast.IfStmt:
		return f.ifStmt(st)
	case *ast.BlockStmt:
		return f.stmts(st.List)
	case *ast.LabeledStmt:
		return f.stmt(st.Stmt)
	case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		// A check inside a loop or a case does not cover what follows.
		return f.nested(st), false
	}
	return f.before(st), exits(st)
}

// ifStmt: a condition that holds a check covers both branches, and what
// follows when a branch leaves (if !ok { return }); otherwise what follows
// is covered only if both branches are.
func (f *hookFrame) ifStmt(st *ast.IfStmt) (token.Pos, bool) {
	if d := f.before(st.Init); d.IsValid() {
		return d, false
	}
	if d := f.before(st.Cond); d.IsValid() {
		return d, false
	}
	if f.checked(st.Init) || f.checked(st.Cond) {
		return token.NoPos, exits(st.Body) || (st.Else != nil && exits(st.Else))
	}
	d, bodyDone := f.stmts(st.Body.List)
	if d.IsValid() || st.Else == nil {
		return d, false
	}
	d, elseDone := f.stmt(st.Else)
	return d, !d.IsValid() && bodyDone && elseDone
}

// nested finds an unchecked decode in the parts of a loop or switch.
func (f *hookFrame) nested(st ast.Stmt) token.Pos {
	var found token.Pos
	ast.Inspect(st, func(n ast.Node) bool {
		if found.IsValid() || n == st {
			return !found.IsValid()
		}
		switch n := n.(type) {
		case *ast.BlockStmt:
			found, _ = f.stmts(n.List)
		case ast.Expr, ast.Stmt:
			found = f.before(n)
		default:
			return true
		}
		return false
	})
	return found
}

// checked reports whether n holds a check of the signature or reads its
// outcome.
func (f *hookFrame) checked(n ast.Node) bool {
	return n != nil && (within(f.verifs, n) || within(f.checks, n))
}

// before returns the first decode in n that comes before any check in n.
func (f *hookFrame) before(n ast.Node) token.Pos {
	if n == nil || !within(f.decodes, n) {
		return token.NoPos
	}
	first := token.NoPos
	for _, set := range []map[token.Pos]bool{f.verifs, f.checks} {
		for p := range set {
			if n.Pos() <= p && p < n.End() && (!first.IsValid() || p < first) {
				first = p
			}
		}
	}
	found := token.NoPos
	for p := range f.decodes {
		if n.Pos() <= p && p < n.End() && (!first.IsValid() || p < first) &&
			(!found.IsValid() || p < found) {
			found = p
		}
	}
	return found
}

// exits reports whether a statement leaves the path: a return, a branch,
// a panic or a fatal log, or a block or if-else that ends in one.
func exits(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.BlockStmt:
		return len(st.List) > 0 && exits(st.List[len(st.List)-1])
	case *ast.IfStmt:
		return st.Else != nil && exits(st.Body) && exits(st.Else)
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		name := selectorIdent(call.Fun)
		return name != nil && slices.Contains(exitFuncs, name.Name)
	}
	return false
}

// exitFuncs end the goroutine or the program, matched by name.
var exitFuncs = []string{"panic", "Exit", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf",
	"Panicln", "FailNow", "Goexit"}

// funcValue is what a function is as a value: a handler that verifies or
// never does, or a verifying middleware.
func (h *hookState) funcValue(fn *types.Func) wval {
	sig := fn.Type().(*types.Signature)
	flags := h.flagsOf(fn)
	v := wval{name: funcName(fn)}
	switch {
	case isHandlerSig(sig) && flags&HookUnverified != 0:
		v.bits = wUnverified
	case isHandlerSig(sig) && flags&HookVerifies != 0:
		v.bits = wVerified
	case isMiddlewareSig(sig) && flags&HookMiddleware != 0:
		return wval{bits: wMiddleware}
	default:
		return wval{}
	}
	if h.configured(fn) {
		v.bits |= wBegini
	}
	return v
}

func (h *hookState) flagsOf(fn *types.Func) HookFlags {
	if fn.Pkg() == h.s.pass.Pkg {
		if sum := h.sums[fn.Origin()]; sum != nil {
			return sum.flags
		}
		return 0
	}
	var f HookFact
	if fn.Pkg() != nil && h.s.pass.ImportObjectFact(fn.Origin(), &f) {
		return f.Flags
	}
	return 0
}

// handlerValue completes v with what the type of e says: a value of a
// type whose ServeHTTP verifies, or never does.
func (f *hookFrame) handlerValue(e ast.Expr, v wval) wval {
	if v.has(handlerBits) {
		return v
	}
	t := f.h.s.info.TypeOf(e)
	m := serveHTTP(t)
	if m == nil {
		return v
	}
	tv := f.h.funcValue(m)
	if tv.name != "" {
		tv.name = types.TypeString(t, types.RelativeTo(f.h.s.pass.Pkg))
	}
	return v.union(tv)
}

// serveHTTP returns the concrete ServeHTTP method of t, if it has one.
func serveHTTP(t types.Type) *types.Func {
	if t == nil || types.IsInterface(t) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	fn, ok := obj.(*types.Func)
	if !ok || !isHandlerSig(fn.Type().(*types.Signature)) {
		return nil
	}
	if recv := fn.Type().(*types.Signature).Recv(); recv == nil || types.IsInterface(recv.Type()) {
		return nil
	}
	return fn
}

// isHandlerSig reports whether sig is func(http.ResponseWriter, *http.Request).
func isHandlerSig(sig *types.Signature) bool {
	p := sig.Params()
	if p.Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	req, ok := p.At(1).Type().(*types.Pointer)
	return ok && isNetHTTP(p.At(0).Type(), "ResponseWriter") && isNetHTTP(req.Elem(), "Request")
}

func isNetHTTP(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == name
}

// isHandlerType reports whether a value of t can serve HTTP: an
// http.Handler or a handler function.
func isHandlerType(t types.Type) bool {
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		return isHandlerSig(sig)
	}
	if isNetHTTP(t, "Handler") {
		return true
	}
	return serveHTTP(t) != nil
}

// isMiddlewareSig reports whether sig takes a handler and returns one.
func isMiddlewareSig(sig *types.Signature) bool {
	return sig.Results().Len() == 1 && isHandlerType(sig.Results().At(0).Type()) &&
		hasHandlerParam(sig)
}

func isMiddlewareType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && isMiddlewareSig(sig)
}

func hasHandlerParam(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isHandlerType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}
