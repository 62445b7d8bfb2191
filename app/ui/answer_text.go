package ui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// What the calculator and the embed both show around the three cards.

// enrollmentLabels names each enrollment for the cards: "#1 深圳市 职工医保".
func enrollmentLabels(f form.State, l form.Lang) map[string]string {
	m := make(map[string]string, len(f.Enrollments))
	for i, e := range f.Enrollments {
		m[e.ID] = enrollmentLabel(l, i, e)
	}
	return m
}

// enrollmentLabel names row i of the form, e, for people: #1 深圳市 职工医保.
func enrollmentLabel(l form.Lang, i int, e form.Enrollment) string {
	s := "#" + strconv.Itoa(i+1)
	if e.Region != "" {
		s += " " + placeName(l, e.Region)
	}
	if e.Scheme != "" {
		s += " " + l.SchemeName(e.Scheme)
	}
	return s
}

// answerSummary is the one line read out (aria-live) when the answer changes.
func answerSummary(l form.Lang, ready bool, res form.Result) string {
	if !ready {
		return l.Pick("正在准备计算……", "Getting ready…")
	}
	if res.Awaiting {
		return l.Pick("选一件发生的事，或添加参保记录，马上算出结果。", "Pick what happened, or add an enrollment, for the answer.")
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
	parts[0] = either(l, o.Coverage.Active, form.Text{Zh: "现在能报销", En: "covered now"}, form.Text{Zh: "现在不能报销", En: "not covered now"})
	if w := o.Waiting; w != nil {
		// The wait in the waiting card's words (waitText).
		wait := waitText(w).In(l)
		var from string
		if !o.Coverage.Active && w.BenefitsFrom != "" {
			from = benefitsFromText(l, w, o.AsOf)
		}
		switch {
		case w.Assumed: // one part: the assumption, its wait and its day
			if from != "" {
				wait += l.Pick("，", ", ") + from
			}
			parts = append(parts, ifToday.In(l)+wait)
		case from != "":
			parts = append(parts, wait, from)
		default:
			parts = append(parts, wait)
		}
	}
	if o.Duplicates.Keep != nil {
		parts = append(parts, l.Pick("有重复参保", "duplicate enrollment"))
	}
	s := strings.Join(parts, l.Pick("；", "; "))
	if l == form.En && s != "" {
		s = upperFirst(s)
	}
	return s + l.Pick("。", ".")
}

// benefitsFromText says from when the waiting answer's payment pays
// benefits: at the latest that day where only the national cap is known,
// and, for a payment still to make whose benefits go back before it to a
// day already past (after a short interruption), that it takes the
// payment first.
func benefitsFromText(l form.Lang, w *rules.WaitingAnswer, asOf string) string {
	day := l.FormatDay(w.BenefitsFrom)
	switch {
	case w.Retroactive && (w.About == "plan" || w.Assumed) && w.BenefitsFrom < asOf:
		return l.Pick("缴费后可追溯至"+day+"起报销", "once paid, covered back to "+day)
	case w.MonthsUpperBound:
		return l.Pick("最晚"+day+"起可报销", "at the latest covered from "+day)
	}
	return l.Pick(day+"起可报销", "covered from "+day)
}

// generalErrorBox shows the errors that belong to no field of the form.
func generalErrorBox(l form.Lang, errs form.Errors) app.UI {
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
