package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/rules"
)

// waitingCard shows the waiting period for the plan, or for the latest
// enrollment after a gap, and the ways to shorten it.
type waitingCard struct {
	app.Compo

	Lang     lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	Answer   *rules.WaitingAnswer
	// Coverage is the same evaluation's coverage status: a card with no
	// waiting answer says "no wait" only to a person who is covered.
	Coverage string
	Labels   map[string]string
}

func (c *waitingCard) attrs() [][2]string {
	months, from := "", ""
	if c.Computed && c.Answer != nil {
		months, from = strconv.Itoa(c.Answer.Months), c.Answer.BenefitsFrom
	}
	return [][2]string{{"data-months", months}, {"data-benefits-from", from}}
}

func (c *waitingCard) OnMount(ctx app.Context) {
	mountContractAttrs(ctx, c.JSValue(), c.attrs(), c.Computed)
}

func (c *waitingCard) OnUpdate(ctx app.Context) {
	updateContractAttrs(ctx, c.JSValue(), c.attrs(), c.Computed)
}

// shown says the card shows an answer, current or stale.
func (c *waitingCard) shown() bool { return c.Computed || c.Stale }

func (c *waitingCard) Render() app.UI {
	l := c.Lang
	w := c.Answer
	var headline, tone string
	switch {
	case !c.shown():
		headline, tone = "—", "pending"
	case w == nil && c.Coverage == rules.StatusNone:
		headline, tone = l.s("尚未参保", "Not insured"), "warn"
	case w == nil && c.Coverage == rules.StatusRetiredShort:
		headline, tone = l.s("先补足缴费年限", "Pay up the required years first"), "warn"
	case w == nil:
		headline, tone = l.s("无需等待", "No waiting period"), "good"
	case w.NoBenefits:
		headline, tone = l.s("本次缴费当年享受不到待遇", "This payment buys no benefits"), "bad"
	case w.Assumed && w.Months == 0:
		headline, tone = l.s("现在参保：不设等待期", "Enrolling now: no wait"), "warn"
	case w.Assumed && w.MonthsUpperBound:
		headline, tone = l.s("现在参保：最长等待 "+strconv.Itoa(w.Months)+" 个月", "Enrolling now: at most "+strconv.Itoa(w.Months)+" months' wait"), "warn"
	case w.Assumed:
		headline, tone = l.s("现在参保：等待 "+strconv.Itoa(w.Months)+" 个月", "Enrolling now: "+strconv.Itoa(w.Months)+" months' wait"), "warn"
	case w.Months == 0:
		headline, tone = l.s("无等待期", "No wait"), "good"
	case w.MonthsUpperBound:
		headline, tone = l.s("最长等待 "+strconv.Itoa(w.Months)+" 个月", "At most "+strconv.Itoa(w.Months)+" months' wait"), "warn"
	default:
		headline, tone = l.s("等待 "+strconv.Itoa(w.Months)+" 个月", strconv.Itoa(w.Months)+" months' wait"), "warn"
	}
	return app.Elem("section").ID("waiting").Class(resultClasses(tone, c.Stale)...).Aria("labelledby", "waiting-h").Body(
		app.Elem("h2").ID("waiting-h").Text(l.s("待遇等待期", "Waiting period")),
		app.Elem("p").Class("headline").Body(
			app.Elem("span").Class("mark").Aria("hidden", "true").Text(toneMark(tone)),
			app.Text(headline),
		),
		app.If(c.shown() && w == nil && c.Coverage == rules.StatusNone, func() app.UI {
			return app.Elem("p").Class("muted").Text(l.s("没有参保记录：填写参保记录或参保计划，计算参保后的等待期。", "No enrollment: add your enrollments or a plan to see the wait after enrolling."))
		}),
		app.If(c.shown() && w == nil && c.Coverage == rules.StatusRetiredShort, func() app.UI {
			return app.Elem("p").Class("muted").Text(l.s("退休时职工医保缴费年限不足：按参保地规定补足年限后，才能不缴费享受退休人员待遇（见上方“能报销吗”的依据）。", "Retired short of the employee years: benefits without paying start once the years are paid up as the insuring region allows (see the coverage card's reasons)."))
		}),
		app.If(c.shown() && w == nil && c.Coverage != rules.StatusNone && c.Coverage != rules.StatusRetiredShort, func() app.UI {
			return app.Elem("p").Class("muted").Text(l.s("没有打算参保的计划，也没有断缴后重新参保的记录。", "There is no plan and no enrollment after a gap."))
		}),
		app.If(c.shown() && w != nil && w.Assumed, func() app.UI {
			return app.Elem("div").Class("ways").Body(
				app.Elem("p").Text(l.s("现在不在参保期内，也没有填写参保计划。如果今天参保缴费：", "Not covered now, and no plan given. If you enroll today:")),
				app.Elem("ul").Body(app.Range(w.Ways).Slice(func(i int) app.UI {
					return app.Elem("li").Text(l.s(w.Ways[i].Zh, w.Ways[i].En))
				})),
			)
		}),
		app.If(c.shown() && w != nil, func() app.UI {
			return c.details(l, w)
		}),
	)
}

