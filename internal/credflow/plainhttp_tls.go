package credflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A client that does not verify the server's certificate is as good as
// plain HTTP. Many programs switch verification off for some internal
// service; it is this linter's business only when the client is used for
// Begini calls: built in code that belongs to the Begini integration, or
// handed to it.

// A tlsSource is where verification is switched off, as seen from this
// package: the InsecureSkipVerify line or the callback that accepts every
// certificate, or the use of another package's function or variable whose
// fact says it hands out such a client.
type tlsSource struct {
	pos, end token.Pos
	what     string // InsecureSkipVerify, VerifyPeerCertificate or VerifyConnection
	via      string // the other package's function or variable, if imported
}

// tlsCheck follows clients, transports and TLS configs that skip
// verification through one package, flow-insensitively like the engine's
// walks.
type tlsCheck struct {
	p *plainHTTP
	// held maps the package's variables, fields and functions (for their
	// results) to the sources of what they hold.
	held      map[types.Object][]tlsSource
	changed   bool
	reporting bool
	// bases maps a tls.Config literal to the expression it is assigned to,
	// so that callbacks assigned to that expression later count for it.
	bases    map[*ast.CompositeLit]string
	reported map[token.Pos]bool
	ctx      map[ast.Decl]declCtx // what each declaration talks to, once worked out
}

// declCtx is what a function or variable declaration talks to.
type declCtx uint8

const (
	ctxOther  declCtx = iota // nothing known: only what it hands to Begini code matters
	ctxBegini                // Begini: any client that skips verification in it is used for Begini
	ctxLocal                 // a local test server or mock: nothing in it is reported
)

func (p *plainHTTP) checkTLS() {
	t := &tlsCheck{p: p, held: make(map[types.Object][]tlsSource),
		bases: make(map[*ast.CompositeLit]string), reported: make(map[token.Pos]bool),
		ctx: make(map[ast.Decl]declCtx)}
	for round := 0; round < maxRounds; round++ {
		t.changed = false
		t.walkAll()
		if !t.changed {
			break
		}
	}
	t.reporting = true
	t.walkAll()
	t.exportFacts()
}

// walkAll walks the package's functions and variable declarations outside
// _test.go files: tests skip verification to talk to local TLS servers.
func (t *tlsCheck) walkAll() {
	s := t.p.s
	for _, f := range s.pass.Files {
		if s.inTestFile(f.Pos()) {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					fn, _ := s.info.Defs[d.Name].(*types.Func)
					t.walk(d.Body, d.Body, fn, t.ctxOf(d))
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					t.walk(d, d, nil, t.ctxOf(d))
				}
			}
		}
	}
}

func (t *tlsCheck) ctxOf(d ast.Decl) declCtx {
	c, ok := t.ctx[d]
	if !ok {
		c = ctxOther
		switch d := d.(type) {
		case *ast.FuncDecl:
			if t.talksToLocal(d.Body) {
				c = ctxLocal
			} else if t.funcBegini(d) {
				c = ctxBegini
			}
		case *ast.GenDecl:
			if t.talksToLocal(d) {
				c = ctxLocal
			} else if t.declBegini(d) {
				c = ctxBegini
			}
		}
		t.ctx[d] = c
	}
	return c
}

// talksToLocal reports whether code talks to a server on this machine: it
// starts one with net/http/httptest, or it names a loopback URL and no
// Begini host (a client set up for a local mock with a self-signed
// certificate).
func (t *tlsCheck) talksToLocal(n ast.Node) bool {
	return t.usesHTTPTest(n) || t.mentionsLoopback(n) && !t.mentionsHost(n)
}

// funcBegini reports whether a function belongs to the Begini integration:
// its package, its name or its receiver's type is named for Begini, or it
// mentions a Begini host.
func (t *tlsCheck) funcBegini(fd *ast.FuncDecl) bool {
	s := t.p.s
	if s.pkgBegini || s.cfg.HasVendorWord(fd.Name.Name) {
		return true
	}
	if fd.Recv != nil && len(fd.Recv.List) > 0 &&
		s.cfg.HasVendorWord(types.ExprString(fd.Recv.List[0].Type)) {
		return true
	}
	return t.mentionsHost(fd.Body)
}

func (t *tlsCheck) declBegini(d *ast.GenDecl) bool {
	s := t.p.s
	if s.pkgBegini || t.mentionsHost(d) {
		return true
	}
	for _, spec := range d.Specs {
		for _, id := range spec.(*ast.ValueSpec).Names {
			if s.cfg.HasVendorWord(id.Name) {
				return true
			}
		}
	}
	return false
}

