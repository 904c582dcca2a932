package credflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/beginilint/beginilint/internal/model"
)

// A frame follows values through one function body (and the closures in
// it, which share its variables). It is flow-insensitive within the body:
// a variable holds everything ever assigned to it, which is simple, fast and
// errs towards reporting; sanitizers are recognised at the call instead.
type frame struct {
	s      *state
	sum    *summary // nil for package-level initialisers
	params map[*types.Var]int
	// locals maps a local variable to the taint stored at access paths
	// under it: "" for the whole value, "Key" for v.Key. Keeping fields
	// apart stops cfg.Name from inheriting cfg.APIKey.
	locals  map[types.Object]map[string]Taint
	begini  bool
	changed bool
	results []*types.Var // named results, for bare returns
	inLit   int
	inConst bool // evaluating a const declaration, whose literals cannot be replaced by a call
	// clean holds locals assigned the result of a sanitizer, such as
	// r := cfg.Redacted(): their fields are read from what was stored in
	// them here, not from what the field holds elsewhere.
	clean map[types.Object]bool
	// inTest is set for bodies in _test.go files, whose stores to fields
	// do not count for the package: tests build odd values on purpose
	// (c.IntegrationID = c.BeginiAPIKey to test validation).
	inTest bool
	// client is set for code compiled into a client-side build.
	client bool
	// condEnv is the environment the enclosing if or case selects.
	condEnv model.Environment
	// reqURL holds the constant URLs requests were made for.
	reqURL map[types.Object]string
}

func (s *state) newFrame(sum *summary, begini bool) *frame {
	return &frame{
		s:      s,
		sum:    sum,
		params: make(map[*types.Var]int),
		locals: make(map[types.Object]map[string]Taint),
		clean:  make(map[types.Object]bool),
		begini: begini,
	}
}

// localRounds bounds the re-walks of one body needed when a loop carries a
// value back to an earlier statement.
const localRounds = 3

func (s *state) walkFunc(fd *ast.FuncDecl) {
	fn, ok := s.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	sum := s.summaries[fn]
	if sum == nil {
		sum = &summary{}
		s.summaries[fn] = sum
	}
	f := s.newFrame(sum, s.funcBegini(fd))
	f.inTest = s.inTestFile(fd.Pos())
	f.client = s.clientFiles[s.fileOf(fd.Pos())]
	sig := fn.Type().(*types.Signature)
	i := 0
	if sig.Recv() != nil {
		f.params[sig.Recv()] = 0
		i = 1
	}
	for j := 0; j < sig.Params().Len(); j++ {
		f.params[sig.Params().At(j)] = i + j
	}
	for j := 0; j < sig.Results().Len(); j++ {
		f.results = append(f.results, sig.Results().At(j))
	}
	for round := 0; round < localRounds; round++ {
		f.changed = false
		ast.Inspect(fd.Body, f.node)
		if !f.changed {
			break
		}
	}
}

// walkPackageDecls evaluates package-level var and const initialisers.
func (s *state) walkPackageDecls() {
	for _, file := range s.pass.Files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || (gd.Tok != token.VAR && gd.Tok != token.CONST) {
				continue
			}
			f := s.newFrame(nil, s.pkgBegini || s.mentionsBegini(gd))
			f.inConst = gd.Tok == token.CONST
			f.inTest = s.inTestFile(gd.Pos())
			f.client = s.clientFiles[file]
			for _, spec := range gd.Specs {
				f.valueSpec(spec.(*ast.ValueSpec))
			}
		}
	}
}

// funcBegini reports whether a function belongs to a Begini integration:
// the package, the function or its receiver is named for Begini, or the body
// mentions a Begini host or a Begini-named identifier.
func (s *state) funcBegini(fd *ast.FuncDecl) bool {
	if s.pkgBegini || s.cfg.HasVendorWord(fd.Name.Name) {
		return true
	}
	if fd.Recv != nil && len(fd.Recv.List) > 0 {
		if s.cfg.HasVendorWord(types.ExprString(fd.Recv.List[0].Type)) {
			return true
		}
	}
	return s.mentionsBegini(fd.Body)
}

