package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// waitingCard shows the waiting period for the plan, or for the latest
// enrollment after a gap, and the ways to shorten it.
type waitingCard struct {
	app.Compo

	Lang     form.Lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	Answer   *rules.WaitingAnswer
	// Coverage is the same evaluation's coverage status: a card with no
	// waiting answer says "no wait" only to a person who is covered.
	Coverage string
	Labels   map[string]string
	// Basis is what the answer rests on (nil before one is computed).
	Basis *basis
}

// attrs are the contract's attributes, and data-wait-days: the wait in
// days where the region counts days (data-months is then 0), else empty.
func (c *waitingCard) attrs() [][2]string {
	months, from, days := "", "", ""
	if c.Computed && c.Answer != nil {
		months, from = strconv.Itoa(c.Answer.Months), c.Answer.BenefitsFrom
		if c.Answer.WaitDays > 0 {
			days = strconv.Itoa(c.Answer.WaitDays)
		}
	}
	return [][2]string{{"data-months", months}, {"data-benefits-from", from}, {"data-wait-days", days}}
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
	head, tone := form.Text{Zh: "—", En: "—"}, "pending"
	if c.shown() {
		head, tone = waitingHeadline(w, c.Coverage)
	}
	return resultCard("waiting", l.Pick("待遇等待期", "Waiting period"), tone, c.Stale, head.In(l), shownBasis(c.shown() && w != nil, c.Basis),
		c.body(l, w)...,
	)
}

// waitingHeadline is the waiting card's headline and tone, also written on
// the result image; coverage is the coverage status. With an answer, it is
// the wait as the summary says it (waitText), after the assumption of
// enrolling today if the answer makes it.
func waitingHeadline(w *rules.WaitingAnswer, coverage string) (head form.Text, tone string) {
	switch {
	case w == nil && coverage == rules.StatusNone:
		return form.Text{Zh: "尚未参保", En: "Not insured"}, "warn"
	case w == nil && coverage == rules.StatusRetiredShort:
		return form.Text{Zh: "先补足缴费年限", En: "Pay up the required years first"}, "warn"
	case w == nil:
		return form.Text{Zh: "无需等待", En: "No waiting period"}, "good"
	}
	head, tone = waitText(w), "warn"
	switch {
	case w.NoBenefits:
		tone = "bad"
	case w.Assumed:
	case w.Months == 0 && w.WaitDays == 0:
		tone = "good"
	}
	if w.Assumed {
		head = form.Text{Zh: ifToday.Zh + head.Zh, En: ifToday.En + head.En}
	}
	head.En = upperFirst(head.En)
	return head, tone
}

// ifToday states the assumption of an answer about enrolling today
// (rules.WaitingAnswer.Assumed), before its wait.
var ifToday = form.Text{Zh: "如果今天参保：", En: "if you enroll today: "}

// waitText is the wait of w in the same words on the card, in the summary
// and on the result image: in days where the region counts days, "no
// waiting period" where there is none. The English is in lower case, for
// the middle of the summary.
func waitText(w *rules.WaitingAnswer) form.Text {
	m := strconv.Itoa(w.Months)
	switch {
	case w.NoBenefits:
		return form.Text{Zh: "本次缴费当年享受不到待遇", En: "this payment buys no benefits"}
	case w.WaitDays > 0:
		return form.Text{Zh: "等待 " + strconv.Itoa(w.WaitDays) + " 天", En: waitOf(w.WaitDays, "day")}
	case w.Months == 0:
		return form.Text{Zh: "无等待期", En: "no waiting period"}
	case w.MonthsUpperBound:
		return form.Text{Zh: "最长等待 " + m + " 个月", En: "at most " + waitOf(w.Months, "month")}
	}
	return form.Text{Zh: "等待 " + m + " 个月", En: waitOf(w.Months, "month")}
}

// waitOf is "3 months' wait", "1 month's wait".
func waitOf(n int, unit string) string {
	if n == 1 {
		return plural(n, unit) + "'s wait"
	}
	return plural(n, unit) + "' wait"
}

// body is what the card says below the headline.
func (c *waitingCard) body(l form.Lang, w *rules.WaitingAnswer) []app.UI {
	switch {
	case !c.shown():
		return nil
	case w == nil && c.Coverage == rules.StatusNone:
		return []app.UI{pickedText(l, "p", "muted", "没有参保记录：填写参保记录或参保计划，计算参保后的等待期。", "No enrollment: add your enrollments or a plan to see the wait after enrolling.")}
	case w == nil && c.Coverage == rules.StatusRetiredShort:
		return []app.UI{pickedText(l, "p", "muted", "退休时职工医保缴费年限不足：按参保地规定补足年限后，才能不缴费享受退休人员待遇（见上方“能报销吗”的依据）。", "Retired short of the employee years: benefits without paying start once the years are paid up as the insuring region allows (see the coverage card's reasons).")}
	case w == nil:
		return []app.UI{pickedText(l, "p", "muted", "没有打算参保的计划，也没有断缴后重新参保的记录。", "There is no plan and no enrollment after a gap.")}
	case w.Assumed:
		ways := make([]app.UI, len(w.Ways))
		for i, x := range w.Ways {
			ways[i] = pickedText(l, "li", "", x.Zh, x.En)
		}
		return []app.UI{
			elem("div", "ways",
				pickedText(l, "p", "", "现在不在参保期内，也没有填写参保计划。如果今天参保缴费：", "Not covered now, and no plan given. If you enroll today:"),
				elem("ul", "", ways...),
			),
			c.details(l, w),
		}
	}
	return []app.UI{c.details(l, w)}
}