// mentionsHost reports whether a Begini host appears in n, in a literal or
// in a constant of any package.
func (t *tlsCheck) mentionsHost(n ast.Node) bool {
	s := t.p.s
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			found = found || s.cfg.MentionsBeginiHost(litValue(n))
		case *ast.Ident:
			if obj := s.info.Uses[n]; obj != nil {
				found = found || s.constMentionsHost(obj)
			}
		}
		return !found
	})
	return found
}

// mentionsLoopback reports whether a literal in n names localhost,
// 127.0.0.1 or [::1], as a URL ("https://localhost:" + port) or an address.
func (t *tlsCheck) mentionsLoopback(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			found = found || isLoopback(urlHost(litValue(lit)))
		}
		return !found
	})
	return found
}

func isLoopback(host string) bool {
	if strings.HasPrefix(host, "[::1]") {
		return true
	}
	host, _, _ = strings.Cut(host, ":")
	return strings.EqualFold(host, "localhost") || strings.HasPrefix(host, "127.")
}

func (t *tlsCheck) usesHTTPTest(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pn, ok := t.p.s.info.Uses[id].(*types.PkgName); ok {
				found = found || pn.Imported().Path() == "net/http/httptest"
			}
		}
		return !found
	})
	return found
}

// walk visits one function body or variable declaration. fn is the
// function whose results a return statement gives, nil inside closures.
func (t *tlsCheck) walk(root, n ast.Node, fn *types.Func, ctx declCtx) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			t.walk(root, n.Body, nil, ctx) // its returns are not fn's
			return false
		case *ast.AssignStmt:
			t.assign(root, n.Lhs, n.Rhs, ctx)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			t.assign(root, lhs, n.Values, ctx)
		case *ast.ReturnStmt:
			if fn != nil {
				for _, r := range n.Results {
					t.hold(fn, t.eval(root, r))
				}
			}
		case *ast.CallExpr:
			if ctx != ctxLocal && t.beginiCallee(n) {
				for _, a := range n.Args {
					t.report(t.eval(root, a), n)
				}
			}
		case *ast.CompositeLit:
			t.storeFields(root, n)
			if ctx != ctxLocal && t.beginiType(t.p.s.info.TypeOf(n)) {
				t.report(t.eval(root, n), n)
			}
		}
		if e, ok := n.(ast.Expr); ok && ctx == ctxBegini && t.reporting {
			// Anything that skips verification and is used in Begini code
			// is used for Begini calls.
			t.report(t.direct(root, e), e)
		}
		return true
	})
}

// assign stores what each right-hand side holds in its left-hand side, and
// finds verification switched off by assignment: cfg.InsecureSkipVerify = true.
func (t *tlsCheck) assign(root ast.Node, lhs, rhs []ast.Expr, ctx declCtx) {
	if len(lhs) != len(rhs) {
		return
	}
	for i := range lhs {
		if lit := t.tlsConfigLit(rhs[i]); lit != nil {
			t.bases[lit] = types.ExprString(lhs[i])
		}
		if src, ok := t.skipAssign(root, lhs[i], rhs[i]); ok {
			if ctx == ctxBegini {
				t.report([]tlsSource{src}, nil) // Begini code: the line is the use
			}
			t.store(ast.Unparen(lhs[i]).(*ast.SelectorExpr).X, []tlsSource{src})
			continue
		}
		srcs := t.eval(root, rhs[i])
		if ctx != ctxLocal && t.beginiTarget(lhs[i]) {
			t.report(srcs, lhs[i])
		}
		t.store(lhs[i], srcs)
	}
}

// skipAssign recognises X.InsecureSkipVerify = true on a tls.Config.
func (t *tlsCheck) skipAssign(root ast.Node, lhs, rhs ast.Expr) (tlsSource, bool) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "InsecureSkipVerify" || !isTLSConfig(t.p.s.info.TypeOf(sel.X)) ||
		!t.isTrue(rhs) {
		return tlsSource{}, false
	}
	src := tlsSource{pos: lhs.Pos(), end: rhs.End(), what: "InsecureSkipVerify"}
	return t.withCallback(src, t.assignedCallback(root, types.ExprString(sel.X)))
}