func (s *state) mentionsBegini(n ast.Node) bool {
	if v, ok := s.mentions[n]; ok {
		return v // the walks repeat until a fixpoint; the answer does not change
	}
	v := s.scanMentions(n)
	s.mentions[n] = v
	return v
}

func (s *state) scanMentions(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				v, err := strconv.Unquote(n.Value)
				found = err == nil && s.cfg.MentionsBeginiHost(v)
			}
		case *ast.Ident:
			if obj := s.info.Uses[n]; obj != nil {
				found = s.vendorName(n.Name) || s.constMentionsHost(obj)
			}
		}
		return !found
	})
	return found
}

func (s *state) constMentionsHost(obj types.Object) bool {
	c, ok := obj.(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return false
	}
	return s.cfg.MentionsBeginiHost(constant.StringVal(c.Val()))
}

// node is the ast.Inspect visitor over a function body: statements that
// move values are handled here, every other expression is evaluated for
// the calls in it.
func (f *frame) node(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		f.assignStmt(n)
		return false
	case *ast.GenDecl:
		f.inConst = n.Tok == token.CONST
		for _, spec := range n.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				f.valueSpec(vs)
			}
		}
		f.inConst = false
		return false
	case *ast.ReturnStmt:
		f.returnStmt(n)
		return false
	case *ast.RangeStmt:
		t := f.eval(n.X)
		f.assign(n.Key, t, nil)
		f.assign(n.Value, t, nil)
		ast.Inspect(n.Body, f.node)
		return false
	case *ast.TypeSwitchStmt:
		f.typeSwitch(n)
		return false
	case *ast.IfStmt:
		f.ifStmt(n)
		return false
	case *ast.SwitchStmt:
		f.switchStmt(n)
		return false
	case *ast.FuncLit:
		f.funcLit(n)
		return false
	case ast.Expr:
		f.eval(n)
		return false
	}
	return true
}

func (f *frame) funcLit(n *ast.FuncLit) {
	f.inLit++
	ast.Inspect(n.Body, f.node)
	f.inLit--
}

func (f *frame) typeSwitch(n *ast.TypeSwitchStmt) {
	if n.Init != nil {
		ast.Inspect(n.Init, f.node)
	}
	var t Taint
	switch a := n.Assign.(type) {
	case *ast.AssignStmt:
		t = f.eval(a.Rhs[0])
	case *ast.ExprStmt:
		t = f.eval(a.X)
	}
	for _, cl := range n.Body.List {
		if obj := f.s.info.Implicits[cl]; obj != nil {
			f.store(obj, "", t)
		}
		ast.Inspect(cl, f.node)
	}
}

func (f *frame) assignStmt(n *ast.AssignStmt) {
	if len(n.Lhs) > 1 && len(n.Rhs) == 1 {
		f.noteRequestURL(n.Lhs[0], n.Rhs[0])
		ts := f.evalMulti(n.Rhs[0], len(n.Lhs))
		for i, lhs := range n.Lhs {
			f.assign(lhs, ts[i], nil)
		}
		return
	}
	for i, rhs := range n.Rhs {
		if i >= len(n.Lhs) {
			break
		}
		t := f.eval(rhs)
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			t = union(t, f.eval(n.Lhs[i])) // x += y
		}
		f.assign(n.Lhs[i], t, rhs)
	}
}

// noteRequestURL remembers the URL of req, _ := http.NewRequest(m, url, b)
// when it is a constant, so that the key headers set on a request to
// another host (Azure OpenAI's api-key) are not taken for Begini's.
func (f *frame) noteRequestURL(lhs, rhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	call, isCall := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !isCall {
		return
	}
	fn, _ := typeutil.Callee(f.s.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return
	}
	arg := -1
	switch fn.Name() {
	case "NewRequest":
		arg = 1
	case "NewRequestWithContext":
		arg = 2
	}
	if arg < 0 || arg >= len(call.Args) {
		return
	}
	if u, ok := f.constString(call.Args[arg]); ok {
		if f.reqURL == nil {
			f.reqURL = make(map[types.Object]string)
		}
		f.reqURL[f.s.info.ObjectOf(id)] = u
	}
}

