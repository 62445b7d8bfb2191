package ui

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// embed is /embed: the compact calculator partners put in an iframe
// (web/embed.js). The same engine and the same #input= fragment as the
// calculator, the query parameters of embedParams, and no page chrome: the
// summary, the three answers, a short form, and a footer with a link to the
// full app and the privacy line. It fits any width from 300 px.
//
// It never stores what the person types (two embeds on one page, or on two
// partners' pages, must not mix answers, and a partner's page is not the
// place to keep them): "在新窗口打开" carries the input to the full app in
// the link's fragment, where it is saved on the device. The only message
// it sends its parent is its height (heightReporter).
type embed struct {
	app.Compo
	session // the form and its answer

	params embedParams
	ready  bool // the browser has set up the form (client only)
	// openHref is fullAppHref once known.
	openHref string
	height   heightReporter
}

// OnInit sets the embed up in the browser before its first render, so that
// it is built once, with its answer (see calculator.OnInit).
func (e *embed) OnInit() {
	if app.IsServer {
		return
	}
	e.setUp(app.Window().URL())
}

func (e *embed) OnMount(ctx app.Context) {
	e.handleEdits(ctx, e)
	e.height.start(ctx, e.JSValue())
	ctx.Defer(func(app.Context) { e.height.report() })
	ctx.After(afterFirstAnswer, func(app.Context) { e.setOpenHref() })
	ctx.PreventUpdate() // nothing to render again (see calculator.OnMount)
}

func (e *embed) OnDismount() {
	e.height.stop()
}

// OnNav reads the query parameters while prerendering, for the language
// and the theme (the browser has read them in OnInit).
func (e *embed) OnNav(ctx app.Context) {
	if app.IsServer {
		e.params = parseEmbedParams(ctx.Page().URL().Query())
	}
}

// setUp reads the query parameters and the fragment, and computes the
// first answer.
func (e *embed) setUp(u *url.URL) {
	e.params = parseEmbedParams(u.Query())
	setDocumentLang(e.params.Lang)
	e.form = e.startForm()
	if data, err := form.InputFromFragment(u.Fragment); err == nil {
		if f, err := form.Parse(data); err == nil {
			e.form, e.linked = f, true
		}
	}
	e.ready = true
	e.compute(e.form)
}

// startForm is what the embed shows before the person types anything:
// the question "if I enroll in the partner's region today, when do
// benefits start?", which the engine answers at once.
func (e *embed) startForm() form.State {
	d := form.Today()
	f := form.State{AsOf: d}
	if e.params.Region != "" {
		f.HasPlan = true
		f.Plan = form.Plan{Region: e.params.Region, Scheme: e.params.scheme(), PayOn: d}
	}
	return f
}

// change is what every edit goes through: new form, new answer, new
// height.
func (e *embed) change(ctx app.Context, f form.State) {
	e.linked = false
	e.compute(f)
	e.setOpenHref()
	ctx.Defer(func(app.Context) { e.height.report() })
}

// onAdd adds an enrollment in the partner's region and scheme, or after
// the last one, and moves the focus to its first month (see
// calculator.onAdd).
func (e *embed) onAdd(ctx app.Context, ev app.Event) {
	f := e.form.Clone()
	idx := f.AddEnrollment(e.params.Region, e.params.scheme())
	e.change(ctx, f)
	ctx.Defer(func(ctx app.Context) {
		focusID("enr-" + strconv.Itoa(idx) + "-from")
	})
}

func (e *embed) onAsOf(ctx app.Context, v string) {
	f := e.form.Clone()
	f.AsOf = v
	e.change(ctx, f)
}

// setOpenHref points "open in a new window" at the full app with the same
// input (in the fragment, which no server sees), where it can be saved and
// installed.
func (e *embed) setOpenHref() {
	if e.ready {
		e.openHref = appHref("/#" + form.ShareFragment(e.form.Normalized()))
	}
}

// fullAppHref is the link to the full app: with the input once
// setOpenHref has run (see afterFirstAnswer), the app's start until then.
func (e *embed) fullAppHref() string {
	if e.openHref == "" {
		return appHref("/")
	}
	return e.openHref
}

func (e *embed) Render() app.UI {
	l := e.params.Lang
	f := e.form
	fieldErr := ""
	if m, ok := e.res.Errors["asOf"]; ok {
		fieldErr = m.In(l)
	}
	// An empty style, like any empty value, sets no attribute.
	root := tagged("main", "id", "embed", "class", "embed", "data-region", e.params.Region, "lang", l.HTMLLang(), "style", themeStyle(e.params.Theme))
	var empty app.UI
	if len(f.Enrollments) == 0 {
		empty = pickedText(l, "p", "hint", "添加交过医保的地方和月份，算出现在能否报销、断缴后要等多久、重复参保留哪个。",
			"Add where and when you paid, to see whether you are covered, how long a wait after a gap is, and which duplicate to keep.")
	}
	return root.Body(withEmbedTitle(l, answerParts(l, e.ready, e.res, f.AsOf, enrollmentLabels(f, l),
		calcForm("embed-form",
			formSection("enrollments",
				pickedText(l, "h2", "", "我的参保记录", "My enrollments"),
				enrollmentList(empty, enrollmentEditors(l, f, e.res.Errors)),
				removedNotice(l, e.removed),
				addEnrollmentButton(l, e.onAdd),
			),
			&planForm{Value: f, Lang: l, Errors: e.res.Errors.At("plan")},
			&situationForm{Value: f, Lang: l, Errors: e.res.Errors.At("person")},
			formSection("basics", asOfField(l, f.AsOf, fieldErr, e.onAsOf)),
		),
		elem("footer", "embed-foot",
			tagged("a", "id", "open-app", "href", e.fullAppHref(), "target", "_blank", "rel", "noopener").
				Text(l.Pick("在新窗口打开/安装 ↗", "Open in a new window / install ↗")),
			withText(tagged("p", "id", "embed-privacy"), l.Pick("你填的信息只在本机浏览器里计算，不会上传，也不会传给所在网页。结果仅供参考，以当地医保经办机构核定为准。",
				"What you enter is computed in this browser: it is not uploaded, nor passed to the page around it. For guidance only: your local office decides.")),
		),
	))...)
}

// withEmbedTitle puts the page's h1 before the parts of the embed: for
// screen readers only, the partner's page around it names the tool.
func withEmbedTitle(l form.Lang, parts []app.UI) []app.UI {
	return append([]app.UI{withText(tagged("h1", "class", "sr-only"), l.Pick("医保连续参保计算器", "Medical insurance continuity calculator"))}, parts...)
}
