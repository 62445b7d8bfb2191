package ui

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/rules"
)

// nextStepsCard helps the person act on the answer: deadlines (with a
// calendar file made in the browser), the transfer steps between regions,
// the continuous-enrollment incentive, and whether the region's own rules
// are known.
type nextStepsCard struct {
	app.Compo

	Lang     lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	Answer   rules.Output
}

// shown says the card shows an answer, current or stale.
func (c *nextStepsCard) shown() bool { return c.Computed || c.Stale }

func (c *nextStepsCard) Render() app.UI {
	l := c.Lang
	a := c.Answer
	if !c.shown() {
		return app.Elem("section").ID("next-steps").Class("card", "result", "tone-pending").Body(
			app.Elem("h2").Text(l.s("下一步怎么办", "What to do next")),
			app.Elem("p").Class("headline").Text("—"),
		)
	}
	return app.Elem("section").ID("next-steps").Class(resultClasses("info", c.Stale)...).Aria("labelledby", "next-h").Body(
		app.Elem("h2").ID("next-h").Text(l.s("下一步怎么办", "What to do next")),
		app.If(a.Rules.Region != "", func() app.UI {
			if a.Rules.Local {
				return app.Elem("p").ID("rules-scope").Class("scope", "local").Text(l.s(
					a.Rules.RegionName+"：已收录当地规定，未收录的部分按国家规定。",
					a.Rules.RegionName+": local rules are included; the rest follows the national rules."))
			}
			return app.Elem("p").ID("rules-scope").Class("scope", "national").Text(l.s(
				a.Rules.RegionName+"：按国家规定，当地细则请以当地医保部门为准。",
				a.Rules.RegionName+": national rules; check the local medical-insurance bureau for local details."))
		}),
		app.If(len(a.Deadlines) > 0, func() app.UI {
			return app.Elem("div").ID("deadlines").Class("deadlines").Body(
				app.Elem("h3").Text(l.s("截止日期", "Deadlines")),
				app.Elem("ul").Body(app.Range(a.Deadlines).Slice(func(i int) app.UI {
					d := a.Deadlines[i]
					return app.Elem("li").DataSet("kind", d.Kind).DataSet("date", d.Date).Body(
						app.Elem("strong").Text(l.formatDay(d.Date)+l.s("：", ": ")),
						app.Text(l.s(d.Zh, d.En)),
					)
				})),
				app.Elem("button").Attr("type", "button").ID("add-to-calendar").Class("btn", "btn-quiet").
					Text(l.s("添加到日历（.ics 提醒）", "Add to calendar (.ics reminder)")).
					OnClick(c.onCalendar),
			)
		}),
		app.If(a.Transfer != nil, func() app.UI { return c.transfer(*a.Transfer) }),
		app.If(a.Incentive != nil, func() app.UI { return c.incentive(*a.Incentive) }),
	)
}

func (c *nextStepsCard) transfer(t rules.TransferAnswer) app.UI {
	l := c.Lang
	title := l.s("从"+t.FromName+"到"+t.ToName+"：转移接续", "From "+t.FromName+" to "+t.ToName+": transfer")
	if t.Kind == "filing" {
		title = l.s("退休人员异地居住：异地就医备案", "Retired and living elsewhere: file for care in another region")
	}
	texts := func(ts []rules.Text) []app.UI {
		out := make([]app.UI, len(ts))
		for i, x := range ts {
			out[i] = app.Elem("li").Text(l.s(x.Zh, x.En))
		}
		return out
	}
	// Folded: the steps are long, and the form must stay near on a phone.
	return app.Elem("details").ID("transfer").Class("transfer").DataSet("kind", t.Kind).Body(
		app.Elem("summary").Body(app.Elem("h3").Text(title)),
		app.Elem("ol").Class("steps").Body(texts(t.Steps)...),
		app.If(t.Kind == "transfer", func() app.UI {
			return app.Elem("p").Class("time-limit").Text(l.s("办理时限："+strconv.Itoa(t.WorkingDays)+"个工作日", "Time limit: "+strconv.Itoa(t.WorkingDays)+" working days"))
		}),
		app.Elem("h4").Text(l.s("材料", "What to bring")),
		app.Elem("ul").Body(texts(t.Materials)...),
		app.Elem("h4").Text(l.s("办理渠道", "Where")),
		app.Elem("ul").Body(texts(t.Channels)...),
		app.Elem("h4").Text(l.s("不要这样做", "Do not")),
		app.Elem("ul").Class("do-not").Body(texts(t.DoNot)...),
		&explainList{Lang: l, Steps: t.Explain},
	)
}

func (c *nextStepsCard) incentive(in rules.IncentiveAnswer) app.UI {
	l := c.Lang
	years := strconv.Itoa(in.ContinuousYears)
	earned := strconv.Itoa(in.EarnedRise)
	next := strconv.Itoa(in.NextRiseYear)
	rise := strconv.Itoa(in.RisePerYear)
	return app.Elem("div").ID("incentive").Class("incentive").DataSet("years", years).DataSet("earned", earned).Body(
		app.Elem("h3").Text(l.s("连续参保激励", "Continuous-enrollment incentive")),
		app.Elem("p").Text(l.s(
			"已连续参加居民医保"+years+"年，大病保险最高支付限额已提高"+earned+"元；"+next+"年度起每连续参保1年再提高"+rise+"元（累计不超过原封顶线的"+strconv.Itoa(in.CapPercent)+"%）。",
			years+" continuous years of resident insurance; the 大病保险 cap has risen by "+earned+" yuan; from "+next+" each further year adds "+rise+" yuan (at most "+strconv.Itoa(in.CapPercent)+"% of the original cap).")),
		app.Elem("p").Class("warn").Text(l.s(
			"断保的代价：连续年数清零、已提高的"+earned+"元不再保留，再参保至少等待3个月。",
			"What a break costs: the count restarts, the "+earned+" yuan is lost, and enrolling again waits at least 3 months.")),
		&explainList{Lang: l, Steps: in.Explain},
	)
}

// onCalendar makes the .ics file in the browser and downloads it: nothing
// is sent anywhere.
func (c *nextStepsCard) onCalendar(ctx app.Context, e app.Event) {
	now := time.Now().UTC()
	text := icsCalendar(c.Lang, c.Answer.Deadlines, now.Format("20060102T150405Z"), strconv.FormatInt(now.UnixNano(), 36))
	win := app.Window()
	blob := win.Get("Blob").New([]any{text}, map[string]any{"type": "text/calendar;charset=utf-8"})
	url := win.Get("URL").Call("createObjectURL", blob)
	link := win.Get("document").Call("createElement", "a")
	link.Set("href", url)
	link.Set("download", "yibao-deadlines.ics")
	win.Get("document").Get("body").Call("appendChild", link)
	link.Call("click")
	link.Call("remove")
	ctx.After(time.Minute, func(app.Context) { win.Get("URL").Call("revokeObjectURL", url) })
}