// toOtherHost reports whether a header is being set on a request whose
// constant URL is on a host other than Begini's.
func (f *frame) toOtherHost(header ast.Expr) bool {
	root, _, ok := f.pathOf(header)
	if !ok {
		return false
	}
	u, known := f.reqURL[root]
	return known && !f.s.cfg.IsBeginiURL(u)
}

func (f *frame) valueSpec(n *ast.ValueSpec) {
	if len(n.Names) > 1 && len(n.Values) == 1 {
		ts := f.evalMulti(n.Values[0], len(n.Names))
		for i, name := range n.Names {
			f.assign(name, ts[i], nil)
		}
		return
	}
	for i, v := range n.Values {
		if i < len(n.Names) {
			f.assign(n.Names[i], f.eval(v), v)
		}
	}
	f.embedSpec(n)
}

func (f *frame) returnStmt(n *ast.ReturnStmt) {
	var rts []Taint
	switch {
	case len(n.Results) == 0:
		for _, r := range f.results {
			rts = append(rts, f.readLocal(r, ""))
		}
	case len(n.Results) == 1 && len(f.results) > 1 && f.inLit == 0:
		rts = f.evalMulti(n.Results[0], len(f.results)) // return load()
	default:
		for _, r := range n.Results {
			rt := f.eval(r)
			if f.inLit == 0 {
				f.checkFallback(rt, r.Pos(), f.s.info.TypeOf(r))
			}
			rts = append(rts, rt)
		}
		f.checkEnvGroup(n.Results, rts) // return key, integrationID
	}
	if f.inLit > 0 || f.sum == nil {
		return // a closure's results are not its enclosing function's
	}
	f.addReturns(rts)
}

// addReturns adds what one return statement returns to the summary.
func (f *frame) addReturns(rts []Taint) {
	var changed bool
	if len(rts) == len(f.results) {
		if f.sum.results == nil {
			f.sum.results = make([]Taint, len(rts))
		}
		for i, t := range rts {
			var c bool
			f.sum.results[i], c = f.sum.results[i].union(t)
			changed = changed || c
		}
	}
	var c bool
	f.sum.returns, c = f.sum.returns.union(union(rts...))
	if changed || c {
		f.s.changed = true
	}
}

// assign stores t into the place lhs denotes. rhs, when known, lets a
// struct literal be stored field by field.
func (f *frame) assign(lhs ast.Expr, t Taint, rhs ast.Expr) {
	if lhs == nil {
		return
	}
	lhs = ast.Unparen(lhs)
	if lit := structLit(rhs, f.s.info); lit != nil {
		if obj, path, ok := f.pathOf(lhs); ok {
			f.assignFields(obj, path, lit)
			return
		}
	}
	switch l := lhs.(type) {
	case *ast.Ident:
		if f.isSanitizerCall(rhs) {
			f.clean[f.s.info.ObjectOf(l)] = true
		}
		f.assignObj(f.s.info.ObjectOf(l), t, l.Pos(), "", rhs)
	case *ast.SelectorExpr:
		f.assignSelector(l, t, rhs)
	case *ast.IndexExpr:
		f.assignIndex(l, t)
	case *ast.StarExpr:
		f.assign(l.X, t, nil)
	case *ast.UnaryExpr:
		if l.Op == token.AND {
			f.assign(l.X, t, nil) // flag.StringVar(&key, ...)
		}
	}
}

// structLit returns rhs as a struct composite literal, looking through &.
func structLit(rhs ast.Expr, info *types.Info) *ast.CompositeLit {
	if rhs == nil {
		return nil
	}
	rhs = ast.Unparen(rhs)
	if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
		rhs = ast.Unparen(u.X)
	}
	lit, ok := rhs.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if _, ok := info.TypeOf(lit).Underlying().(*types.Struct); !ok {
		return nil
	}
	return lit
}

