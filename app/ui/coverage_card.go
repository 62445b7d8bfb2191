package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/rules"
)

// coverageCard answers "does medical insurance pay for care on asOf?".
type coverageCard struct {
	app.Compo

	Lang     lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	AsOf     string
	Answer   rules.CoverageAnswer
	Labels   map[string]string // enrollment id → "#1 深圳市 职工医保"
}

func (c *coverageCard) attrs() [][2]string {
	active := ""
	if c.Computed {
		active = strconv.FormatBool(c.Answer.Active)
	}
	return [][2]string{{"data-active", active}, {"data-status", c.Answer.Status}}
}

func (c *coverageCard) OnMount(ctx app.Context) {
	mountContractAttrs(ctx, c.JSValue(), c.attrs(), c.Computed)
}

func (c *coverageCard) OnUpdate(ctx app.Context) {
	updateContractAttrs(ctx, c.JSValue(), c.attrs(), c.Computed)
}

// shown says the card shows an answer, current or stale.
func (c *coverageCard) shown() bool { return c.Computed || c.Stale }

func (c *coverageCard) Render() app.UI {
	l := c.Lang
	a := c.Answer
	var headline, tone string
	switch {
	case !c.shown():
		headline, tone = "—", "pending"
	case a.Active && a.Status == rules.StatusRetired:
		headline, tone = l.s("能报销（退休人员）", "Covered (retiree)"), "good"
	case a.Active:
		headline, tone = l.s("能报销", "Covered"), "good"
	case a.Status == rules.StatusWaiting:
		headline, tone = l.s("等待期中，暂不能报销", "In a waiting period: not yet covered"), "warn"
	case a.Status == rules.StatusFuture:
		headline, tone = l.s("还没开始享受待遇", "Benefits have not started yet"), "warn"
	case a.Status == rules.StatusNone:
		headline, tone = l.s("没有参保，不能报销", "Not enrolled: not covered"), "bad"
	case a.Status == rules.StatusRetiredShort:
		headline, tone = l.s("退休但缴费年限不足，需补足后报销", "Retired, but short of the required years"), "bad"
	default:
		headline, tone = l.s("已断保，不能报销", "Lapsed: not covered"), "bad"
	}
	title := l.s("现在能报销吗？", "Covered now?")
	if c.AsOf != "" {
		title = l.s(l.formatDay(c.AsOf)+"能报销吗？", "Covered on "+l.formatDay(c.AsOf)+"?")
	}
	return app.Elem("section").ID("coverage").Class(resultClasses(tone, c.Stale)...).Aria("labelledby", "coverage-h").Body(
		app.Elem("h2").ID("coverage-h").Text(title),
		app.Elem("p").Class("headline").Body(
			app.Elem("span").Class("mark").Aria("hidden", "true").Text(toneMark(tone)),
			app.Text(headline),
		),
		app.If(c.shown(), func() app.UI {
			return app.Elem("dl").Class("facts").Body(
				fact(a.Enrollment != nil, l.s("参保记录", "Enrollment"), func() string { return c.Labels[deref(a.Enrollment)] }),
				fact(a.Region != "", l.s("参保地", "Region"), func() string { return nameOr(a.RegionName, a.Region) }),
				fact(a.Scheme != "", l.s("险种", "Scheme"), func() string { return l.schemeName(a.Scheme) }),
				fact(a.From != nil, l.s("待遇开始", "Benefits since"), func() string { return l.formatDay(deref(a.From)) }),
				fact(a.Until != nil, l.s("待遇至", "Benefits until"), func() string { return l.formatDay(deref(a.Until)) }),
				fact(a.Until == nil && a.Active, l.s("待遇至", "Benefits until"), func() string { return l.s("长期（无需缴费）", "No end (no payments needed)") }),
				fact(a.WaitingUntil != nil, l.s("等待期至", "Waiting until"), func() string { return l.formatDay(deref(a.WaitingUntil)) }),
			)
		}),
		&explainList{Lang: l, Steps: a.Explain},
	)
}

// fact is one line of a card's facts, shown only when cond holds.
func fact(cond bool, term string, value func() string) app.UI {
	if !cond {
		return nil
	}
	v := value()
	if v == "" {
		return nil
	}
	return app.Elem("div").Class("fact").Body(app.Elem("dt").Text(term), app.Elem("dd").Text(v))
}

func toneMark(tone string) string {
	switch tone {
	case "good":
		return "✓"
	case "warn":
		return "!"
	case "bad":
		return "✗"
	}
	return "…"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nameOr(name, code string) string {
	if name != "" {
		return name
	}
	return regionName(code)
}
