package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// The parts of a page tell the page what the person did through go-app
// actions: a part posts one (ctx.NewActionWithValue) with what it needs
// done as the value, and the page that keeps the state handles it
// (ctx.Handle, in its OnMount; a session handles the form's). A part holds
// no reference to its page: go-app keeps the first value of a component's
// unexported fields, and compares its exported ones, for which a function
// or a pointer to the page would make every render a new one.
//
// A part posts its edit, not the value it has rendered: Value is what was
// rendered last, and go-app handles every event that arrives between two
// frames before it renders again, so a value built from it for the second
// of two quick edits (a month normalised on leaving its box, then a key in
// the next box) would undo the first.
const (
	// actEditForm carries a formEdit of the situation or the plan.
	actEditForm = "yibao.form.edit"
	// actEditEnrollment carries an enrollmentEdit.
	actEditEnrollment = "yibao.enrollment.edit"
	// actRemoveEnrollment carries the index of the enrollment removed.
	actRemoveEnrollment = "yibao.enrollment.remove"
	// actUndoRemove puts back the enrollment removed last (session.removed).
	actUndoRemove = "yibao.enrollment.undoRemove"
	// actFormRegion carries the regionPick of a picker of the form, whose
	// ID says the field (regionEdit).
	actFormRegion = "yibao.form.region"
	// actFlowRegion carries the regionPick of the life event's question.
	actFlowRegion = "yibao.flow.region"
	// actFlowTyped carries the regionTyped of the life event's question.
	actFlowTyped = "yibao.flow.typed"
	// actRulesRegion carries the regionPick of the rules page.
	actRulesRegion = "yibao.rules.region"
	// actLang carries the form.Lang the person switched to.
	actLang = "yibao.lang"
	// actPeople carries a peopleEdit.
	actPeople = "yibao.people"
	// actStart carries the form.State a life event filled.
	actStart = "yibao.start"
)

// formEdit edits the form as it is when the page handles it.
type formEdit func(f *form.State)

// enrollmentEdit edits enrollment Index as it is then.
type enrollmentEdit struct {
	Index int
	Edit  func(e *form.Enrollment)
}

// regionPick is the region a picker's person picked.
type regionPick struct {
	ID   string // the picker's
	Code string
}

// regionTyped is the text in a picker's box that picked no region ("" once
// the box shows a pick again).
type regionTyped struct {
	ID   string // the picker's
	Text string
}

// peopleEdit turns the screen to another member of the household, adds
// one or removes the one on the screen.
type peopleEdit struct {
	Op    peopleOp
	Index int    // peopleSwitch: to whom
	Name  string // peopleAdd: the new person's
}

type peopleOp uint8

const (
	peopleSwitch peopleOp = iota
	peopleAdd
	peopleRemove
)

// regionEdit is the edit of f that a pick in the form's region picker id
// makes: plan-region, person-residence, person-workRegion,
// person-studyRegion, or an enrollment's region (the id fieldID gives its
// path).
func regionEdit(f form.State, id, code string) (formEdit, bool) {
	switch id {
	case "plan-region":
		return func(f *form.State) { f.Plan.Region = code }, true
	case "person-residence":
		return func(f *form.State) { f.Residence = code }, true
	case "person-workRegion":
		return func(f *form.State) { f.WorkRegion = code }, true
	case "person-studyRegion":
		return func(f *form.State) { f.StudyRegion = code }, true
	}
	for i := range f.Enrollments {
		if id == fieldID("enrollments["+strconv.Itoa(i)+"].region") {
			return func(f *form.State) {
				if i < len(f.Enrollments) {
					f.Enrollments[i].Region = code
				}
			}, true
		}
	}
	return nil, false
}

// handleRegion has the page handle the picks of the pickers that post
// action, with pick.
func handleRegion(ctx app.Context, action string, pick func(ctx app.Context, p regionPick)) {
	ctx.Handle(action, func(ctx app.Context, a app.Action) {
		if p, ok := a.Value.(regionPick); ok {
			pick(ctx, p)
		}
	})
}
