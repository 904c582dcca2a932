package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/model"
)

// state is the engine's view of one package while it is analysed.
type state struct {
	cfg  *model.Config
	pass *analysis.Pass
	info *types.Info

	funcDecls []*ast.FuncDecl
	summaries map[*types.Func]*summary
	// objTaint is everything stored in package-level variables, constants
	// and struct fields, whatever the instance: field-sensitive, not
	// instance-sensitive.
	objTaint map[types.Object]Taint
	// keyRole holds objects learned to be the key because their value
	// reaches the api-key header or the webhook HMAC.
	keyRole map[types.Object]bool
	// fieldSinks holds the sinks that values read from an object reach, so
	// that a parameter stored in a field inherits the field's sinks.
	fieldSinks map[types.Object][]ParamSink
	tagRole    map[*types.Var]model.Role
	fieldOwner map[*types.Var]string
	indexed    map[*types.Package]bool // packages whose fields are in fieldOwner
	// Memos of name questions asked again in every round of the walks.
	mentions   map[ast.Node]bool
	vendor     map[string]bool
	sanitizers map[*types.Func]bool
	// learnedKeys holds unnamed sources sent as the key, by kind and name.
	learnedKeys map[string]bool
	nameRoles   map[types.Object]model.Role
	embeds      map[*types.Var]*embed

	origins map[originKey]*Origin
	flows   map[flowKey]Flow

	litNodes map[token.Pos]ast.Expr // literals that could be keys, by position
	// noFixLits are the literals the suggested fix cannot replace with an
	// env read: those in const declarations, and "Bearer <key>" in one.
	noFixLits   map[token.Pos]bool
	embedCache  map[string]embedInfo
	tagDefaults []tagDefault
	tagClashes  []Flow
	directives  []*directive
	// envSlots holds, per source, the Test and Production slots it was
	// stored in.
	envSlots map[any]map[model.Environment]token.Pos
	// uses holds where each source (an env name, a variable) ended up as
	// the key or the integration ID, to find one source feeding both.
	uses map[any][]use

	changed   bool
	reporting bool

	clientFiles map[*ast.File]bool // files compiled into client-side code
	extraFiles  []*ast.File        // ignored client files parsed by the fallback

	pkgBegini    bool // the package's path or name is Begini's
	pkgSignature bool // the package reads a Begini webhook signature header
	testFiles    map[*token.File]bool
}

type summary struct {
	returns     Taint   // all results together
	results     []Taint // each result; nil until a return was seen
	paramSinks  []ParamSink
	paramFields map[int][]types.Object
}

func (m *summary) empty() bool {
	return len(m.returns) == 0 && len(m.paramSinks) == 0 && len(m.paramFields) == 0
}

type originKey struct {
	kind  SourceKind
	role  model.Role
	name  string
	pos   token.Pos
	param int
	obj   types.Object
}

type embed struct {
	files []string
}

func newState(cfg *model.Config, pass *analysis.Pass) *state {
	return &state{
		cfg:         cfg,
		pass:        pass,
		info:        pass.TypesInfo,
		summaries:   make(map[*types.Func]*summary),
		objTaint:    make(map[types.Object]Taint),
		keyRole:     make(map[types.Object]bool),
		fieldSinks:  make(map[types.Object][]ParamSink),
		tagRole:     make(map[*types.Var]model.Role),
		fieldOwner:  make(map[*types.Var]string),
		nameRoles:   make(map[types.Object]model.Role),
		embeds:      make(map[*types.Var]*embed),
		mentions:    make(map[ast.Node]bool),
		vendor:      make(map[string]bool),
		sanitizers:  make(map[*types.Func]bool),
		learnedKeys: make(map[string]bool),
		origins:     make(map[originKey]*Origin),
		flows:       make(map[flowKey]Flow),
		litNodes:    make(map[token.Pos]ast.Expr),
		noFixLits:   make(map[token.Pos]bool),
		testFiles:   make(map[*token.File]bool),
	}
}

// intern returns the one Origin for its key, so that taints compare origins
// by identity.
func (s *state) intern(k originKey, env model.Environment, couldBeKey bool) *Origin {
	if o, ok := s.origins[k]; ok {
		return o
	}
	o := &Origin{
		Kind: k.kind, Role: k.role, Name: k.name, Env: env, CouldBeKey: couldBeKey,
		Pkg: s.pass.Pkg.Path(), pos: k.pos, param: k.param, obj: k.obj,
	}
	if k.pos.IsValid() {
		o.Posn = s.pass.Fset.Position(k.pos)
	}
	s.origins[k] = o
	return o
}

