package credflow

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/beginilint/beginilint/internal/model"
)

// Keys also hide outside string literals: in files pulled in with
// //go:embed and in struct-tag defaults read by config libraries.

// maxEmbedRead bounds how much of an embedded file is read: key files are
// small, and embedded assets can be large.
const maxEmbedRead = 64 << 10

var keyFileExts = []string{".key", ".secret", ".pem", ".token"}

// collectEmbed records the files a //go:embed directive pulls into a
// package-level variable.
func (s *state) collectEmbed(tf *token.File, d *ast.GenDecl, spec *ast.ValueSpec) {
	doc := spec.Doc
	if doc == nil && len(d.Specs) == 1 {
		doc = d.Doc
	}
	if doc == nil || len(spec.Names) != 1 {
		return
	}
	v, ok := s.info.Defs[spec.Names[0]].(*types.Var)
	if !ok {
		return
	}
	dir := filepath.Dir(tf.Name())
	for _, c := range doc.List {
		rest, ok := strings.CutPrefix(c.Text, "//go:embed ")
		if !ok {
			continue
		}
		e := &embed{}
		for _, pat := range strings.Fields(rest) {
			if uq, err := strconv.Unquote(pat); err == nil {
				pat = uq // a quoted pattern
			}
			matches, _ := filepath.Glob(filepath.Join(dir, pat))
			e.files = append(e.files, matches...)
		}
		if len(e.files) > 0 {
			s.embeds[v] = e
		}
	}
}

// embedSpec gives an embedded variable its origin: an embedded file whose
// content could be a key, or a key file such as .env holding a Begini key.
func (f *frame) embedSpec(n *ast.ValueSpec) {
	if len(n.Names) != 1 {
		return
	}
	v, ok := f.s.info.Defs[n.Names[0]].(*types.Var)
	if !ok {
		return
	}
	e := f.s.embeds[v]
	if e == nil {
		return
	}
	for _, file := range e.files {
		whole, named := f.s.readEmbed(file)
		o := f.s.intern(originKey{kind: FromEmbed, pos: n.Names[0].Pos(), name: filepath.Base(file)},
			model.EnvUnknown, whole || named)
		if named || (whole && isKeyFile(file)) {
			f.s.hardcoded(o, "embedded key file", n.Names[0].Pos())
		}
		f.assignObj(v, Taint{o}, n.Names[0].Pos(), "", nil)
	}
}

func isKeyFile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	for _, ext := range keyFileExts {
		if strings.HasSuffix(base, ext) {
			return true
		}
	}
	return false
}

type embedInfo struct{ whole, named bool }

// readEmbed reports whether a file's whole content could be a key, and
// whether it assigns a Begini key name a value that could be one (.env,
// YAML, properties).
func (s *state) readEmbed(file string) (whole, named bool) {
	if s.embedCache == nil {
		s.embedCache = make(map[string]embedInfo)
	}
	if c, ok := s.embedCache[file]; ok {
		return c.whole, c.named
	}
	data, err := readHead(file)
	info := embedInfo{}
	if err == nil {
		info.whole = model.CouldBeKey(string(bytes.TrimSpace(data)), false)
		info.named = s.assignsKey(data)
	}
	s.embedCache[file] = info
	return info.whole, info.named
}

func readHead(file string) ([]byte, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	buf := make([]byte, maxEmbedRead)
	n, _ := fh.Read(buf)
	return buf[:n], nil
}

// assignsKey reports whether data has a line NAME=VALUE or name: value with
// a Begini key name and a value that could be a key.
func (s *state) assignsKey(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "export "))
		i := strings.IndexAny(line, "=:")
		if i <= 0 {
			continue
		}
		name := strings.TrimSpace(line[:i])
		val := strings.Trim(strings.TrimSpace(line[i+1:]), `"'`)
		if s.cfg.ClassifyEnvName(name) == model.RoleKey && model.CouldBeKey(val, false) {
			return true
		}
	}
	return false
}

// checkTagDefault reports a key in a struct-tag default, as read by env
// and config libraries: `env:"BEGINI_API_KEY" envDefault:"..."`.
func (s *state) checkTagDefault(v *types.Var, lit *ast.BasicLit, tag reflect.StructTag, inBegini bool) {
	role := s.tagsRole(tag, inBegini)
	if role == model.RoleNone {
		role = s.cfg.ClassifyName(v.Name(), inBegini)
	}
	if role != model.RoleKey {
		return
	}
	for _, key := range []string{"envDefault", "default"} {
		if val, ok := tag.Lookup(key); ok && model.CouldBeKey(val,
			s.testFiles[s.pass.Fset.File(lit.Pos())]) {
			o := s.intern(originKey{kind: FromLiteral, pos: lit.Pos(), name: "tag"},
				model.EnvUnknown, true)
			s.tagDefaults = append(s.tagDefaults, tagDefault{o, key})
		}
	}
}

type tagDefault struct {
	lit *Origin
	key string
}

// reportObjects reports what is found outside function bodies once the
// fixpoint is reached.
func (s *state) reportObjects() {
	for _, td := range s.tagDefaults {
		s.hardcoded(td.lit, "struct tag "+td.key, td.lit.pos)
	}
	for _, fl := range s.tagClashes {
		s.addFlow(fl)
	}
}
