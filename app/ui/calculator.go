package ui

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// calculator is the main page: the form, the three answers and the
// timeline. It holds the state; its children get values, and post what
// the person does as actions (form_actions.go), which it handles.
type calculator struct {
	app.Compo
	session // the form and its answer

	lang     form.Lang
	asOfAuto bool // asOf follows today until the person changes it
	ready    bool // the browser has loaded the state (client only)

	shareURL  string
	shareNote string
	// image is the result image (a PNG data URL made on the device) and
	// imageText its text alternative; "" until asked for, and after an edit.
	image, imageText string
	// undo is what 清空 cleared, kept in storageUndo until undone or
	// dismissed.
	undo      *form.State
	undoAuto  bool
	linkError bool // a #input= link could not be read
	// linkTooBig is the number of enrollments of a link refused for having
	// more than maxLinkEnrollments (0 for none).
	linkTooBig int
	unsaved    bool // the state came from a link and is not saved yet
	addressGen int  // counts edits: the address follows the last one (syncAddress)
	saveGen    int  // counts edits: the save after one's answer saves the last (saveSoon)
	// own is the calculator's context (OnMount). What an edit defers runs
	// on it, not on the context of the element tapped, which the edit may
	// remove (go-app drops a dispatch for an element no longer mounted).
	own *app.Context
	// touched holds the ids of the fields the person has left: only
	// their errors show (see shownErrors).
	touched map[string]bool
	// people are the household whose calculations the device keeps side
	// by side; the one on the screen is people.Current (see peopleBar).
	people form.Household
	// The timeline's model, drawn for the answer when the person pauses
	// (timelineNow, timelineSoon).
	tlSVG   string
	tlAlt   []string
	tlOK    bool
	tlDirty bool // the answer or the language changed since tl was built
	tlWait  bool // an edit is under way: the drawing waits for a pause
	tlGen   int  // counts edits: the pause after the last one draws
	notes   notices
	// onStorage hears other tabs' saves (the storage event).
	onStorage app.Func
	// firstScreen makes the first render on a phone only what its first
	// screen shows, the three answers: the next steps, the timeline and the
	// form's content, below them, are rendered right after the first paint
	// (see OnMount), so that the answer is on the screen sooner.
	firstScreen bool
	// openEvent is the life event tapped before app.wasm ran, opened at
	// once by the first render (earlyEvent), until the replay.
	openEvent string
}

// OnInit loads the state in the browser before the first render: the page
// is built once, with its answer, instead of built empty, mounted, and
// rebuilt when OnNav loads the state.
func (c *calculator) OnInit() {
	if app.IsServer {
		return // prerendered HTML shows the empty form, never an answer
	}
	c.lang = savedLang()
	if storageInMemory() {
		c.notes.storage = storageMemory
	}
	c.load(app.Window().URL())
	c.loadKept()
	c.people = form.NewHousehold(c.lang)
	if raw, ok := storageGet(storagePeople); ok {
		c.people = form.DecodeHousehold(raw, c.lang)
	}
	c.firstScreen = len(c.form.Enrollments) > 0 && !wideScreen()
	if c.form.Blank() {
		c.openEvent = earlyEvent()
	}
}

// earlyEvent is the life event whose first question the prerendered page
// shows (web/boot.js), "" for none: the app's first render opens it, so
// that the life events do not flash between the two.
func earlyEvent() string {
	if f := app.Window().Get("yibaoEarlyEvent"); f.Truthy() {
		return f.Invoke().String()
	}
	return ""
}

// OnMount, OnNav and the delayed save change nothing on the screen when
// they change no state: they say so (PreventUpdate), or go-app would
// render the whole page again after each.
func (c *calculator) OnMount(ctx app.Context) {
	c.own = &ctx
	setDocumentLang(c.lang)
	c.handleActions(ctx)
	if c.firstScreen {
		afterNextPaint(ctx, func(ctx app.Context) { c.firstScreen = false })
	}
	c.listenToOtherTabs(ctx)
	c.syncAddress(ctx)
	if c.res.Awaiting {
		warmOnFirstInput(ctx)
	}
	// What the person tapped or typed on the prerendered page while
	// app.wasm loaded (web/boot.js kept it) comes now, once painted.
	afterNextPaint(ctx, func(ctx app.Context) {
		ctx.PreventUpdate()
		c.openEvent = "" // a life event opened later starts from the list
		if replay := app.Window().Get("yibaoReplay"); replay.Truthy() {
			replay.Invoke()
		}
	})
	if c.unsaved {
		// Saved once the answer is on the screen: the first encoding
		// makes the browser compile the JSON encoder.
		ctx.After(afterFirstAnswer, func(ctx app.Context) {
			before := c.notes
			if c.unsaved {
				c.saveLink()
			}
			if c.notes == before {
				ctx.PreventUpdate()
			}
		})
	}
	ctx.PreventUpdate()
}