// withCallback decides what a skipped verification amounts to given the
// callback that replaces it, if any: nothing when the callback checks
// something (certificate pinning), the callback when it accepts everything.
func (t *tlsCheck) withCallback(src tlsSource, cb *ast.KeyValueExpr) (tlsSource, bool) {
	if cb == nil {
		return src, true
	}
	if !t.acceptsAll(cb.Value) {
		return tlsSource{}, false
	}
	return tlsSource{pos: cb.Pos(), end: cb.Key.End(), what: cb.Key.(*ast.Ident).Name}, true
}

// assignedCallback finds a verification callback set on base in root, by
// assignment or in a tls.Config literal assigned to base. It returns it as
// a key-value pair, the form the literal case has.
func (t *tlsCheck) assignedCallback(root ast.Node, base string) *ast.KeyValueExpr {
	var found *ast.KeyValueExpr
	ast.Inspect(root, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found != nil || len(as.Lhs) != len(as.Rhs) {
			return found == nil
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if ok && isCallbackName(sel.Sel.Name) && types.ExprString(sel.X) == base {
				found = &ast.KeyValueExpr{Key: sel.Sel, Colon: sel.Sel.End(),
					Value: as.Rhs[i]}
			}
			if lit := t.tlsConfigLit(as.Rhs[i]); lit != nil && types.ExprString(lhs) == base {
				found = literalCallback(lit)
			}
		}
		return found == nil
	})
	return found
}

func isCallbackName(name string) bool {
	return name == "VerifyPeerCertificate" || name == "VerifyConnection"
}

func literalCallback(lit *ast.CompositeLit) *ast.KeyValueExpr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && isCallbackName(id.Name) {
				return kv
			}
		}
	}
	return nil
}

// acceptsAll reports whether a verification callback returns nil on every
// path. A callback from another package, or held in a variable, is assumed
// to check something.
func (t *tlsCheck) acceptsAll(e ast.Expr) bool {
	var body *ast.BlockStmt
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		body = e.Body
	case *ast.Ident, *ast.SelectorExpr:
		fn, ok := t.p.s.info.ObjectOf(identOf(e)).(*types.Func)
		if !ok || t.p.funcDecl(fn) == nil {
			return false
		}
		body = t.p.funcDecl(fn).Body
	}
	if body == nil {
		return false
	}
	returns, allNil := 0, true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			allNil = allNil && len(n.Results) == 1 && t.isNil(n.Results[0])
		}
		return true
	})
	return returns > 0 && allNil
}

func identOf(e ast.Expr) *ast.Ident {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel
	}
	return e.(*ast.Ident)
}

func (p *plainHTTP) funcDecl(fn *types.Func) *ast.FuncDecl {
	if p.decls == nil {
		p.decls = make(map[*types.Func]*ast.FuncDecl)
		for _, fd := range p.s.funcDecls {
			if obj, ok := p.s.info.Defs[fd.Name].(*types.Func); ok {
				p.decls[obj] = fd
			}
		}
	}
	return p.decls[fn]
}

func (t *tlsCheck) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := t.p.s.info.Uses[id].(*types.Nil)
	return isNil
}

// isTrue reports whether e is the constant true; a switch decided at run
// time (a flag, a config field) is not reported, since whether it is ever
// on in production cannot be seen.
func (t *tlsCheck) isTrue(e ast.Expr) bool {
	tv, ok := t.p.s.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// eval returns the sources of what e holds: its own, and those of the
// values it is made from (a transport holding a config, a client holding a
// transport, a wrapper around either).
func (t *tlsCheck) eval(root ast.Node, e ast.Expr) []tlsSource {
	srcs := t.direct(root, e)
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		srcs = append(srcs, t.eval(root, e.X)...)
	case *ast.StarExpr:
		srcs = append(srcs, t.eval(root, e.X)...)
	case *ast.TypeAssertExpr:
		srcs = append(srcs, t.eval(root, e.X)...)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			srcs = append(srcs, t.eval(root, elt)...)
		}
	case *ast.CallExpr:
		srcs = append(srcs, t.callArgs(root, e)...)
	}
	return srcs
}

// callArgs returns what a call's result holds of its arguments: a call that
// returns a client, transport or TLS config made from an insecure one
// (tr.Clone(), otelhttp.NewTransport(tr)) is insecure too.
func (t *tlsCheck) callArgs(root ast.Node, call *ast.CallExpr) []tlsSource {
	if !isTLSCarrier(t.p.s.info.TypeOf(call)) {
		return nil
	}
	var srcs []tlsSource
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := t.p.s.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			srcs = append(srcs, t.eval(root, sel.X)...)
		}
	}
	for _, a := range call.Args {
		srcs = append(srcs, t.eval(root, a)...)
	}
	return srcs
}