// assignFields stores a struct literal into a local variable field by field.
func (f *frame) assignFields(obj types.Object, path string, lit *ast.CompositeLit) {
	f.eval(lit) // stores the fields' global taint and checks key slots
	st, _ := f.s.info.TypeOf(lit).Underlying().(*types.Struct)
	for i, elt := range lit.Elts {
		var fld *types.Var
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fld, _ = f.s.info.ObjectOf(id).(*types.Var)
			}
			val = kv.Value
		} else if st != nil && i < st.NumFields() {
			fld = st.Field(i)
		}
		if fld == nil {
			continue
		}
		f.store(obj, joinPath(path, fld.Name()), f.eval(val))
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (f *frame) assignObj(obj types.Object, t Taint, pos token.Pos, path string, rhs ast.Expr) {
	if c, ok := obj.(*types.Const); ok {
		f.checkSlot(c, t, pos, rhs)
		f.storeGlobal(c, t)
		return
	}
	v, ok := obj.(*types.Var)
	if !ok || obj.Name() == "_" {
		return
	}
	f.checkSlot(v, t, pos, rhs)
	if f.isLocal(v) {
		if path == "" && isError(v.Type()) {
			// err is reassigned after every call: what it held before the
			// last assignment is gone, and keeping it would blame a later
			// log of an unrelated error.
			delete(f.locals, v)
		}
		f.store(v, path, t)
		return
	}
	f.storeGlobal(v, t)
}

func (f *frame) isLocal(v *types.Var) bool {
	return !v.IsField() && v.Pkg() == f.s.pass.Pkg && v.Parent() != v.Pkg().Scope() &&
		v.Parent() != nil
}

// store adds t to a local access path.
func (f *frame) store(obj types.Object, path string, t Taint) {
	if len(t) == 0 {
		return
	}
	paths := f.locals[obj]
	if paths == nil {
		paths = make(map[string]Taint)
		f.locals[obj] = paths
	}
	var changed bool
	paths[path], changed = paths[path].union(t)
	if changed {
		f.changed = true
	}
}

// storeGlobal adds t to a package variable or field. Parameters stored
// there become part of the function's summary instead, since what they
// hold depends on the caller.
func (f *frame) storeGlobal(obj types.Object, t Taint) {
	if f.sum != nil {
		for _, p := range t.params() {
			if f.sum.paramFields == nil {
				f.sum.paramFields = make(map[int][]types.Object)
			}
			if !containsObj(f.sum.paramFields[p], obj) {
				f.sum.paramFields[p] = append(f.sum.paramFields[p], obj)
				f.s.changed = true
			}
		}
	}
	if v, ok := obj.(*types.Var); ok && v.IsField() && f.inTest {
		return
	}
	var changed bool
	f.s.objTaint[obj], changed = f.s.objTaint[obj].union(t.concrete())
	if changed {
		f.s.changed = true
	}
}

func containsObj(list []types.Object, obj types.Object) bool {
	for _, o := range list {
		if o == obj {
			return true
		}
	}
	return false
}

func (f *frame) assignSelector(l *ast.SelectorExpr, t Taint, rhs ast.Expr) {
	sel := f.s.info.Selections[l]
	if sel == nil {
		// A qualified identifier: pkg.Var.
		f.assignObj(f.s.info.ObjectOf(l.Sel), t, l.Sel.Pos(), "", rhs)
		return
	}
	fld, ok := sel.Obj().(*types.Var)
	if !ok || sel.Kind() != types.FieldVal {
		return
	}
	fld = fld.Origin()
	f.checkSlot(fld, t, l.Sel.Pos(), rhs)
	obj, path, local := f.pathOf(l)
	// A field of a standard type (http.Request.Header) set through a local
	// stays with that local: stored for the field at large, it would taint
	// every request of the program.
	if !local || !f.s.isStdPkg(fld.Pkg()) {
		f.storeGlobal(fld, t)
	}
	if local {
		f.store(obj, path, t)
	}
}

