package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// wideScreen reports whether the page shows the form beside the answer
// (yibao.css's two-column layout, from 900 px) rather than below it.
func wideScreen() bool {
	return app.Window().Call("matchMedia", "(min-width: 900px)").Get("matches").Bool()
}

// afterNextPaint runs fn on the UI goroutine once the browser has painted
// what is on the page now, then updates the component: a requestAnimationFrame
// callback runs just before the paint, and a timeout set from it runs after.
func afterNextPaint(ctx app.Context, fn func(app.Context)) {
	var frame, timeout app.Func
	timeout = app.FuncOf(func(app.Value, []app.Value) any {
		timeout.Release()
		ctx.Dispatch(fn)
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", timeout, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}