func (s *state) source(kind SourceKind, role model.Role, name string, pos token.Pos) *Origin {
	return s.intern(originKey{kind: kind, role: role, name: name, pos: pos},
		s.cfg.EnvironmentOf(name), false)
}

func (s *state) literal(pos token.Pos) *Origin {
	return s.intern(originKey{kind: FromLiteral, pos: pos}, model.EnvUnknown, true)
}

func (s *state) paramOrigin(i int) *Origin {
	return s.intern(originKey{kind: fromParam, param: i}, model.EnvUnknown, false)
}

func (s *state) envParamOrigin(i int) *Origin {
	return s.intern(originKey{kind: fromEnvParam, param: i}, model.EnvUnknown, false)
}

func (s *state) objOrigin(obj types.Object) *Origin {
	return s.intern(originKey{kind: fromObj, obj: obj}, model.EnvUnknown, false)
}

func (s *state) inTestFile(pos token.Pos) bool {
	return s.testFiles[s.pass.Fset.File(pos)]
}

// collect gathers what the walks need before they start: the functions,
// struct field tags and owners, embed directives, and whether the package
// belongs to Begini or handles its webhooks.
func (s *state) collect() {
	s.pkgBegini = s.cfg.HasVendorWord(s.pass.Pkg.Path()) || s.cfg.HasVendorWord(s.pass.Pkg.Name())
	for _, f := range s.pass.Files {
		tf := s.pass.Fset.File(f.FileStart)
		if strings.HasSuffix(tf.Name(), "_test.go") {
			s.testFiles[tf] = true
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					s.funcDecls = append(s.funcDecls, d)
				}
			case *ast.GenDecl:
				s.collectGenDecl(tf, d)
			}
		}
		ast.Inspect(f, s.scanLiteral)
	}
	s.collectClient()
	s.collectDirectives()
}

func (s *state) scanLiteral(n ast.Node) bool {
	lit, ok := n.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || s.pkgSignature {
		return true
	}
	if v, err := strconv.Unquote(lit.Value); err == nil && isSignatureHeader(v) {
		s.pkgSignature = true
	}
	return true
}

func isSignatureHeader(v string) bool {
	for _, h := range model.SignatureHeaders {
		if strings.EqualFold(v, h) {
			return true
		}
	}
	return false
}

func (s *state) collectGenDecl(tf *token.File, d *ast.GenDecl) {
	for _, spec := range d.Specs {
		switch spec := spec.(type) {
		case *ast.TypeSpec:
			if st, ok := spec.Type.(*ast.StructType); ok {
				s.collectStruct(spec.Name.Name, st)
			}
		case *ast.ValueSpec:
			s.collectEmbed(tf, d, spec)
		}
	}
}

var credentialTags = []string{"env", "envconfig", "json", "yaml", "mapstructure", "toml", "koanf"}

// collectStruct records each field's owning type and any role its struct
// tags give it, such as env:"BEGINI_API_KEY" or json:"api_key" in a type
// named BeginiConfig.
func (s *state) collectStruct(owner string, st *ast.StructType) {
	inBegini := s.pkgBegini || s.cfg.HasVendorWord(owner)
	for _, field := range st.Fields.List {
		for _, name := range field.Names {
			v, ok := s.info.Defs[name].(*types.Var)
			if !ok {
				continue
			}
			s.fieldOwner[v] = owner
			if field.Tag == nil {
				continue
			}
			tag, err := strconv.Unquote(field.Tag.Value)
			if err != nil {
				continue
			}
			s.tagRole[v] = s.tagsRole(reflect.StructTag(tag), inBegini)
			s.checkTagClash(v, field.Tag, inBegini)
			s.checkTagDefault(v, field.Tag, reflect.StructTag(tag), inBegini)
		}
	}
}

func (s *state) tagsRole(tag reflect.StructTag, inBegini bool) model.Role {
	for _, key := range credentialTags {
		val, ok := tag.Lookup(key)
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(val, ",")
		if name == "" || name == "-" {
			continue
		}
		if r := s.cfg.ClassifyEnvName(name); r != model.RoleNone {
			return r
		}
		if r := s.cfg.ClassifyName(name, inBegini); r != model.RoleNone {
			return r
		}
		if s.cfg.ClassifyIDName(name) {
			return model.RoleIntegrationID
		}
	}
	return model.RoleNone
}

