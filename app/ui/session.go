package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// session is what the calculator and the embed share: the form, its
// answer, and the handling of the actions with which the form's parts
// edit it (form_actions.go). Each page embeds one and is told every new
// form (formPage.change), which it computes, shows and, for the
// calculator, keeps.
type session struct {
	form form.State
	res  form.Result
	// linked says the form is a link's input, not yet edited: its answer
	// shows even when it is blank (see form.Result.Awaiting).
	linked bool
}

// formPage is a page with a session.
type formPage interface {
	change(ctx app.Context, f form.State)
}

// handleEdits has page handle the edits of the form's parts: the situation
// and the plan, the enrollments' rows, and the region pickers of the form.
func (s *session) handleEdits(ctx app.Context, page formPage) {
	ctx.Handle(actEditForm, func(ctx app.Context, a app.Action) {
		if edit, ok := a.Value.(formEdit); ok {
			page.change(ctx, s.form.Edited(edit))
		}
	})
	ctx.Handle(actEditEnrollment, func(ctx app.Context, a app.Action) {
		if e, ok := a.Value.(enrollmentEdit); ok {
			page.change(ctx, s.form.EditEnrollment(e.Index, e.Edit))
		}
	})
	ctx.Handle(actRemoveEnrollment, func(ctx app.Context, a app.Action) {
		if i, ok := a.Value.(int); ok {
			page.change(ctx, s.form.WithoutEnrollment(i))
		}
	})
	handleRegion(ctx, actFormRegion, func(ctx app.Context, p regionPick) {
		if edit, ok := regionEdit(s.form, p.ID, p.Code); ok {
			page.change(ctx, s.form.Edited(edit))
		}
	})
}

// compute is the answer to f, the last answer kept while f is half typed
// (form.Result.Then), or none yet for a blank form of no link: the rules
// are not even loaded for a first screen.
func (s *session) compute(f form.State) {
	s.form = f
	if f.Blank() && !s.linked {
		s.res = form.Result{Awaiting: true}
		return
	}
	s.res = s.res.Then(form.Evaluate(f), f)
}
