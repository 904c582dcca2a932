package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/beginilint/beginilint/internal/model"
)

// The API key is secret and the integration ID is not; Begini needs both,
// each in its own place. These checks find one sent as the other.

const (
	// IDAsKey: the integration ID sent as the API key.
	IDAsKey FlowKind = iota + 10
	// KeyAsID: the API key sent as the integration_id body field.
	KeyAsID
	// Swapped: a call passes the two the wrong way round.
	Swapped
	// SharedSource: one source ends up as both.
	SharedSource
	// RoleConflict: the ID bound to the key's slot, or the reverse, by an
	// assignment, a flag default or a struct tag.
	RoleConflict
)

// isID reports whether a taint holds the integration ID.
func (s *state) isID(t Taint) bool {
	return s.idSource(t) != nil
}

func (s *state) idSource(t Taint) *Origin {
	for _, o := range t {
		if o.Role == model.RoleIntegrationID && !o.symbolic() {
			return o
		}
		if o.Kind == fromObj && s.roleOf(o.obj) == model.RoleIntegrationID {
			return s.nameOrigin(o.obj, model.RoleIntegrationID)
		}
	}
	return nil
}

// onlyID reports whether t is the integration ID and not also the key.
//
// Keys learned from where they are sent do not count here: a source sent as
// the key and as the integration ID is reported as feeding both.
func (s *state) onlyID(t Taint) bool { return s.isID(t) && !s.namedKey(t) }

// onlyKey reports whether t is the key and not also the integration ID.
func (s *state) onlyKey(t Taint) bool { return s.namedKey(t) && !s.isID(t) }

// idAtKeySink reports the integration ID reaching the api-key header, the
// Bearer token or the webhook HMAC.
func (f *frame) idAtKeySink(t Taint, what string, at ast.Node) {
	if f.inTest || !f.s.onlyID(t) {
		return
	}
	f.s.addFlow(Flow{Kind: IDAsKey, Pos: at.Pos(), End: at.Pos(), Source: f.s.idSource(t), Role: what})
}

// idSink records a value sent as the integration_id body field.
func (f *frame) idSink(t Taint, at token.Pos, value ast.Expr) {
	for _, p := range t.params() {
		f.addParamSink(ParamSink{Param: p, Kind: SinkIDBody, Sink: "integration_id field"})
	}
	f.recordUse(model.RoleIntegrationID, t, value, at)
	if f.inTest || !f.s.onlyKey(t) {
		return
	}
	f.s.addFlow(Flow{Kind: KeyAsID, Pos: at, End: at, Source: f.s.keySource(t),
		Role: "integration_id field"})
}

// checkRoleSlot reports a value of one role stored in a slot named for the
// other: cfg.BeginiAPIKey = cfg.IntegrationID.
func (f *frame) checkRoleSlot(obj types.Object, t Taint, pos token.Pos) {
	if f.inTest {
		return // tests swap values on purpose to test validation
	}
	switch f.s.roleOf(obj) {
	case model.RoleKey:
		if f.s.onlyID(t) {
			f.s.addFlow(Flow{Kind: RoleConflict, Pos: pos, End: pos, Source: f.s.idSource(t),
				Role: describeObj(obj), Sink: "key"})
		}
	case model.RoleIntegrationID:
		if f.s.onlyKey(t) && !isFlagSource(t) {
			f.s.addFlow(Flow{Kind: RoleConflict, Pos: pos, End: pos, Source: f.s.keySource(t),
				Role: describeObj(obj), Sink: "id"})
		}
	}
}

func isFlagSource(t Taint) bool {
	for _, o := range t {
		if o.Kind == FromFlag && o.Role == model.RoleIntegrationID {
			return true
		}
	}
	return false
}

// checkSwapped reports a call whose parameters are named for the key and
// the integration ID but whose arguments are the other way round.
func (f *frame) checkSwapped(c *callSite) {
	if f.inTest {
		return
	}
	roles := f.paramRoles(c)
	if roles == nil {
		return
	}
	var wrong []string
	for i, r := range roles {
		t := c.arg(i)
		switch {
		case r == model.RoleKey && f.s.onlyID(t):
			wrong = append(wrong, "the integration ID as "+c.sig.Params().At(i).Name())
		case r == model.RoleIntegrationID && f.s.onlyKey(t):
			wrong = append(wrong, "the API key as "+c.sig.Params().At(i).Name())
		}
	}
	if len(wrong) == 0 {
		return
	}
	f.s.addFlow(Flow{Kind: Swapped, Pos: c.call.Pos(), End: c.call.Lparen, Sink: shortName(c),
		Role: strings.Join(wrong, " and ")})
}