// isStdPkg reports a package of the standard library, whose paths have no
// dot in their first element; a module may be called "myservice" too.
func (s *state) isStdPkg(p *types.Package) bool {
	if p == nil || p == s.pass.Pkg || sameModule(s.pass.Module, p.Path()) {
		return false
	}
	first, _, _ := strings.Cut(p.Path(), "/")
	return !strings.Contains(first, ".")
}

// assignIndex handles m[k] = v: a Begini header set by map assignment, a
// key-named map entry, and the container holding what is put in it.
func (f *frame) assignIndex(l *ast.IndexExpr, t Taint) {
	if name, ok := f.constString(l.Index); ok {
		if isHeaderType(f.s.info.TypeOf(l.X)) {
			f.headerSet(name, t, l, nil)
		}
		f.checkNamedEntry(name, t, l.Index.Pos(), nil)
	}
	if obj, path, ok := f.pathOf(l.X); ok {
		f.store(obj, path, t)
		return
	}
	f.assign(l.X, t, nil)
}

// pathOf returns the local variable at the root of e and the field path
// from it: cfg.Begini.Key is (cfg, "Begini.Key").
func (f *frame) pathOf(e ast.Expr) (types.Object, string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := f.s.info.ObjectOf(e).(*types.Var)
		if !ok || !f.isLocal(v) {
			return nil, "", false
		}
		return v, "", true
	case *ast.SelectorExpr:
		sel := f.s.info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return nil, "", false
		}
		obj, path, ok := f.pathOf(e.X)
		return obj, joinPath(path, e.Sel.Name), ok
	case *ast.StarExpr:
		return f.pathOf(e.X)
	}
	return nil, "", false
}

// readLocal returns what a local access path holds: the path itself and
// every path under it. A store to the whole struct is not read back through
// a field: cfg := load() holds the key somewhere, but cfg.Region is only
// what field Region holds, which the field's own taint says.
func (f *frame) readLocal(obj types.Object, path string) Taint {
	var t Taint
	for p, pt := range f.locals[obj] {
		if p == path || path == "" || isPrefixPath(path, p) {
			t, _ = t.union(pt)
		}
	}
	if v, ok := obj.(*types.Var); ok && path == "" {
		if i, ok := f.params[v]; ok {
			t, _ = t.union(Taint{f.s.paramOrigin(i)})
		}
	}
	return t
}

func isPrefixPath(prefix, path string) bool {
	return strings.HasPrefix(path, prefix+".")
}

func (f *frame) constString(e ast.Expr) (string, bool) {
	tv, ok := f.s.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// objRead is the taint of reading a package variable, constant or field.
func (f *frame) objRead(obj types.Object) Taint {
	t := Taint{f.s.objOrigin(obj)}
	t, _ = t.union(f.s.objTaint[obj])
	if r := f.s.roleOf(obj); r != model.RoleNone {
		t, _ = t.union(Taint{f.s.nameOrigin(obj, r)})
	}
	if obj.Pkg() != nil && obj.Pkg() != f.s.pass.Pkg {
		var fact ObjFact
		if f.s.pass.ImportObjectFact(obj, &fact) {
			t, _ = t.union(f.s.importOrigins(fact.Origins))
		}
	}
	return t
}

// importOrigins interns origins decoded from a fact, so that identity
// comparisons keep working across uses.
func (s *state) importOrigins(list []*Origin) Taint {
	var t Taint
	for _, o := range list {
		k := originKey{kind: o.Kind, role: o.Role, name: o.Name + "@" + o.Posn.String(), pos: o.pos}
		in, ok := s.origins[k]
		if !ok {
			cp := *o
			in = &cp
			s.origins[k] = in
		}
		t, _ = t.union(Taint{in})
	}
	return t
}

func (f *frame) isSanitizerCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(f.s.info, call).(*types.Func)
	return ok && model.IsSanitizerName(fn.Name())
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return types.Identical(t, errorType) }
