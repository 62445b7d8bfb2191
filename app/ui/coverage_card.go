package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// coverageCard answers "does medical insurance pay for care on asOf?".
type coverageCard struct {
	app.Compo

	Lang     form.Lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	AsOf     string
	Answer   rules.CoverageAnswer
	Labels   map[string]string // enrollment id → "#1 深圳市 职工医保"
	// Basis is what the answer rests on (nil before one is computed).
	Basis *basis
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
	a := &c.Answer
	head, tone := form.Text{Zh: "—", En: "—"}, "pending"
	if c.shown() {
		head, tone = coverageHeadline(a)
	}
	title := l.Pick("现在能报销吗？", "Covered now?")
	if c.AsOf != "" {
		title = l.Pick(l.FormatDay(c.AsOf)+"能报销吗？", "Covered on "+l.FormatDay(c.AsOf)+"?")
	}
	return resultCard("coverage", title, tone, c.Stale, head.In(l), shownBasis(c.Computed || c.Stale, c.Basis),
		c.facts(),
		&explainList{Lang: l, Steps: a.Explain},
	)
}

// coverageHeadline is the coverage card's headline and tone (good, warn,
// bad), also written on the result image.
func coverageHeadline(a *rules.CoverageAnswer) (head form.Text, tone string) {
	switch {
	case a.Active && a.Status == rules.StatusRetired:
		head, tone = form.Text{Zh: "能报销（退休人员）", En: "Covered (retiree)"}, "good"
	case a.Active:
		head, tone = form.Text{Zh: "能报销", En: "Covered"}, "good"
	case a.Status == rules.StatusWaiting:
		head, tone = form.Text{Zh: "等待期中，暂不能报销", En: "In a waiting period: not yet covered"}, "warn"
	case a.Status == rules.StatusFuture:
		head, tone = form.Text{Zh: "还没开始享受待遇", En: "Benefits have not started yet"}, "warn"
	case a.Status == rules.StatusNone:
		head, tone = form.Text{Zh: "没有参保，不能报销", En: "Not enrolled: not covered"}, "bad"
	case a.Status == rules.StatusRetiredShort:
		head, tone = form.Text{Zh: "退休但缴费年限不足，需补足后报销", En: "Retired, but short of the required years"}, "bad"
	default:
		head, tone = form.Text{Zh: "已断保，不能报销", En: "Lapsed: not covered"}, "bad"
	}
	return head, tone
}

// fact is one line of a card's facts, shown only when cond holds.
// facts are the details of the answer shown.
func (c *coverageCard) facts() app.UI {
	if !c.shown() {
		return nil
	}
	l := c.Lang
	a := &c.Answer
	facts := factList{l: l}
	if a.Enrollment != nil {
		facts.add("参保记录", "Enrollment", c.Labels[*a.Enrollment])
	}
	if a.Region != "" {
		place := nameOr(a.RegionName, a.Region)
		if l == form.En {
			place = placeName(l, a.Region)
		}
		facts.add("参保地", "Region", place)
	}
	if a.Scheme != "" {
		facts.add("医保类型", "Scheme", l.SchemeName(a.Scheme))
	}
	if a.From != nil {
		facts.add("待遇开始", "Benefits since", l.FormatDay(*a.From))
	}
	switch {
	case a.Until != nil:
		facts.add("待遇至", "Benefits until", l.FormatDay(*a.Until))
	case a.Active:
		facts.add("待遇至", "Benefits until", l.Pick("长期（无需缴费）", "No end (no payments needed)"))
	}
	if a.WaitingUntil != nil {
		facts.add("等待期至", "Waiting until", l.FormatDay(*a.WaitingUntil))
	}
	return facts.dl()
}

// factList is the rows of a <dl class="facts">, each a term, in the
// language l, and its value; add skips an empty value. add takes the term
// in both languages, not the term in l: a call less at each fact.
type factList struct {
	l    form.Lang
	rows []app.UI
}

func (f *factList) add(zh, en, value string) {
	if value != "" {
		f.rows = append(f.rows, elem("div", "fact", pickedText(f.l, "dt", "", zh, en), textElem("dd", "", value)))
	}
}

func (f *factList) dl() app.UI { return elem("dl", "facts", f.rows...) }

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
