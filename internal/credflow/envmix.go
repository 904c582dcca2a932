package credflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/beginilint/beginilint/internal/model"
)

// Each Begini deployment has a Test and a Production environment, each with
// its own key and integration ID. The environment of a credential is read
// from names only (env vars, flags, fields, branches), never from the shape
// of a value, and nothing is reported unless both environments are known.

const (
	// EnvMixed: a Test and a Production credential used together.
	EnvMixed FlowKind = iota + 30
	// EnvSharedSlot: one value given to both the Test and the Production slot.
	EnvSharedSlot
	// EnvWrongBranch: a credential chosen under a condition naming the
	// other environment.
	EnvWrongBranch
	// EnvWrongSlot: a credential stored in the other environment's slot.
	EnvWrongSlot
)

// credEnv returns the single environment of the credentials of a role in
// t, and the origin that says so. A value that may come from either
// environment, or from a source whose name says none (a field such as
// Config.BeginiAPIKey filled in several places), says nothing.
func (s *state) credEnv(t Taint, role model.Role) (model.Environment, *Origin) {
	env, src := model.EnvUnknown, (*Origin)(nil)
	for _, o := range t {
		oe, or := o.Env, o.Role
		if o.Kind == fromObj {
			or = s.roleOf(o.obj)
			oe = s.cfg.EnvironmentOf(o.obj.Name())
			if or == role && oe != model.EnvUnknown {
				o = s.nameOrigin(o.obj, or)
			}
		} else if o.symbolic() {
			continue
		}
		if or != role {
			continue
		}
		if oe == model.EnvUnknown {
			return model.EnvUnknown, nil
		}
		if env != model.EnvUnknown && env != oe {
			return model.EnvUnknown, nil
		}
		env, src = oe, o
	}
	return env, src
}

// credAny returns the environment of the key in t, or else of the ID.
func (s *state) credAny(t Taint) (model.Environment, *Origin, model.Role) {
	if e, o := s.credEnv(t, model.RoleKey); e != model.EnvUnknown {
		return e, o, model.RoleKey
	}
	e, o := s.credEnv(t, model.RoleIntegrationID)
	return e, o, model.RoleIntegrationID
}

// pairEnvs reports a key and an integration ID of different environments
// meeting at pos. Two keys of different environments side by side are a
// normal config (TestKey, ProdKey); a key and an ID are one client.
func (f *frame) pairEnvs(key, id Taint, pos token.Pos) bool {
	if f.inTest {
		return false
	}
	ke, ko := f.s.credEnv(key, model.RoleKey)
	ie, io := f.s.credEnv(id, model.RoleIntegrationID)
	if ke == model.EnvUnknown || ie == model.EnvUnknown || ke == ie {
		return false
	}
	f.s.addFlow(Flow{Kind: EnvMixed, Pos: pos, End: pos, Source: io,
		Role: ke.String() + " API key from " + ko.Describe()})
	return true
}

// checkEnvGroup reports values that travel together (the arguments of one
// call, the fields of one struct literal) holding a key of one environment
// and an integration ID of the other, at the later of the two.
func (f *frame) checkEnvGroup(exprs []ast.Expr, taints []Taint) {
	keyAt, idAt := -1, -1
	for i, t := range taints {
		if keyAt < 0 && f.s.onlyKey(t) {
			if e, _ := f.s.credEnv(t, model.RoleKey); e != model.EnvUnknown {
				keyAt = i
			}
		}
		if idAt < 0 && f.s.onlyID(t) {
			if e, _ := f.s.credEnv(t, model.RoleIntegrationID); e != model.EnvUnknown {
				idAt = i
			}
		}
	}
	if keyAt < 0 || idAt < 0 {
		return
	}
	f.pairEnvs(taints[keyAt], taints[idAt], exprs[max(keyAt, idAt)].Pos())
}

// checkEnvCall checks the arguments of a call, NewClient(prodKey, testID).
func (f *frame) checkEnvCall(c *callSite) {
	f.checkEnvGroup(c.args[c.self:], c.taint[c.self:])
}