func (c *calculator) OnDismount() {
	c.stopListening()
}

// OnNav runs on the first load and whenever the fragment changes (a share
// link pasted into the address bar): a #input= link wins over what was
// saved.
func (c *calculator) OnNav(ctx app.Context) {
	if app.IsServer {
		return
	}
	if !c.load(ctx.Page().URL()) {
		ctx.PreventUpdate()
		return
	}
	if c.unsaved {
		c.saveLink()
	}
	c.syncAddress(ctx)
}

// load reads the state: a #input= link in u, else (the first time) what was
// saved on the device. It reports whether the state changed; a link's
// input is left unsaved (c.unsaved) for the caller.
func (c *calculator) load(u *url.URL) (changed bool) {
	data, err := form.InputFromFragment(u.Fragment)
	if err == nil {
		c.linkTooBig = 0
		var f form.State
		if f, err = form.Parse(data); err == nil && len(f.Enrollments) > maxLinkEnrollments {
			c.linkTooBig, err = len(f.Enrollments), errLinkTooBig
		} else if err == nil {
			c.form, c.asOfAuto, c.linkError, c.linkTooBig = f, false, false, 0
			c.ready, c.unsaved, c.linked = true, true, true
			c.recompute()
			c.touchErrors()
			// Drop the fragment, so that a reload shows what the person
			// edits next (saved locally), not the link again.
			app.Window().Get("history").Call("replaceState", nil, "", u.Path)
			return true
		}
	}
	if err != form.ErrNoInput && !c.linkError {
		c.linkError, changed = true, true
	}
	if !c.ready {
		c.restore()
		c.ready = true
		c.recompute()
		c.touchErrors()
		changed = true
	}
	return changed
}

// maxLinkEnrollments is the most enrollments a shared link may carry in the
// web app: each is a row of the form, and a phone renders a few hundred
// rows in well under a second. The engine and yibao eval take the
// contract's 10,000.
const maxLinkEnrollments = 300

// errLinkTooBig refuses a link with more than maxLinkEnrollments.
var errLinkTooBig = errors.New("too many enrollments for the web app")

// restore loads the saved input, or starts afresh. What cannot be read is
// kept aside, verbatim, before anything overwrites it.
func (c *calculator) restore() {
	c.form, c.asOfAuto = form.State{}, true
	if raw, ok := storageGet(storageInput); ok {
		if f, s, err := form.DecodeSaved(raw); err == nil {
			c.form, c.asOfAuto = f, s.AsOfAuto
		} else {
			c.keepUnreadable(raw)
		}
	}
	c.followToday()
}

// followToday sets the date to today when it follows today or is empty.
func (c *calculator) followToday() {
	if c.asOfAuto || c.form.AsOf == "" {
		c.form.AsOf, c.asOfAuto = form.Today(), true
	}
}

// afterFirstAnswer is when work that needs the form as JSON (the JSON
// encoder, which the browser compiles on first use) runs on a first load:
// saving a link's input, the embed's link to the full app. The first answer
// does not wait for it.
const afterFirstAnswer = 300 * time.Millisecond

// save saves the form; a link's input, edited before its delayed save,
// first sets aside what it replaces.
func (c *calculator) save(ctx app.Context) {
	c.saveGen++ // a save still to come has nothing left to do
	if c.unsaved {
		c.setAside()
	}
	c.unsaved = false
	c.store(storageInput, form.EncodeSaved(c.form, c.asOfAuto, false))
	c.syncAddress(ctx)
}

func (c *calculator) recompute() {
	c.compute(c.form)
	c.tlDirty = true
}

