package ui

import (
	"math"
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// heightMessageType is the only message /embed ever posts to its parent:
// {"type":"yibao:height","height":N}, N the height of the embed's content
// in CSS pixels. web/embed.js resizes the iframe from it.
const heightMessageType = "yibao:height"

// heightReporter posts the embed's height to the parent page whenever it
// changes. The height is that of the embed's root element, which is as tall
// as its content (unlike the document, which is at least as tall as the
// iframe). The message carries the height and nothing else: never what
// the person typed, nor any answer.
//
// Two things trigger a report: a ResizeObserver on the root (a card's
// reasons folded out, fonts, the width changing), and every change of the
// embed's state (report, after the update). Browsers do not run
// ResizeObservers in cross-origin iframes that are off screen, so an embed
// below the fold still reports what it computes through the second.
type heightReporter struct {
	root     app.Value
	target   string // targetOrigin of the messages
	last     int
	observer app.Value
	callback app.Func
}

// start observes root; it does nothing outside an iframe. Reports run on
// the UI goroutine: the observer's callback dispatches them (ctx.Defer
// alone would wait for the next frame, which an idle app never draws).
func (h *heightReporter) start(ctx app.Context, root app.Value) {
	win := app.Window()
	parent := win.Get("parent")
	if !root.Truthy() || !parent.Truthy() || parent.Equal(win.JSValue()) || h.root != nil {
		return
	}
	h.root, h.target, h.last = root, parentOrigin(), -1
	if !win.Get("ResizeObserver").Truthy() {
		return
	}
	h.callback = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) { h.report() })
		return nil
	})
	h.observer = win.Get("ResizeObserver").New(h.callback)
	h.observer.Call("observe", root)
}

// report posts the height if it changed since the last message.
func (h *heightReporter) report() {
	if h.root == nil {
		return
	}
	height := int(math.Ceil(h.root.Call("getBoundingClientRect").Get("height").Float()))
	if height == h.last {
		return
	}
	h.last = height
	msg := app.ValueOf(map[string]any{"type": heightMessageType, "height": height})
	app.Window().Get("parent").Call("postMessage", msg, h.target)
}

// stop disconnects the observer and frees its callback.
func (h *heightReporter) stop() {
	if h.observer != nil && h.observer.Truthy() {
		h.observer.Call("disconnect")
	}
	if h.callback != nil {
		h.callback.Release()
	}
	h.root, h.observer, h.callback = nil, nil, nil
}

// parentOrigin is the targetOrigin of the height messages: the parent's
// origin when the browser tells it (location.ancestorOrigins in Chromium
// and Safari; otherwise the referrer, which web/embed.js sends as the
// partner's origin with referrerpolicy="strict-origin"). When neither is
// known it is "*": the message then reaches whatever page frames the embed,
// which is harmless because it says only how tall the embed is, a number
// the framing page could measure itself. Nothing else is ever posted.
func parentOrigin() string {
	win := app.Window()
	if ao := win.Get("location").Get("ancestorOrigins"); ao.Truthy() && ao.Get("length").Int() > 0 {
		if o := ao.Call("item", 0); o.Truthy() {
			if s := o.String(); s != "" && s != "null" {
				return s
			}
		}
	}
	if ref := win.Get("document").Get("referrer"); ref.Truthy() {
		if u, err := url.Parse(ref.String()); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.Scheme + "://" + u.Host
		}
	}
	return "*"
}
