package webhooksig

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/beginilint/beginilint/internal/credflow"
	"github.com/beginilint/beginilint/internal/fiximport"
)

const hmacPath = "crypto/hmac"

// suggestedFix turns a variable-time comparison of the signature into
// hmac.Equal, where that keeps the meaning: a == b and a != b on strings
// or byte slices, and bytes.Equal while the file still uses bytes
// elsewhere (else the fix would leave an unused import behind).
func suggestedFix(pass *analysis.Pass, fl credflow.Flow) (analysis.SuggestedFix, bool) {
	if fl.Kind != credflow.SigCompare || fl.Fix == nil || fl.File == nil {
		return analysis.SuggestedFix{}, false
	}
	name, edits, ok := fiximport.Name(pass, fl.File, hmacPath, fl.Fix.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false // a local named hmac would take the call
	}
	var edit analysis.TextEdit
	switch e := fl.Fix.(type) {
	case *ast.BinaryExpr:
		edit, ok = binaryEdit(pass, e, name)
	case *ast.CallExpr:
		edit, ok = bytesEqualEdit(pass, fl.File, e, name)
	}
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "compare with hmac.Equal",
		TextEdits: append(edits, edit),
	}, true
}

func binaryEdit(pass *analysis.Pass, e *ast.BinaryExpr, hmacName string) (analysis.TextEdit, bool) {
	x, okx := asBytes(pass, e.X)
	y, oky := asBytes(pass, e.Y)
	if !okx || !oky {
		return analysis.TextEdit{}, false
	}
	text := hmacName + ".Equal(" + x + ", " + y + ")"
	if e.Op == token.NEQ {
		text = "!" + text
	}
	return analysis.TextEdit{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}, true
}

// asBytes renders an operand as a byte slice: as it is, converted from a
// string, or unwrapped from a string(b) conversion of one.
func asBytes(pass *analysis.Pass, e ast.Expr) (string, bool) {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 && isString(pass, e) {
		inner := call.Args[0]
		if pass.TypesInfo.Types[call.Fun].IsType() && isByteSlice(pass.TypesInfo.TypeOf(inner)) {
			return asBytes(pass, inner)
		}
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, pass.Fset, e); err != nil {
		return "", false
	}
	switch {
	case isString(pass, e):
		return "[]byte(" + buf.String() + ")", true
	case isByteSlice(pass.TypesInfo.TypeOf(e)):
		return buf.String(), true
	}
	return "", false
}

func isString(pass *analysis.Pass, e ast.Expr) bool {
	t := pass.TypesInfo.TypeOf(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isByteSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func bytesEqualEdit(pass *analysis.Pass, file *ast.File, call *ast.CallExpr,
	hmacName string) (analysis.TextEdit, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return analysis.TextEdit{}, false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.TextEdit{}, false
	}
	pkg, ok := pass.TypesInfo.Uses[id].(*types.PkgName)
	if !ok || uses(pass, file, pkg) < 2 {
		return analysis.TextEdit{}, false
	}
	text := []byte(hmacName + ".Equal")
	return analysis.TextEdit{Pos: sel.Pos(), End: sel.End(), NewText: text}, true
}

// uses counts the references to an imported package in a file.
func uses(pass *analysis.Pass, file *ast.File, pkg *types.PkgName) int {
	n := 0
	ast.Inspect(file, func(node ast.Node) bool {
		if id, ok := node.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == pkg {
			n++
		}
		return true
	})
	return n
}