// change is what every edit goes through: new form, new answer, saved.
func (c *calculator) change(ctx app.Context, f form.State) {
	c.form, c.linked = f, false
	c.shareURL, c.shareNote = "", ""
	c.image, c.imageText = "", ""
	c.recompute()
	c.timelineSoon(ctx)
	c.saveSoon(ctx)
}

// savePause is how long after an edit its form is saved: past the frame
// that shows the edit's answer, and short enough that a tab closed at once
// still has it.
const savePause = 30 * time.Millisecond

// lasting is the context for what an edit leaves for later: the
// calculator's own (own), which lasts as long as the page, rather than that
// of the element tapped, which the edit may remove.
func (c *calculator) lasting(ctx app.Context) app.Context {
	if c.own != nil {
		return *c.own
	}
	return ctx
}

// saveSoon saves the form savePause after the edit, once its answer is on
// the screen: encoding and storing a long form (100 enrollments: about
// 10 ms at 4× CPU) no longer delays each keystroke's answer. (ctx.After(0)
// would not do: the Go program runs its goroutines before it hands the
// browser back, so that save came before the paint.) Edits in between are
// saved once, as the last one left the form. What must be saved with the
// edit that makes it (a person turned to, a life event's form) calls save,
// which makes the pending save do nothing.
func (c *calculator) saveSoon(ctx app.Context) {
	c.saveGen++
	gen := c.saveGen
	ctx = c.lasting(ctx)
	ctx.After(savePause, func(ctx app.Context) {
		before := c.notes
		if gen == c.saveGen {
			c.save(ctx)
		}
		if c.notes == before {
			ctx.PreventUpdate()
		}
	})
}

// timelinePause is how long the form must rest before the timeline is
// drawn again: the cards follow each keystroke, the drawing (a few hundred
// SVG nodes for a long working life) follows the pause.
const timelinePause = 250 * time.Millisecond

// timelineSoon keeps the timeline drawn until the person pauses, then has
// it drawn for the answer then.
func (c *calculator) timelineSoon(ctx app.Context) {
	c.tlGen++
	gen := c.tlGen
	c.tlWait = true
	ctx = c.lasting(ctx)
	ctx.After(timelinePause, func(ctx app.Context) {
		if gen != c.tlGen {
			ctx.PreventUpdate()
			return
		}
		c.tlWait = false
	})
}

// timelineNow is the timeline's drawing (SVG): drawn again for the answer
// on the screen unless an edit is under way (see timelineSoon), and kept
// between renders, which then compare one string.
func (c *calculator) timelineNow() (string, []string, bool) {
	if c.tlDirty && !c.tlWait {
		var m timelineModel
		m, c.tlOK = buildTimeline(c.lang, c.form.Normalized(), c.shownOut())
		c.tlSVG, c.tlAlt = "", nil
		if c.tlOK {
			c.tlSVG, c.tlAlt = timelineSVG(c.lang, m), timelineAlt(c.lang, m)
		}
		c.tlDirty = false
	}
	return c.tlSVG, c.tlAlt, c.tlOK
}

func (c *calculator) onLang(ctx app.Context, l form.Lang) {
	c.lang = l
	c.tlDirty = true
	applyLang(ctx, l)
}

// onAdd adds an enrollment after the last one and moves the focus to its
// region, which is carried over from the last one and selected (see
// regionPicker.onFocus): typing replaces it, Tab keeps it. The focus moves
// once the render has built the row (focusSoon).
func (c *calculator) onAdd(ctx app.Context, e app.Event) {
	f := c.form.Clone()
	idx := f.AddEnrollment("", "employee")
	c.change(ctx, f)
	// The first row turns a blank form into one that follows the answer:
	// the column is built again, and the button that was tapped is gone
	// (so not ctx.Defer, which go-app drops for an unmounted element).
	focusSoon("enr-"+strconv.Itoa(idx)+"-region", "")
}

func (c *calculator) onAsOf(ctx app.Context, v string) {
	f := c.form.Clone()
	f.AsOf = v
	c.asOfAuto = false
	c.change(ctx, f)
}

func (c *calculator) onToday(ctx app.Context, e app.Event) {
	f := c.form.Clone()
	f.AsOf = form.Today()
	c.asOfAuto = true
	c.change(ctx, f)
}

