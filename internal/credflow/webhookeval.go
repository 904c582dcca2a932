package credflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A hookFrame follows webhook values through one function body and its
// closures. Like frame, it is flow-insensitive (a variable holds everything
// ever assigned to it); the order of verification and decoding, which is
// what matters to a handler, is checked afterwards on the statements
// (webhookpath.go).
type hookFrame struct {
	h      *hookState
	fn     *types.Func
	sum    *hookSum
	params map[*types.Var]int
	locals map[types.Object]wval
	// ctx is set when the function is Begini's by name: there a MAC
	// compared with a parameter is compared with the signature.
	ctx     bool
	changed bool
	flows   []Flow // found by the latest walk of the body

	verifs  map[token.Pos]bool // where the received signature is compared
	checks  map[token.Pos]bool // where the outcome of a comparison is read
	decodes map[token.Pos]bool // where a payload is decoded
	reads   map[token.Pos]bool // where the signature is read
	// wraps is set when a verifying middleware is installed on a router
	// here (r.Use(mw)), which then covers what is registered.
	wraps   bool
	pending []registration
	lits    []*wval // results of the enclosing function literals
}

// A registration is a handler registered for a Begini webhook route, or
// under a Begini webhook name, that never verifies.
type registration struct {
	call *ast.CallExpr
	name string
}

func (h *hookState) walkFunc(fd *ast.FuncDecl) {
	fn, ok := h.s.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	f := &hookFrame{h: h, fn: fn, sum: h.sumOf(fn), params: make(map[*types.Var]int),
		locals: make(map[types.Object]wval), ctx: h.beginiName(fd) || h.configured(fn),
		verifs: make(map[token.Pos]bool), checks: make(map[token.Pos]bool),
		decodes: make(map[token.Pos]bool), reads: make(map[token.Pos]bool)}
	sig := fn.Type().(*types.Signature)
	i := 0
	if sig.Recv() != nil {
		f.params[sig.Recv()] = 0
		i = 1
	}
	for j := 0; j < sig.Params().Len(); j++ {
		f.params[sig.Params().At(j)] = i + j
	}
	for round := 0; round < localRounds; round++ {
		// Only the last walk counts: the one that found the locals settled.
		f.changed, f.pending, f.flows = false, nil, nil
		ast.Inspect(fd.Body, f.node)
		if !f.changed {
			break
		}
	}
	f.finish(fd)
	h.flows[fn] = f.flows
}

// beginiName reports whether a function's own name, its receiver's or its
// package's says Begini, as opposed to its body mentioning Begini.
func (h *hookState) beginiName(fd *ast.FuncDecl) bool {
	if h.s.pkgBegini || h.s.cfg.HasVendorWord(fd.Name.Name) {
		return true
	}
	return fd.Recv != nil && len(fd.Recv.List) > 0 &&
		h.s.cfg.HasVendorWord(types.ExprString(fd.Recv.List[0].Type))
}

func (f *hookFrame) report(fl Flow) {
	f.flows = append(f.flows, fl)
}

func (f *hookFrame) node(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		f.assignStmt(n)
	case *ast.ValueSpec:
		f.valueSpec(n)
	case *ast.ReturnStmt:
		f.returnStmt(n)
	case *ast.RangeStmt:
		v := f.eval(n.X)
		f.assign(n.Value, v.only(dataBits))
		ast.Inspect(n.Body, f.node)
	case *ast.SwitchStmt:
		f.switchStmt(n)
	case ast.Expr:
		f.eval(n)
	default:
		return true
	}
	return false
}

func (f *hookFrame) assignStmt(n *ast.AssignStmt) {
	if len(n.Lhs) > 1 && len(n.Rhs) == 1 {
		for i, v := range f.evalMulti(n.Rhs[0], len(n.Lhs)) {
			f.assign(n.Lhs[i], v)
		}
		return
	}
	for i, rhs := range n.Rhs {
		v := f.eval(rhs)
		if i < len(n.Lhs) {
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				v = v.union(f.eval(n.Lhs[i])) // s += x
			}
			f.assign(n.Lhs[i], v)
		}
	}
}