func (c *waitingCard) details(l form.Lang, w *rules.WaitingAnswer) app.UI {
	about := l.Pick("计划参保", "The plan")
	switch {
	case w.Assumed:
		place := placeName(l, w.Region)
		about = l.Pick("假设今天参保（"+place+"）", "Enrolling today (assumed, "+place+")")
	case w.About != "plan":
		about = c.Labels[w.About]
	}
	facts := factList{l: l}
	facts.add("对象", "About", about)
	switch {
	case w.BenefitsFrom != "" && !w.MonthsUpperBound:
		facts.add("待遇开始", "Benefits from", l.FormatDay(w.BenefitsFrom))
	case w.BenefitsFrom != "":
		facts.add("最晚待遇开始", "Benefits from, at the latest",
			l.FormatDay(w.BenefitsFrom)+l.Pick("（当地等待期未知，可能更早）", " (the local wait is not known; it may be sooner)"))
	}
	if w.Previous != nil {
		facts.add("断缴前", "Before the gap", c.Labels[*w.Previous])
	}
	// Counts and parts are shown where they are not zero (no "断缴月数
	// 0 个月" for a newborn, no "+ 变动 0").
	if w.GapMonths > 0 {
		facts.add("断缴月数", "Gap", count(l, w.GapMonths, "个月", "month"))
	}
	if w.BrokenYears > 0 {
		facts.add("断保年数", "Broken years", count(l, w.BrokenYears, "年", "year"))
	}
	if s := monthsMadeOf(l, w); w.Months > 0 && w.Scheme == rules.Resident && s != "" {
		facts.add("构成", "Made of", s)
	}
	facts.add("可否补缴", "Back-pay allowed", either(l, w.BackpayAllowed, form.Text{Zh: "可以", En: "Yes"}, form.Text{Zh: "不可以", En: "No"}))
	if w.Exempt != nil { // named for people, not "newborn"
		facts.add("免等待", "Exempt", l.GroupName(*w.Exempt))
	}
	if w.InWindow != nil {
		facts.add("集中参保期内缴费", "Paid in the window", either(l, *w.InWindow, form.Text{Zh: "是", En: "Yes"}, form.Text{Zh: "否", En: "No"}))
	}
	if w.WindowFrom != nil && w.WindowTo != nil {
		facts.add("集中参保期", "Enrolment window", l.FormatDay(*w.WindowFrom)+" – "+l.FormatDay(*w.WindowTo))
	}
	var shorten app.UI
	if len(w.Shorten) > 0 {
		options := make([]app.UI, len(w.Shorten))
		for i, o := range w.Shorten {
			options[i] = elem("li", "",
				pickedText(l, "p", "", o.Zh, o.En),
				textElem("p", "muted", optionLine(l, o)),
			)
		}
		shorten = elem("div", "shorten",
			pickedText(l, "h3", "", "怎样缩短", "How to shorten it"),
			elem("ul", "", options...),
		)
	}
	return elem("div", "",
		facts.dl(),
		shorten,
		&explainList{Lang: l, Steps: w.Explain},
	)
}

// monthsMadeOf is what a resident wait in months is made of: "固定 3 +
// 变动 2 − 修复 1 个月", each part that is not zero; "" for none.
func monthsMadeOf(l form.Lang, w *rules.WaitingAnswer) string {
	var s string
	for _, p := range []struct {
		n      int
		zh, en string
	}{
		{w.FixedMonths, " + 固定 ", " + fixed "},
		{w.VariableMonths, " + 变动 ", " + variable "},
		{w.RepairedMonths, " − 修复 ", " − repaired "},
	} {
		if p.n > 0 {
			s += l.Pick(p.zh, p.en) + strconv.Itoa(p.n)
		}
	}
	if s == "" {
		return ""
	}
	return strings.TrimPrefix(s, " + ") + l.Pick(" 个月", " months")
}

// optionLine sums up an option: deadline, resulting wait, cost.
func optionLine(l form.Lang, o rules.Option) string {
	var s string
	switch {
	case o.WaitDays > 0:
		s = l.Pick("等待 "+strconv.Itoa(o.WaitDays)+" 天", "wait "+plural(o.WaitDays, "day"))
	case o.Months == 0:
		s = l.Pick("无等待期", "no waiting period")
	default:
		s = l.Pick("等待 "+strconv.Itoa(o.Months)+" 个月", "wait "+plural(o.Months, "month"))
	}
	if o.BenefitsFrom != "" {
		d := l.FormatDay(o.BenefitsFrom)
		s += l.Pick("，"+d+"起享受待遇", ", benefits from "+d)
	}
	if o.Deadline != nil {
		s += l.Pick("；截止 ", "; by ") + l.FormatDay(*o.Deadline)
	}
	if o.Cost != nil && *o.Cost > 0 {
		c := strconv.Itoa(*o.Cost)
		s += l.Pick("；约 "+c+" 元", "; about ¥"+c)
	}
	if o.Source != "" {
		s += l.Pick("（", " (") + o.Source + l.Pick("）", ")")
	}
	return s
}

// count writes n with its unit: "3 个月" in Chinese, "3 months" in
// English.
func count(l form.Lang, n int, zh, en string) string {
	if l == form.En {
		return plural(n, en)
	}
	return strconv.Itoa(n) + " " + zh
}

// either is yes or no in l, as b says.
func either(l form.Lang, b bool, yes, no form.Text) string {
	if b {
		return yes.In(l)
	}
	return no.In(l)
}

// plural writes "1 month", "2 months".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}