func (c *calculator) onShare(ctx app.Context, e app.Event) {
	origin := app.Window().Get("location").Get("origin").String()
	c.shareURL = form.ShareLink(origin+rootPrefix(), c.form.Normalized())
	c.shareNote = c.lang.Pick("链接已生成，可复制发送。链接里包含你填写的全部信息。", "Link ready to copy. It carries everything you entered.")
	clip := app.Window().Get("navigator").Get("clipboard")
	if clip.Truthy() {
		clip.Call("writeText", c.shareURL)
		c.shareNote = c.lang.Pick("链接已复制。链接里包含你填写的全部信息。", "Link copied. It carries everything you entered.")
	}
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID("share-url"); el.Truthy() {
			el.Call("select")
		}
	})
}

// onImage makes the result image on the device: the three answers, the
// key dates and a QR code of the share link, as an <img> a person can
// long-press in WeChat to save or send.
func (c *calculator) onImage(ctx app.Context, e app.Event) {
	if !c.res.Computed {
		return
	}
	origin := app.Window().Get("location").Get("origin").String()
	qr := qrFor(form.ShareLink(origin+rootPrefix(), c.form.Normalized()))
	lines := resultImageLines(c.lang, &c.res.Out, c.form.Normalized().AsOf, c.labels())
	footer := imageFooter(c.lang, c.res.Out.Rules.Version, qr != nil)
	c.image = drawResultImage(lines, footer, qr)
	c.imageText = imageAlt(append(lines, footer...))
	focusSoon("result-image", "")
}

// handleActions has the calculator handle what its parts post: the form's
// edits (session), the language, the household and a life event's form.
func (c *calculator) handleActions(ctx app.Context) {
	c.handleEdits(ctx, c)
	ctx.Handle(actLang, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(form.Lang); ok {
			c.onLang(ctx, l)
		}
	})
	ctx.Handle(actPeople, func(ctx app.Context, a app.Action) {
		if p, ok := a.Value.(peopleEdit); ok {
			c.onPeople(ctx, p)
		}
	})
	ctx.Handle(actStart, func(ctx app.Context, a app.Action) {
		if f, ok := a.Value.(form.State); ok {
			c.startFrom(ctx, f)
		}
	})
}

// onPeople turns the screen to another member of the household, adds one
// or removes the one on it (peopleBar).
func (c *calculator) onPeople(ctx app.Context, p peopleEdit) {
	switch p.Op {
	case peopleSwitch:
		c.switchPerson(ctx, p.Index)
	case peopleAdd:
		c.addPerson(ctx, p.Name)
	case peopleRemove:
		c.removePerson(ctx)
	}
}

// switchPerson turns the screen to person i of the household; the one on
// it is kept as they are.
func (c *calculator) switchPerson(ctx app.Context, i int) {
	if i < 0 || i >= len(c.people.People) || i == c.people.Current {
		return
	}
	h, saved := c.people.SwitchedTo(i, c.currentSaved())
	c.turnTo(ctx, h, saved)
}

// addPerson adds a person to the household and turns to them, with a
// blank form (and so the life events).
func (c *calculator) addPerson(ctx app.Context, name string) {
	if len(c.people.People) >= form.MaxPeople {
		return
	}
	c.turnTo(ctx, c.people.WithPerson(name, c.currentSaved()), "")
}

// removePerson removes the person on the screen (the bar asked first) and
// turns to the one before.
func (c *calculator) removePerson(ctx app.Context) {
	if len(c.people.People) < 2 {
		return
	}
	h, saved := c.people.WithoutCurrent()
	c.turnTo(ctx, h, saved)
}

// currentSaved is the saved input of the person on the screen, "" for a
// blank form.
func (c *calculator) currentSaved() string {
	if c.form.Blank() {
		return ""
	}
	return form.EncodeSaved(c.form, c.asOfAuto, false)
}

// turnTo shows household h's current person, whose saved input is saved
// ("" for a blank form), and keeps h. What 清空 cleared belonged to the one
// before: its undo goes.
func (c *calculator) turnTo(ctx app.Context, h form.Household, saved string) {
	c.people = h
	c.store(storagePeople, h.Encode())
	f, auto := form.State{}, true
	if saved != "" {
		if g, s, err := form.DecodeSaved(saved); err == nil {
			f, auto = g, s.AsOfAuto
		}
	}
	if auto || f.AsOf == "" {
		f.AsOf, auto = form.Today(), true
	}
	c.undo = nil
	storageDel(storageUndo)
	c.touched = nil
	c.asOfAuto = auto
	c.change(ctx, f)
	c.save(ctx) // with the household that names this person current
	c.touchErrors()
	focusSoon("person-"+strconv.Itoa(h.Current), "")
}