// direct returns the sources e itself brings in, not through its parts: a
// tls.Config literal that skips verification, a read of what holds one, a
// call of a function that returns one.
func (t *tlsCheck) direct(root ast.Node, e ast.Expr) []tlsSource {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if isTLSConfig(t.p.s.info.TypeOf(e)) {
			return t.configLit(root, e)
		}
	case *ast.Ident:
		return t.read(t.p.s.info.Uses[e], e)
	case *ast.SelectorExpr:
		return t.read(t.p.s.info.ObjectOf(e.Sel), e)
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(t.p.s.info, e).(*types.Func); ok {
			return t.read(fn, e)
		}
	}
	return nil
}

// configLit returns the source of a tls.Config literal that sets
// InsecureSkipVerify to true without a callback that checks something.
func (t *tlsCheck) configLit(root ast.Node, lit *ast.CompositeLit) []tlsSource {
	skip := fieldValue(lit, "InsecureSkipVerify")
	if skip == nil || !t.isTrue(skip) {
		return nil
	}
	var kv *ast.KeyValueExpr
	for _, elt := range lit.Elts {
		if e, ok := elt.(*ast.KeyValueExpr); ok && e.Value == skip {
			kv = e
		}
	}
	cb := literalCallback(lit)
	if cb == nil && t.bases[lit] != "" {
		cb = t.assignedCallback(root, t.bases[lit])
	}
	src, ok := t.withCallback(tlsSource{pos: kv.Pos(), end: kv.End(), what: "InsecureSkipVerify"}, cb)
	if !ok {
		return nil
	}
	return []tlsSource{src}
}

// read returns what an object holds: from this package's walk, or from the
// fact of another package, as a source at this use.
func (t *tlsCheck) read(obj types.Object, at ast.Expr) []tlsSource {
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	if obj.Pkg() == t.p.s.pass.Pkg {
		return t.held[obj]
	}
	var fact InsecureTLSFact
	if !t.p.s.pass.ImportObjectFact(obj, &fact) || fact.Reported {
		return nil // reported in its own package, where it is used for Begini
	}
	end := at.End()
	if call, ok := at.(*ast.CallExpr); ok {
		end = call.Lparen
	}
	return []tlsSource{{pos: at.Pos(), end: end, what: fact.What, via: qualifiedName(obj)}}
}

func qualifiedName(obj types.Object) string {
	name := obj.Pkg().Name() + "." + obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		if r := fn.Type().(*types.Signature).Recv(); r != nil {
			name = obj.Pkg().Name() + "." + typeName(r.Type()) + "." + obj.Name()
		}
	}
	return name
}

// store gives srcs to what an assignment writes: the variable, and for
// x.f = v both the field f (when this package declares it) and the
// variable x, so that a transport whose TLSClientConfig is insecure is.
func (t *tlsCheck) store(lhs ast.Expr, srcs []tlsSource) {
	if len(srcs) == 0 {
		return
	}
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		t.hold(t.p.s.info.ObjectOf(l), srcs)
	case *ast.SelectorExpr:
		t.hold(t.p.s.info.ObjectOf(l.Sel), srcs)
		if t.p.s.info.Selections[l] != nil {
			t.store(l.X, srcs)
		}
	case *ast.StarExpr:
		t.store(l.X, srcs)
	case *ast.IndexExpr:
		t.store(l.X, srcs)
	}
}

// storeFields gives each field of a struct literal what its value holds:
// &pool{client: insecure} makes field client insecure.
func (t *tlsCheck) storeFields(root ast.Node, lit *ast.CompositeLit) {
	st, ok := typeOf(t.p.s.info, lit).(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				t.hold(t.p.s.info.ObjectOf(id), t.eval(root, kv.Value))
			}
		} else if i < st.NumFields() {
			t.hold(st.Field(i), t.eval(root, elt))
		}
	}
}

// hold adds srcs to an object of this package. Objects of other packages
// (http.DefaultTransport, the fields of http.Transport) are shared by every
// client there is, so holding them would spread one insecure client to all.
func (t *tlsCheck) hold(obj types.Object, srcs []tlsSource) {
	if obj == nil || obj.Pkg() != t.p.s.pass.Pkg {
		return
	}
	for _, src := range srcs {
		if !containsSource(t.held[obj], src) {
			t.held[obj] = append(t.held[obj], src)
			t.changed = true
		}
	}
}

