package credflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/beginilint/beginilint/internal/model"
)

// eval returns the taint of an expression's value, following calls and
// recording the flows they make.
func (f *frame) eval(e ast.Expr) Taint {
	switch e := e.(type) {
	case *ast.BasicLit:
		return f.basicLit(e)
	case *ast.Ident:
		return f.ident(e)
	case *ast.SelectorExpr:
		return f.selector(e)
	case *ast.CallExpr:
		ts := f.call(e)
		if len(ts) == 0 {
			return nil
		}
		return union(ts...)
	case *ast.BinaryExpr:
		return f.binary(e)
	case *ast.ParenExpr:
		return f.eval(e.X)
	case *ast.StarExpr:
		return f.eval(e.X)
	case *ast.UnaryExpr:
		t := f.eval(e.X)
		if e.Op == token.AND || e.Op == token.ARROW {
			return t
		}
		return nil
	case *ast.IndexExpr:
		f.eval(e.Index)
		return f.carry(e, f.eval(e.X))
	case *ast.IndexListExpr:
		return nil
	case *ast.SliceExpr:
		return f.slice(e)
	case *ast.TypeAssertExpr:
		return f.eval(e.X)
	case *ast.CompositeLit:
		return f.compositeLit(e)
	case *ast.KeyValueExpr:
		return f.eval(e.Value)
	case *ast.FuncLit:
		f.funcLit(e)
		return nil
	}
	return nil
}

// evalMulti returns the taint of each result of a multi-value expression.
func (f *frame) evalMulti(e ast.Expr, n int) []Taint {
	out := make([]Taint, n)
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		ts := f.call(e)
		copy(out, ts)
	case *ast.TypeAssertExpr, *ast.IndexExpr, *ast.UnaryExpr:
		out[0] = f.eval(e) // v, ok := x.(T), m[k], <-ch
	default:
		f.eval(e)
	}
	return out
}

// carry keeps t only if e's type can hold text: numbers and booleans made
// from a key (its length, a comparison) reveal nothing.
func (f *frame) carry(e ast.Expr, t Taint) Taint {
	if len(t) == 0 || !carriesText(f.s.info.TypeOf(e)) {
		return nil
	}
	return t
}

func carriesText(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer
	case *types.Signature, *types.Chan:
		return false
	case *types.Array:
		return carriesText(u.Elem())
	}
	return true
}

func (f *frame) basicLit(e *ast.BasicLit) Taint {
	if e.Kind != token.STRING && e.Kind != token.CHAR {
		return nil
	}
	v, err := strconv.Unquote(e.Value)
	if err != nil {
		return nil
	}
	// "Bearer <key>" written out whole is the key with its scheme.
	bearer, prefixed := cutPrefixFold(v, "Bearer ")
	if prefixed {
		v = strings.TrimSpace(bearer)
	}
	if !model.CouldBeKey(v, f.s.inTestFile(e.Pos())) {
		return nil
	}
	f.s.litNodes[e.Pos()] = e
	if f.inConst || prefixed {
		f.s.noFixLits[e.Pos()] = true
	}
	return Taint{f.s.literal(e.Pos())}
}

func (f *frame) ident(e *ast.Ident) Taint {
	switch obj := f.s.info.ObjectOf(e).(type) {
	case *types.Var:
		if f.isLocal(obj) {
			t := f.readLocal(obj, "")
			if r := f.s.roleOf(obj); r != model.RoleNone {
				t, _ = t.union(Taint{f.s.nameOrigin(obj, r)})
			}
			return t
		}
		return f.objRead(obj)
	case *types.Const:
		return f.constRead(obj, e)
	}
	return nil
}

// constRead is a constant's taint: what its declaration stored if it is in
// this package, or its value if it comes from another package.
//
// A constant of another package that is a key by its name was reported
// there; one that is not becomes a literal origin of that package here.
func (f *frame) constRead(obj *types.Const, e ast.Expr) Taint {
	t := f.objRead(obj)
	if obj.Pkg() == f.s.pass.Pkg || obj.Val().Kind() != constant.String ||
		f.s.roleOf(obj) == model.RoleKey || hasLiteral(t) {
		return t
	}
	if model.CouldBeKey(constant.StringVal(obj.Val()), false) {
		o := f.s.intern(originKey{kind: FromLiteral, pos: obj.Pos(), name: obj.Pkg().Path()},
			model.EnvUnknown, true)
		o.Pkg = obj.Pkg().Path()
		t, _ = t.union(Taint{o})
	}
	return t
}

