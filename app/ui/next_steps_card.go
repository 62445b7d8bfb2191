package ui

import (
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// nextStepsCard helps the person act on the answer: deadlines (with a
// calendar file made in the browser), the transfer steps between regions,
// the continuous-enrollment incentive, and whether the region's own rules
// are known.
type nextStepsCard struct {
	app.Compo

	Lang     form.Lang
	Computed bool
	Stale    bool // Answer belongs to an earlier input (see result.Stale)
	Answer   rules.Output
	// PayOn is the day of the planned payment ("" without a plan).
	PayOn string
}

// shown says the card shows an answer, current or stale.
func (c *nextStepsCard) shown() bool { return c.Computed || c.Stale }

// noNextStepsMarkup is the card before there is an answer.
var noNextStepsMarkup = node{tag: "section", attrs: []string{"class", "card result tone-pending", "id", "next-steps"}, kids: []node{
	{tag: "h2", text: form.Text{Zh: "下一步怎么办", En: "What to do next"}},
	{tag: "p", attrs: []string{"class", "headline"}, text: form.Text{Zh: "—", En: "—"}},
}}

func (c *nextStepsCard) Render() app.UI {
	l := c.Lang
	a := &c.Answer
	if !c.shown() {
		return noNextStepsMarkup.build(l)
	}
	var scope, deadlines, transfer, incentive app.UI
	if a.Rules.Region != "" {
		name := placeName(l, a.Rules.Region)
		class, text := "scope local", form.Text{
			Zh: name + "：已收录当地规定，未收录的部分按国家规定。",
			En: name + ": local rules are included; the rest follows the national rules."}
		if !a.Rules.Local {
			class, text = "scope national", form.Text{
				Zh: name + "：按国家规定，当地细则请以当地医保部门为准。",
				En: name + ": national rules; check the local medical-insurance bureau for local details."}
		}
		scope = withText(tagged("p", "class", class, "id", "rules-scope"), text.In(l))
	}
	if len(a.Deadlines) > 0 {
		items := make([]app.UI, len(a.Deadlines))
		for i, d := range a.Deadlines {
			items[i] = withBody(tagged("li", "data-kind", d.Kind, "data-date", d.Date),
				textElem("strong", "", l.FormatDay(d.Date)+l.Pick("：", ": ")),
				app.Text(l.Pick(d.Zh, d.En)),
			)
		}
		deadlines = withBody(tagged("div", "class", "deadlines", "id", "deadlines"),
			pickedText(l, "h3", "", "截止日期", "Deadlines"),
			elem("ul", "", items...),
			c.reminder(),
		)
	}
	if a.Transfer != nil {
		transfer = c.transfer(a.Transfer)
	}
	if a.Incentive != nil {
		incentive = c.incentive(a.Incentive)
	}
	return withBody(tagged("section", "id", "next-steps", "aria-labelledby", "next-h", "class", resultClasses("info", c.Stale)),
		withText(tagged("h2", "id", "next-h"), l.Pick("下一步怎么办", "What to do next")),
		scope,
		c.todo(),
		deadlines,
		transfer,
		incentive,
	)
}

// todo is the checklist of what the answer asks the person to do, from
// the same evaluation as the cards: stop each enrollment the duplicates
// card stops (how, where, and the refund condition); make the planned
// payment (when, where, from when it pays, about how much, what to bring),
// or not, when its months are covered; with no plan, choose a way back, or
// renew a resident year; and move the enrollment or file for care
// elsewhere (the main step and where; the fold below has the rest).
func (c *nextStepsCard) todo() app.UI {
	l := c.Lang
	a := &c.Answer
	var items []app.UI
	for _, act := range a.Duplicates.Actions {
		if slices.Contains(a.Duplicates.Stop, act.Enrollment) {
			items = append(items, withBody(tagged("li", "class", "todo-stop"),
				app.Text(l.Pick(act.Zh, act.En)),
				textElem("span", "todo-where", stopWhere(l, act).In(l)),
			))
		}
	}
	// A plan the duplicates card stops is not to be paid (one story), nor
	// one whose months are covered already: the waiting card's step says
	// what to do instead, and so does the checklist.
	if w := a.Waiting; w != nil && w.About == "plan" && c.PayOn != "" && !slices.Contains(a.Duplicates.Stop, "plan") {
		switch {
		case w.PlanNotNeeded:
			items = append(items, c.planNotNeeded(w))
		case c.PayOn < a.AsOf:
			items = append(items, c.payDayPassed())
		default:
			items = append(items, c.payment(w))
		}
	}
	// Not covered and no plan: the ways back, to choose from.
	if w := a.Waiting; w != nil && w.Assumed && len(w.Ways) > 0 {
		items = append(items, c.waysItem(w.Ways))
	}
	// Covered by a resident year and no plan: the next year is paid in the
	// window.
	if w := a.Waiting; a.Coverage.Active && a.Coverage.Scheme == rules.Resident && (w == nil || w.About != "plan" && !w.Assumed) {
		if i := slices.IndexFunc(a.Deadlines, func(d rules.Deadline) bool { return d.Kind == "windowEnds" }); i >= 0 {
			items = append(items, c.renewItem(&a.Deadlines[i]))
		}
	}
	// Moving the enrollment, or a retiree's filing for care where they
	// live: what to do and where, the steps and materials below.
	if t := a.Transfer; t != nil && len(t.Steps) > 0 {
		items = append(items, c.transferItem(t))
	}
	if len(items) == 0 {
		return nil
	}
	return elem("div", "todo",
		pickedText(l, "h3", "", "要做的事", "To do"),
		elem("ol", "todo-list", items...),
	)
}

// waysItem is the checklist's item for a person not covered who gave no
// plan: each way back, paying today, to choose from.
func (c *nextStepsCard) waysItem(ways []rules.WayBack) app.UI {
	l := c.Lang
	list := make([]app.UI, len(ways))
	for i, wb := range ways {
		list[i] = pickedText(l, "li", "", wb.Zh, wb.En)
	}
	return withBody(tagged("li", "class", "todo-ways"),
		app.Text(l.Pick("选一种方式接着参保（都以今天缴费计）：", "Choose a way back into insurance (each paying today):")),
		elem("ul", "", list...),
		textElem("span", "todo-where", payWhere.In(l)),
	)
}

// renewItem is the checklist's item for a resident year to renew: by the
// end of the window, d.
func (c *nextStepsCard) renewItem(d *rules.Deadline) app.UI {
	l := c.Lang
	return withBody(tagged("li", "class", "todo-renew"),
		textElem("strong", "", l.Pick(l.FormatDay(d.Date)+"前续交下一年度的居民医保。", "Renew the resident scheme by "+l.FormatDay(d.Date)+". ")),
		app.Text(l.Pick(d.Zh, d.En)),
	)
}

// payWhere says where a payment is made, and whom to ask.
var payWhere = form.Text{
	Zh: "在哪里交：当地医保或税务部门公布的渠道，如国家医保服务平台 App、微信或支付宝的城市服务、当地税务 App 或医保经办窗口；不清楚可打医保服务热线 12393。",
	En: " Where: the channels the local medical insurance or tax office names, such as the 国家医保服务平台 app, the city services of WeChat or Alipay, the local tax app or the insurance office; ask the hotline 12393 if unsure.",
}

// payment is the checklist's item for the planned payment: when, where
// and from when it pays, how much where the answer says it, and where to
// pay and ask.
func (c *nextStepsCard) payment(w *rules.WaitingAnswer) app.UI {
	l := c.Lang
	scheme, place := l.SchemeName(w.Scheme), placeName(l, w.Region)
	pay := l.Pick(l.FormatDay(c.PayOn)+"：在"+place+"缴纳"+scheme, l.FormatDay(c.PayOn)+": pay the "+scheme+" in "+place)
	switch {
	case w.NoBenefits:
		pay += l.Pick("。这次缴费当年享受不到待遇，见上面的等待期。", ". This payment buys no benefits this year: see the waiting period above.")
	case w.BenefitsFrom != "":
		pay += l.Pick("，", "; ") + benefitsFromText(l, w, c.Answer.AsOf) + l.Pick("。", ".")
	default:
		pay += l.Pick("。", ".")
	}
	// How much, where the answer says it: outside the window some
	// regions ask the contribution plus the subsidy.
	switch {
	case w.FullPrice && w.Cost != nil && *w.Cost > 0:
		n := strconv.Itoa(*w.Cost)
		pay += l.Pick("这时缴费按全额（个人缴费加财政补助）："+n+"元。", " At that time the price is in full (the contribution plus the subsidy): "+n+" yuan.")
	case w.FullPrice:
		pay += l.Pick("这时缴费按全额（个人缴费加财政补助），比集中参保期内贵。", " At that time the price is in full (the contribution plus the subsidy), more than inside the window.")
	case w.Contribution != nil:
		pay += contributionText(l, w)
	}
	// What to bring, as the transfer's materials say it; a baby is
	// enrolled with the birth certificate (regions-2026-12: 湖南, 四川).
	bring := form.Text{Zh: "凭有效身份证件或医保电子凭证办理，以当地要求为准。", En: " With an ID card or the medical-insurance e-voucher (医保电子凭证); ask what the region needs."}
	if w.Exempt != nil && *w.Exempt == rules.GroupNewborn {
		bring = form.Text{Zh: "给宝宝参保一般凭出生医学证明办理，以当地要求为准。", En: " A baby is usually enrolled with the birth certificate (出生医学证明); ask what the region needs."}
	}
	pay += bring.In(l)
	return withBody(tagged("li", "class", "todo-pay", "id", "todo-pay", "tabindex", "-1"),
		app.Text(pay),
		textElem("span", "todo-where", payWhere.In(l)),
	)
}

// stopWhere adds to the engine's action, which says what to do with an
// enrollment the duplicates card stops (an employer's is the employer's
// to close, a flexible worker's the person's), where a resident one is
// ended (医保发〔2020〕33号: “其他重复参加居民医保的，须终止”), and whom to ask.
func stopWhere(l form.Lang, act rules.Action) form.Text {
	if act.Refund == "personalAccount" {
		return form.Text{Zh: "不清楚怎么办可打医保服务热线 12393。", En: " Ask the hotline 12393 if unsure."}
	}
	region := placeName(l, act.Region)
	return form.Text{
		Zh: "在哪里办：到" + region + "的医保经办窗口，或当地医保服务平台、国家医保服务平台 App 申请终止参保；不清楚可打医保服务热线 12393。",
		En: " Where: end the enrollment at " + region + "'s medical insurance office, or its online service or the 国家医保服务平台 app; ask the hotline 12393 if unsure.",
	}
}

// planNotNeeded is the checklist's item for a plan whose months are
// covered already: the waiting card's step that says so, instead of a
// payment.
func (c *nextStepsCard) planNotNeeded(w *rules.WaitingAnswer) app.UI {
	l := c.Lang
	text := stepText(l, w.Explain, "plan.overlap")
	if text == "" {
		return nil
	}
	return withBody(tagged("li", "class", "todo-check"),
		textElem("strong", "", l.Pick("先不要缴这笔费用。", "Do not make this payment yet. ")),
		app.Text(text),
	)
}

// contributionText says about how much a resident payment costs: the
// year's individual contribution, the region's own or the national
// standard (which a region may exceed), or the year before's while the
// year bought has none published.
func contributionText(l form.Lang, w *rules.WaitingAnswer) string {
	n, y := strconv.Itoa(*w.Contribution), strconv.Itoa(w.ContributionYear)
	var s form.Text
	switch {
	case w.ContributionYear != w.BenefitYear && w.ContributionNational:
		by := strconv.Itoa(w.BenefitYear)
		s = form.Text{Zh: by + "年度的个人缴费标准还未收录；" + y + "年度全国标准不低于" + n + "元，以当地公布的为准。", En: " The " + by + " contribution is not known yet; the national standard for " + y + " was at least " + n + " yuan: the region's own is what counts."}
	case w.ContributionYear != w.BenefitYear:
		by := strconv.Itoa(w.BenefitYear)
		s = form.Text{Zh: by + "年度的个人缴费标准还未收录；" + y + "年度当地为" + n + "元。", En: " The " + by + " contribution is not known yet; it was " + n + " yuan here for " + y + "."}
	case w.ContributionNational:
		s = form.Text{Zh: "个人缴费：" + y + "年度全国标准不低于" + n + "元，以当地公布的为准。", En: " The contribution: the national standard for " + y + " is at least " + n + " yuan: the region's own is what counts."}
	default:
		s = form.Text{Zh: "个人缴费：" + y + "年度" + n + "元。", En: " The contribution: " + n + " yuan for " + y + "."}
	}
	return s.In(l)
}

// payDayPassed is the checklist's item for a planned payment whose day is
// before the date of the answer (a plan typed, or a life event answered,
// on an earlier day): never a step dated in the past, but what to do, with
// the plan moved to today in one tap.
func (c *nextStepsCard) payDayPassed() app.UI {
	l := c.Lang
	day := l.FormatDay(c.PayOn)
	return withBody(tagged("li", "class", "todo-pay todo-passed"),
		app.Text(l.Pick("打算缴费的日子（"+day+"）已经过去了。已经交了的，在参保记录里添上这次缴费；还没交的，改一个新的缴费日，等待期会跟着重算。",
			"The day planned for the payment ("+day+") has passed. If you paid, add the payment to your enrollments; if not, choose a new day: the waiting period follows it.")),
		button("plan-pay-today", "btn btn-quiet", payOnLabel(l, c.Answer.AsOf), c.onPayToday),
	)
}

// payOnLabel is the button that moves the payment to the answer's date:
// today, unless the person asks about another day.
func payOnLabel(l form.Lang, asOf string) string {
	day := l.FormatDay(asOf)
	if asOf == form.Today() {
		return l.Pick("改成今天（"+day+"）交", "Pay today ("+day+") instead")
	}
	return l.Pick("改成"+day+"交", "Pay on "+day+" instead")
}

// onPayToday moves the plan's payment to the answer's date.
func (c *nextStepsCard) onPayToday(ctx app.Context, e app.Event) {
	asOf := c.Answer.AsOf
	ctx.NewActionWithValue(actEditForm, formEdit(func(f *form.State) { f.Plan.PayOn = asOf }))
	focusSoon("todo-pay", "plan-pay-today") // the button goes with its item
}

// transfer says how to move the insurance to the new region, or, for a
// retiree living elsewhere, how to file for care there.
func (c *nextStepsCard) transfer(t *rules.TransferAnswer) app.UI {
	l := c.Lang
	title := c.transferTitle(t)
	var limit app.UI
	if t.Kind == "transfer" && t.WorkingDays > 0 {
		days := strconv.Itoa(t.WorkingDays)
		limit = textElem("p", "time-limit", l.Pick("办理时限："+days+"个工作日", "Time limit: "+days+" working days"))
	}
	return withBody(tagged("details", "id", "transfer", "class", "transfer", "data-kind", t.Kind),
		elem("summary", "", textElem("h3", "", title)),
		textList("ol", "steps", l, t.Steps),
		limit,
		pickedText(l, "h4", "", "材料", "What to bring"),
		textList("ul", "", l, t.Materials),
		pickedText(l, "h4", "", "办理渠道", "Where"),
		textList("ul", "", l, t.Channels),
		pickedText(l, "h4", "", "不要这样做", "Do not"),
		textList("ul", "do-not", l, t.DoNot),
		&explainList{Lang: l, Steps: t.Explain},
	)
}

// transferItem is the checklist's item for the transfer or the filing:
// its title, its main step, and where.
func (c *nextStepsCard) transferItem(t *rules.TransferAnswer) app.UI {
	l := c.Lang
	step := t.Steps[min(t.Main, len(t.Steps)-1)]
	var where app.UI
	if len(t.Channels) > 0 {
		where = textElem("span", "todo-where", l.Pick("在哪里办："+t.Channels[0].Zh+"；步骤和材料见下面。", " Where: "+t.Channels[0].En+"; the steps and what to bring are below."))
	}
	return withBody(tagged("li", "class", "todo-transfer"),
		textElem("strong", "", c.transferTitle(t)+l.Pick("。", ". ")),
		app.Text(l.Pick(step.Zh, step.En)),
		where,
	)
}

// transferTitle names the transfer, or the retiree's filing.
func (c *nextStepsCard) transferTitle(t *rules.TransferAnswer) string {
	l := c.Lang
	if t.Kind == "filing" {
		return l.Pick("退休人员异地居住：异地就医备案", "Retired and living elsewhere: file for care in another region")
	}
	from, to := placeName(l, t.From), placeName(l, t.To)
	return l.Pick("从"+from+"到"+to+"：转移接续", "From "+from+" to "+to+": transfer")
}

// textList is a list of texts in the language, one item each.
func textList(tag, class string, l form.Lang, ts []rules.Text) app.UI {
	items := make([]app.UI, len(ts))
	for i, x := range ts {
		items[i] = pickedText(l, "li", "", x.Zh, x.En)
	}
	return elem(tag, class, items...)
}

// incentive tells what continuous enrollment has earned, and what a break
// would cost.
func (c *nextStepsCard) incentive(in *rules.IncentiveAnswer) app.UI {
	l := c.Lang
	years := strconv.Itoa(in.ContinuousYears)
	earned := strconv.Itoa(in.EarnedRise)
	b := basisFor(l, &c.Answer, rules.SectionIncentive, in.Explain)
	next, rise, capPct := strconv.Itoa(in.NextRiseYear), strconv.Itoa(in.RisePerYear), strconv.Itoa(in.CapPercent)
	summary := l.Pick(
		"已连续参加居民医保"+years+"年，大病保险最高支付限额已提高"+earned+"元；"+next+"年度起每连续参保1年再提高"+rise+"元（累计不超过原封顶线的"+capPct+"%）。",
		years+" continuous years of resident insurance; the 大病保险 cap has risen by "+earned+" yuan; from "+next+" each further year adds "+rise+" yuan (at most "+capPct+"% of the original cap).")
	switch {
	case in.NoCeiling:
		summary = stepText(l, in.Explain, "incentive.noCeiling")
	case in.ContinuousYears == 0: // no "已连续参加居民医保0年": the rule, from when it counts
		threshold, from := strconv.Itoa(in.YearsBeforeRise), strconv.Itoa(in.CountFrom)
		summary = l.Pick(
			"还没有计入激励的连续参保年度（自"+from+"年度起计算）；连续参保满"+threshold+"年后，每再连续参保1年，大病保险最高支付限额提高"+rise+"元（累计不超过原封顶线的"+capPct+"%）。",
			"No continuous year counts toward the incentive yet (counted from "+from+"); after "+threshold+" continuous years, each further year raises the 大病保险 cap by "+rise+" yuan (at most "+capPct+"% of the original cap).")
	case in.EarnedRise == 0: // no "已提高0元"
		summary = l.Pick(
			"已连续参加居民医保"+years+"年；自"+next+"年度起，每连续参保1年，大病保险最高支付限额提高"+rise+"元（累计不超过原封顶线的"+capPct+"%）。",
			years+" continuous years of resident insurance; from "+next+" each further year raises the 大病保险 cap by "+rise+" yuan (at most "+capPct+"% of the original cap).")
	}
	return withBody(tagged("div", "id", "incentive", "class", "incentive", "data-years", years, "data-earned", earned),
		pickedText(l, "h3", "", "连续参保激励", "Continuous-enrollment incentive"),
		b.line(),
		textElem("p", "", summary),
		textIf("p", "warn", stepText(l, in.Explain, "incentive.break")),
		&explainList{Lang: l, Steps: in.Explain},
	)
}

// stepText is the text of the first step of rule, in l.
func stepText(l form.Lang, steps []rules.Step, rule string) string {
	for _, s := range steps {
		if s.Rule == rule {
			return l.Pick(s.Zh, s.En)
		}
	}
	return ""
}

// reminder offers the deadlines as a calendar file, or, inside WeChat,
// which opens no .ics, as a text to copy (into a memo or a chat with
// oneself) and the way out to a browser that can add them to a calendar.
func (c *nextStepsCard) reminder() app.UI {
	l := c.Lang
	if !inWeChat() {
		return button("add-to-calendar", "btn btn-quiet", l.Pick("添加到日历（.ics 提醒）", "Add to calendar (.ics reminder)"), c.onCalendar)
	}
	return elem("div", "reminder",
		labelFor("reminder-text", l.Pick("提醒文字（可复制到备忘录或发给自己）", "Reminder text (copy it into a note or a chat with yourself)")),
		withText(tagged("textarea", "id", "reminder-text", "class", "field-input", "readonly", "true", "rows", "4"), form.ReminderText(l, c.Answer.Deadlines)),
		button("copy-reminder", "btn btn-quiet", l.Pick("复制提醒文字", "Copy the reminder"), c.onCopyReminder),
		pickedText(l, "p", "hint", "微信里不能直接添加到日历：点右上角「…」，选「在浏览器中打开」，再点「添加到日历」。",
			"WeChat cannot add these to a calendar: tap … at the top right, choose 在浏览器中打开 (open in the browser), then Add to calendar."),
	)
}

// onCopyReminder copies the reminder text, and selects it for a manual
// copy where the clipboard is not available.
func (c *nextStepsCard) onCopyReminder(ctx app.Context, e app.Event) {
	if clip := app.Window().Get("navigator").Get("clipboard"); clip.Truthy() {
		clip.Call("writeText", form.ReminderText(c.Lang, c.Answer.Deadlines))
	}
	if el := app.Window().GetElementByID("reminder-text"); el.Truthy() {
		el.Call("select")
	}
}

// onCalendar makes the .ics file in the browser and downloads it: nothing
// is sent anywhere.
func (c *nextStepsCard) onCalendar(ctx app.Context, e app.Event) {
	now := time.Now().UTC()
	text := form.ICS(c.Lang, c.Answer.Deadlines, now.Format("20060102T150405Z"), strconv.FormatInt(now.UnixNano(), 36))
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
