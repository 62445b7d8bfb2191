package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// Outside a browser go-app calls no OnMount, where the pages register
// their handlers, but it prerenders: in these tests a page's handlers are
// registered, and a part posts its action, from OnPreRender.

// poster posts one action, as a part of a page does when the person taps
// or types.
type poster struct {
	app.Compo
	name  string
	value any
}

func (p *poster) OnPreRender(ctx app.Context) { ctx.NewActionWithValue(p.name, p.value) }
func (p *poster) Render() app.UI              { return elem("span", "") }

// pageWith is a page, which handles its actions, and a part that posts.
type pageWith struct {
	app.Compo
	page   app.UI
	handle func(ctx app.Context)
	part   app.UI
}

func (w *pageWith) OnPreRender(ctx app.Context) { w.handle(ctx) }
func (w *pageWith) Render() app.UI              { return elem("div", "", w.page, w.part) }

// post mounts page with a part that posts the action, and lets go-app
// handle it as handle has the page do.
func post(t *testing.T, page app.UI, handle func(ctx app.Context), name string, value any) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(&pageWith{page: page, handle: handle, part: &poster{name: name, value: value}}); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

// The form's parts edit the form of the embed and of the calculator
// through actions, and the pickers' ids say which field a region is for.
func TestFormPartsPostEdits(t *testing.T) {
	start := func() form.State {
		return form.State{AsOf: "2026-11-22", HasPlan: true, Plan: form.Plan{Scheme: "resident"}, Enrollments: []form.Enrollment{
			{ID: "a", Region: "440300", Scheme: "employee", From: "2019-03", To: "2024-06"},
			{ID: "b", Region: "360100", Scheme: "resident", From: "2025-01", To: "2025-12"},
		}}
	}
	tests := []struct {
		name  string
		value any
		check func(f form.State) bool
	}{
		{actEditEnrollment, enrollmentEdit{Index: 1, Edit: func(e *form.Enrollment) { e.To = "2026-12" }},
			func(f form.State) bool { return f.Enrollments[1].To == "2026-12" && f.Enrollments[0].To == "2024-06" }},
		{actRemoveEnrollment, 0, func(f form.State) bool { return len(f.Enrollments) == 1 && f.Enrollments[0].ID == "b" }},
		{actEditForm, formEdit(func(f *form.State) { f.BirthDate = "1990-05-01" }), func(f form.State) bool { return f.BirthDate == "1990-05-01" }},
		{actFormRegion, regionPick{ID: "enr-1-region", Code: "310000"}, func(f form.State) bool { return f.Enrollments[1].Region == "310000" }},
		{actFormRegion, regionPick{ID: "plan-region", Code: "320500"}, func(f form.State) bool { return f.Plan.Region == "320500" }},
		{actFormRegion, regionPick{ID: "person-residence", Code: "510100"}, func(f form.State) bool { return f.Residence == "510100" }},
		{actFormRegion, regionPick{ID: "person-workRegion", Code: "510100"}, func(f form.State) bool { return f.WorkRegion == "510100" }},
		{actFormRegion, regionPick{ID: "person-studyRegion", Code: "510100"}, func(f form.State) bool { return f.StudyRegion == "510100" }},
		{actFormRegion, regionPick{ID: "enr-9-region", Code: "510100"}, func(f form.State) bool { return form.SameInput(f, start()) }},
		{actFlowRegion, regionPick{ID: "enr-0-region", Code: "510100"}, func(f form.State) bool { return form.SameInput(f, start()) }},
	}
	for _, tt := range tests {
		e := &embed{session: session{form: start()}, ready: true}
		post(t, e, func(ctx app.Context) { e.handleEdits(ctx, e) }, tt.name, tt.value)
		if !tt.check(e.form) {
			t.Errorf("%s %+v: form %+v", tt.name, tt.value, e.form)
		}
	}
	// The calculator handles the form's edits with the same session (and
	// waits for its timers: one edit is enough).
	c := &calculator{lang: form.Zh, session: session{form: start()}, ready: true}
	post(t, c, c.handleActions, tests[0].name, tests[0].value)
	if !tests[0].check(c.form) {
		t.Errorf("calculator: form %+v", c.form)
	}
}

// The people bar, the language switch and a life event reach the
// calculator through actions too.
func TestPagePartsPostToCalculator(t *testing.T) {
	c := &calculator{lang: form.Zh, ready: true, people: form.NewHousehold(form.Zh)}
	post(t, c, c.handleActions, actPeople, peopleEdit{Op: peopleAdd, Name: "宝宝"})
	if n := len(c.people.People); n != 2 || c.people.Current != 1 {
		t.Errorf("after adding a person: %d people, current %d", n, c.people.Current)
	}
	c = &calculator{lang: form.Zh, ready: true}
	post(t, c, c.handleActions, actLang, form.En)
	if c.lang != form.En {
		t.Errorf("language %q after switching to English", c.lang)
	}
	f := form.State{AsOf: "2026-11-22", Enrollments: []form.Enrollment{{ID: "#1", Region: "440300", Scheme: "employee", From: "2019-03", To: "2024-06"}}}
	c = &calculator{lang: form.Zh, ready: true}
	post(t, c, c.handleActions, actStart, f)
	if len(c.form.Enrollments) != 1 || !c.res.Computed {
		t.Errorf("a life event's form was not taken: %+v", c.form)
	}
}

// A region picker's id names the field a pick edits; other ids edit
// nothing.
func TestRegionEdit(t *testing.T) {
	f := form.State{Enrollments: []form.Enrollment{{ID: "a"}, {ID: "b"}}}
	for _, id := range []string{"enr-x-region", "enr-1", "enr-2-region", "rules-region", "life-region", ""} {
		if _, ok := regionEdit(f, id, "310000"); ok {
			t.Errorf("%q edits the form", id)
		}
	}
}