// paramRoles returns the role of each parameter of the callee by its name,
// or nil when no parameter is named for a credential. A parameter named
// apiKey counts only next to one named for the integration ID, or in a
// Begini function: apiKey alone is anyone's.
func (f *frame) paramRoles(c *callSite) []model.Role {
	params := c.sig.Params()
	inBegini := f.s.cfg.HasVendorWord(c.pkg) || f.s.cfg.HasVendorWord(c.fn.Name()) ||
		f.s.cfg.HasVendorWord(c.recv)
	for i := 0; i < params.Len(); i++ {
		if f.s.cfg.ClassifyIDName(params.At(i).Name()) {
			inBegini = true
		}
	}
	roles := make([]model.Role, params.Len())
	found := false
	for i := range roles {
		roles[i] = f.s.cfg.ClassifyName(params.At(i).Name(), inBegini)
		if roles[i] == model.RoleNone && inBegini && f.s.cfg.ClassifyIDName(params.At(i).Name()) {
			roles[i] = model.RoleIntegrationID
		}
		found = found || roles[i] != model.RoleNone
	}
	if !found || c.sig.Variadic() && params.Len() == 1 {
		return nil
	}
	return roles
}

// A use is one place a source ends up as the key or the integration ID.
type use struct {
	role model.Role
	pos  token.Pos
}

// recordUse notes that the sources of a value, and the variables its
// expression reads, ended up in a role, so that one source feeding both
// roles can be reported at both places.
func (f *frame) recordUse(role model.Role, t Taint, value ast.Expr, at token.Pos) {
	if !f.s.reporting || f.inTest {
		return
	}
	// Sources named for a role are checked by the other rules: a key env
	// var in the integration_id field is KeyAsID, not a shared source.
	for _, o := range t {
		if o.Role == model.RoleNone && (o.Kind == FromEnv || o.Kind == FromFlag ||
			o.Kind == FromConfig) {
			f.s.addUse(o.Kind.String()+" "+o.Name, role, at)
		}
	}
	if value == nil || f.s.namedKey(t) || f.s.isID(t) {
		return // a value known as one role is checked by the other rules
	}
	if obj := rootObject(f.s.info, value); obj != nil && f.s.roleOf(obj) == model.RoleNone {
		f.s.addUse(obj, role, at)
	}
}

// rootObject returns the variable or field an expression simply reads:
// k, cfg.Key, c.cfg.Key, (*p).Key, with conversions looked through.
func rootObject(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return v
		}
		if c, ok := info.ObjectOf(e).(*types.Const); ok {
			return c
		}
	case *ast.SelectorExpr:
		return rootObject(info, e.Sel)
	case *ast.StarExpr:
		return rootObject(info, e.X)
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return rootObject(info, e.Args[0])
		}
	}
	return nil
}

func (s *state) addUse(key any, role model.Role, at token.Pos) {
	if s.uses == nil {
		s.uses = make(map[any][]use)
	}
	for _, u := range s.uses[key] {
		if u.role == role && u.pos == at {
			return
		}
	}
	s.uses[key] = append(s.uses[key], use{role, at})
}

// reportShared reports each source seen both as the key and as the
// integration ID, at every place it lands.
func (s *state) reportShared() {
	for key, uses := range s.uses {
		var asKey, asID []token.Pos
		for _, u := range uses {
			if u.role == model.RoleKey {
				asKey = append(asKey, u.pos)
			} else {
				asID = append(asID, u.pos)
			}
		}
		if len(asKey) == 0 || len(asID) == 0 {
			continue
		}
		name := describeUse(key)
		all := append(append([]token.Pos{}, asKey...), asID...)
		sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
		for _, p := range all {
			role := "the API key"
			if containsPos(asID, p) {
				role = "the integration ID"
			}
			s.addFlow(Flow{Kind: SharedSource, Pos: p, End: p, Role: role, Sink: name})
		}
	}
}

func containsPos(list []token.Pos, p token.Pos) bool {
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}

func describeUse(key any) string {
	switch k := key.(type) {
	case string:
		return k
	case types.Object:
		return describeObj(k)
	}
	return "value"
}