func (f *hookFrame) valueSpec(n *ast.ValueSpec) {
	if len(n.Names) > 1 && len(n.Values) == 1 {
		for i, v := range f.evalMulti(n.Values[0], len(n.Names)) {
			f.assign(n.Names[i], v)
		}
		return
	}
	for i, e := range n.Values {
		if i < len(n.Names) {
			f.assign(n.Names[i], f.eval(e))
		}
	}
}

func (f *hookFrame) evalMulti(e ast.Expr, n int) []wval {
	out := make([]wval, n)
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		copy(out, f.call(e))
	default:
		out[0] = f.eval(e) // v, ok := x.(T), m[k], <-ch
	}
	return out
}

// assign stores v into the local variable at the root of lhs: fields and
// elements are not told apart, which only errs towards seeing a value.
func (f *hookFrame) assign(lhs ast.Expr, v wval) {
	if lhs == nil {
		return
	}
	obj := f.root(lhs)
	if obj == nil || obj.Name() == "_" {
		return
	}
	old := f.locals[obj]
	if old.covers(v) {
		return
	}
	f.locals[obj] = old.union(v)
	f.changed = true
}

// root returns the variable of this function at the root of e: x for x,
// x.f, x[i], *x and &x.
func (f *hookFrame) root(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := f.h.s.info.ObjectOf(e).(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Pkg() == nil ||
			v.Parent() == v.Pkg().Scope() {
			return nil
		}
		return v
	case *ast.SelectorExpr:
		if sel := f.h.s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return f.root(e.X)
		}
	case *ast.IndexExpr:
		return f.root(e.X)
	case *ast.StarExpr:
		return f.root(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.root(e.X)
		}
	}
	return nil
}

func (f *hookFrame) returnStmt(n *ast.ReturnStmt) {
	var v wval
	for _, r := range n.Results {
		v = v.union(f.handlerValue(r, f.eval(r)))
	}
	if k := len(f.lits); k > 0 {
		*f.lits[k-1] = f.lits[k-1].union(v)
		return
	}
	if v.has(wVerified|wUnverified) && v.name == "" {
		v.name = "returned by " + funcName(f.fn)
	}
	if v.has(wVerified|wUnverified) && f.h.configured(f.fn) {
		v.bits |= wBegini
	}
	if !f.sum.ret.covers(v) {
		f.sum.ret = f.sum.ret.union(v)
		f.h.changed = true
	}
}

// switchStmt treats "switch sig { case want: }" as a comparison.
func (f *hookFrame) switchStmt(n *ast.SwitchStmt) {
	if n.Init != nil {
		ast.Inspect(n.Init, f.node)
	}
	var tag wval
	if n.Tag != nil {
		tag = f.eval(n.Tag)
	}
	for _, cl := range n.Body.List {
		cc := cl.(*ast.CaseClause)
		for _, e := range cc.List {
			v := f.eval(e)
			if n.Tag != nil && !f.isConst(e) {
				f.compare(tag, v, false, "a switch case", span{e.Pos(), e.End()}, nil)
			}
		}
		for _, st := range cc.Body {
			ast.Inspect(st, f.node)
		}
	}
}

func (f *hookFrame) isConst(e ast.Expr) bool {
	tv, ok := f.h.s.info.Types[e]
	return ok && (tv.Value != nil || tv.IsNil())
}

func (f *hookFrame) eval(e ast.Expr) wval {
	switch e := e.(type) {
	case *ast.Ident:
		return f.ident(e)
	case *ast.ParenExpr:
		return f.eval(e.X)
	case *ast.StarExpr:
		return f.eval(e.X)
	case *ast.UnaryExpr:
		v := f.eval(e.X)
		if e.Op == token.NOT {
			return v.only(wCheck)
		}
		return v
	case *ast.BinaryExpr:
		return f.binary(e)
	case *ast.CallExpr:
		if vs := f.call(e); len(vs) > 0 {
			return vs[0]
		}
	case *ast.SelectorExpr:
		return f.selector(e)
	case *ast.IndexExpr:
		return f.index(e)
	case *ast.SliceExpr:
		for _, x := range []ast.Expr{e.Low, e.High, e.Max} {
			if x != nil {
				f.eval(x)
			}
		}
		return f.eval(e.X).only(dataBits)
	case *ast.TypeAssertExpr:
		return f.eval(e.X)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			f.eval(elt)
		}
	case *ast.KeyValueExpr:
		return f.eval(e.Value)
	case *ast.FuncLit:
		return f.funcLit(e)
	}
	return wval{}
}