// onClear empties the form. What it held is kept (storageUndo) until the
// person undoes or dismisses it; clearing an empty form keeps the earlier
// copy.
func (c *calculator) onClear(ctx app.Context, e app.Event) {
	prev, prevAuto := c.form.Clone(), c.asOfAuto
	if !form.SameInput(prev, form.State{AsOf: prev.AsOf}) {
		c.undo, c.undoAuto = &prev, prevAuto
		c.store(storageUndo, form.EncodeSaved(prev, prevAuto, false))
	}
	c.change(ctx, form.State{AsOf: form.Today()})
	c.asOfAuto = true
	c.saveGen++ // nothing saved: the cleared form is no one's input
	storageDel(storageInput)
}

func (c *calculator) onUndo(ctx app.Context, e app.Event) {
	if c.undo == nil {
		return
	}
	f := *c.undo
	c.asOfAuto = c.undoAuto
	if c.asOfAuto {
		f.AsOf = form.Today()
	}
	c.undo = nil
	storageDel(storageUndo)
	c.change(ctx, f)
	c.touchErrors()
}

func (c *calculator) onUndoDismiss(ctx app.Context, e app.Event) {
	c.undo = nil
	storageDel(storageUndo)
}

// labels names each enrollment for the cards: "#1 深圳市 职工医保".
func (c *calculator) labels() map[string]string { return enrollmentLabels(c.form, c.lang) }

// errorsAt keeps the errors of the fields that start with prefix.
func (c *calculator) errorsAt(prefix string) form.Errors { return c.shownErrors().At(prefix) }

// shownErrors are the errors the form shows next to their fields: those of
// fields the person has left (or that came wrong from a link or the saved
// data), never of a field not yet typed in. The summary still counts them
// all, and errors of no field show at once.
func (c *calculator) shownErrors() form.Errors {
	out := form.Errors{}
	for k, v := range c.res.Errors {
		if !knownField(k) || c.touched[fieldID(k)] {
			out[k] = v
		}
	}
	return out
}

// touchErrors marks every field with an error as touched: what was loaded
// wrong is shown at once.
func (c *calculator) touchErrors() {
	for k := range c.res.Errors {
		c.touch(fieldID(k))
	}
}

// touch marks the field with the id as touched; it reports whether it was
// not already.
func (c *calculator) touch(id string) bool {
	if c.touched == nil {
		c.touched = map[string]bool{}
	}
	if c.touched[id] {
		return false
	}
	c.touched[id] = true
	return true
}

// onFocusOut marks the field the focus leaves as touched (a radio button
// by its group's name), and renders again only if that shows an error.
func (c *calculator) onFocusOut(ctx app.Context, e app.Event) {
	t := e.Get("target")
	shows := false
	for _, attr := range [...]string{"id", "name"} {
		k := t.Get(attr)
		if !k.Truthy() || !c.touch(k.String()) {
			continue
		}
		for p := range c.res.Errors {
			shows = shows || fieldID(p) == k.String()
		}
	}
	if !shows {
		ctx.PreventUpdate()
	}
}

// fieldID is the id of the box that shows the errors of path:
// "enrollments[1].backpaid[0]" → "enr-1-backpaid", "plan.payOn" →
// "plan-payOn", "asOf" → "asOf".
func fieldID(path string) string {
	p := form.FieldPath(path)
	if rest, ok := strings.CutPrefix(p, "enrollments["); ok {
		if i := strings.Index(rest, "]."); i >= 0 {
			return "enr-" + rest[:i] + "-" + rest[i+2:]
		}
	}
	return strings.Replace(p, ".", "-", 1)
}

