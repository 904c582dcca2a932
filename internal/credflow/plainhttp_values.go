package credflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/beginilint/beginilint/internal/model"
)

// Resolving what strings a URL is made of: constants, assignments, flag
// defaults, cmp.Or, concatenation and fmt.Sprintf, as far as the package
// shows them.

// collectStores records what is assigned to variables and fields: by
// assignment, declaration, struct literal and flag.StringVar.
func (p *plainHTTP) collectStores() {
	kinds := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil),
		(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}
	for c := range p.in.Root().Preorder(kinds...) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				p.storeAll(n.Lhs, n.Rhs) // u += path keeps the scheme and host u had
			}
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			p.storeAll(lhs, n.Values)
		case *ast.CompositeLit:
			p.storeFields(n)
		case *ast.CallExpr:
			p.storeFlagVar(n)
		}
	}
}

func (p *plainHTTP) storeAll(lhs, rhs []ast.Expr) {
	if len(lhs) == len(rhs) {
		for i := range lhs {
			p.store(lhs[i], rhs[i])
		}
		return
	}
	if len(rhs) == 1 && len(lhs) == 2 && p.isURLParse(rhs[0]) {
		if v := p.varOf(lhs[0]); v != nil {
			p.urlHosts[v] = append(p.urlHosts[v], rhs[0].(*ast.CallExpr).Args[0])
		}
	}
}

func (p *plainHTTP) store(lhs, rhs ast.Expr) {
	v := p.varOf(lhs)
	if v == nil {
		return
	}
	if !v.IsField() || v.Pkg() == p.s.pass.Pkg {
		// A field of another package's type (url.URL's Host) is shared by
		// every value of that type: one URL's host would leak into all.
		p.stored[v] = append(p.stored[v], rhs)
	}
	if lit := p.urlLit(rhs); lit != nil {
		if host := fieldValue(lit, "Host"); host != nil {
			p.urlHosts[v] = append(p.urlHosts[v], host)
		}
	}
	// u.Host = h: the host of the url.URL in u.
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "Host" &&
		isURLType(p.s.info.TypeOf(sel.X)) {
		if root := p.varOf(sel.X); root != nil {
			p.urlHosts[root] = append(p.urlHosts[root], rhs)
		}
	}
}

// varOf returns the variable or field an assignment writes to.
func (p *plainHTTP) varOf(lhs ast.Expr) *types.Var {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		v, _ := p.s.info.ObjectOf(l).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := p.s.info.ObjectOf(l.Sel).(*types.Var)
		return v
	case *ast.StarExpr:
		return p.varOf(l.X)
	}
	return nil
}

func (p *plainHTTP) storeFields(lit *ast.CompositeLit) {
	if _, ok := typeOf(p.s.info, lit).(*types.Struct); !ok {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			p.store(kv.Key, kv.Value)
		}
	}
}

// storeFlagVar records flag.StringVar(&u, name, default, usage) as u = default.
func (p *plainHTTP) storeFlagVar(call *ast.CallExpr) {
	d, ok := p.flagDefiner(call)
	if !ok || d.Pointer < 0 || d.Pointer >= len(call.Args) || d.Default >= len(call.Args) {
		return
	}
	if u, ok := ast.Unparen(call.Args[d.Pointer]).(*ast.UnaryExpr); ok && u.Op == token.AND {
		p.store(u.X, call.Args[d.Default])
	}
}

func (p *plainHTTP) flagDefiner(call *ast.CallExpr) (model.FlagDefiner, bool) {
	fn, ok := typeutil.Callee(p.s.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return model.FlagDefiner{}, false
	}
	recv := ""
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		recv = typeName(r.Type())
	}
	return model.FlagDefinerOf(model.FuncRef{Pkg: fn.Pkg().Path(), Recv: recv, Name: fn.Name()})
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}

