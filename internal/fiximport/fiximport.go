// Package fiximport finds the name under which a suggested fix can call a
// package, importing the package when the file does not, and refuses when
// no name is safe: a fix that does not compile is worse than none.
package fiximport

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Name returns the name that refers to the package at pkgPath at pos in
// file, and the edits that import it when the file does not yet. Two fixes
// in one file make the same import edit, which drivers apply once. ok is
// false when a declaration in scope at pos hides that name, or another
// import already holds it.
func Name(pass *analysis.Pass, file *ast.File, pkgPath string, pos token.Pos) (
	name string, edits []analysis.TextEdit, ok bool) {
	name, edits = importFor(file, pkgPath)
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", nil, false
	}
	_, obj := scope.LookupParent(name, pos)
	if edits != nil {
		return name, edits, obj == nil
	}
	pn, isPkg := obj.(*types.PkgName)
	return name, nil, isPkg && pn.Imported().Path() == pkgPath
}

func importFor(file *ast.File, pkgPath string) (string, []analysis.TextEdit) {
	quoted := strconv.Quote(pkgPath)
	for _, imp := range file.Imports {
		if imp.Path.Value != quoted {
			continue
		}
		if imp.Name == nil {
			return path.Base(pkgPath), nil
		}
		if imp.Name.Name != "_" && imp.Name.Name != "." {
			return imp.Name.Name, nil
		}
	}
	name := path.Base(pkgPath)
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return name, []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1,
				NewText: []byte("\n\t" + quoted)}}
		}
		// A single import becomes a block holding both, in path order.
		spec := gd.Specs[0].(*ast.ImportSpec)
		old := spec.Path.Value
		if spec.Name != nil {
			old = spec.Name.Name + " " + old
		}
		first, second := old, quoted
		if quoted < spec.Path.Value {
			first, second = quoted, old
		}
		block := "import (\n\t" + first + "\n\t" + second + "\n)"
		return name, []analysis.TextEdit{{Pos: gd.Pos(), End: gd.End(), NewText: []byte(block)}}
	}
	at := file.Name.End()
	return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n\nimport " + quoted)}}
}
