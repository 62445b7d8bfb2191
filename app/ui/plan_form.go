package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// planForm edits the enrollment the person is about to make: where, which
// scheme, the day they will pay, and broken years they will pay to repair.
type planForm struct {
	app.Compo

	Value  formState
	Lang   lang
	Errors fieldErrors
	// onChange gets an edit of the form as it is then (see enrollmentEditor:
	// Value is the form of the last render).
	onChange func(ctx app.Context, edit func(f *formState))
}

func (p *planForm) err(path string) string {
	if m, ok := p.Errors[path]; ok {
		return m.in(p.Lang)
	}
	return ""
}

func (p *planForm) set(ctx app.Context, edit func(f *formState)) {
	if p.onChange != nil {
		p.onChange(ctx, edit)
	}
}

func (p *planForm) Render() app.UI {
	l := p.Lang
	v := p.Value
	return app.Elem("details").Class("card", "form-section").ID("plan").Attr("open", v.HasPlan).Body(
		app.Elem("summary").Body(
			app.Elem("h2").Text(l.s("打算参保", "What I plan next")),
			app.Elem("span").Class("summary-hint").Text(l.s("可选：算出新参保的等待期", "Optional: the wait for a new enrollment")),
		),
		checkbox("plan-on", l.s("我打算新参保或续保", "I am about to enroll"), v.HasPlan, func(ctx app.Context, on bool) {
			p.set(ctx, func(f *formState) {
				f.HasPlan = on
				if on && f.Plan.Scheme == "" {
					f.Plan.Scheme = "resident"
				}
				if on && f.Plan.Region == "" {
					f.Plan.Region = f.Residence
				}
			})
		}),
		app.If(v.HasPlan, func() app.UI {
			return app.Elem("div").Body(
				&regionPicker{
					ID: "plan-region", Label: l.s("参保地", "Region"), Value: v.Plan.Region, Lang: l,
					Error: p.err("plan.region"),
					onChange: func(ctx app.Context, _, code string) {
						p.set(ctx, func(f *formState) { f.Plan.Region = code })
					},
				},
				segmented("plan-scheme", l.s("险种", "Scheme"), v.Plan.Scheme, [][2]string{
					{"employee", l.s("职工医保", "Employee")},
					{"resident", l.s("居民医保", "Resident")},
				}, func(ctx app.Context, s string) {
					p.set(ctx, func(f *formState) {
						f.Plan.Scheme = s
						if s != "employee" {
							f.Plan.Kind = ""
						}
					})
				}),
				app.If(p.err("plan.scheme") != "", func() app.UI { return app.Elem("p").Class("error").Text(p.err("plan.scheme")) }),
				app.If(v.Plan.Scheme == "employee", func() app.UI {
					return segmented("plan-kind", l.s("缴费方式", "Paid as"), v.Plan.Kind, [][2]string{
						{"unit", l.s("单位缴", "Employer")},
						{"flexible", l.s("灵活就业（个人缴）", "Flexible work (yourself)")},
					}, func(ctx app.Context, k string) { p.set(ctx, func(f *formState) { f.Plan.Kind = k }) })
				}),
				textField(textFieldSpec{
					ID: "plan-payOn", Label: l.s("缴费日期", "Day of payment"), Value: v.Plan.PayOn,
					Placeholder: "2026-12-05", Error: p.err("plan.payOn"), Normalize: normalizeDate,
					OnValue: func(ctx app.Context, val string) { p.set(ctx, func(f *formState) { f.Plan.PayOn = val }) },
				}),
				app.Elem("div").Class("field").Body(
					app.Elem("label").Attr("for", "plan-extraYears").Text(l.s("补缴修复断保年数", "Broken years repaired (修复)")),
					app.Elem("select").ID("plan-extraYears").Class("field-input").
						Aria("describedby", describedBy("plan-extraYears", p.err("plan.extraYears"), "x")).
						OnChange(func(ctx app.Context, e app.Event) {
							n, _ := strconv.Atoi(ctx.JSSrc().Get("value").String())
							p.set(ctx, func(f *formState) { f.Plan.ExtraYears = n })
						}).
						Body(extraYearOptions(v.Plan.ExtraYears)...),
					fieldMessages("plan-extraYears", p.err("plan.extraYears"),
						l.s("每多缴 1 年，变动等待期减少 1 个月", "Each extra year paid removes a month of the variable wait")),
				),
			)
		}),
	)
}

// maxExtraYears is how many repair years the select offers.
const maxExtraYears = 10

func extraYearOptions(selected int) []app.UI {
	opts := make([]app.UI, 0, maxExtraYears+1)
	for i := 0; i <= max(maxExtraYears, selected); i++ {
		opts = append(opts, app.Elem("option").Attr("value", strconv.Itoa(i)).Attr("selected", i == selected).Text(strconv.Itoa(i)))
	}
	return opts
}
