package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/beginilint/beginilint/internal/model"
)

// A hookSite is one call being evaluated: its callee, its arguments
// (receiver first for methods) and their values.
type hookSite struct {
	call *ast.CallExpr
	fn   *types.Func
	sig  *types.Signature
	pkg  string
	recv string
	args []ast.Expr
	vals []wval
	self int // 1 when args[0] is the receiver
}

func (c *hookSite) is(refs ...model.FuncRef) bool {
	return model.MatchesAny(refs, c.pkg, c.recv, c.fn.Name())
}

func (c *hookSite) span() span { return span{c.call.Pos(), c.call.Lparen} }

var (
	hmacNew    = model.FuncRef{Pkg: "crypto/hmac", Name: "New"}
	bytesEqual = model.FuncRef{Pkg: "bytes", Name: "Equal"}
)

func (f *hookFrame) call(e *ast.CallExpr) []wval {
	info := f.h.s.info
	if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
		if len(e.Args) != 1 {
			return nil
		}
		return []wval{f.eval(e.Args[0])} // []byte(sig), http.HandlerFunc(h)
	}
	if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return f.builtin(b.Name(), e)
		}
	}
	fn, _ := typeutil.Callee(info, e).(*types.Func)
	if fn == nil {
		return f.dynamic(e)
	}
	c := f.site(e, fn)
	out := f.apply(c)
	f.registration(c)
	return out
}

func (f *hookFrame) site(e *ast.CallExpr, fn *types.Func) *hookSite {
	c := &hookSite{call: e, fn: fn, sig: fn.Type().(*types.Signature)}
	if fn.Pkg() != nil {
		c.pkg = fn.Pkg().Path()
	}
	if r := c.sig.Recv(); r != nil {
		c.recv = typeName(r.Type())
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if s := f.h.s.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				c.args, c.self = append(c.args, sel.X), 1
			}
		}
	}
	c.args = append(c.args, e.Args...)
	for _, a := range c.args {
		c.vals = append(c.vals, f.eval(a))
	}
	return c
}

func (f *hookFrame) builtin(name string, e *ast.CallExpr) []wval {
	var vals []wval
	var all wval
	for _, a := range e.Args {
		vals = append(vals, f.eval(a))
		all = all.union(vals[len(vals)-1])
	}
	switch name {
	case "append":
		return []wval{all.only(dataBits)}
	case "copy":
		if len(e.Args) == 2 {
			f.assign(e.Args[0], vals[1].only(dataBits))
		}
	}
	return nil
}

// dynamic handles a call of a function value: mw(h), where mw is a
// verifying middleware, is a verified handler.
func (f *hookFrame) dynamic(e *ast.CallExpr) []wval {
	fv := f.eval(e.Fun)
	handlerArg := false
	for _, a := range e.Args {
		f.eval(a)
		handlerArg = handlerArg || isHandlerType(f.h.s.info.TypeOf(a))
	}
	if fv.has(wMiddleware) && handlerArg {
		return []wval{{bits: wVerified}}
	}
	return nil
}

// apply works out what a call does with webhook values.
func (f *hookFrame) apply(c *hookSite) []wval {
	out := make([]wval, c.sig.Results().Len())
	set := func(v wval) {
		if len(out) > 0 {
			out[0] = v
		}
	}
	switch {
	case f.isSignatureRead(c):
		f.reads[c.call.Pos()] = true
		set(wval{bits: wSig})
	case c.is(hmacNew):
		m := f.h.mac(c.call.Pos(), c.call.Lparen)
		m.hash = f.h.wrongHash(c.args[0])
		set(wval{bits: wMAC, macs: []token.Pos{m.pos}})
	case isPlainHash(c):
		m := f.h.mac(c.call.Pos(), c.call.Lparen)
		m.plain = funcName(c.fn)
		set(wval{bits: wHash, macs: []token.Pos{m.pos}})
	case c.self == 1 && c.fn.Name() == "Sum" && c.vals[0].has(wMAC|wHash):
		set(c.vals[0].only(dataBits))
	case f.hashWrite(c):
	case c.is(model.Reencoders...):
		set(wval{bits: wReenc})
	case c.is(model.PayloadDecoders...):
		f.decodes[c.call.Pos()] = true
	case c.is(model.EncoderConstructors...):
		set(c.vals[0].only(dataBits))
	case c.is(model.Encoders...):
		f.encode(c)
	case c.is(model.ConstantTimeCompares...):
		set(f.compareCall(c, true))
	case c.is(model.VariableTimeCompares...):
		set(f.compareCall(c, false))
	case f.summarised(c, out):
	default:
		f.passthrough(c, out)
	}
	if slices.ContainsFunc(c.vals, func(v wval) bool { return v.has(wMiddleware) }) {
		f.wraps = true // r.Use(verify): what this router serves is verified
	}
	return out
}

