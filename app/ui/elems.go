package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// Builders for the element shapes the components repeat.
//
// In Go's wasm every call site costs a lot of code (the compiler saves and
// restores the stack around it, so that goroutines can switch), so a chain
// of go-app builder calls (Elem, Class, ID, Text, …) written out at each
// place costs far more than one call of a helper with the same data. The
// helpers build exactly what the chains built: go-app sets no attribute for
// an empty class or id, and drops nil children.

// The helpers that need no further builder call return app.UI, not
// app.HTMLElem: turning an HTMLElem into a UI (one interface into another)
// is a call of the runtime, better made once, in the helper, than at each
// use.

// elem is <tag class="class">body</tag>; class may be "" or several
// classes separated by spaces.
func elem(tag, class string, body ...app.UI) app.UI {
	return app.Elem(tag).Class(class).Body(kids(body)...)
}

// kids is a copy of body, for go-app's Body. go-app keeps the slice it is
// given, so a helper that passed its variadic body on would make every
// call put the children on the heap, one write barrier each; with the
// copy, made here once, the callers' lists stay on their stacks.
func kids(body []app.UI) []app.UI {
	return append([]app.UI(nil), body...)
}

// textElem is <tag class="class">text</tag>.
func textElem(tag, class, text string) app.UI {
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
// text, a click handler and other attributes as name, value pairs.
func button(id, class, text string, onClick app.EventHandler, attrs ...string) app.UI {
	e := app.Elem("button").Attr("type", "button").ID(id).Class(class)
	for i := 0; i+1 < len(attrs); i += 2 {
		e = e.Attr(attrs[i], attrs[i+1])
	}
	return e.Text(text).OnClick(onClick)
}

// tagged is <tag> with attributes given as name, value pairs; an empty
// value sets no attribute (as go-app's Class, ID and Attr do). Attr sets
// class, id, aria-* and data-* exactly as Class, ID, Aria and DataSet do
// for a string, so one call with the pairs replaces a chain of them.
func tagged(tag string, attrs ...string) app.HTMLElem {
	e := app.Elem(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attr(attrs[i], attrs[i+1])
	}
	return e
}

// input is <input> (a void element) with attributes as tagged's.
func input(attrs ...string) app.HTMLElemSelfClosing {
	e := app.ElemSelfClosing("input")
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attr(attrs[i], attrs[i+1])
	}
	return e
}

// withBody is e with the children body, and withText e with the text,
// as an app.UI: for the elements built with tagged (see above).
func withBody(e app.HTMLElem, body ...app.UI) app.UI { return e.Body(kids(body)...) }

func withText(e app.HTMLElem, text string) app.UI { return e.Text(text) }

// pickedText is textElem with the text in l, from its Chinese and English.
func pickedText(l form.Lang, tag, class, zh, en string) app.UI {
	return textElem(tag, class, l.Pick(zh, en))
}

// flag sets the boolean attribute name (checked, open, selected, hidden)
// of e, on or off. go-app writes an attribute that is off into the
// prerendered HTML as name="false", which HTML reads as on: every box
// ticked, every <details> open, the last <option> selected, until app.wasm
// runs. So the server leaves it out; in the browser go-app sets the
// property (el.checked = false), which must stay.
func flag[E interface{ Attr(string, any) E }](e E, name string, on bool) E {
	if !on && app.IsServer {
		return e
	}
	return e.Attr(name, on)
}