func (f *frame) selector(e *ast.SelectorExpr) Taint {
	sel := f.s.info.Selections[e]
	if sel == nil {
		return f.ident(e.Sel) // pkg.Name
	}
	if sel.Kind() != types.FieldVal {
		f.eval(e.X)
		return nil // a method value
	}
	fld := sel.Obj().(*types.Var).Origin()
	obj, path, ok := f.pathOf(e)
	if ok && f.clean[obj] {
		return f.readLocal(obj, path)
	}
	t := f.objRead(fld)
	if ok {
		t, _ = t.union(f.readLocal(obj, path))
	} else {
		f.eval(e.X)
	}
	return t
}

func (f *frame) binary(e *ast.BinaryExpr) Taint {
	x, y := f.eval(e.X), f.eval(e.Y)
	if e.Op != token.ADD {
		return nil // comparisons and arithmetic yield no text
	}
	t := union(x, y)
	// Literals split across constants ("bgn_live_" + body) may each be too
	// short to look like a key; the folded whole may not be.
	if v, ok := f.constString(e); ok && !hasLiteral(t) &&
		model.CouldBeKey(v, f.s.inTestFile(e.Pos())) {
		t, _ = t.union(Taint{f.s.literal(e.Pos())})
	}
	return t
}

func hasLiteral(t Taint) bool {
	for _, o := range t {
		if o.Kind == FromLiteral {
			return true
		}
	}
	return false
}

// slice treats a short slice of a string as a mask: key[:4] and
// key[len(key)-4:] are the hints the guides allow to be logged.
func (f *frame) slice(e *ast.SliceExpr) Taint {
	t := f.eval(e.X)
	for _, idx := range []ast.Expr{e.Low, e.High, e.Max} {
		if idx != nil {
			f.eval(idx)
		}
	}
	if isString(f.s.info.TypeOf(e.X)) && (e.Low != nil || e.High != nil) {
		return nil
	}
	return t
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// compositeLit stores each element where it goes (a struct field, a
// key-named map entry, a Begini header) and returns the union, since the
// literal as a whole holds all of them.
func (f *frame) compositeLit(e *ast.CompositeLit) Taint {
	typ := f.s.info.TypeOf(e)
	if typ == nil {
		return nil
	}
	var t Taint
	st, isStruct := typ.Underlying().(*types.Struct)
	header := isHeaderType(typ)
	var vals []ast.Expr
	var vts []Taint
	for i, elt := range e.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		val := elt
		if isKV {
			val = kv.Value
		}
		vt := f.eval(val)
		vals, vts = append(vals, val), append(vts, vt)
		t, _ = t.union(vt)
		switch {
		case isStruct:
			f.structElt(st, i, kv, vt, val)
		case isKV:
			f.eval(kv.Key)
			if name, ok := f.constString(kv.Key); ok {
				if header {
					f.headerSet(name, vt, val, nil)
				}
				f.checkNamedEntry(name, vt, kv.Key.Pos(), val)
			}
		}
	}
	if isStruct {
		f.checkEnvGroup(vals, vts) // Client{APIKey: prodKey, IntegrationID: testID}
	}
	if bs, ok := f.byteSliceLit(e, typ); ok && model.CouldBeKey(bs, f.s.inTestFile(e.Pos())) {
		t, _ = t.union(Taint{f.s.literal(e.Pos())})
	}
	return t
}

func (f *frame) structElt(st *types.Struct, i int, kv *ast.KeyValueExpr, vt Taint, val ast.Expr) {
	var fld *types.Var
	pos := token.NoPos
	if kv != nil {
		if id, ok := kv.Key.(*ast.Ident); ok {
			fld, _ = f.s.info.ObjectOf(id).(*types.Var)
			pos = id.Pos()
		}
	} else if i < st.NumFields() {
		fld = st.Field(i)
	}
	if fld == nil {
		return
	}
	fld = fld.Origin()
	f.checkSlot(fld, vt, pos, val)
	f.storeGlobal(fld, vt)
}

// byteSliceLit folds []byte{'k', 'e', 'y'} and []rune{...} literals of
// constants into their string.
func (f *frame) byteSliceLit(e *ast.CompositeLit, typ types.Type) (string, bool) {
	sl, ok := typ.Underlying().(*types.Slice)
	if !ok || len(e.Elts) < model.MinKeyLength {
		return "", false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	if !ok || (b.Kind() != types.Byte && b.Kind() != types.Rune) {
		return "", false
	}
	var rs []rune
	for _, elt := range e.Elts {
		tv, ok := f.s.info.Types[elt]
		if !ok || tv.Value == nil {
			return "", false
		}
		n, ok := constant.Int64Val(constant.ToInt(tv.Value))
		if !ok {
			return "", false
		}
		rs = append(rs, rune(n))
	}
	return string(rs), true
}