func (f *hookFrame) ident(e *ast.Ident) wval {
	switch obj := f.h.s.info.ObjectOf(e).(type) {
	case *types.Var:
		v := f.locals[obj]
		if i, ok := f.params[obj]; ok && i < 64 {
			v.params |= 1 << i
		}
		if v.has(wCheck) {
			f.checks[e.Pos()] = true
		}
		return v
	case *types.Func:
		return f.h.funcValue(obj)
	}
	return wval{}
}

// selector reads a qualified identifier, a method value (a handler such as
// h.serveWebhook) or a field, which holds what its variable holds. Fields of
// parameters are not followed: what a caller's struct holds is not known
// here.
func (f *hookFrame) selector(e *ast.SelectorExpr) wval {
	sel := f.h.s.info.Selections[e]
	if sel == nil {
		return f.ident(e.Sel)
	}
	f.eval(e.X)
	switch sel.Kind() {
	case types.MethodVal:
		if fn, ok := sel.Obj().(*types.Func); ok {
			return f.h.funcValue(fn)
		}
	case types.FieldVal:
		if v := f.root(e.X); v != nil {
			if _, param := f.params[v]; !param {
				return f.locals[v]
			}
		}
	}
	return wval{}
}

// index reads r.Header["X-Signature"] as the signature, and keeps what an
// element of a signature or MAC is, for loops that compare byte by byte.
func (f *hookFrame) index(e *ast.IndexExpr) wval {
	f.eval(e.Index)
	v := f.eval(e.X).only(dataBits)
	if name, ok := f.h.s.constStringOf(e.Index); ok && isSignatureHeader(name) &&
		isHeaderType(f.h.s.info.TypeOf(e.X)) {
		f.reads[e.Pos()] = true
		v.bits |= wSig
	}
	return v
}

func (s *state) constStringOf(e ast.Expr) (string, bool) {
	tv, ok := s.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func (f *hookFrame) binary(e *ast.BinaryExpr) wval {
	x, y := f.eval(e.X), f.eval(e.Y)
	switch e.Op {
	case token.ADD:
		return x.union(y).only(dataBits)
	case token.LAND, token.LOR:
		return x.union(y).only(wCheck)
	case token.EQL, token.NEQ:
		if f.isConst(e.X) || f.isConst(e.Y) {
			return wval{} // sig == "": a presence check
		}
		how := e.Op.String()
		var fix ast.Expr = e
		if isByte(f.h.s.info.TypeOf(e.X)) {
			how, fix = "a byte-by-byte loop", nil
		}
		return f.compare(x, y, false, how, span{e.Pos(), e.End()}, fix)
	}
	return wval{}
}

// isByte reports whether t is a byte or a rune, an element of a signature.
func isByte(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Byte || b.Kind() == types.Rune)
}

// funcLit walks a closure in the frame of its function (it shares its
// variables) and returns what it is as a value: a handler, verified or not,
// or a middleware.
func (f *hookFrame) funcLit(n *ast.FuncLit) wval {
	var ret wval
	f.lits = append(f.lits, &ret)
	ast.Inspect(n.Body, f.node)
	f.lits = f.lits[:len(f.lits)-1]
	sig, ok := f.h.s.info.TypeOf(n).(*types.Signature)
	switch {
	case !ok:
	case isHandlerSig(sig):
		return f.handlerStatus(n.Body, n.Type.Func, "")
	case isMiddlewareSig(sig) && ret.has(wVerified):
		return wval{bits: wMiddleware}
	}
	return wval{}
}
