package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// Helpers shared by the form components (plain functions, not components).

// describedBy lists the ids of a field's error and hint.
func describedBy(id, err, hint string) string {
	var ids []string
	if err != "" {
		ids = append(ids, id+"-err")
	}
	if hint != "" {
		ids = append(ids, id+"-hint")
	}
	return strings.Join(ids, " ")
}

// fieldMessages writes a field's hint and error next to it.
func fieldMessages(id, err, hint string) app.UI {
	var h, e app.UI
	if hint != "" {
		h = withText(tagged("p", "class", "hint", "id", id+"-hint"), hint)
	}
	if err != "" {
		e = withText(tagged("p", "class", "error", "id", id+"-err"), err)
	}
	return elem("div", "field-msgs", h, e)
}

// fieldText is what a form field says, in both languages, and how its
// text is tidied. The forms keep theirs in tables (package variables): a
// table is data, where a literal written at the field, with a call per
// text, costs a lot of code (see elems.go).
type fieldText struct {
	label, placeholder, hint form.Text
	inputMode                string // "numeric" when empty
	// normalize rewrites what is typed when the person leaves the box.
	normalize func(string) string
}

// textField is a labelled text input for a month or a day, saying t.
func textField(l form.Lang, t *fieldText, id, value, err string, onValue func(ctx app.Context, v string)) app.UI {
	box := t.box(l, id, value, err)
	box.OnInput, box.OnChange, box.Normalize = onValue, onValue, t.normalize
	return t.field(l, id, err, box)
}

// box is t's text box, without its handlers.
func (t *fieldText) box(l form.Lang, id, value, err string) *textInput {
	mode := t.inputMode
	if mode == "" {
		mode = "numeric"
	}
	return &textInput{
		ID:    id,
		Value: value,
		Attrs: []string{
			"placeholder", t.placeholder.In(l),
			"inputmode", mode,
			"aria-describedby", describedBy(id, err, t.hint.In(l)),
			"aria-invalid", strconv.FormatBool(err != ""),
		},
	}
}

// field is box with t's label above it and its hint and error below.
func (t *fieldText) field(l form.Lang, id, err string, box app.UI) app.UI {
	return elem("div", "field",
		labelFor(id, t.label.In(l)),
		box,
		fieldMessages(id, err, t.hint.In(l)),
	)
}

// regionField is a region picker of the form saying t (its placeholder is
// the picker's own): a pick edits the field of its id (regionEdit).
func regionField(l form.Lang, t *fieldText, id, value, err string) app.UI {
	return &regionPicker{ID: id, Label: t.label.In(l), Value: value, Lang: l, Error: err, Hint: t.hint.In(l), Action: actFormRegion}
}

// choice is a segmented control's legend and options, in both languages.
type choice struct {
	legend  form.Text
	options []form.Option
	hint    form.Text // under the options, in plain words ("" for none)
}

// schemeChoice picks a scheme (enrollments and the plan).
var schemeChoice = choice{legend: form.Text{Zh: "哪种医保", En: "Which insurance"}, options: []form.Option{
	{Value: "employee", Label: form.Text{Zh: "职工医保", En: "Employee"}},
	{Value: "resident", Label: form.Text{Zh: "居民医保", En: "Resident"}},
}, hint: form.Text{Zh: "单位交或灵活就业交的＝职工医保；每年交一次的＝居民医保", En: "Paid by an employer or as a flexible worker = employee; paid once a year = resident"}}

// segmented is a pair (or more) of radio buttons drawn as one control.
func segmented(l form.Lang, name string, c *choice, value string, onChange func(ctx app.Context, v string)) app.UI {
	items := make([]app.UI, len(c.options))
	for i, o := range c.options {
		v := o.Value
		id := name + "-" + v
		items[i] = withBody(tagged("label", "class", "seg-option", "for", id),
			flag(input("type", "radio", "id", id, "name", name, "value", v), "checked", value == v).
				OnChange(func(ctx app.Context, e app.Event) { onChange(ctx, v) }, app.EventScope(id)),
			textElem("span", "", o.Label.In(l)),
		)
	}
	var hint app.UI
	if c.hint.Zh != "" {
		hint = textElem("p", "hint", c.hint.In(l))
	}
	return elem("fieldset", "segmented",
		textElem("legend", "", c.legend.In(l)),
		elem("div", "segmented-options", items...),
		hint,
	)
}

// labelFor is the label of the field with the id.
func labelFor(id, text string) app.UI {
	return withText(tagged("label", "for", id), text)
}
