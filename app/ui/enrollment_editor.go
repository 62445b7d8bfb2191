package ui

import (
	"strconv"
	"yibao/app/form"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
	// The callbacks are unexported: go-app compares exported fields with
	// reflect.DeepEqual, for which two funcs are never equal, so exported
	// ones would re-render the component at every render of its parent.
	// Unexported, they keep their first value, which must therefore only
	// reach the parent through its (mounted, stable) receiver.
	//
	// owner gets an edit, which it applies to the enrollment as it is then, not the enrollment itself: Value is what was rendered
	// last, and go-app handles every event that arrives between two frames
	// before it renders again, so a row built from Value for the second of
	// two quick edits (a month normalized on leaving its box, then a key in
	// the next box) would undo the first.
	owner enrollmentOwner
}

// enrollmentOwner edits and removes the enrollments: the parent of their
// rows, given as an interface (see regionOwner).
type enrollmentOwner interface {
	onEnrollment(ctx app.Context, i int, edit func(e *form.Enrollment))
	onRemove(ctx app.Context, i int)
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

func (r *enrollmentEditor) set(ctx app.Context, edit func(e *form.Enrollment)) {
	if r.owner != nil {
		r.owner.onEnrollment(ctx, r.Index, edit)
	}
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

func (r *enrollmentEditor) onRegion(ctx app.Context, _, code string) {
	r.set(ctx, func(e *form.Enrollment) { e.Region = code })
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
	if r.owner != nil {
		r.owner.onRemove(ctx, r.Index)
	}
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
		regionField(l, &enrRegionText, r.id("region"), v.Region, r.err("region"), r),
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
	fromText      = fieldText{label: form.Text{Zh: "开始年月", En: "First month"}, placeholder: form.Text{Zh: "2019-03", En: "2019-03"}, normalize: form.NormalizeMonth}
	toText        = fieldText{label: form.Text{Zh: "结束年月", En: "Last month"}, placeholder: form.Text{Zh: "空＝仍在缴", En: "empty = still paying"}, normalize: form.NormalizeMonth}
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
	kindChoice = choice{form.Text{Zh: "缴费方式", En: "Paid as"}, []form.Option{
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