// isSignatureRead matches r.Header.Get("X-Signature") and the getters of
// other routers (c.GetHeader, ctx.Request.Header.Peek) by name.
func (f *hookFrame) isSignatureRead(c *hookSite) bool {
	if c.self != 1 || len(c.args) != 2 || !slices.Contains(model.HeaderGetters, c.fn.Name()) {
		return false
	}
	name, ok := f.h.s.constStringOf(c.args[1])
	return ok && isSignatureHeader(name)
}

func isPlainHash(c *hookSite) bool {
	name := c.fn.Name()
	return c.recv == "" && slices.Contains(model.PlainHashPkgs, c.pkg) &&
		(strings.HasPrefix(name, "New") || strings.HasPrefix(name, "Sum"))
}

// wrongHash names the hash function given to hmac.New when it is not
// SHA-512, and returns "" when it is or when it cannot be told.
func (h *hookState) wrongHash(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		// func() hash.Hash { return sha256.New() }
		for _, st := range e.Body.List {
			if r, ok := st.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
				if call, ok := r.Results[0].(*ast.CallExpr); ok {
					return h.wrongHash(call.Fun)
				}
			}
		}
	case *ast.Ident:
		return hashName(h.s.info.Uses[e])
	case *ast.SelectorExpr:
		if c, ok := h.s.info.Uses[selectorIdent(e.X)].(*types.Const); ok && e.Sel.Name == "New" {
			// crypto.SHA256.New: a method value of a crypto.Hash constant.
			if c.Pkg() != nil && c.Pkg().Path() == "crypto" && c.Name() != "SHA512" {
				return "crypto." + c.Name() + ".New"
			}
			return ""
		}
		return hashName(h.s.info.Uses[e.Sel])
	}
	return ""
}

func selectorIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

func hashName(obj types.Object) string {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	path := fn.Pkg().Path()
	if model.SignatureHash.Matches(path, "", fn.Name()) {
		return ""
	}
	if slices.Contains(model.PlainHashPkgs, path) || strings.HasPrefix(path, "hash/") {
		return funcName(fn)
	}
	return "" // the team's own constructor: cannot tell
}

// hashWrite handles data written into a MAC or hash: mac.Write(b),
// io.WriteString(mac, s), fmt.Fprint(mac, ...). Re-encoded data is a
// defect of the MAC; parameters written make the MAC depend on them.
func (f *hookFrame) hashWrite(c *hookSite) bool {
	isMethod := c.self == 1 && strings.HasPrefix(c.fn.Name(), "Write")
	if !isMethod && !c.is(model.HashWriters...) {
		return false
	}
	if len(c.vals) == 0 || !c.vals[0].has(wMAC|wHash) {
		return false
	}
	for _, v := range c.vals[1:] {
		if v.has(wReenc) {
			f.reencoded(c.vals[0], c.span())
		}
		if v.params != 0 {
			f.assign(c.args[0], wval{params: v.params})
		}
	}
	return true
}

func (f *hookFrame) reencoded(mac wval, at span) {
	for _, p := range mac.macs {
		if m := f.h.macs[p]; m != nil {
			m.addReenc(at)
		}
	}
}

