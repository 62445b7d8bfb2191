package ui

import (
	"strconv"

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
	// removed is the row 删除 took away last, until the next edit: the
	// form offers to put it back (removedNotice).
	removed *removedRow
}

// removedRow is an enrollment row removed, and where it was.
type removedRow struct {
	Index int
	Row   form.Enrollment
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
		i, ok := a.Value.(int)
		if !ok || i < 0 || i >= len(s.form.Enrollments) {
			return
		}
		row := removedRow{Index: i, Row: s.form.Enrollments[i]}
		page.change(ctx, s.form.WithoutEnrollment(i))
		s.removed = &row
		focusSoon("undo-remove", "") // the row and its button are gone
	})
	ctx.Handle(actUndoRemove, func(ctx app.Context, a app.Action) {
		r := s.removed
		if r == nil {
			return
		}
		page.change(ctx, s.form.WithEnrollmentAt(r.Index, r.Row))
		focusSoon(fieldID("enrollments["+strconv.Itoa(min(r.Index, len(s.form.Enrollments)-1))+"].region"), "undo-remove")
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
	s.form, s.removed = f, nil
	if f.Blank() && !s.linked {
		s.res = form.Result{Awaiting: true}
		return
	}
	s.res = s.res.Then(form.Evaluate(f), f)
}

// removedNotice says which row 删除 took away, with 撤销 to put it back;
// nothing once the form has been edited since.
func removedNotice(l form.Lang, r *removedRow) app.UI {
	if r == nil {
		return nil
	}
	what := enrollmentLabel(l, r.Index, r.Row)
	if r.Row.From != "" {
		what += l.Pick(" "+r.Row.From+" 起", " from "+r.Row.From)
	}
	return withBody(tagged("p", "class", "undo-row", "id", "removed-note", "role", "status"),
		app.Text(l.Pick("已删除参保记录 "+what+"。", "Removed enrollment "+what+". ")),
		button("undo-remove", "btn btn-quiet", l.Pick("撤销", "Undo"), postUndoRemove),
	)
}

func postUndoRemove(ctx app.Context, e app.Event) { ctx.NewAction(actUndoRemove) }