func (c *calculator) Render() app.UI {
	l := c.lang
	f := c.form
	layout := "layout"
	if f.Blank() {
		layout += " empty"
	}
	parts := answerParts(l, c.ready, c.res, f.AsOf, c.labels(), c.belowAnswers()...)
	// The summary line is a child of main, not of the results, so that it
	// sticks at the top of a phone's screen below them too. The page reads
	// (and tabs) in the order it shows: the answer first, the form below
	// (beside it on a wide screen); a blank form first, with the life
	// events. The form's children keep their places (see enrollmentList):
	// the intro comes and goes inside its own box.
	summary, results := parts[0], elem("div", "col-results", parts[1:]...)
	formCol := formElem("col-form").On("focusout", c.onFocusOut).Body(kids(c.formBody())...)
	h := c.people
	if len(h.People) == 0 { // prerendered: the household is read in the browser
		h = form.NewHousehold(l)
	}
	people := &peopleBar{Lang: l, Names: h.Names(), Current: h.Current}
	columns := []app.UI{people, summary, results, formCol}
	if f.Blank() {
		columns = []app.UI{people, formCol, summary, results}
	}
	return elem("div", "app",
		&updateBanner{Lang: l},
		&siteHeader{Lang: l, Title: true},
		elem("main", layout, columns...),
		siteFooter(l, c.res.Out.Rules.Version),
	)
}

// intro greets a person whose form is blank, with the life events to start
// from.
func (c *calculator) intro() app.UI {
	if !c.form.Blank() {
		return nil
	}
	return &lifeEventFlow{Lang: c.lang, Today: form.Today(), Open: c.openEvent}
}

// startFrom takes the form a life event filled: the answer shows, with
// the form below it to edit.
func (c *calculator) startFrom(ctx app.Context, f form.State) {
	c.change(ctx, f)
	c.asOfAuto = true
	c.save(ctx)
	focusSoon("coverage-h", "life-event") // focusing scrolls it into view
}

// introMarkup says what the calculator does, above an empty form.
var introMarkup = node{tag: "div", attrs: []string{"class", "intro-text"}, kids: []node{
	{tag: "h2", text: form.Text{Zh: "断缴了还能报销吗？要等多久？", En: "Still covered after a gap? How long is the wait?"}},
	{tag: "p", text: form.Text{Zh: "填上你交过医保的地方和月份，马上算出：现在能不能报销、重新参保要等几个月、重复参保该留哪个。全部在本机计算，断网也能用。",
		En: "Enter where and when you paid for medical insurance to see at once: whether you are covered now, how long a new enrollment waits, and which duplicate to keep. Everything is computed on this device, even offline."}},
}}

// actions are the share, clear and undo buttons, the link to share and
// what went wrong with a link.
func (c *calculator) actions() []app.UI {
	l := c.lang
	var undo, undoDismiss, share, linkError app.UI
	if c.undo != nil {
		undo = button("undo", "btn btn-quiet", l.Pick("撤销清空", "Undo clear"), c.onUndo)
		undoDismiss = button("undo-dismiss", "btn btn-quiet", l.Pick("不用撤销", "Keep it cleared"), c.onUndoDismiss)
	}
	if c.shareURL != "" {
		share = elem("div", "field",
			labelFor("share-url", l.Pick("分享链接", "Share link")),
			input("type", "text", "id", "share-url", "class", "field-input", "readonly", "true", "value", c.shareURL, "aria-describedby", "share-note"),
			withText(tagged("p", "class", "hint", "id", "share-note"), c.shareNote),
		)
	}
	switch {
	case c.linkError && c.linkTooBig > 0:
		n, max := strconv.Itoa(c.linkTooBig), strconv.Itoa(maxLinkEnrollments)
		linkError = errorLine(l.Pick("这个链接有"+n+"条参保记录，网页版最多"+max+"条，未打开；已显示上次保存的内容。更多记录请用命令行 yibao eval 计算。",
			"This link has "+n+" enrollments; the web app opens at most "+max+", so it was not opened and what was saved before is shown. Use the command line (yibao eval) for more."))
	case c.linkError:
		linkError = errorLine(l.Pick("这个链接里的信息无法读取，已显示上次保存的内容。", "The link's data could not be read; showing what was saved before."))
	}
	var address app.UI
	if !c.form.Blank() {
		address = withText(tagged("p", "class", "hint", "id", "address-note"), l.Pick(
			"这个网页的网址带着你填写的内容：在微信里「发送给朋友」或复制网址发给别人，对方打开就看到同样的内容和结果。",
			"This page's address carries what you entered: send it from WeChat (发送给朋友) or copy it, and whoever opens it sees the same data and answer."))
	}
	var imageButton, image app.UI
	if c.res.Computed {
		imageButton = button("make-image", "btn btn-quiet", l.Pick("生成结果图片", "Result as an image"), c.onImage)
	}
	if c.image != "" {
		image = elem("figure", "result-image",
			app.ElemSelfClosing("img").ID("result-image").Attr("src", c.image).Attr("alt", c.imageText).Attr("tabindex", "-1"),
			textElem("figcaption", "hint", l.Pick("长按图片可保存，或发送给朋友。图片在本机生成，不会上传；二维码里包含你填写的信息。",
				"Long-press the image to save or send it. It is made on this device and not uploaded; its QR code carries what you entered.")),
		)
	}
	return []app.UI{
		elem("div", "action-row",
			button("share", "btn btn-primary", l.Pick("分享链接", "Share link"), c.onShare),
			imageButton,
			button("clear", "btn btn-quiet", l.Pick("清空", "Clear"), c.onClear),
			undo,
			undoDismiss,
		),
		address,
		share,
		image,
		linkError,
	}
}

