package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// The parts the calculator and the embed both show, written once.

// answerParts is the summary line read out when the answer changes, the
// errors of no field, and the three answer cards, followed by more.
func answerParts(l form.Lang, ready bool, res form.Result, asOf string, labels map[string]string, more ...app.UI) []app.UI {
	computed := ready && res.Computed
	stale := ready && res.Stale
	out := &res.Out
	var waitSteps []rules.Step
	if out.Waiting != nil {
		waitSteps = out.Waiting.Explain
	}
	cov := basisFor(l, out, rules.SectionCoverage, out.Coverage.Explain)
	wait := basisFor(l, out, rules.SectionWaiting, waitSteps)
	dup := basisFor(l, out, rules.SectionDuplicates, out.Duplicates.Explain)
	return append([]app.UI{
		summaryLine(l, ready, res),
		generalErrorBox(l, res.Errors),
		&coverageCard{Lang: l, Computed: computed, Stale: stale, AsOf: asOf, Answer: res.Out.Coverage, Labels: labels, Basis: cov},
		&waitingCard{Lang: l, Computed: computed, Stale: stale, Answer: res.Out.Waiting, Coverage: res.Out.Coverage.Status, Labels: labels, Basis: wait},
		&duplicatesCard{Lang: l, Computed: computed, Stale: stale, Answer: res.Out.Duplicates, Labels: labels, Basis: dup},
	}, more...)
}

// summaryLine is the one-line answer; a tap on it jumps to the cards. The
// calculator keeps it at the top of a phone's screen while the form below
// is edited. Screen readers hear it once the person pauses (liveSummary).
func summaryLine(l form.Lang, ready bool, res form.Result) app.UI {
	text := answerSummary(l, ready, res)
	awaiting := ""
	if ready && res.Awaiting {
		awaiting = "true" // for tests: the page is ready, and awaits the first input
	}
	return elem("div", "summary",
		withBody(tagged("p", "id", "summary", "data-awaiting", awaiting), withText(tagged("a", "href", "#coverage").On("click", jumpToAnswer), text)),
		&liveSummary{Text: text},
	)
}

// jumpToAnswer takes a tap on the summary to the coverage card: scrolled
// to the top of the screen (below the sticky summary: scroll-margin-top
// in yibao.css) and focused. The summary is a link to #coverage, which
// works before app.wasm runs; once it does, following the link would make
// go-app navigate to /#coverage, which replaces the address's #input=
// (what WeChat's 发送给朋友 and a copied address send) until the next edit.
func jumpToAnswer(ctx app.Context, e app.Event) {
	e.PreventDefault()
	e.Call("stopPropagation") // go-app's own link handler is the window's
	doc := app.Window().Get("document")
	card, h := doc.Call("getElementById", "coverage"), doc.Call("getElementById", "coverage-h")
	if card.Truthy() && h.Truthy() {
		card.Call("scrollIntoView", map[string]any{"block": "start"})
		h.Call("focus", map[string]any{"preventScroll": true})
	}
}

// calcForm is the form of the calculator or the embed: it is never
// submitted (every field applies as it is edited).
func calcForm(class string, body ...app.UI) app.UI {
	return formElem(class).Body(kids(body)...)
}

// formElem is the form element of calcForm, for a caller that adds a
// handler before its body.
func formElem(class string) app.HTMLElem {
	return tagged("form", "class", class, "id", "calc-form", "novalidate", "true").OnSubmit(preventDefault)
}

func preventDefault(ctx app.Context, e app.Event) { e.PreventDefault() }

// formSection is one card of the form.
func formSection(id string, body ...app.UI) app.UI {
	return withBody(tagged("section", "class", "card form-section", "id", id), body...)
}

// enrollmentEditors is a row for each enrollment of f, errors is the
// form's errors.
func enrollmentEditors(l form.Lang, f form.State, errors form.Errors) app.UI {
	return app.Range(f.Enrollments).Slice(func(i int) app.UI {
		return &enrollmentEditor{
			Index:  i,
			Value:  f.Enrollments[i],
			Lang:   l,
			Errors: errors.At("enrollments[" + strconv.Itoa(i) + "]"),
		}
	})
}

// addEnrollmentButton adds a row to the enrollments.
func addEnrollmentButton(l form.Lang, onAdd app.EventHandler) app.UI {
	return button("add-enrollment", "btn btn-primary add", l.Pick("＋ 添加参保记录", "+ Add an enrollment"), onAdd)
}

// asOfField is the day the answer is for.
func asOfField(l form.Lang, value, err string, onValue func(ctx app.Context, v string)) app.UI {
	return textField(l, &asOfText, "asOf", value, err, onValue)
}

var asOfText = fieldText{label: form.Text{Zh: "查询日期", En: "Day to ask about"}, placeholder: form.Text{Zh: "2026-11-22", En: "2026-11-22"}, normalize: form.NormalizeDate}
