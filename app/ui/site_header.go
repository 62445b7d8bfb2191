package ui

import (
	"encoding/json"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// siteHeader is the title bar with the language switch.
type siteHeader struct {
	app.Compo

	Lang form.Lang
	// Title makes the name the page's h1 (the calculator; /rules has a
	// title of its own).
	Title bool

	large bool // the large-text mode is on
}

// nameTag is the element of the app's name in the header: the page's
// heading or a plain span.
var nameTag = map[bool]string{true: "h1", false: "span"}

func (h *siteHeader) Render() app.UI {
	l := h.Lang
	other, otherLabel := form.En, "English"
	if l == form.En {
		other, otherLabel = form.Zh, "中文"
	}
	return elem("header", "top",
		withBody(tagged("a", "class", "brand", "href", appHref("/")),
			// Decorative: the name beside it says what it is (go-app drops an
			// empty alt, so the image is marked as presentation instead).
			app.ElemSelfClosing("img").Attr("src", "/web/icon.svg").Attr("role", "presentation").Attr("width", "28").Attr("height", "28"),
			pickedText(l, nameTag[h.Title], "brand-name", "医保连续参保计算器", "Medical insurance continuity"),
		),
		elem("div", "top-actions",
			button("text-size", "btn btn-quiet text-size", l.Pick("大字", "Large text"), h.onTextSize, "aria-pressed", strconv.FormatBool(h.large)),
			button("lang-switch", "btn btn-quiet lang", otherLabel, h.onSwitch, "lang", other.HTMLLang(), "aria-label", l.Pick("Switch to English", "切换到中文")),
		),
	)
}

// OnMount reads the text size chosen before (web/boot.js has already set
// the page's class).
func (h *siteHeader) OnMount(ctx app.Context) {
	var size string
	readStorage(storageTextSize, &size)
	if h.large = size == "large"; !h.large {
		ctx.PreventUpdate()
	}
}

// onTextSize switches the large-text mode (长辈版): the page's root font
// grows by a quarter, so every size in rem grows with it; the choice is
// kept on the device.
func (h *siteHeader) onTextSize(ctx app.Context, e app.Event) {
	h.large = !h.large
	classes := app.Window().Get("document").Get("documentElement").Get("classList")
	size := ""
	if h.large {
		classes.Call("add", "large")
		size = "large"
	} else {
		classes.Call("remove", "large")
	}
	ctx.LocalStorage().Set(storageTextSize, size)
}

func (h *siteHeader) onSwitch(ctx app.Context, e app.Event) {
	// Read the language now: go-app keeps the first handler.
	next := form.En
	if h.Lang == form.En {
		next = form.Zh
	}
	ctx.NewActionWithValue(actLang, next)
}

// applyLang sets the document's lang attribute, for screen readers and
// fonts, and remembers the choice.
func applyLang(ctx app.Context, l form.Lang) {
	setDocumentLang(l)
	ctx.LocalStorage().Set(storageLang, string(l))
}

// setDocumentLang sets the document's lang attribute.
func setDocumentLang(l form.Lang) {
	app.Window().Get("document").Get("documentElement").Set("lang", l.HTMLLang())
}

// savedLang reads the language chosen before, if any.
func savedLang() form.Lang {
	var v string
	readStorage(storageLang, &v)
	return form.ParseLang(v)
}

// readStorage reads what go-app's LocalStorage().Set wrote under key (JSON),
// without a Context, so that components can read it in OnInit. It reports
// false when there is nothing, or nothing readable: storage that throws
// (some private modes and WebViews) or a value of another shape.
func readStorage(key string, v any) bool {
	raw, ok := storageGet(key)
	return ok && json.Unmarshal([]byte(raw), v) == nil
}
