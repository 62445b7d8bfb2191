package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Builders for the element shapes the components repeat.
//
// In Go's wasm every call site costs a lot of code (the compiler saves and
// restores the stack around it, so that goroutines can switch), so a chain
// of go-app builder calls (Elem, Class, ID, Text, …) written out at each
// place costs far more than one call of a helper with the same data. The
// helpers build exactly what the chains built: go-app sets no attribute for
// an empty class or id, and drops nil children.

// elem is <tag class="class">body</tag>; class may be "" or several
// classes separated by spaces.
func elem(tag, class string, body ...app.UI) app.HTMLElem {
	return app.Elem(tag).Class(class).Body(body...)
}

// textElem is <tag class="class">text</tag>.
func textElem(tag, class, text string) app.HTMLElem {
	return app.Elem(tag).Class(class).Text(text)
}

// textIf is textElem, or nothing when text is empty.
func textIf(tag, class, text string) app.UI {
	if text == "" {
		return nil
	}
	return textElem(tag, class, text)
}

// errorLine is <p class="error">msg</p>, or nothing when msg is empty.
func errorLine(msg string) app.UI { return textIf("p", "error", msg) }

// button is a <button type="button"> with an id (none if ""), classes, a
// text and a click handler.
func button(id, class, text string, onClick app.EventHandler) app.HTMLElem {
	return app.Elem("button").Attr("type", "button").ID(id).Class(class).Text(text).OnClick(onClick)
}
