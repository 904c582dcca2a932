package credflow

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/model"
)

// FlowKind is the kind of finding the engine hands to the analyzers.
type FlowKind uint8

const (
	// Hardcoded: a literal (or embedded file) ends up as the API key.
	Hardcoded FlowKind = iota + 1
	// Logged: the API key reaches a log or print sink.
	Logged
)

// A Flow is one credential reaching somewhere it matters. Analyzers select
// flows by Kind and word the diagnostic.
type Flow struct {
	Kind   FlowKind
	Pos    token.Pos // where to report
	End    token.Pos
	Source *Origin // the credential's source (for Hardcoded, the literal)
	// Role is what the source became: for Hardcoded, where the literal
	// became a key ("api-key header", "const beginiAPIKey").
	Role string
	Sink string // the sink reached: "log.Printf", "zap.String"
	Via  string // a wrapper the flow passed through, if any
	// SinkPos is the inner sink inside a wrapper, for related information.
	SinkPos token.Pos
	// Fix, for Hardcoded, is the literal expression a fix may replace; nil
	// when no safe fix exists (constants, struct tags, embedded files).
	Fix ast.Expr
	// File is the file holding Pos.
	File *ast.File
	// Use is where the flow was seen: for a hardcoded literal, where it
	// became a key.
	Use token.Pos
}

// Result lists the flows found in one package, sorted by position.
type Result struct {
	Flows []Flow
}

// New returns the engine analyzer for a configuration. Every analyzer of one
// set requires the same engine value, so the package is analysed once.
func New(cfg *model.Config) *analysis.Analyzer {
	e := &engine{cfg: cfg}
	a := &analysis.Analyzer{
		Name:             "credflow",
		Doc:              "track Begini credentials through a package (the engine behind beginilint)",
		URL:              "https://github.com/beginilint/beginilint#how-it-works",
		Run:              e.run,
		RunDespiteErrors: true,
		ResultType:       reflect.TypeOf((*Result)(nil)),
		FactTypes: []analysis.Fact{new(FuncFact), new(ObjFact), new(InsecureTLSFact), new(HookFact),
			new(RelevantFact)},
	}
	cfg.RegisterFlags(&a.Flags)
	return a
}

type engine struct {
	cfg *model.Config
}

// run analyses one package. A panic is turned into an error naming the
// package, so that a bug here never takes the whole run down.
func (e *engine) run(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error analysing %s: %v\n%s", pass.Pkg.Path(),
				r, debug.Stack())
		}
	}()
	if err := e.cfg.Validate(); err != nil {
		return nil, err
	}
	if skipPackage(pass) {
		return &Result{}, nil
	}
	if !e.cfg.TypedClientConfigs && !e.relevant(pass) && hasTestFiles(pass) {
		return &Result{}, nil
	}
	s := newState(e.cfg, pass)
	s.analyse()
	s.exportFacts()
	return &Result{Flows: s.suppress(s.sortedFlows())}, nil
}

// skipPackage reports whether a package cannot matter: the standard library
// and modules fetched from elsewhere never handle the team's Begini key, and
// under go vet they are analysed only for facts. Skipping them keeps the
// engine's cost to the team's own code.
func skipPackage(pass *analysis.Pass) bool {
	if isStd(pass) {
		return true
	}
	return pass.Module != nil && pass.Module.Version != "" && pass.Module.Replace == nil
}

// A RelevantFact marks a package that names something of Begini's (see
// model.Config.Anchors) or imports one that does: only there can a key or
// an integration ID be found.
type RelevantFact struct{}

func (*RelevantFact) AFact()         {}
func (*RelevantFact) String() string { return "relevant" }

// relevant reports, and records as a fact for importers, whether a package
// can hold a finding. The standalone driver decides this over the whole
// import graph; under go vet and golangci-lint a package sees only what it
// imports, so this is used to skip test builds that cannot matter: the
// test variant of a package and its external tests, which nothing imports
// but each other, are most of a large module's lines (nats-server: 335k of
// 490k). A test package that names Begini while neither the package under
// test nor its tests do would not see into that package's helpers.
func (e *engine) relevant(pass *analysis.Pass) bool {
	rel := false
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(RelevantFact)) {
			rel = true
			break
		}
	}
	anchors := e.cfg.Anchors()
	for _, f := range pass.Files {
		if rel {
			break
		}
		src, err := os.ReadFile(pass.Fset.File(f.FileStart).Name())
		rel = err != nil || model.MentionsAnchor(src, anchors) ||
			bytes.Contains(src, []byte("//go:embed"))
	}
	if rel {
		pass.ExportPackageFact(new(RelevantFact))
	}
	return rel
}

func hasTestFiles(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
			return true
		}
	}
	return false
}

// isStd reports whether the package's files live in GOROOT.
func isStd(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].FileStart).Name()
	return strings.HasPrefix(name, goroot)
}

var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// maxRounds bounds the fixpoint over the package's functions. Summaries
// and stored taints only grow, so this is reached only by pathological code.
const maxRounds = 8