func (c *waitingCard) details(l lang, w *rules.WaitingAnswer) app.UI {
	about := l.s("计划参保", "The plan")
	switch {
	case w.Assumed:
		about = l.s("假设今天参保（"+w.RegionName+"）", "Enrolling today (assumed, "+w.RegionName+")")
	case w.About != "plan":
		about = c.Labels[w.About]
	}
	yes := func(b bool) string {
		if b {
			return l.s("可以", "Yes")
		}
		return l.s("不可以", "No")
	}
	return app.Elem("div").Body(
		app.Elem("dl").Class("facts").Body(
			fact(true, l.s("对象", "About"), func() string { return about }),
			fact(w.BenefitsFrom != "" && !w.MonthsUpperBound, l.s("待遇开始", "Benefits from"), func() string { return l.formatDay(w.BenefitsFrom) }),
			fact(w.BenefitsFrom != "" && w.MonthsUpperBound, l.s("最晚待遇开始", "Benefits from, at the latest"), func() string {
				return l.formatDay(w.BenefitsFrom) + l.s("（当地等待期未知，可能更早）", " (the local wait is not known; it may be sooner)")
			}),
			fact(w.Previous != nil, l.s("断缴前", "Before the gap"), func() string { return c.Labels[deref(w.Previous)] }),
			fact(true, l.s("断缴月数", "Gap"), func() string { return l.s(strconv.Itoa(w.GapMonths)+" 个月", plural(w.GapMonths, "month")) }),
			fact(w.BrokenYears > 0, l.s("断保年数", "Broken years"), func() string { return l.s(strconv.Itoa(w.BrokenYears)+" 年", plural(w.BrokenYears, "year")) }),
			fact(w.Months > 0 && w.Scheme == rules.Resident, l.s("构成", "Made of"), func() string {
				s := l.s("固定 ", "fixed ") + strconv.Itoa(w.FixedMonths) + l.s(" + 变动 ", " + variable ") + strconv.Itoa(w.VariableMonths)
				if w.RepairedMonths > 0 {
					s += l.s(" − 修复 ", " − repaired ") + strconv.Itoa(w.RepairedMonths)
				}
				return s + l.s(" 个月", " months")
			}),
			fact(true, l.s("可否补缴", "Back-pay allowed"), func() string { return yes(w.BackpayAllowed) }),
			fact(w.Exempt != nil, l.s("免等待", "Exempt"), func() string { return deref(w.Exempt) }),
			fact(w.InWindow != nil, l.s("集中参保期内缴费", "Paid in the window"), func() string {
				if w.InWindow != nil && *w.InWindow {
					return l.s("是", "Yes")
				}
				return l.s("否", "No")
			}),
			fact(w.WindowFrom != nil && w.WindowTo != nil, l.s("集中参保期", "Enrolment window"), func() string {
				return l.formatDay(deref(w.WindowFrom)) + " – " + l.formatDay(deref(w.WindowTo))
			}),
		),
		app.If(len(w.Shorten) > 0, func() app.UI {
			return app.Elem("div").Class("shorten").Body(
				app.Elem("h3").Text(l.s("怎样缩短", "How to shorten it")),
				app.Elem("ul").Body(app.Range(w.Shorten).Slice(func(i int) app.UI {
					o := w.Shorten[i]
					return app.Elem("li").Body(
						app.Elem("p").Text(l.s(o.Zh, o.En)),
						app.Elem("p").Class("muted").Text(optionLine(l, o)),
					)
				})),
			)
		}),
		&explainList{Lang: l, Steps: w.Explain},
	)
}

// optionLine sums up an option: deadline, resulting wait, cost.
func optionLine(l lang, o rules.Option) string {
	s := l.s("等待 ", "wait ") + strconv.Itoa(o.Months) + l.s(" 个月", " months")
	if o.BenefitsFrom != "" {
		s += l.s("，", ", ") + l.s(l.formatDay(o.BenefitsFrom)+"起享受待遇", "benefits from "+l.formatDay(o.BenefitsFrom))
	}
	if o.Deadline != nil {
		s += l.s("；截止 ", "; by ") + l.formatDay(*o.Deadline)
	}
	if o.Cost != nil {
		s += l.s("；约 "+strconv.Itoa(*o.Cost)+" 元", "; about ¥"+strconv.Itoa(*o.Cost))
	}
	if o.Source != "" {
		s += l.s("（", " (") + o.Source + l.s("）", ")")
	}
	return s
}

// plural writes "1 month", "2 months".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}
