package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
		h = textElem("p", "hint", hint).ID(id + "-hint")
	}
	if err != "" {
		e = textElem("p", "error", err).ID(id + "-err")
	}
	return elem("div", "field-msgs", h, e)
}

// textField is a labelled text input for a month or a day.
type textFieldSpec struct {
	ID          string
	Label       string
	Value       string
	Placeholder string
	Error       string
	Hint        string
	InputMode   string
	// Normalize, if set, rewrites the text when the person leaves the
	// field ("2019.3" → "2019-03"); while typing the text is kept as is.
	Normalize func(string) string
	OnValue   func(ctx app.Context, v string)
}

func textField(s textFieldSpec) app.UI {
	mode := s.InputMode
	if mode == "" {
		mode = "numeric"
	}
	return elem("div", "field",
		labelFor(s.ID, s.Label),
		&textInput{
			ID:    s.ID,
			Value: s.Value,
			Attrs: map[string]string{
				"placeholder":      s.Placeholder,
				"inputmode":        mode,
				"aria-describedby": describedBy(s.ID, s.Error, s.Hint),
				"aria-invalid":     strconv.FormatBool(s.Error != ""),
			},
			OnInput:   s.OnValue,
			OnChange:  s.OnValue,
			Normalize: s.Normalize,
		},
		fieldMessages(s.ID, s.Error, s.Hint),
	)
}

// segmented is a pair (or more) of radio buttons drawn as one control.
func segmented(name, legend string, value string, options [][2]string, onChange func(ctx app.Context, v string)) app.UI {
	items := make([]app.UI, len(options))
	for i, o := range options {
		v, label := o[0], o[1]
		id := name + "-" + v
		items[i] = elem("label", "seg-option",
			app.ElemSelfClosing("input").Attr("type", "radio").ID(id).Attr("name", name).Attr("value", v).Attr("checked", value == v).
				OnChange(func(ctx app.Context, e app.Event) { onChange(ctx, v) }, app.EventScope(id)),
			textElem("span", "", label),
		).Attr("for", id)
	}
	return elem("fieldset", "segmented",
		textElem("legend", "", legend),
		elem("div", "segmented-options", items...),
	)
}

// labelFor is the label of the field with the id.
func labelFor(id, text string) app.UI {
	return app.Elem("label").Attr("for", id).Text(text)
}