func containsSource(list []tlsSource, src tlsSource) bool {
	for _, x := range list {
		if x.pos == src.pos {
			return true
		}
	}
	return false
}

// report records srcs as used for Begini calls at use, if given. A source
// inside the use itself (a config literal in Begini code) has no other
// place to show.
func (t *tlsCheck) report(srcs []tlsSource, use ast.Node) {
	if !t.reporting {
		return
	}
	for _, src := range srcs {
		t.reported[src.pos] = true
		fl := Flow{Kind: InsecureTLS, Pos: src.pos, End: src.end, Role: src.what, Via: src.via}
		if use != nil && (src.pos < use.Pos() || src.pos >= use.End()) {
			fl.SinkPos = use.Pos()
		}
		t.p.s.addFlow(fl)
	}
}

// beginiCallee reports whether a call hands its arguments to the Begini
// integration: the function, its receiver's type or its package is named
// for Begini (begini.NewClient(key, hc), client.WithHTTPClient(hc)).
func (t *tlsCheck) beginiCallee(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(t.p.s.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	cfg := t.p.s.cfg
	recv := ""
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		recv = typeName(r.Type())
	}
	return cfg.HasVendorWord(fn.Name()) || cfg.HasVendorWord(recv) ||
		cfg.HasVendorWord(fn.Pkg().Path())
}

// beginiType reports whether a type is named for Begini or declared in a
// Begini package.
func (t *tlsCheck) beginiType(typ types.Type) bool {
	if ptr, ok := typ.(*types.Pointer); ok {
		typ = ptr.Elem()
	}
	n, ok := types.Unalias(typ).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	cfg := t.p.s.cfg
	return cfg.HasVendorWord(n.Obj().Name()) || cfg.HasVendorWord(n.Obj().Pkg().Path())
}

// beginiTarget reports whether an assignment writes to a variable or field
// named for Begini, or to a field of a Begini type.
func (t *tlsCheck) beginiTarget(lhs ast.Expr) bool {
	s := t.p.s
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		return s.cfg.HasVendorWord(l.Name)
	case *ast.SelectorExpr:
		return s.cfg.HasVendorWord(l.Sel.Name) || t.beginiType(s.info.TypeOf(l.X))
	}
	return false
}

func (t *tlsCheck) tlsConfigLit(e ast.Expr) *ast.CompositeLit {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || !isTLSConfig(t.p.s.info.TypeOf(lit)) {
		return nil
	}
	return lit
}

func isTLSConfig(t types.Type) bool { return isNamed(t, "crypto/tls", "Config") }

// isTLSCarrier reports whether a value of type t can carry a TLS
// configuration to a request: the config itself, a transport, a client.
func isTLSCarrier(t types.Type) bool {
	return isTLSConfig(t) || isNamed(t, "net/http", "Transport") ||
		isNamed(t, "net/http", "RoundTripper") || isNamed(t, "net/http", "Client")
}

// exportFacts tells importers which of this package's functions, variables
// and fields hand out a client that skips verification, and whether that
// was already reported here.
func (t *tlsCheck) exportFacts() {
	for obj, srcs := range t.held {
		if !factObject(obj) {
			continue
		}
		fact := &InsecureTLSFact{What: srcs[0].what, Reported: true}
		for _, src := range srcs {
			fact.Reported = fact.Reported && t.reported[src.pos]
		}
		t.p.s.pass.ExportObjectFact(obj, fact)
	}
}

// factObject reports whether facts can name obj: functions and methods,
// package-level variables, fields.
func factObject(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return true
	case *types.Var:
		return exportable(obj)
	}
	return false
}

// InsecureTLSFact marks a function whose result, or a variable or field
// whose value, is a client, transport or TLS config that skips certificate
// verification, so that a package handing it to Begini code reports the
// use. It says how and whether, never a value.
type InsecureTLSFact struct {
	What string // InsecureSkipVerify, VerifyPeerCertificate or VerifyConnection
	// Reported is set when the package that switched verification off
	// already reported it, because it uses the client for Begini itself.
	Reported bool
}

func (*InsecureTLSFact) AFact() {}

func (f *InsecureTLSFact) String() string { return "credflow skips TLS verification" }