// roleOf tells what an object is to Begini: from facts, from what the
// package learned, from its tags, or from its name.
func (s *state) roleOf(obj types.Object) model.Role {
	if obj == nil {
		return model.RoleNone
	}
	if s.keyRole[obj] {
		return model.RoleKey
	}
	if r, ok := s.nameRoles[obj]; ok {
		return r
	}
	r := s.computeRole(obj)
	s.nameRoles[obj] = r
	return r
}

func (s *state) computeRole(obj types.Object) model.Role {
	if v, ok := obj.(*types.Var); ok && numberOrBool(v.Type()) {
		return model.RoleNone // BeginiAPIKeyVersion int, beginiKeySet bool
	}
	if obj.Pkg() != nil && obj.Pkg() != s.pass.Pkg {
		var f ObjFact
		if s.pass.ImportObjectFact(obj, &f) && f.Role != 0 {
			return model.Role(f.Role)
		}
	}
	inBegini := s.pkgBegini
	if obj.Pkg() != nil && obj.Pkg() != s.pass.Pkg {
		inBegini = s.cfg.HasVendorWord(obj.Pkg().Path())
	}
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		if r := s.tagRole[v]; r != model.RoleNone {
			return r
		}
		// The owner matters only for names that are credentials in a Begini
		// type (APIKey, Secret); looking it up for every Amount and Name
		// would cost more than the rest of the analysis.
		if !inBegini && s.cfg.ClassifyName(v.Name(), true) != model.RoleNone {
			inBegini = s.cfg.HasVendorWord(s.ownerOfField(v))
		}
	}
	if r := s.cfg.ClassifyName(obj.Name(), inBegini); r != model.RoleNone {
		return r
	}
	if s.cfg.ClassifyIDName(obj.Name()) {
		// IntegrationID is Begini's own word; it is not secret, so naming it
		// without a Begini context costs nothing but precision in idmix.
		return model.RoleIntegrationID
	}
	return model.RoleNone
}

// numberOrBool reports types that cannot hold a credential, whatever the
// name of the variable says.
func numberOrBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0
}

// ownerOfField returns the name of the package-level struct type that
// declares a field. Fields of this package were recorded by collect; for
// an imported package the scope is indexed once, since field reads are
// the engine's most frequent question.
func (s *state) ownerOfField(v *types.Var) string {
	if owner := s.fieldOwner[v]; owner != "" || v.Pkg() == nil {
		return owner
	}
	if s.indexed == nil {
		s.indexed = make(map[*types.Package]bool)
	}
	if !s.indexed[v.Pkg()] {
		s.indexed[v.Pkg()] = true
		s.indexFields(v.Pkg())
	}
	return s.fieldOwner[v]
}

func (s *state) indexFields(pkg *types.Package) {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if _, seen := s.fieldOwner[st.Field(i)]; !seen {
				s.fieldOwner[st.Field(i)] = name
			}
		}
	}
}

// isKey reports whether a taint holds the API key.
func (s *state) isKey(t Taint) bool {
	return s.namedKey(t) || s.learnedKeySource(t) != nil
}

// namedKey reports whether a taint holds a source named or configured as
// the key, leaving out sources learned from where their value is sent.
func (s *state) namedKey(t Taint) bool {
	for _, o := range t {
		if o.Role == model.RoleKey && !o.symbolic() {
			return true
		}
		if o.Kind == fromObj && s.roleOf(o.obj) == model.RoleKey {
			return true
		}
	}
	return false
}

// learnedKeySource returns a source of t with no name of its own (an env
// var, flag or config key) whose value this package sends as the key:
// os.Getenv("SCORING_TOKEN") in the api-key header of a Begini request.
func (s *state) learnedKeySource(t Taint) *Origin {
	for _, o := range t {
		if o.Role == model.RoleNone && s.learnedKeys[learnedName(o)] {
			return o
		}
	}
	return nil
}

func learnedName(o *Origin) string { return o.Kind.String() + " " + o.Name }

// learnKeys records the unnamed sources in a value sent as the key.
func (s *state) learnKeys(t Taint) {
	for _, o := range t {
		if o.Role != model.RoleNone || (o.Kind != FromEnv && o.Kind != FromFlag &&
			o.Kind != FromConfig) {
			continue
		}
		if !s.learnedKeys[learnedName(o)] {
			s.learnedKeys[learnedName(o)] = true
			s.changed = true
		}
	}
}

// keySource returns the origin to name in a diagnostic about a key.
func (s *state) keySource(t Taint) *Origin {
	for _, o := range t {
		if o.Role == model.RoleKey && !o.symbolic() && o.Kind != FromLiteral {
			return o
		}
	}
	if o := s.learnedKeySource(t); o != nil {
		return o
	}
	for _, o := range t {
		if o.Kind == fromObj && s.roleOf(o.obj) == model.RoleKey {
			return s.nameOrigin(o.obj, model.RoleKey)
		}
	}
	return nil
}

