package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// warmOnFirstInput readies the engine (form.Warm) once the person first
// taps or types on a page that has answered nothing yet (a blank form):
// not during the first load, which it would slow down, and not at the
// first answer, which would wait for it. It runs warmAfter the tap, once
// the page has responded to it, while the person reads the question the
// tap opened. The page's <html> then has data-engine="ready".
func warmOnFirstInput(ctx app.Context) {
	doc := app.Window().Get("document")
	var first app.Func
	first = app.FuncOf(func(app.Value, []app.Value) any {
		for _, ev := range warmEvents {
			doc.Call("removeEventListener", ev, first, true)
		}
		first.Release()
		ctx.After(warmAfter, func(ctx app.Context) {
			ctx.PreventUpdate()
			if form.Warm() {
				doc.Get("documentElement").Call("setAttribute", "data-engine", "ready")
			}
		})
		return nil
	})
	for _, ev := range warmEvents {
		doc.Call("addEventListener", ev, first, true)
	}
}

// warmEvents are the first signs of a person using the page; click is
// also the tap made before the app ran, replayed by web/boot.js.
var warmEvents = [...]string{"pointerdown", "keydown", "click"}

// warmAfter is how long after the first tap the engine is readied: the
// page has drawn its response by then on a slow phone.
const warmAfter = 300 * time.Millisecond
