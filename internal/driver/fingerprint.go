package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/scanner"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A Fingerprint identifies a finding across edits that do not touch it. It
// is what SARIF consumers use to track an alert between commits and what the
// baseline matches on. Line numbers are left out on purpose, so that code
// inserted above a finding keeps its identity. The literals of the reported
// range enter only as one hash over all of them: for a hardcoded key the
// range is the key itself, and no part of it may be written down (a hash per
// rune of a []rune{...} literal could be reversed one rune at a time).
type Fingerprint struct {
	Analyzer string
	File     string // slash-separated, relative to the module root
	Decl     string // "func (T).M", "const name", "" at file level
	Expr     string // the tokens of the reported range, literals replaced
	// Index tells apart findings whose other fields are equal, such as two
	// identical log calls in one function, in the order they appear.
	Index int
	Hash  string // hex digest of all of the above
}

// fingerprinter computes fingerprints, reading each source file once.
type fingerprinter struct {
	src map[string][]byte
}

func newFingerprinter() *fingerprinter {
	return &fingerprinter{src: make(map[string][]byte)}
}

// of returns the fingerprint of d, without Index and Hash, which depend on
// the other findings (see numberFingerprints).
func (fp *fingerprinter) of(d diagnostic, posn, end token.Position) Fingerprint {
	f := Fingerprint{Analyzer: d.Analyzer, File: moduleRelPath(d.Pkg, posn.Filename)}
	if file := syntaxFile(d, d.Pos); file != nil {
		f.Decl = enclosingDecl(file, d.Pos)
	}
	// The expression is read from the file that holds its bytes: a //line
	// directive renames the position but not the offsets.
	raw, rawEnd := posn, end
	if d.Pkg != nil && d.Pkg.Fset != nil {
		raw = d.Pkg.Fset.PositionFor(d.Pos, false)
		rawEnd = d.Pkg.Fset.PositionFor(d.End, false)
	}
	src := fp.source(raw.Filename)
	if rawEnd.Filename == raw.Filename && raw.Offset <= rawEnd.Offset && rawEnd.Offset <= len(src) {
		f.Expr = normalizeTokens(src[raw.Offset:rawEnd.Offset])
	}
	return f
}

func (fp *fingerprinter) source(filename string) []byte {
	src, ok := fp.src[filename]
	if !ok {
		// An unreadable file leaves Expr empty; the fingerprint still holds
		// the analyzer, file and declaration.
		src, _ = readRegular(filename, maxInputFile)
		fp.src[filename] = src
	}
	return src
}

// moduleRelPath names a file relative to its module's root, so that the
// fingerprint does not depend on where the module is checked out or on the
// directory the linter is run from.
func moduleRelPath(p *packages.Package, filename string) string {
	if p != nil && p.Module != nil && p.Module.Dir != "" {
		rel, err := filepath.Rel(p.Module.Dir, filename)
		if err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filename)
}

// syntaxFile returns the parsed file of d's package that holds pos.
func syntaxFile(d diagnostic, pos token.Pos) *ast.File {
	if d.Pkg == nil {
		return nil
	}
	for _, f := range d.Pkg.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// enclosingDecl names the top-level declaration holding pos. Nested
// function literals count as their enclosing function: their only names
// are positions, which is what the fingerprint avoids.
func enclosingDecl(f *ast.File, pos token.Pos) string {
	for _, decl := range f.Decls {
		if pos < decl.Pos() || pos >= decl.End() {
			continue
		}
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			return "func " + funcName(decl)
		case *ast.GenDecl:
			return genDeclName(decl, pos)
		}
	}
	return ""
}

func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	return "(" + recvTypeName(fn.Recv.List[0].Type) + ")." + fn.Name.Name
}

// recvTypeName strips pointers and type parameters: (*T[K]).M is T's M.
func recvTypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return "?"
		}
	}
}

func genDeclName(decl *ast.GenDecl, pos token.Pos) string {
	for _, spec := range decl.Specs {
		if pos < spec.Pos() || pos >= spec.End() {
			continue
		}
		switch spec := spec.(type) {
		case *ast.ValueSpec:
			var names []string
			for _, n := range spec.Names {
				names = append(names, n.Name)
			}
			return decl.Tok.String() + " " + strings.Join(names, ",")
		case *ast.TypeSpec:
			return "type " + spec.Name.Name
		}
	}
	return decl.Tok.String()
}

// normalizeTokens returns the Go tokens of src separated by single spaces,
// so that reformatting and comments do not matter. Every literal is replaced
// by its kind, and one hash over all the literal values is appended.
func normalizeTokens(src []byte) string {
	fset := token.NewFileSet()
	var s scanner.Scanner
	// Errors, such as a range that ends inside a token, are ignored: the
	// scanner still returns tokens, and unterminated literals stay literals.
	s.Init(fset.AddFile("", -1, len(src)), src, nil, 0)
	var parts []string
	lits := sha256.New()
	nlits := 0
	for {
		_, tok, lit := s.Scan()
		switch {
		case tok == token.EOF:
			if nlits > 0 {
				parts = append(parts, "literals:"+hex.EncodeToString(lits.Sum(nil))[:16])
			}
			return strings.Join(parts, " ")
		case tok == token.SEMICOLON && lit == "\n":
			continue // inserted at a line end: layout, not code
		case tok.IsLiteral() && tok != token.IDENT:
			parts = append(parts, "<"+strings.ToLower(tok.String())+">")
			lits.Write([]byte(literalValue(tok, lit)))
			lits.Write([]byte{0})
			nlits++
		case lit != "":
			parts = append(parts, lit)
		default:
			parts = append(parts, tok.String())
		}
	}
}

// literalValue unquotes strings, so that "k" and `k` hash alike.
func literalValue(tok token.Token, lit string) string {
	if tok == token.STRING {
		if v, err := strconv.Unquote(lit); err == nil {
			return v
		}
	}
	return lit
}

// numberFingerprints sets Index and Hash on findings sorted by position.
func numberFingerprints(fs []Finding) {
	seen := make(map[Fingerprint]int)
	for i := range fs {
		fp := &fs[i].Fingerprint
		key := Fingerprint{Analyzer: fp.Analyzer, File: fp.File, Decl: fp.Decl, Expr: fp.Expr}
		fp.Index = seen[key]
		seen[key]++
		fp.Hash = fingerprintHash(*fp)
	}
}

func fingerprintHash(fp Fingerprint) string {
	h := sha256.New()
	for _, part := range []string{fp.Analyzer, fp.File, fp.Decl, fp.Expr, strconv.Itoa(fp.Index)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
