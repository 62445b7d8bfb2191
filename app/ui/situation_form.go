package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// situationForm edits the person: birth date, retired, the groups that
// policies treat specially, and the regions of residence and work (which
// decide the enrollment to keep).
type situationForm struct {
	app.Compo

	Value  form.State // the form without its rows (see calculator.formBody)
	Lang   form.Lang
	Errors form.Errors
}

func (s *situationForm) err(path string) string {
	if m, ok := s.Errors[path]; ok {
		return m.In(s.Lang)
	}
	return ""
}

// set posts an edit of the form (see form_actions.go).
func (s *situationForm) set(ctx app.Context, edit formEdit) {
	ctx.NewActionWithValue(actEditForm, edit)
}

func (s *situationForm) onBirthDate(ctx app.Context, val string) {
	s.set(ctx, func(f *form.State) { f.BirthDate = val })
}

func (s *situationForm) onRetired(ctx app.Context, on bool) {
	s.set(ctx, func(f *form.State) { f.Retired = on })
}

func (s *situationForm) onSex(ctx app.Context, sex string) {
	s.set(ctx, func(f *form.State) { f.Sex = sex })
}

func (s *situationForm) onClearRegions(ctx app.Context, e app.Event) {
	s.set(ctx, func(f *form.State) { f.Residence, f.WorkRegion = "", "" })
}

func (s *situationForm) Render() app.UI {
	l := s.Lang
	v := &s.Value
	filled := v.HasPerson()
	for _, p := range [...]string{"person.birthDate", "person.residence", "person.workRegion", "person.groups", "person.studyRegion"} {
		filled = filled || s.err(p) != ""
	}
	checks := []app.UI{
		checkbox("person-retired", l.Pick("已退休，且职工医保缴费年限已满（退休后不缴费享受待遇）", "Retired with the minimum employee years (benefits without paying)"), v.Retired, s.onRetired),
	}
	for _, g := range form.GroupNames {
		checks = append(checks, checkbox("person-group-"+g, l.GroupName(g), v.HasGroup(g), func(ctx app.Context, on bool) {
			s.set(ctx, func(f *form.State) { f.Groups = f.WithGroup(g, on) })
		}))
	}
	var sex, study, clear app.UI
	if v.Retired {
		sex = segmented(l, "person-sex", &sexChoice, v.Sex, s.onSex)
	}
	if v.HasGroup("student") || v.StudyRegion != "" {
		study = regionField(l, &studyRegionText, "person-studyRegion", v.StudyRegion, s.err("person.studyRegion"))
	}
	if v.Residence != "" || v.WorkRegion != "" {
		clear = button("", "btn btn-quiet", l.Pick("清除常住地和就业地", "Clear residence and work"), s.onClearRegions)
	}
	return formDetails("situation", filled, l.Pick("我的情况", "About me"), l.Pick("可选：退休、新生儿、学生等会改变结果", "Optional: retirees, newborns, students… change the answer"),
		textField(l, &birthDateText, "person-birthDate", v.BirthDate, s.err("person.birthDate"), s.onBirthDate),
		elem("div", "checks", checks...),
		errorLine(s.err("person.groups")),
		sex,
		study,
		regionField(l, &residenceText, "person-residence", v.Residence, s.err("person.residence")),
		regionField(l, &workRegionText, "person-workRegion", v.WorkRegion, s.err("person.workRegion")),
		clear,
	)
}

// What the form's fields say.
var (
	birthDateText   = fieldText{label: form.Text{Zh: "出生日期", En: "Date of birth"}, placeholder: form.Text{Zh: "1990-05-01", En: "1990-05-01"}, normalize: form.NormalizeDate}
	studyRegionText = fieldText{label: form.Text{Zh: "学籍地（学校所在地）", En: "Place of study"}, hint: form.Text{Zh: "学生重复参保时，一般保留学籍地的", En: "With duplicates, a student keeps the place of study"}}
	residenceText   = fieldText{label: form.Text{Zh: "常住地", En: "Place of residence"}, hint: form.Text{Zh: "重复参保时，居民医保一般保留常住地的", En: "With duplicates, the resident scheme is kept where you live"}}
	workRegionText  = fieldText{label: form.Text{Zh: "现就业地", En: "Place of work"}, hint: form.Text{Zh: "职工医保一般保留就业地的", En: "The employee scheme is kept where you work"}}
	sexChoice       = choice{legend: form.Text{Zh: "性别（部分地区男女缴费年限要求不同）", En: "Sex (some regions set different years for men and women)"}, options: form.SexOptions}
)

// formDetails is an optional part of the form, folded until open: a
// title and a hint in its summary, then body.
func formDetails(id string, open bool, title, hint string, body ...app.UI) app.UI {
	return flag(tagged("details", "class", "card form-section", "id", id), "open", open).Body(append([]app.UI{
		elem("summary", "",
			textElem("h2", "", title),
			textElem("span", "summary-hint", hint),
		),
	}, body...)...)
}

// checkbox is a labelled check box with a large tap area.
func checkbox(id, label string, checked bool, onChange func(ctx app.Context, on bool)) app.UI {
	return withBody(tagged("label", "class", "check", "for", id),
		flag(input("type", "checkbox", "id", id), "checked", checked).
			OnChange(func(ctx app.Context, e app.Event) {
				onChange(ctx, ctx.JSSrc().Get("checked").Bool())
			}, app.EventScope(id)),
		textElem("span", "", label),
	)
}
