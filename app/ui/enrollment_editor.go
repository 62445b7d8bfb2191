package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// enrollmentEditor edits one enrollment: region, scheme, first and last
// month, and for a resident year the payment day, for employee months the
// back-paid months.
type enrollmentEditor struct {
	app.Compo

	Index  int
	Value  form.Enrollment
	Lang   form.Lang
	Errors form.Errors // keyed by the contract's path, only this row's
}

func (r *enrollmentEditor) path(field string) string {
	return "enrollments[" + strconv.Itoa(r.Index) + "]." + field
}

func (r *enrollmentEditor) err(field string) string {
	if m, ok := r.Errors[r.path(field)]; ok {
		return m.In(r.Lang)
	}
	return ""
}

func (r *enrollmentEditor) id(field string) string {
	return "enr-" + strconv.Itoa(r.Index) + "-" + field
}

// set posts an edit of the row's enrollment (see form_actions.go).
func (r *enrollmentEditor) set(ctx app.Context, edit func(e *form.Enrollment)) {
	ctx.NewActionWithValue(actEditEnrollment, enrollmentEdit{Index: r.Index, Edit: edit})
}

// onText returns the handler of the text field of the named field.
func (r *enrollmentEditor) onText(field string) func(ctx app.Context, val string) {
	return func(ctx app.Context, val string) {
		r.set(ctx, func(e *form.Enrollment) {
			switch field {
			case "from":
				e.From = val
			case "to":
				e.To = val
			case "paidOn":
				e.PaidOn = val
			case "backpaid":
				e.Backpaid = val
			}
		})
	}
}

func (r *enrollmentEditor) onScheme(ctx app.Context, s string) {
	r.set(ctx, func(e *form.Enrollment) {
		e.Scheme = s
		if s == "employee" {
			e.PaidOn = ""
		} else {
			e.Backpaid, e.Kind = "", ""
		}
	})
}

func (r *enrollmentEditor) onKind(ctx app.Context, k string) {
	r.set(ctx, func(e *form.Enrollment) { e.Kind = k })
}

func (r *enrollmentEditor) onRemoveClick(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actRemoveEnrollment, r.Index)
}

func (r *enrollmentEditor) Render() app.UI {
	l := r.Lang
	v := &r.Value
	n := strconv.Itoa(r.Index + 1)
	var id, more app.UI
	if v.ID != "" && !autoID(v.ID) {
		id = textElem("span", "enr-id", " ("+v.ID+")")
	}
	switch v.Scheme {
	case "resident":
		more = r.textField(l, &paidOnText, "paidOn", v.PaidOn)
	case "employee":
		more = elem("div", "",
			elem("div", "", segmented(l, r.id("kind"), &kindChoice, v.Kind, r.onKind), errorLine(r.err("kind"))),
			r.textField(l, &backpaidField, "backpaid", v.Backpaid),
		)
	}
	return withBody(tagged("fieldset", "class", "enrollment", "id", "enrollment-"+strconv.Itoa(r.Index)),
		elem("legend", "",
			textElem("span", "enr-title", l.Pick("参保记录 ", "Enrollment ")+n),
			id,
		),
		button("", "btn btn-quiet remove", l.Pick("删除", "Remove"), r.onRemoveClick, "aria-label", l.Pick("删除参保记录 ", "Remove enrollment ")+n),
		regionField(l, &enrRegionText, r.id("region"), v.Region, r.err("region")),
		segmented(l, r.id("scheme"), &schemeChoice, v.Scheme, r.onScheme),
		errorLine(r.err("scheme")),
		elem("div", "row2",
			r.textField(l, &fromText, "from", v.From),
			r.textField(l, &toText, "to", v.To),
		),
		more,
		errorLine(r.err("id")),
	)
}

// textField is the row's text field for the contract's field, saying t.
func (r *enrollmentEditor) textField(l form.Lang, t *fieldText, field, value string) app.UI {
	return textField(l, t, r.id(field), value, r.err(field), r.onText(field))
}

// What the row's fields say.
var (
	enrRegionText = fieldText{label: form.Text{Zh: "参保地", En: "Region"}}
	fromText      = fieldText{label: form.Text{Zh: "从哪个月开始", En: "First month"}, placeholder: form.Text{Zh: "2019-03", En: "2019-03"}, normalize: form.NormalizeMonth}
	toText        = fieldText{label: form.Text{Zh: "到哪个月为止", En: "Last month"}, placeholder: form.Text{Zh: "空＝仍在缴", En: "empty = still paying"}, normalize: form.NormalizeMonth}
	paidOnText    = fieldText{
		label:       form.Text{Zh: "缴费日期（最后一年）", En: "Payment day (last year)"},
		placeholder: form.Text{Zh: "2024-11-20", En: "2024-11-20"},
		hint:        form.Text{Zh: "是否在集中参保期内缴费决定等待期；不填按期内缴费计", En: "Paying inside the enrolment window decides the wait; empty counts as inside"},
		normalize:   form.NormalizeDate,
	}
	backpaidField = fieldText{
		label:       form.Text{Zh: "补缴月份（可不填）", En: "Back-paid months (optional)"},
		placeholder: form.Text{Zh: "如 3，或 2024-01, 2024-02", En: "e.g. 3, or 2024-01, 2024-02"},
		inputMode:   "text",
		normalize:   form.NormalizeBackpaid,
	}
	kindChoice = choice{legend: form.Text{Zh: "缴费方式", En: "Paid as"}, options: []form.Option{
		{Value: "unit", Label: form.Text{Zh: "单位缴", En: "Employer"}},
		{Value: "flexible", Label: form.Text{Zh: "灵活就业", En: "Flexible work"}},
		{Value: "unemployment", Label: form.Text{Zh: "领失业金", En: "Unemployment benefit"}},
		{Value: "military", Label: form.Text{Zh: "服兵役", En: "Military service"}},
	}}
)

func enrollmentList(body ...app.UI) app.UI {
	return elem("div", "enrollment-list", body...)
}

// autoID reports whether an id is one the form made up (e1, e2, …).
func autoID(id string) bool {
	if len(id) < 2 || id[0] != 'e' {
		return false
	}
	_, err := strconv.Atoi(id[1:])
	return err == nil
}
