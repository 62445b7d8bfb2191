package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// The pages build elements with app.Elem (see the package comment): a typed
// constructor such as app.Div() links go-app's whole method set for its
// element type into app.wasm.
func TestElementsAreGeneric(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// go-app's functions without arguments that are not element constructors.
	notElements := map[string]bool{"Window": true, "NewTestEngine": true}
	fs := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fs, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "app" && !notElements[sel.Sel.Name] {
				t.Errorf("%s: app.%s(): build elements with app.Elem(tag)", fs.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
