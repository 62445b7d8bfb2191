package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// lifeEventFlow is the first screen of an empty calculator: 发生了什么？,
// then the chosen life event's questions one at a time, then the answer
// (the answers fill the form, which stays below for editing). 其他 closes
// it for the full form.
type lifeEventFlow struct {
	app.Compo

	Lang  form.Lang
	Today string
	// Open is the life event to show when the flow is created (one tapped
	// before app.wasm ran: see calculator.openEvent); "" for the list.
	Open string

	event  string // the chosen event's id; "" while choosing
	step   int
	given  form.Answers
	tried  bool // the person pressed 下一步 on an answer that will not do
	closed bool // 其他: the full form instead
	fresh  bool // the question is new: its box shows its answer (textBox)
	// typed is the text in the region question's box that picked no
	// region: 下一步 then asks for a pick instead of taking the region
	// offered.
	typed string
}

func (p *lifeEventFlow) OnInit() {
	if form.LifeEventOf(p.Open) != nil {
		p.event, p.given = p.Open, form.Answers{}
	}
}

// question is the current question and how many the event asks now.
func (p *lifeEventFlow) question() (*form.Question, int) {
	e := form.LifeEventOf(p.event)
	if e == nil {
		return nil, 0
	}
	qs := e.Steps(e.Complete(p.given, p.Today))
	if len(qs) == 0 {
		return nil, 0
	}
	p.step = min(p.step, len(qs)-1)
	return qs[p.step], len(qs)
}

func (p *lifeEventFlow) choose(ctx app.Context, id string) {
	if id == "other" {
		p.closed = true
		focusSoon("add-enrollment", "")
		return
	}
	p.event, p.step, p.given, p.tried, p.typed = id, 0, form.Answers{}, false, ""
	p.focusAnswer(ctx)
}

// answer records v as the answer to the current question.
func (p *lifeEventFlow) answer(v string) {
	if q, _ := p.question(); q != nil {
		p.given[q.Key] = v
	}
}

// OnMount has the flow take the picks of its question's region picker.
func (p *lifeEventFlow) OnMount(ctx app.Context) {
	handleRegion(ctx, actFlowRegion, func(ctx app.Context, pick regionPick) {
		p.answer(pick.Code)
		p.tried, p.typed = false, ""
	})
	ctx.Handle(actFlowTyped, func(ctx app.Context, a app.Action) {
		if t, ok := a.Value.(regionTyped); ok {
			if q, _ := p.question(); q != nil && t.ID == "ev-"+q.Key {
				p.typed = t.Text
			}
		}
	})
}

// onText takes what is typed. Only input events count: the change event
// that a box fires when it loses the focus comes after 下一步 has moved on
// to the next question, and would answer that one.
func (p *lifeEventFlow) onText(ctx app.Context, v string) {
	p.answer(v)
	p.fresh = false
}

// textBox is the box of a month, a day or a year. A new question's box
// takes its text even if it already has the focus (Force, until the person
// types): the box is the previous question's, reused in place.
func (p *lifeEventFlow) textBox(q *form.Question, id, v, problem string) app.UI {
	t := fieldText{label: q.Text, hint: q.Hint, placeholder: placeholders[q.Kind]}
	box := t.box(p.Lang, id, v, problem)
	box.Force, box.OnInput = p.fresh, p.onText
	return t.field(p.Lang, id, problem, box)
}

func (p *lifeEventFlow) onNext(ctx app.Context, e app.Event) {
	q, n := p.question()
	if q == nil {
		return
	}
	v := q.Value(p.given, p.Today)
	if q.Problem(v).Zh != "" || q.Kind == form.AskRegion && p.typed != "" {
		p.tried = true
		p.focusAnswer(ctx)
		return
	}
	p.given[q.Key] = v // a default taken is an answer given
	p.tried, p.typed = false, ""
	blurActive() // a box keeps its text while focused (see textInput)
	if p.step+1 < n {
		p.step++
		p.focusAnswer(ctx)
		return
	}
	ev := form.LifeEventOf(p.event)
	ctx.NewActionWithValue(actStart, ev.Form(p.given, p.Today))
}

