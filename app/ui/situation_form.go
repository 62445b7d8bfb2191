package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// situationForm edits the person: birth date, retired, the groups that
// policies treat specially, and the regions of residence and work (which
// decide the enrollment to keep).
type situationForm struct {
	app.Compo

	Value  formState
	Lang   lang
	Errors fieldErrors
	// onChange gets an edit of the form as it is then (see enrollmentEditor:
	// Value is the form of the last render).
	onChange func(ctx app.Context, edit func(f *formState))
}

func (s *situationForm) err(path string) string {
	if m, ok := s.Errors[path]; ok {
		return m.in(s.Lang)
	}
	return ""
}

func (s *situationForm) set(ctx app.Context, edit func(f *formState)) {
	if s.onChange != nil {
		s.onChange(ctx, edit)
	}
}

// onRegion sets the place of residence or of work, by the picker's ID.
func (s *situationForm) onRegion(ctx app.Context, id, code string) {
	s.set(ctx, func(f *formState) {
		if id == "person-workRegion" {
			f.WorkRegion = code
		} else {
			f.Residence = code
		}
	})
}

func (s *situationForm) Render() app.UI {
	l := s.Lang
	v := s.Value
	filled := v.BirthDate != "" || v.Retired || len(v.Groups) > 0 || v.Residence != "" || v.WorkRegion != "" ||
		s.err("person.birthDate") != "" || s.err("person.residence") != "" || s.err("person.workRegion") != "" || s.err("person.groups") != ""
	return app.Elem("details").Class("card", "form-section").ID("situation").Attr("open", filled).Body(
		app.Elem("summary").Body(
			app.Elem("h2").Text(l.s("我的情况", "About me")),
			app.Elem("span").Class("summary-hint").Text(l.s("可选：退休、新生儿、学生等会改变结果", "Optional: retirees, newborns, students… change the answer")),
		),
		textField(textFieldSpec{
			ID: "person-birthDate", Label: l.s("出生日期", "Date of birth"), Value: v.BirthDate,
			Placeholder: "1990-05-01", Error: s.err("person.birthDate"), Normalize: normalizeDate,
			OnValue: func(ctx app.Context, val string) { s.set(ctx, func(f *formState) { f.BirthDate = val }) },
		}),
		app.Elem("div").Class("checks").Body(
			checkbox("person-retired", l.s("已退休，且职工医保缴费年限已满（退休后不缴费享受待遇）", "Retired with the minimum employee years (benefits without paying)"), v.Retired,
				func(ctx app.Context, on bool) { s.set(ctx, func(f *formState) { f.Retired = on }) }),
			app.Range(groupNames[:]).Slice(func(i int) app.UI {
				g := groupNames[i]
				return checkbox("person-group-"+g, l.groupName(g), v.hasGroup(g), func(ctx app.Context, on bool) {
					s.set(ctx, func(f *formState) { f.Groups = f.withGroup(g, on) })
				})
			}),
		),
		app.If(s.err("person.groups") != "", func() app.UI { return app.Elem("p").Class("error").Text(s.err("person.groups")) }),
		&regionPicker{
			ID: "person-residence", Label: l.s("常住地", "Place of residence"), Value: v.Residence, Lang: l,
			Error:    s.err("person.residence"),
			Hint:     l.s("重复参保时，居民医保一般保留常住地的", "With duplicates, the resident scheme is kept where you live"),
			onChange: s.onRegion,
		},
		&regionPicker{
			ID: "person-workRegion", Label: l.s("现就业地", "Place of work"), Value: v.WorkRegion, Lang: l,
			Error:    s.err("person.workRegion"),
			Hint:     l.s("职工医保一般保留就业地的", "The employee scheme is kept where you work"),
			onChange: s.onRegion,
		},
		app.If(v.Residence != "" || v.WorkRegion != "", func() app.UI {
			return app.Elem("button").Attr("type", "button").Class("btn", "btn-quiet").Text(l.s("清除常住地和就业地", "Clear residence and work")).
				OnClick(func(ctx app.Context, e app.Event) {
					s.set(ctx, func(f *formState) { f.Residence, f.WorkRegion = "", "" })
				})
		}),
	)
}

// checkbox is a labelled check box with a large tap area.
func checkbox(id, label string, checked bool, onChange func(ctx app.Context, on bool)) app.UI {
	return app.Elem("label").Attr("for", id).Class("check").Body(
		app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Attr("checked", checked).
			OnChange(func(ctx app.Context, e app.Event) {
				onChange(ctx, ctx.JSSrc().Get("checked").Bool())
			}, app.EventScope(id)),
		app.Elem("span").Text(label),
	)
}
