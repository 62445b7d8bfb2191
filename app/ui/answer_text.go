package ui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What the calculator and the embed both show around the three cards.

// enrollmentLabels names each enrollment for the cards: "#1 深圳市 职工医保".
func enrollmentLabels(f State, l Lang) map[string]string {
	m := make(map[string]string, len(f.Enrollments))
	for i, e := range f.Enrollments {
		s := "#" + strconv.Itoa(i+1)
		if e.Region != "" {
			s += " " + placeName(l, e.Region)
		}
		if e.Scheme != "" {
			s += " " + l.SchemeName(e.Scheme)
		}
		m[e.ID] = s
	}
	return m
}

// answerSummary is the one line read out (aria-live) when the answer changes.
func answerSummary(l Lang, ready bool, res Result) string {
	if !ready {
		return l.Pick("正在准备计算……", "Getting ready…")
	}
	if !res.Computed {
		n := strconv.Itoa(len(res.Errors))
		s := l.Pick("还有 "+n+" 处需要填写或修改，填好后马上出结果。", n+" field(s) to fill in or fix; the answer follows at once.")
		if res.Stale {
			s += l.Pick("下面灰色的是修改前的结果。", " The greyed answers below are from before this change.")
		}
		return s
	}
	o := res.Out
	parts := make([]string, 1, 3)
	parts[0] = either(l, o.Coverage.Active, Text{"现在能报销", "covered now"}, Text{"现在不能报销", "not covered now"})
	if w := o.Waiting; w != nil {
		m := strconv.Itoa(w.Months)
		var wait Text
		switch {
		case w.NoBenefits:
			wait = Text{"本次缴费当年享受不到待遇", "this payment buys no benefits"}
		case w.MonthsUpperBound:
			wait = Text{"等待期最长 " + m + " 个月", "a wait of at most " + m + " months"}
		case w.Assumed:
			wait = Text{"今天参保：等待期 " + m + " 个月", "enrolling today: " + m + " months' wait"}
		case w.Months == 0:
			wait = Text{"无等待期", "no wait"}
		default:
			wait = Text{"等待期 " + m + " 个月", m + " months' wait"}
		}
		parts = append(parts, wait.In(l))
		if !o.Coverage.Active && w.BenefitsFrom != "" {
			from := Text{l.FormatDay(w.BenefitsFrom) + "起可报销", "covered from " + l.FormatDay(w.BenefitsFrom)}
			if w.MonthsUpperBound {
				from = Text{"最晚" + from.Zh, "at the latest " + from.En}
			}
			parts = append(parts, from.In(l))
		}
	}
	if o.Duplicates.Keep != nil {
		parts = append(parts, l.Pick("有重复参保", "duplicate enrollment"))
	}
	s := strings.Join(parts, l.Pick("；", "; "))
	if l == En && s != "" {
		s = upperFirst(s)
	}
	return s + l.Pick("。", ".")
}

// generalErrorBox shows the errors that belong to no field of the form.
func generalErrorBox(l Lang, errs Errors) app.UI {
	var msgs []string
	for k, m := range errs {
		if !knownField(k) {
			msgs = append(msgs, m.In(l))
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	lines := make([]app.UI, len(msgs))
	for i, m := range msgs {
		lines[i] = textElem("p", "error", m)
	}
	return withBody(tagged("div", "class", "card error-box", "role", "alert"), lines...)
}

// upperFirst capitalizes the first letter (strings.ToUpper would link its
// whole case-mapping machinery into app.wasm for one letter).
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
