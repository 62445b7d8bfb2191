package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// planForm edits the enrollment the person is about to make: where, which
// scheme, the day they will pay, and broken years they will pay to repair.
type planForm struct {
	app.Compo

	Value  form.State // the form without its rows (see calculator.formBody)
	Lang   form.Lang
	Errors form.Errors
}

func (p *planForm) err(path string) string {
	if m, ok := p.Errors[path]; ok {
		return m.In(p.Lang)
	}
	return ""
}

// set posts an edit of the form (see form_actions.go).
func (p *planForm) set(ctx app.Context, edit formEdit) {
	ctx.NewActionWithValue(actEditForm, edit)
}

func (p *planForm) onPlan(ctx app.Context, on bool) {
	p.set(ctx, func(f *form.State) {
		f.HasPlan = on
		if on && f.Plan.Scheme == "" {
			f.Plan.Scheme = "resident"
		}
		if on && f.Plan.Region == "" {
			f.Plan.Region = f.Residence
		}
	})
}

func (p *planForm) onScheme(ctx app.Context, s string) {
	p.set(ctx, func(f *form.State) {
		f.Plan.Scheme = s
		if s != "employee" {
			f.Plan.Kind = ""
		}
	})
}

func (p *planForm) onKind(ctx app.Context, k string) {
	p.set(ctx, func(f *form.State) { f.Plan.Kind = k })
}

func (p *planForm) onPayOn(ctx app.Context, val string) {
	p.set(ctx, func(f *form.State) { f.Plan.PayOn = val })
}

func (p *planForm) onExtraYears(ctx app.Context, e app.Event) {
	n, _ := strconv.Atoi(ctx.JSSrc().Get("value").String())
	p.set(ctx, func(f *form.State) { f.Plan.ExtraYears = n })
}

func (p *planForm) Render() app.UI {
	l := p.Lang
	v := &p.Value
	return formDetails("plan", v.HasPlan, l.Pick("打算参保", "What I plan next"), l.Pick("可选：算出新参保的等待期", "Optional: the wait for a new enrollment"),
		checkbox("plan-on", l.Pick("我打算新参保或续保", "I am about to enroll"), v.HasPlan, p.onPlan),
		p.fields(),
	)
}

// fields are the plan's fields, once the person has one.
func (p *planForm) fields() app.UI {
	l := p.Lang
	v := &p.Value
	if !v.HasPlan {
		return nil
	}
	var kind app.UI
	if v.Plan.Scheme == "employee" {
		kind = segmented(l, "plan-kind", &planKindChoice, v.Plan.Kind, p.onKind)
	}
	return elem("div", "",
		regionField(l, &enrRegionText, "plan-region", v.Plan.Region, p.err("plan.region")),
		segmented(l, "plan-scheme", &schemeChoice, v.Plan.Scheme, p.onScheme),
		errorLine(p.err("plan.scheme")),
		kind,
		textField(l, &payOnText, "plan-payOn", v.Plan.PayOn, p.err("plan.payOn"), p.onPayOn),
		elem("div", "field",
			labelFor("plan-extraYears", l.Pick("补缴以前断缴的年数（修复断保）", "Broken years paid for now (修复)")),
			tagged("select", "id", "plan-extraYears", "class", "field-input", "aria-describedby", describedBy("plan-extraYears", p.err("plan.extraYears"), "x")).
				OnChange(p.onExtraYears).
				Body(extraYearOptions(v.Plan.ExtraYears)...),
			fieldMessages("plan-extraYears", p.err("plan.extraYears"),
				// How much a year takes off is the region's parameter
				// (resident.repairMonthsPerYear): the waiting card says it.
				l.Pick("补缴断缴的年份可以缩短居民医保的变动等待期，缩短多少见等待期", "Paying for broken years shortens the resident scheme's variable wait: the waiting period above says by how much")),
		),
	)
}

// maxExtraYears is how many repair years the select offers.
// What the plan's fields say.
var (
	payOnText      = fieldText{label: form.Text{Zh: "缴费日期", En: "Day of payment"}, placeholder: form.Text{Zh: "2026-12-05", En: "2026-12-05"}, normalize: form.NormalizeDate}
	planKindChoice = choice{legend: form.Text{Zh: "缴费方式", En: "Paid as"}, options: []form.Option{
		{Value: "unit", Label: form.Text{Zh: "单位缴", En: "Employer"}},
		{Value: "flexible", Label: form.Text{Zh: "灵活就业（个人缴）", En: "Flexible work (yourself)"}},
	}}
)

const maxExtraYears = 10

func extraYearOptions(selected int) []app.UI {
	opts := make([]app.UI, 0, maxExtraYears+1)
	for i := 0; i <= max(maxExtraYears, selected); i++ {
		n := strconv.Itoa(i)
		opts = append(opts, flag(tagged("option", "value", n), "selected", i == selected).Text(n))
	}
	return opts
}
