package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// node is a piece of markup kept as data: <tag attrs>text kids</tag>, or,
// with no tag, the text alone.
//
// A tree of nodes in a package variable is data, which costs no code,
// where the same tree written as go-app builder calls costs a call, and
// the stack traffic around it, per element, attribute and text (see
// elems.go); build makes the go-app elements from it, the same ones.
// What changes from one render to the next goes in holes: a node with
// hole n > 0 stands for the n-th element given to build.
type node struct {
	tag   string
	attrs []string  // name, value pairs, as tagged takes them
	text  form.Text // the first child, a text in both languages; none if empty
	kids  []node
	hole  int
}

// build makes the elements of n, in l, with holes for n's holes.
func (n *node) build(l form.Lang, holes ...app.UI) app.UI {
	switch {
	case n.hole > 0:
		return holes[n.hole-1]
	case n.tag == "":
		return app.Text(n.text.In(l))
	}
	body := make([]app.UI, 0, len(n.kids)+1)
	if n.text.Zh != "" {
		body = append(body, app.Text(n.text.In(l)))
	}
	for i := range n.kids {
		body = append(body, n.kids[i].build(l, holes...))
	}
	return withBody(tagged(n.tag, n.attrs...), body...)
}