// values returns the strings e may evaluate to, as far as the package
// shows: constants (also of other packages, through their types), what a
// variable or field is assigned, a flag's default, the arguments of
// cmp.Or, concatenations and fmt.Sprintf. It returns nil when nothing is
// known.
func (p *plainHTTP) values(e ast.Expr) []string {
	if tv, ok := p.s.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return []string{constant.StringVal(tv.Value)}
		}
		return []string{tv.Value.ExactString()}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return p.varValues(p.varOf(e))
	case *ast.StarExpr:
		return p.values(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil
		}
		return p.concat(p.values(e.X), p.values(e.Y))
	case *ast.CallExpr:
		return p.callValues(e)
	}
	return nil
}

// varValues returns what a variable or field may hold, computed once. A
// variable built from itself (u = u + "/") adds nothing to what its other
// assignments give.
func (p *plainHTTP) varValues(v *types.Var) []string {
	if v == nil {
		return nil
	}
	if vs, done := p.memo[v]; done {
		return vs
	}
	p.memo[v] = nil // while computing: a cycle reads nothing
	var out []string
	for _, x := range p.stored[v] {
		out = addValues(out, p.values(x))
	}
	p.memo[v] = out
	return out
}

func addValues(out, vs []string) []string {
	for _, v := range vs {
		if len(out) == maxValues {
			break
		}
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// concat joins every value of x with every value of y; an unknown side is
// kept as unknownPart, so that "http://" + host + path still shows its host.
func (p *plainHTTP) concat(x, y []string) []string {
	if x == nil && y == nil {
		return nil
	}
	if x == nil {
		x = []string{unknownPart}
	}
	if y == nil {
		y = []string{unknownPart}
	}
	var out []string
	for _, a := range x {
		for _, b := range y {
			out = addValues(out, []string{a + b})
		}
	}
	return out
}

func (p *plainHTTP) callValues(call *ast.CallExpr) []string {
	if d, ok := p.flagDefiner(call); ok && d.Pointer < 0 && d.Default < len(call.Args) {
		return p.values(call.Args[d.Default])
	}
	fn, ok := typeutil.Callee(p.s.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || len(call.Args) == 0 {
		return nil
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "cmp.Or":
		var out []string
		for _, a := range call.Args {
			out = addValues(out, p.values(a))
		}
		return out
	case "fmt.Sprintf":
		return p.sprintf(call)
	case "strings.TrimSpace", "strings.TrimSuffix", "strings.TrimRight":
		// Trimming a slash or a space changes neither scheme nor host.
		return p.values(call.Args[0])
	}
	return nil
}

// sprintf formats every combination of the known format strings and
// arguments; unknown arguments become unknownPart.
func (p *plainHTTP) sprintf(call *ast.CallExpr) []string {
	formats := p.values(call.Args[0])
	combos := [][]any{nil}
	for _, a := range call.Args[1:] {
		var next [][]any
		for _, prefix := range combos {
			for _, v := range p.argValues(a) {
				if len(next) < maxValues {
					next = append(next, append(append([]any{}, prefix...), v))
				}
			}
		}
		combos = next
	}
	var out []string
	for _, f := range formats {
		for _, args := range combos {
			out = addValues(out, []string{fmt.Sprintf(f, args...)})
		}
	}
	return out
}

// argValues returns the candidates of one fmt.Sprintf argument, as the
// types the verbs expect: integers as numbers, so that %d formats a port.
func (p *plainHTTP) argValues(a ast.Expr) []any {
	if tv, ok := p.s.info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		if n, ok := constant.Int64Val(tv.Value); ok {
			return []any{n}
		}
	}
	vs := p.values(a)
	if vs == nil {
		return []any{unknownPart}
	}
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// urlLit returns e as a url.URL composite literal, looking through &.
func (p *plainHTTP) urlLit(e ast.Expr) *ast.CompositeLit {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || !isURLType(p.s.info.TypeOf(lit)) {
		return nil
	}
	return lit
}

func (p *plainHTTP) isURLParse(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn, ok := typeutil.Callee(p.s.info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "net/url" &&
		(fn.Name() == "Parse" || fn.Name() == "ParseRequestURI")
}

// fieldValue returns the value given to a field in a keyed struct literal.
func fieldValue(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

func isURLType(t types.Type) bool { return isNamed(t, "net/url", "URL") }

// isNamed reports whether t, or what it points to, is the named type
// pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