// nameOrigin is the origin for a read of an object that is a credential by
// its name, tag or role.
func (s *state) nameOrigin(obj types.Object, role model.Role) *Origin {
	kind := FromName
	name := obj.Name()
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		kind = FromField
		if owner := s.ownerOfField(v); owner != "" {
			name = owner + "." + name
		}
	}
	return s.source(kind, role, name, obj.Pos())
}

// resolve turns object markers whose object turned out to be the key into
// named origins, and drops the rest, for facts.
func (s *state) resolve(t Taint) Taint {
	var out Taint
	for _, o := range t {
		if o.Kind == fromObj {
			if r := s.roleOf(o.obj); r != model.RoleNone {
				out, _ = out.union(Taint{s.nameOrigin(o.obj, r)})
			}
			continue
		}
		out, _ = out.union(Taint{o})
	}
	return out
}

func (t Taint) isKey() bool {
	for _, o := range t {
		if o.Role == model.RoleKey {
			return true
		}
	}
	return false
}

func (m *summary) fact(s *state) *FuncFact {
	f := &FuncFact{
		Returns:      s.resolve(m.returns).concrete(),
		ParamReturns: m.returns.params(),
		ParamSinks:   append([]ParamSink(nil), m.paramSinks...),
	}
	for _, o := range m.returns {
		if o.Kind == fromEnvParam {
			f.EnvParam = o.param + 1
		}
	}
	for _, t := range m.results {
		r := ResultFact{Origins: s.resolve(t).concrete(), Params: t.params()}
		for _, o := range t {
			if o.Kind == fromEnvParam {
				r.EnvParam = o.param + 1
			}
		}
		f.Results = append(f.Results, r)
	}
	for i, fields := range m.paramFields {
		for _, fld := range fields {
			if s.roleOf(fld) == model.RoleKey {
				f.ParamSinks = addParamSink(f.ParamSinks, ParamSink{Param: i, Kind: SinkKey})
			}
			for _, ps := range s.fieldSinks[fld] {
				f.ParamSinks = addParamSink(f.ParamSinks, ParamSink{Param: i,
					Kind: ps.Kind, Sink: ps.Sink})
			}
		}
	}
	return f
}

func addParamSink(list []ParamSink, p ParamSink) []ParamSink {
	for _, x := range list {
		if x.Param == p.Param && x.Kind == p.Kind {
			return list
		}
	}
	return append(list, p)
}

// summaryOf returns what is known of a function: its in-package summary or
// the fact its package exported.
func (s *state) summaryOf(fn *types.Func) *FuncFact {
	if fn.Pkg() == s.pass.Pkg {
		if m := s.summaries[fn.Origin()]; m != nil {
			return m.fact(s)
		}
		return nil
	}
	var f FuncFact
	if fn.Pkg() != nil && s.pass.ImportObjectFact(fn.Origin(), &f) {
		return &f
	}
	return nil
}

// checkTagClash reports a field named for one credential whose tag binds it
// to the other: APIKey string `env:"BEGINI_INTEGRATION_ID"`.
func (s *state) checkTagClash(v *types.Var, tag *ast.BasicLit, inBegini bool) {
	byName := s.cfg.ClassifyName(v.Name(), inBegini)
	byTag := s.tagRole[v]
	if byName == model.RoleNone || byTag == model.RoleNone || byName == byTag {
		return
	}
	sink := "key"
	if byName == model.RoleIntegrationID {
		sink = "id"
	}
	s.tagClashes = append(s.tagClashes, Flow{Kind: RoleConflict, Pos: tag.Pos(), End: tag.End(),
		Role: "field " + v.Name(), Sink: sink, Source: s.source(FromField, byTag,
			tag.Value, tag.Pos())})
}

// vendorName is cfg.HasVendorWord, remembered per name.
func (s *state) vendorName(name string) bool {
	v, ok := s.vendor[name]
	if !ok {
		v = s.cfg.HasVendorWord(name)
		s.vendor[name] = v
	}
	return v
}

// isSanitizer is model.IsSanitizerName of a callee, remembered per callee.
func (s *state) isSanitizer(fn *types.Func) bool {
	v, ok := s.sanitizers[fn]
	if !ok {
		v = model.IsSanitizerName(fn.Name())
		s.sanitizers[fn] = v
	}
	return v
}