func (p *lifeEventFlow) onBack(ctx app.Context, e app.Event) {
	p.tried, p.typed = false, ""
	blurActive()
	if p.step == 0 {
		p.event = ""
		focusSoon("event-quit", "")
		return
	}
	p.step--
	p.focusAnswer(ctx)
}

func (p *lifeEventFlow) onReopen(ctx app.Context, e app.Event) {
	p.closed, p.event = false, ""
	focusSoon("event-quit", "")
}

// onKey takes Enter in a text box as 下一步 (the region picker's Enter
// picks a suggestion and says so with preventDefault).
func (p *lifeEventFlow) onKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Enter" || e.Get("defaultPrevented").Bool() || e.Get("target").Get("tagName").String() != "INPUT" {
		return
	}
	e.PreventDefault()
	p.onNext(ctx, e)
}

// focusAnswer moves the focus to the current question's box once it is
// rendered.
func (p *lifeEventFlow) focusAnswer(ctx app.Context) {
	p.fresh = true
	q, _ := p.question()
	if q == nil {
		return
	}
	id := "ev-" + q.Key
	if q.Kind == form.AskChoice {
		id = "ev-heading"
	}
	focusSoon(id, "")
}

func blurActive() {
	if el := app.Window().Get("document").Get("activeElement"); el.Truthy() {
		el.Call("blur")
	}
}

func (p *lifeEventFlow) Render() app.UI {
	l := p.Lang
	if p.closed {
		return elem("section", "card intro",
			pickedText(l, "p", "", "在下面填写参保记录。", "Fill in your enrollments below."),
			button("events-reopen", "btn btn-quiet", l.Pick("按发生的事一步步填", "Answer step by step instead"), p.onReopen),
		)
	}
	q, n := p.question()
	if q == nil {
		return p.renderChoices()
	}
	ev := form.LifeEventOf(p.event)
	v := q.Value(p.given, p.Today)
	var problem string
	if p.tried {
		problem = q.Problem(v).In(l)
		if problem == "" && q.Kind == form.AskRegion && p.typed != "" {
			problem = pickFromList.In(l)
		}
	}
	return tagged("section", "class", "card intro flow", "id", "life-event", "aria-labelledby", "ev-heading").
		OnKeyDown(p.onKey).
		Body(p.screen(ev, q, "ev-", v, problem, p.step, n,
			button("flow-back", "btn btn-quiet", l.Pick("上一步", "Back"), p.onBack),
			button("flow-next", "btn btn-primary", nextLabel(l, p.step == n-1), p.onNext),
		)...)
}

// screen is what a question's screen shows: the life event, the step, the
// question's box (its id is prefix + the question's key), where to find
// the payment record when the answer is in it, and the buttons back and
// next.
func (p *lifeEventFlow) screen(ev *form.LifeEvent, q *form.Question, prefix, v, problem string, step, n int, back, next app.UI) []app.UI {
	l := p.Lang
	id := prefix + q.Key
	hint := q.Hint.In(l)
	var box app.UI
	switch q.Kind {
	case form.AskRegion:
		box = &regionPicker{ID: id, Label: q.Text.In(l), Value: v, Lang: l, Error: problem, Hint: hint, Action: actFlowRegion, Typed: actFlowTyped}
	case form.AskChoice:
		box = choiceList(l, id, q, v, p)
	default:
		box = p.textBox(q, id, v, problem)
	}
	var records app.UI
	if q.Records {
		records = recordPaths(l)
	}
	at := strconv.Itoa(step + 1)
	return []app.UI{
		withText(tagged("h2", "id", prefix+"heading", "tabindex", "-1"), ev.Title.In(l)),
		textElem("p", "flow-progress", l.Pick("第"+at+"步，共"+strconv.Itoa(n)+"步", "Step "+at+" of "+strconv.Itoa(n))),
		box,
		records,
		elem("div", "action-row", back, next),
	}
}