// encode handles json.NewEncoder(x).Encode(v): into a MAC it is a MAC over
// re-encoded data; into a buffer it makes the buffer re-encoded data.
func (f *hookFrame) encode(c *hookSite) {
	if c.self != 1 {
		return
	}
	if c.vals[0].has(wMAC | wHash) {
		f.reencoded(c.vals[0], c.span())
		return
	}
	if inner, ok := ast.Unparen(c.args[0]).(*ast.CallExpr); ok && len(inner.Args) == 1 {
		if fn, ok := typeutil.Callee(f.h.s.info, inner).(*types.Func); ok && fn.Pkg() != nil &&
			model.MatchesAny(model.EncoderConstructors, fn.Pkg().Path(), "", fn.Name()) {
			f.assign(inner.Args[0], wval{bits: wReenc})
		}
	}
}

// compareCall judges bytes.Equal(a, b), hmac.Equal(a, b) and the like.
func (f *hookFrame) compareCall(c *hookSite, ct bool) wval {
	if len(c.args) < c.self+2 {
		return wval{}
	}
	a, b := c.args[c.self], c.args[c.self+1]
	if !ct && (f.isConst(a) || f.isConst(b)) {
		return wval{} // strings.HasPrefix(sig, "sha512="): not a comparison of two values
	}
	var fix ast.Expr
	if c.is(bytesEqual) {
		fix = c.call
	}
	return f.compare(c.vals[c.self], c.vals[c.self+1], ct, funcName(c.fn), c.span(), fix)
}

func (f *hookFrame) compare(x, y wval, ct bool, how string, at span, fix ast.Expr) wval {
	return f.judge(hookCmp{x: x, y: y, ct: ct, how: how, pos: at.pos, end: at.end, fix: fix}, at.pos)
}

// judge decides a comparison made here, or in a callee, in which case event
// is the call. Comparing the received signature at all counts as verifying
// it (in variable time it is a finding of its own); a comparison that
// depends on parameters is kept for the callers.
func (f *hookFrame) judge(c hookCmp, event token.Pos) wval {
	sig := c.x.has(wSig) || c.y.has(wSig)
	named := f.ctx && (macVsParam(c.x, c.y) || macVsParam(c.y, c.x))
	if sig || named {
		f.verifs[event] = true
		if !c.ct && !c.reported {
			f.report(Flow{Kind: SigCompare, Pos: c.pos, End: c.end, Role: c.how,
				Via: c.via, Fix: c.fix})
		}
		c.reported = c.reported || !c.ct
		f.metSignature(c.x, c.y)
	}
	if c.x.params|c.y.params != 0 {
		f.keep(c)
	}
	if sig || named {
		return wval{bits: wCheck}
	}
	return wval{}
}

// macVsParam reports whether mac is a MAC or hash and other a parameter
// that is neither: in a function named for Begini, the signature passed in.
func macVsParam(mac, other wval) bool {
	return mac.has(wMAC|wHash) && other.params != 0 && !other.has(wMAC|wHash)
}

// keep adds a comparison to the function's summary, one per position.
func (f *hookFrame) keep(c hookCmp) {
	for i, old := range f.sum.cmps {
		if old.pos != c.pos || old.ct != c.ct {
			continue
		}
		if old.x.covers(c.x) && old.y.covers(c.y) && old.reported == c.reported {
			return
		}
		c.x, c.y = old.x.union(c.x), old.y.union(c.y)
		c.reported = c.reported || old.reported
		f.sum.cmps[i] = c
		f.h.changed = true
		return
	}
	f.sum.cmps = append(f.sum.cmps, c)
	f.h.changed = true
}