// analyse walks the package until nothing it learns changes. Every round
// records flows, and each round starts them afresh: the round that changes
// nothing saw the final state, so its flows are the result, and the walk
// that confirms the fixpoint is also the one that reports.
func (s *state) analyse() {
	s.collect()
	s.funcDecls = s.calleesFirst()
	s.reporting = true
	for round := 0; round < maxRounds; round++ {
		s.changed = false
		s.flows, s.uses, s.envSlots = make(map[flowKey]Flow), nil, nil
		s.walkAll()
		if !s.changed {
			break
		}
	}
	s.ignoredClientFiles()
	s.reportObjects()
	s.reportShared()
	s.checkWebhooks()
	s.checkPlainHTTP()
}

func (s *state) walkAll() {
	s.walkPackageDecls()
	for _, fd := range s.funcDecls {
		s.walkFunc(fd)
	}
}

// calleesFirst orders the package's functions so that a function comes
// after those it calls or refers to (a handler passed to a registration),
// which lets most summaries settle in one round however deep a chain of
// helpers goes. Recursion is cut where it closes.
func (s *state) calleesFirst() []*ast.FuncDecl {
	decls := make(map[types.Object]*ast.FuncDecl)
	for _, fd := range s.funcDecls {
		decls[s.info.Defs[fd.Name]] = fd
	}
	seen := make(map[*ast.FuncDecl]bool)
	var out []*ast.FuncDecl
	var visit func(fd *ast.FuncDecl)
	visit = func(fd *ast.FuncDecl) {
		if seen[fd] {
			return
		}
		seen[fd] = true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := s.info.Uses[id].(*types.Func); ok && decls[fn.Origin()] != nil {
					visit(decls[fn.Origin()])
				}
			}
			return true
		})
		out = append(out, fd)
	}
	for _, fd := range s.funcDecls {
		visit(fd)
	}
	return out
}

func (s *state) sortedFlows() []Flow {
	out := make([]Flow, 0, len(s.flows))
	for _, f := range s.flows {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pos != out[j].Pos {
			return out[i].Pos < out[j].Pos
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// flowKey deduplicates flows: one literal is reported once however many
// places it reaches, one sink call once per kind.
type flowKey struct {
	kind FlowKind
	pos  token.Pos
}

func (s *state) addFlow(f Flow) {
	if !s.reporting || !f.Pos.IsValid() {
		return
	}
	if f.Use == token.NoPos {
		f.Use = f.Pos // set before comparing, so that the choice below is stable
	}
	k := flowKey{f.Kind, f.Pos}
	if old, dup := s.flows[k]; dup && !closer(f, old) {
		return // keep the reason nearest the literal: the line that made it a key
	}
	f.File = s.fileOf(f.Pos)
	if f.File == nil {
		return // not in this package's files: reported where it lives
	}
	if s.generated(f.File, f.Pos) {
		// Generated code is fixed in its generator; every driver skips it
		// the same way because the engine does.
		return
	}
	s.flows[k] = f
}

func (s *state) fileOf(pos token.Pos) *ast.File {
	for _, f := range s.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	for _, f := range s.extraFiles {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// exportFacts publishes summaries of this package's functions and the
// credentials its package-level variables and fields hold.
func (s *state) exportFacts() {
	for fn, sum := range s.summaries {
		if fn.Pkg() != s.pass.Pkg || sum.empty() {
			continue
		}
		s.pass.ExportObjectFact(fn, sum.fact(s))
	}
	for obj, t := range s.objTaint {
		if obj.Pkg() != s.pass.Pkg || !exportable(obj) {
			continue
		}
		role := s.roleOf(obj)
		origins := s.resolve(t).concrete()
		if role == model.RoleNone && !origins.isKey() && !hasLiteral(origins) {
			continue // nothing an importer could learn from
		}
		s.pass.ExportObjectFact(obj, &ObjFact{Role: uint8(role), Origins: origins})
	}
	for obj := range s.keyRole {
		if obj.Pkg() != s.pass.Pkg || !exportable(obj) || s.objTaint[obj] != nil {
			continue
		}
		s.pass.ExportObjectFact(obj, &ObjFact{Role: uint8(model.RoleKey)})
	}
}

// exportable reports whether facts can name obj: package-level objects and
// fields of package-level types.
func exportable(obj types.Object) bool {
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		return true
	}
	return obj.Parent() == obj.Pkg().Scope()
}

// Analyzer is the engine with the default configuration, shared by the
// default analyzers (for go vet -vettool and nogo). Its flags are the way to
// configure it there.
var Analyzer = New(model.Default())

// closer reports whether a is a better reason than b for the same finding:
// nearer its literal, then first by name, so that every driver words a
// finding the same way whatever order it meets the flows in.
func closer(a, b Flow) bool {
	if da, db := distance(a), distance(b); da != db {
		return da < db
	}
	return a.Role+a.Sink < b.Role+b.Sink
}

func distance(f Flow) token.Pos {
	if f.Use > f.Pos {
		return f.Use - f.Pos
	}
	return f.Pos - f.Use
}

// generated reports whether pos is in a generated file. Files that cgo
// generated from a hand-written one map their positions back to it with
// //line directives: those are the team's code.
func (s *state) generated(f *ast.File, pos token.Pos) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	return s.pass.Fset.Position(pos).Filename == s.pass.Fset.PositionFor(pos, false).Filename
}