// nextLabel is the next button's text: 看结果 on the last question.
func nextLabel(l form.Lang, last bool) string {
	if last {
		return l.Pick("看结果", "See the answer")
	}
	return l.Pick("下一步", "Next")
}

// firstSteps are the first screen of each life event, hidden, for the
// prerendered page only. A life event tapped before app.wasm runs shows its
// first question at once (web/boot.js); what is answered there goes to the
// app once it runs, which opens the same screen (window.yibaoReplay). The
// ids start with pre-<event>-, the app's with the rest (ev-<key>).
func (p *lifeEventFlow) firstSteps() []app.UI {
	l := p.Lang
	out := make([]app.UI, 0, len(form.LifeEvents))
	for i := range form.LifeEvents {
		ev := &form.LifeEvents[i]
		qs := ev.Steps(ev.Complete(form.Answers{}, p.Today))
		if len(qs) == 0 {
			continue
		}
		q, pre := qs[0], "pre-"+ev.ID+"-"
		body := p.screen(ev, q, pre+"ev-", q.Value(form.Answers{}, p.Today), "", 0, len(qs),
			button("", "btn btn-quiet", l.Pick("上一步", "Back"), nil, "data-pre", "back"),
			button("", "btn btn-primary", nextLabel(l, len(qs) == 1), nil, "data-pre", "next"),
		)
		out = append(out, withBody(tagged("section", "class", "card intro flow", "id", pre+"flow", "aria-labelledby", pre+"ev-heading", "data-event", ev.ID, "hidden", "true"), body...))
	}
	return out
}

// recordPaths folds out where a person finds their payment record, next
// to the questions and fields that need it.
func recordPaths(l form.Lang) app.UI {
	return elem("details", "records",
		pickedText(l, "summary", "", "去哪里查我的缴费记录", "Where to find my payment record"),
		textElem("p", "hint", form.RecordPaths.In(l)),
	)
}

// renderChoices is the first screen: what happened?
func (p *lifeEventFlow) renderChoices() app.UI {
	l := p.Lang
	items := make([]app.UI, 0, len(form.LifeEvents)+1)
	for _, e := range form.LifeEvents {
		id := e.ID
		items = append(items, button("event-"+id, "btn event", e.Title.In(l), func(ctx app.Context, _ app.Event) { p.choose(ctx, id) }))
	}
	items = append(items, button("event-other", "btn event", l.Pick("其他（直接填写详细信息）", "Something else (fill in the details)"), func(ctx app.Context, _ app.Event) { p.choose(ctx, "other") }))
	choices := elem("section", "card intro",
		introMarkup.build(l),
		pickedText(l, "h2", "events-heading", "发生了什么？", "What happened?"),
		elem("div", "events", items...),
	)
	if app.IsServer {
		return elem("div", "", append([]app.UI{choices}, p.firstSteps()...)...)
	}
	return choices
}

// placeholders are the examples in a question's box, by kind.
var placeholders = map[form.QuestionKind]form.Text{
	form.AskMonth: {Zh: "2024-03", En: "2024-03"},
	form.AskDate:  {Zh: "2026-12-01", En: "2026-12-01"},
	form.AskYear:  {Zh: "2024", En: "2024"},
}

// choiceList is a question's choices as radio buttons, one per line.
func choiceList(l form.Lang, id string, q *form.Question, value string, p *lifeEventFlow) app.UI {
	items := make([]app.UI, len(q.Choices))
	for i, o := range q.Choices {
		v := o.Value
		oid := id + "-" + v
		items[i] = withBody(tagged("label", "class", "check", "for", oid),
			flag(input("type", "radio", "id", oid, "name", id, "value", v), "checked", value == v).
				OnChange(func(ctx app.Context, e app.Event) {
					p.answer(v)
					p.tried = false
				}, app.EventScope(oid)),
			textElem("span", "", o.Label.In(l)),
		)
	}
	var problem app.UI
	if p.tried {
		problem = errorLine(q.Problem(value).In(l))
	}
	return elem("fieldset", "choices",
		textElem("legend", "", q.Text.In(l)),
		elem("div", "", items...),
		problem,
	)
}
