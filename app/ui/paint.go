package ui

import (
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// inWeChat reports whether the page runs in WeChat's browser
// (MicroMessenger in its user agent), which opens no .ics file; false on
// the server.
var inWeChat = sync.OnceValue(func() bool {
	return !app.IsServer && strings.Contains(app.Window().Get("navigator").Get("userAgent").String(), "MicroMessenger")
})

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

// focusSoon moves the focus to the element with the id once the render
// under way has built it, and once the element with the id gone (if any)
// is no longer on the page: it looks before each of the next 120 frames.
// ctx.Defer would not do when the element that was tapped is gone in that
// render (a step of a life event replacing the one before): go-app drops
// what is deferred for an unmounted element.
func focusSoon(id, gone string) {
	var frame app.Func
	tries := 0
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		doc := app.Window().Get("document")
		el := doc.Call("getElementById", id)
		ready := el.Truthy() && (gone == "" || !doc.Call("getElementById", gone).Truthy())
		if tries++; !ready && tries < 120 {
			app.Window().Call("requestAnimationFrame", frame)
			return nil
		}
		frame.Release()
		if ready {
			el.Call("focus")
		}
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// AwaitFirstPaint blocks until the browser has painted the page as it is
// (the prerendered HTML, when app.wasm starts) and, where it reports them,
// counted its largest contentful paint, or at most
// firstPaintWait: it returns at once on the server and in a hidden tab.
//
// The Go program starts in one long task that then builds the page again
// (go-app replaces the prerendered body). Waiting here lets the browser
// paint the prerendered page first, and cuts that task in two: the
// runtime's start, and the app's.
func AwaitFirstPaint() {
	if app.IsServer || app.Window().Get("document").Get("visibilityState").String() == "hidden" {
		return
	}
	painted := make(chan struct{})
	var once sync.Once
	var after app.Value // the timeout a frame sets
	done := app.FuncOf(func(app.Value, []app.Value) any {
		once.Do(func() { close(painted) })
		return nil
	})
	frame := app.FuncOf(func(app.Value, []app.Value) any {
		after = app.Window().Call("setTimeout", done, 0)
		return nil
	})
	w := app.Window()
	// Where the browser reports largest contentful paints, the wait ends
	// with the first one: the prerendered page is then counted (a frame and
	// a timeout after it came before the paint was presented, now and then,
	// on a loaded machine). Elsewhere (Safari), a frame and a timeout.
	var raf, observer app.Value
	if lcpReported() {
		observer = w.Get("PerformanceObserver").New(done)
		observer.Call("observe", map[string]any{"type": "largest-contentful-paint", "buffered": true})
	} else {
		raf = w.Call("requestAnimationFrame", frame)
	}
	fallback := w.Call("setTimeout", done, firstPaintWait.Milliseconds())
	<-painted
	// Neither function may be called once released: whatever has not run
	// yet is cancelled.
	if observer != nil {
		observer.Call("disconnect")
	} else {
		w.Call("cancelAnimationFrame", raf)
	}
	w.Call("clearTimeout", fallback)
	if after != nil {
		w.Call("clearTimeout", after)
	}
	frame.Release()
	done.Release()
}

// lcpReported says the browser reports largest-contentful-paint entries.
func lcpReported() bool {
	o := app.Window().Get("PerformanceObserver")
	if !o.Truthy() {
		return false
	}
	types := o.Get("supportedEntryTypes")
	return types.Truthy() && types.Call("includes", "largest-contentful-paint").Bool()
}

// firstPaintWait bounds AwaitFirstPaint's wait, for a browser that paints
// no frame (a WebView in the background).
const firstPaintWait = 500 * time.Millisecond