// summarised applies what is known of a function of this package or, by
// its fact, of another: its results, its comparisons with the arguments
// put in, whether it reads or verifies the signature, decodes a payload or
// wraps a handler in a verification.
func (f *hookFrame) summarised(c *hookSite, out []wval) bool {
	var sum *hookSum
	if c.fn.Pkg() == f.h.s.pass.Pkg {
		sum = f.h.sums[c.fn.Origin()]
	} else {
		sum = f.h.imported(c.fn, c.call)
	}
	if sum == nil {
		return false
	}
	ret := f.subst(sum.ret, c)
	verified := sum.flags&HookVerifies != 0
	for _, cmp := range sum.cmps {
		cmp.x, cmp.y = f.subst(cmp.x, c), f.subst(cmp.y, c)
		verified = f.judge(cmp, c.call.Pos()).has(wCheck) || verified
	}
	pos := c.call.Pos()
	if verified {
		f.verifs[pos] = true
		ret.bits |= wCheck
	}
	if sum.flags&HookReads != 0 {
		f.reads[pos] = true
	}
	if sum.flags&HookDecodes != 0 {
		f.decodes[pos] = true
	}
	if sum.flags&HookMiddleware != 0 && f.hasHandlerArg(c) {
		ret.bits |= wVerified
	}
	for i := range out {
		out[i] = resultValue(ret, c.sig.Results().At(i).Type())
	}
	return true
}

// subst puts the arguments of a call in place of the parameters a value
// derives from. Re-encoded data put into a MAC is a defect of the MAC, at
// the call.
func (f *hookFrame) subst(v wval, c *hookSite) wval {
	out := v
	out.params = 0
	for i, a := range c.vals {
		if i >= 64 || v.params&(1<<i) == 0 {
			continue
		}
		if v.has(wMAC|wHash) && a.has(wReenc) {
			m := f.h.mac(c.call.Pos(), c.call.Lparen)
			m.via, m.passed = funcName(c.fn), true
			m.addReenc(c.span())
			out.macs = append(slices.Clone(out.macs), m.pos)
		}
		out = out.union(a)
	}
	return out
}

func (f *hookFrame) hasHandlerArg(c *hookSite) bool {
	for _, a := range c.args[c.self:] {
		if isHandlerType(f.h.s.info.TypeOf(a)) {
			return true
		}
	}
	return false
}

// resultValue is what a result of type t can carry of v.
func resultValue(v wval, t types.Type) wval {
	if isHandlerType(t) || isMiddlewareType(t) {
		return v.only(handlerBits)
	}
	if isError(t) {
		return v.only(wCheck)
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString == 0 {
		if b.Info()&types.IsBoolean != 0 {
			return v.only(wCheck)
		}
		return wval{} // a length or a count reveals nothing
	}
	return v.only(dataBits)
}

// passthrough handles the standard library's string and encoding helpers,
// whose results carry their arguments, and wrappers of handlers such as
// http.StripPrefix, which serve what they wrap.
func (f *hookFrame) passthrough(c *hookSite, out []wval) {
	var all wval
	for _, v := range c.vals {
		all = all.union(v)
	}
	data := slices.Contains(model.PassthroughPkgs, c.pkg)
	for i := range out {
		t := c.sig.Results().At(i).Type()
		switch {
		case isHandlerType(t):
			out[i] = all.only(handlerBits &^ wMiddleware)
		case data:
			out[i] = resultValue(all.only(dataBits), t)
		}
	}
}

// registration finds a handler registered under a route pattern:
// mux.Handle("POST /webhooks/begini", h), r.Post(pattern, h). One that
// decodes payloads and never verifies is kept, to be reported when no
// verifying middleware covers the router.
func (f *hookFrame) registration(c *hookSite) {
	pattern := ""
	for i := c.self; i < len(c.args); i++ {
		a := c.args[i]
		if s, ok := f.h.s.constStringOf(a); ok {
			pattern = s
			continue
		}
		if pattern == "" || !isHandlerType(f.h.s.info.TypeOf(a)) {
			continue
		}
		v := f.handlerValue(a, c.vals[i])
		if !v.has(wUnverified) || v.has(wVerified) {
			continue
		}
		cfg := f.h.s.cfg
		if v.has(wBegini) || cfg.IsBeginiWebhookName(pattern) || cfg.IsBeginiWebhookName(v.name) {
			f.pending = append(f.pending, registration{call: c.call, name: v.name})
		}
	}
}