// shownOut is the answer the cards show, current or stale (dimmed while a
// date is half typed), or nil.
func (c *calculator) shownOut() *rulesOutput {
	if !c.res.Computed && !c.res.Stale {
		return nil
	}
	return &c.res.Out
}

func (c *calculator) fieldError(path string) string {
	if m, ok := c.shownErrors()[path]; ok {
		return m.In(c.lang)
	}
	return ""
}

// knownField reports whether the form shows errors for path next to a field.
func knownField(p string) bool {
	p = form.FieldPath(p)
	switch p {
	case "asOf", "person.birthDate", "person.residence", "person.workRegion", "person.groups",
		"plan.region", "plan.scheme", "plan.payOn", "plan.extraYears":
		return true
	}
	if strings.HasPrefix(p, "enrollments[") {
		i := strings.Index(p, "].")
		if i < 0 {
			return false
		}
		switch p[i+2:] {
		case "region", "scheme", "from", "to", "paidOn", "backpaid", "id":
			return true
		}
	}
	return false
}

// focusID moves the keyboard focus to an element.
func focusID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// formBody is the form's content: none in the first render on a phone
// (see firstScreen), where the form is below the answer.
func (c *calculator) formBody() []app.UI {
	if c.firstScreen {
		return nil
	}
	l := c.lang
	f := c.form
	// The person's and the plan's parts get the form without its rows:
	// go-app renders a component again only when one of its fields has
	// changed, and a keystroke in a row then leaves them alone.
	noRows := f
	noRows.Enrollments = nil
	return []app.UI{
		elem("div", "intro-slot", elem("div", "", c.noticeList()...), c.intro()),
		formSection("basics",
			elem("div", "asof-row",
				asOfField(l, f.AsOf, c.fieldError("asOf"), c.onAsOf),
				button("", "btn btn-quiet today", l.Pick("今天", "Today"), c.onToday),
			),
		),
		formSection("enrollments",
			pickedText(l, "h2", "", "参保记录", "Enrollments"),
			pickedText(l, "p", "hint", "每段连续缴费填一条：职工医保填缴费的起止月份，居民医保填享受待遇的起止月份。", "One row per stretch of payments: employee months paid, or resident months covered."),
			recordPaths(l),
			enrollmentList(enrollmentEditors(l, f, c.shownErrors())),
			removedNotice(l, c.removed),
			addEnrollmentButton(l, c.onAdd),
		),
		&situationForm{Value: noRows, Lang: l, Errors: c.errorsAt("person")},
		&planForm{Value: noRows, Lang: l, Errors: c.errorsAt("plan")},
		withBody(tagged("section", "class", "card actions", "id", "actions"), c.actions()...),
	}
}

// belowAnswers is what follows the three answer cards: the next steps and
// the timeline, left out of the first render on a phone (see firstScreen).
func (c *calculator) belowAnswers() []app.UI {
	if c.firstScreen {
		return nil
	}
	svg, alt, hasTimeline := c.timelineNow()
	return []app.UI{
		&nextStepsCard{Lang: c.lang, Computed: c.ready && c.res.Computed, Stale: c.ready && c.res.Stale, Answer: c.res.Out, PayOn: c.form.PlanPayOn()},
		timeline(c.lang, svg, alt, hasTimeline),
	}
}
