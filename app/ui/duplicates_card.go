package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// duplicatesCard says which of overlapping enrollments to keep and what
// happens to the others.
type duplicatesCard struct {
	app.Compo

	Lang     form.Lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	Answer   rules.DuplicatesAnswer
	Labels   map[string]string
	// Basis is what the answer rests on (nil before one is computed).
	Basis *basis
}

func (c *duplicatesCard) attrs() [][2]string {
	keep := ""
	if c.Computed {
		keep = deref(c.Answer.Keep)
	}
	return [][2]string{{"data-keep", keep}}
}

func (c *duplicatesCard) OnMount(ctx app.Context) {
	mountContractAttrs(ctx, c.JSValue(), c.attrs(), c.Computed)
}

func (c *duplicatesCard) OnUpdate(ctx app.Context) {
	updateContractAttrs(ctx, c.JSValue(), c.attrs(), c.Computed)
}

// duplicatesHeadline is the duplicates card's headline and tone, also
// written on the result image; labels name the enrollments (labelOf).
func duplicatesHeadline(a *rules.DuplicatesAnswer, labels map[string]string) (head form.Text, tone string) {
	switch {
	case a.Keep == nil && len(a.Overlaps) == 0:
		return form.Text{Zh: "没有重复参保", En: "No duplicate enrollment"}, "good"
	case a.Keep == nil:
		return form.Text{Zh: "有重叠，无需停保", En: "Overlapping, nothing to stop"}, "warn"
	}
	k := labelOf(labels, *a.Keep)
	return form.Text{Zh: "保留 " + k, En: "Keep " + k}, "warn"
}

func (c *duplicatesCard) label(id string) string { return labelOf(c.Labels, id) }

// labelOf names an enrollment as the form does ("#1 深圳市 职工医保"), or
// by its id when the form has no row for it.
func labelOf(labels map[string]string, id string) string {
	if v, ok := labels[id]; ok {
		return v
	}
	return id
}

// shown says the card shows an answer, current or stale.
func (c *duplicatesCard) shown() bool { return c.Computed || c.Stale }

func (c *duplicatesCard) Render() app.UI {
	l := c.Lang
	a := &c.Answer
	head, tone := form.Text{Zh: "—", En: "—"}, "pending"
	if c.shown() {
		head, tone = duplicatesHeadline(a, c.Labels)
	}
	return resultCard("duplicates", l.Pick("重复参保", "Duplicate enrollments"), tone, c.Stale, head.In(l), shownBasis(c.Computed || c.Stale, c.Basis),
		c.stop(),
		c.overlaps(),
		c.actions(),
		&explainList{Lang: l, Steps: a.Explain},
	)
}

// stop names the enrollments to stop.
func (c *duplicatesCard) stop() app.UI {
	l, a := c.Lang, &c.Answer
	if !c.shown() || len(a.Stop) == 0 {
		return nil
	}
	names := make([]string, len(a.Stop))
	for i, id := range a.Stop {
		names[i] = c.label(id)
	}
	return textElem("p", "", l.Pick("停保：", "Stop: ")+strings.Join(names, l.Pick("、", ", ")))
}

// overlaps lists the months two enrollments overlap.
func (c *duplicatesCard) overlaps() app.UI {
	l, a := c.Lang, &c.Answer
	if !c.shown() || len(a.Overlaps) == 0 {
		return nil
	}
	items := make([]app.UI, len(a.Overlaps))
	for i, o := range a.Overlaps {
		kind := either(l, o.Kind == "crossScheme", form.Text{Zh: "职工与居民", En: "employee and resident"}, form.Text{Zh: "同一制度", En: "same scheme"})
		items[i] = textElem("li", "", c.label(o.A)+l.Pick(" 与 ", " and ")+c.label(o.B)+l.Pick(" 重叠：", " overlap: ")+
			l.FormatMonth(o.From)+" – "+l.FormatMonth(o.To)+l.Pick("（", " (")+kind+l.Pick("）", ")"))
	}
	return elem("ul", "overlaps", items...)
}

// actions says what to do about each enrollment.
func (c *duplicatesCard) actions() app.UI {
	l, a := c.Lang, &c.Answer
	if !c.shown() || len(a.Actions) == 0 {
		return nil
	}
	items := make([]app.UI, len(a.Actions))
	for i, act := range a.Actions {
		items[i] = elem("li", "",
			textElem("p", "", c.label(act.Enrollment)+l.Pick("：", ": ")+l.Pick(act.Zh, act.En)),
			sourceLine(l, act.Source),
		)
	}
	return elem("ul", "actions", items...)
}
