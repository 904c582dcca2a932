package credflow

import (
	"go/token"
	"go/types"

	"github.com/beginilint/beginilint/internal/model"
)

// SourceKind says where a tracked value comes from.
type SourceKind uint8

const (
	FromEnv     SourceKind = iota + 1 // an environment variable
	FromFlag                          // a command-line flag
	FromField                         // a struct field named or tagged as a credential
	FromName                          // a variable or constant named as a credential
	FromConfig                        // a config getter such as viper.GetString
	FromGetter                        // a secret-store function the team configured
	FromLiteral                       // a literal that could be a credential
	FromEmbed                         // a file embedded with //go:embed
	FromSink                          // a value that reaches the key's header or HMAC

	// Symbolic origins live only while a package is analysed.
	fromParam    // the i-th parameter of the function being summarised
	fromEnvParam // the env var named by the i-th parameter
	fromObj      // a read of a package variable or field, resolved at the end
)

func (k SourceKind) String() string {
	switch k {
	case FromEnv:
		return "env"
	case FromFlag:
		return "flag"
	case FromField:
		return "field"
	case FromName:
		return "identifier"
	case FromConfig:
		return "config key"
	case FromGetter:
		return "secret store"
	case FromLiteral:
		return "literal"
	case FromEmbed:
		return "embedded file"
	case FromSink:
		return "value"
	}
	return "parameter"
}

// An Origin is one source of a value. It names the source (an env var name,
// a field) and never holds the value itself, so that no diagnostic, fact or
// output can echo a credential.
type Origin struct {
	Kind SourceKind
	Role model.Role
	Name string            // env var, flag, field or identifier name
	Env  model.Environment // Test or Production, read from the name
	// CouldBeKey is set on literals and embedded files whose content passed
	// model.CouldBeKey.
	CouldBeKey bool
	Posn       token.Position // where the source is, for facts and messages
	Pkg        string         // import path of the package that found it
	// Reported is set on a literal already reported as a key in its own
	// package, so that importers do not report it again.
	Reported bool

	pos   token.Pos // valid in the FileSet of the package that found it
	param int
	obj   types.Object
}

// Pos returns the origin's position if it is valid in fset, which holds for
// origins found in this package and, in drivers that share one FileSet
// across packages, for origins imported through facts.
func (o *Origin) Pos(fset *token.FileSet) token.Pos {
	if !o.pos.IsValid() {
		return token.NoPos
	}
	// Posn went through //line directives, so compare it with the same.
	if p := fset.Position(o.pos); p.Filename != o.Posn.Filename || p.Line != o.Posn.Line {
		return token.NoPos
	}
	return o.pos
}

// Describe names the origin for a diagnostic: env BEGINI_API_KEY,
// field Config.BeginiAPIKey.
func (o *Origin) Describe() string {
	if o.Name == "" {
		return o.Kind.String()
	}
	return o.Kind.String() + " " + o.Name
}

func (o *Origin) symbolic() bool { return o.Kind >= fromParam }

// maxTaint bounds the origins kept per value: beyond it, more origins add
// nothing a diagnostic would show, and cost time on generated code.
const maxTaint = 16

// Taint is the set of origins of a value, small and deduplicated by
// identity (origins are interned per package).
type Taint []*Origin

func (t Taint) has(o *Origin) bool {
	for _, x := range t {
		if x == o {
			return true
		}
	}
	return false
}

// union returns t with u's origins added, and whether anything was added.
func (t Taint) union(u Taint) (Taint, bool) {
	changed := false
	for _, o := range u {
		if len(t) >= maxTaint {
			break
		}
		if !t.has(o) {
			t = append(t, o)
			changed = true
		}
	}
	return t, changed
}

func union(ts ...Taint) Taint {
	var out Taint
	for _, t := range ts {
		out, _ = out.union(t)
	}
	return out
}

// concrete drops symbolic origins, for storing in facts and globals.
func (t Taint) concrete() Taint {
	var out Taint
	for _, o := range t {
		if !o.symbolic() {
			out = append(out, o)
		}
	}
	return out
}

func (t Taint) params() []int {
	var out []int
	for _, o := range t {
		if o.Kind == fromParam {
			out = append(out, o.param)
		}
	}
	return out
}