// checkEnvSlot checks a credential stored in a slot named for an
// environment: a Test credential in ProdAPIKey, one source in both
// TestAPIKey and ProdAPIKey, or a credential chosen under a condition
// naming the other environment.
func (f *frame) checkEnvSlot(obj types.Object, t Taint, pos token.Pos, value ast.Expr) {
	if f.inTest || f.s.roleOf(obj) == model.RoleNone {
		return
	}
	e, src, _ := f.s.credAny(t)
	if f.condEnv != model.EnvUnknown && e != model.EnvUnknown && e != f.condEnv {
		f.s.addFlow(Flow{Kind: EnvWrongBranch, Pos: pos, End: pos, Source: src,
			Sink: f.condEnv.String()})
		return
	}
	slotEnv := f.s.cfg.EnvironmentOf(obj.Name())
	if slotEnv == model.EnvUnknown {
		return
	}
	if e != model.EnvUnknown && e != slotEnv {
		f.s.addFlow(Flow{Kind: EnvWrongSlot, Pos: pos, End: pos, Source: src,
			Role: describeObj(obj), Sink: slotEnv.String()})
		return
	}
	f.recordSlot(obj, slotEnv, t, value, pos)
}

// recordSlot remembers which environment slots a source was stored in;
// the second environment is reported.
func (f *frame) recordSlot(obj types.Object, env model.Environment, t Taint, value ast.Expr, pos token.Pos) {
	if !f.s.reporting {
		return
	}
	var keys []any
	for _, o := range t {
		if !o.symbolic() && (o.Kind == FromEnv || o.Kind == FromFlag || o.Kind == FromConfig) {
			keys = append(keys, o.Kind.String()+" "+o.Name)
		}
	}
	if value != nil {
		if root := rootObject(f.s.info, value); root != nil {
			keys = append(keys, root)
		}
	}
	for _, k := range keys {
		if f.s.envSlots == nil {
			f.s.envSlots = make(map[any]map[model.Environment]token.Pos)
		}
		slots := f.s.envSlots[k]
		if slots == nil {
			slots = make(map[model.Environment]token.Pos)
			f.s.envSlots[k] = slots
		}
		if _, ok := slots[env]; ok {
			continue
		}
		slots[env] = pos
		if len(slots) == 2 {
			f.s.addFlow(Flow{Kind: EnvSharedSlot, Pos: pos, End: pos, Sink: describeUse(k),
				Role: describeObj(obj)})
		}
	}
}

// condEnvOf reads the environment a condition selects: env == "production",
// cfg.Sandbox, isProd(). Anything else says nothing.
func (f *frame) condEnvOf(cond ast.Expr) model.Environment {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if c.Op != token.EQL {
			return model.EnvUnknown
		}
		for _, side := range []ast.Expr{c.X, c.Y} {
			if v, ok := f.constString(side); ok {
				return f.s.cfg.EnvironmentOf(v)
			}
		}
	case *ast.Ident:
		return f.s.cfg.EnvironmentOf(c.Name)
	case *ast.SelectorExpr:
		return f.s.cfg.EnvironmentOf(c.Sel.Name)
	case *ast.CallExpr:
		return f.condEnvOf(c.Fun)
	}
	return model.EnvUnknown
}

// ifStmt walks an if statement, knowing inside the then-branch which
// environment its condition selects.
func (f *frame) ifStmt(n *ast.IfStmt) {
	if n.Init != nil {
		ast.Inspect(n.Init, f.node)
	}
	f.eval(n.Cond)
	outer := f.condEnv
	if e := f.condEnvOf(n.Cond); e != model.EnvUnknown {
		f.condEnv = e
	}
	ast.Inspect(n.Body, f.node)
	f.condEnv = outer
	if n.Else != nil {
		ast.Inspect(n.Else, f.node)
	}
}

// switchStmt does the same for switch env { case "production": ... }.
func (f *frame) switchStmt(n *ast.SwitchStmt) {
	if n.Init != nil {
		ast.Inspect(n.Init, f.node)
	}
	if n.Tag != nil {
		f.eval(n.Tag)
	}
	outer := f.condEnv
	for _, s := range n.Body.List {
		cl := s.(*ast.CaseClause)
		f.condEnv = outer
		if n.Tag != nil && len(cl.List) == 1 {
			if v, ok := f.constString(cl.List[0]); ok {
				if e := f.s.cfg.EnvironmentOf(v); e != model.EnvUnknown {
					f.condEnv = e
				}
			}
		}
		for _, st := range cl.Body {
			ast.Inspect(st, f.node)
		}
	}
	f.condEnv = outer
}
