package rules

import (
	"strconv"
	"time"
)

// residentCase is what the resident waiting-period clauses read: the facts
// of one payment, computed once before any clause is tried.
type residentCase struct {
	t         target
	year      int  // the benefit year bought
	alsoYear  int  // a second benefit year the same payment buys (newborns across 1 January); 0 if none
	inWindow  bool // paid inside the 集中参保期 of year
	extension bool // paid in the region's extension period (延长缴费期) of year
	wFrom     Date
	wTo       Date
	wp        param
	pay       Date  // the payment day; zero when unknown (counted as paid in the window)
	start     Month // the first month the payment covers
	startDay  Date  // the day a wait counts from, or benefits start without one
	yearFirst Date
	lookup    Date // the day the parameters are read at
	prev      *span
	// gap counts the months without coverage between prev and start;
	// interruption counts them up to the payment month (医保办发〔2021〕43号
	// ② measures the interruption of contributions, to the payment).
	gap, interruption int
	birth             Date // zero when not given
	broken            int  // broken benefit years before year (国办发〔2024〕38号)
}

// residentClause is one clause of a policy document that may decide the
// wait of a resident payment; apply reports whether it did.
type residentClause struct {
	name  string
	apply func(e *engine, c *residentCase, r *waitResult) bool
}

// residentClauses is the priority list: the first clause that applies
// decides. Special groups come first (国办发〔2024〕38号 “除新生儿等特殊群体
// 外”), then switching from employee insurance (医保办发〔2021〕43号 ②), then
// the window and continuity (国办发〔2024〕38号), and the fixed and variable
// waits last.
var residentClauses = []residentClause{
	{"newborn.window", (*engine).newbornInWindow},
	{"newborn.late", (*engine).newbornLate},
	{"resident.exempt", (*engine).exemptGroup},
	{"switch.fromEmployee", (*engine).switchFromEmployee},
	{"resident.extension", (*engine).paidInExtension},
	{"resident.continuous", (*engine).continuousInWindow},
	{"resident.first", (*engine).firstInWindow},
	{"resident.fixed", (*engine).fixedAndVariable},
}

// residentWait answers the waiting period of a resident payment.
func (e *engine) residentWait(t target) waitResult {
	r := e.newWait(t)
	c := e.residentFacts(t)
	r.BenefitYear = c.year
	if c.alsoYear != 0 {
		r.BenefitYears = []int{c.year, c.alsoYear}
		r.coveredTo = yearEnd(c.alsoYear)
	} else {
		r.BenefitYears = []int{c.year}
		r.coveredTo = yearEnd(c.year)
	}
	r.GapMonths = c.gap
	r.followedGap = (c.prev != nil && c.gap > 0) || !c.inWindow
	if !r.quiet {
		r.InWindow = &c.inWindow
		r.WindowFrom, r.WindowTo = datep(c.wFrom), datep(c.wTo)
		if c.prev != nil {
			r.Previous = strp(c.prev.id)
		}
		e.explainYear(c, &r)
	}
	for _, cl := range residentClauses {
		if cl.apply(e, c, &r) {
			break
		}
	}
	if r.benefitsFrom.After(r.coveredTo) {
		// The wait outlasts the year paid for: the payment buys nothing.
		r.NoBenefits = true
		r.benefitsFrom = Date{}
		if !r.quiet {
			r.BenefitsFrom = ""
			e.noBenefitsThisYear(c, &r)
		}
	}
	r.Retroactive = !r.benefitsFrom.IsZero() && !c.pay.IsZero() && r.benefitsFrom.Before(c.pay)
	if !r.quiet {
		if !c.inWindow {
			e.nextYearInWindow(c, &r)
		}
	}
	return r
}

// residentFacts computes the benefit year, the window and the gap of a
// resident payment.
func (e *engine) residentFacts(t target) *residentCase {
	c := &residentCase{t: t, pay: t.payDate, start: t.start}
	if b, ok := e.birth(); ok {
		c.birth = b
	}
	switch {
	case t.payDate.IsZero():
		// No payment day: the year counts as paid inside its window.
		c.year, c.inWindow = t.start.Year(), true
		c.wFrom, c.wTo, c.wp = e.window(t.region, c.year)
	case t.isPlan:
		c.year, c.inWindow, c.extension, c.wFrom, c.wTo, c.wp = e.benefitYearOf(t.region, t.payDate)
		c.start = monthOf(c.year, time.January)
		if !c.inWindow {
			c.start = monthOfDate(t.payDate)
		}
		if e.newbornWithinWindow(t.region, t.payDate) && c.birth.Year() <= c.year {
			// A newborn enrolled within the window after birth is covered
			// from birth: the birth year, and the payment's own year too
			// when the window crosses 1 January.
			c.year, c.inWindow, c.extension = c.birth.Year(), false, false
			c.wFrom, c.wTo, c.wp = e.window(t.region, c.year)
			c.start = monthOfDate(c.birth)
			if t.payDate.Year() > c.birth.Year() {
				c.alsoYear = t.payDate.Year()
			}
		}
	default:
		c.year = t.start.Year()
		c.wFrom, c.wTo, c.wp = e.window(t.region, c.year)
		c.inWindow = !t.payDate.After(c.wTo)
		if !c.inWindow {
			if f, to, ok := e.extension(t.region, c.year); ok && within(t.payDate, f, to) {
				c.extension = true
			}
			if monthOfDate(t.payDate) > c.start {
				c.start = monthOfDate(t.payDate)
			}
		}
	}
	c.yearFirst = yearStart(c.year)
	c.lookup = c.yearFirst
	c.startDay = c.yearFirst
	switch {
	case !c.inWindow && !c.pay.IsZero() && c.pay.After(c.yearFirst):
		c.lookup, c.startDay = c.pay, c.pay
	case c.start.First().After(c.yearFirst):
		c.startDay = c.start.First()
	}
	c.prev, c.gap = e.gapBefore(c.start, t.self)
	c.interruption = c.gap
	if c.prev != nil && c.inWindow && !c.pay.IsZero() {
		if n := int(monthOfDate(c.pay) - c.prev.end - 1); n < c.gap {
			c.interruption = max(n, 0)
		}
	}
	birthYear := 0
	if !c.birth.IsZero() {
		birthYear = c.birth.Year()
	}
	countFrom := e.rs.get("resident.brokenYearsCountFrom", t.region, c.lookup)
	c.broken = e.h.brokenYears(c.year, countFrom.v.num, birthYear)
	return c
}

// benefitYearOf decides which benefit year a resident payment on day buys:
// inside the window the next year (or, for a window that runs into the
// benefit year, that year), in an extension period the current year with
// benefits from the payment day, otherwise the current year.
func (e *engine) benefitYearOf(region string, day Date) (year int, inWindow, extension bool, wFrom, wTo Date, p param) {
	y := day.Year()
	if f, t, pp := e.window(region, y+1); within(day, f, t) {
		return y + 1, true, false, f, t, pp
	}
	f, t, pp := e.window(region, y)
	if within(day, f, t) {
		return y, true, false, f, t, pp
	}
	if xf, xt, ok := e.extension(region, y); ok && within(day, xf, xt) {
		return y, false, true, f, t, pp
	}
	return y, false, false, f, t, pp
}

// extension is the region's extension period (延长缴费期) in benefit year y.
func (e *engine) extension(region string, y int) (from, to Date, ok bool) {
	p := e.rs.get("resident.extension", region, yearStart(y))
	w := p.v.period
	if w == nil {
		return Date{}, Date{}, false
	}
	return clampDay(y, w.startM, w.startD), clampDay(y, w.endM, w.endD), true
}

// explainYear says which benefit year the payment buys.
func (e *engine) explainYear(c *residentCase, r *waitResult) {
	y := strconv.Itoa(c.year)
	switch {
	case c.alsoYear != 0:
		y2 := strconv.Itoa(c.alsoYear)
		r.step("newborn.twoYears", "新生儿出生后参保期限跨年度："+formatDate(c.pay)+"缴费，按出生年度（"+y+"年）和当年度（"+y2+"年）的个人缴费标准缴纳两个年度的居民医保费，自出生之日起分别按两个年度享受待遇。",
			"The newborn window crosses 1 January: paying on "+formatDate(c.pay)+" buys two benefit years, the birth year ("+y+") and the current one ("+y2+"), each at its own individual contribution, with benefits from the day of birth.",
			e.rs.cite(e.rs.get("newborn.window", c.t.region, c.birth).v))
	case c.inWindow:
		r.step("resident.window", "在集中参保期（"+formatDate(c.wFrom)+"至"+formatDate(c.wTo)+"）内缴费，参保"+y+"年度，待遇享受期为"+y+"年1月1日至12月31日。",
			"Paid inside the enrollment window ("+formatDate(c.wFrom)+" to "+formatDate(c.wTo)+") for benefit year "+y+": the benefit year runs 1 January to 31 December "+y+".", e.rs.cite(c.wp.v))
	case !c.birth.IsZero() && c.start == monthOfDate(c.birth) && c.t.isPlan:
		r.step("newborn.birthYear", formatDate(c.pay)+"缴费，参保出生年度（"+y+"年），自出生之日起享受待遇。",
			"Paid on "+formatDate(c.pay)+" for the birth year ("+y+"), with benefits from the day of birth.", e.rs.cite(e.rs.get("newborn.window", c.t.region, c.birth).v))
	case c.extension:
		xf, xt, _ := e.extension(c.t.region, c.year)
		p := e.rs.get("resident.extension", c.t.region, c.yearFirst)
		r.step("resident.extensionYear", formatDate(c.pay)+"缴费，在"+y+"年度延长缴费期（"+formatDate(xf)+"至"+formatDate(xt)+"）内，参保"+y+"年度。",
			"Paid on "+formatDate(c.pay)+", inside the "+y+" extension period ("+formatDate(xf)+" to "+formatDate(xt)+"): buys benefit year "+y+".", e.rs.cite(p.v))
	default:
		r.step("resident.outside", formatDate(c.pay)+"缴费，不在"+y+"年度集中参保期（"+formatDate(c.wFrom)+"至"+formatDate(c.wTo)+"）内，参保"+y+"年度（缴费当年度）。",
			"Paid on "+formatDate(c.pay)+", outside the window for "+y+" ("+formatDate(c.wFrom)+" to "+formatDate(c.wTo)+"): buys the current benefit year "+y+".", e.rs.cite(c.wp.v))
	}
}

// done records that benefits start on from, with the wait counted from the
// case's start day.
func (c *residentCase) done(r *waitResult, from Date) bool {
	r.benefitsFrom = from
	r.setDates(c.startDay, from)
	return true
}

// newbornExempt reports whether newborns are exempt in the region.
func (e *engine) newbornExempt(c *residentCase) (param, bool) {
	exempt := e.rs.get("resident.exemptGroups", c.t.region, c.lookup)
	return exempt, !c.birth.IsZero() && e.hasExempt(exempt, GroupNewborn)
}

// newbornWithinWindow reports whether a payment on day falls within the
// newborn window after the person's birth.
func (e *engine) newbornWithinWindow(region string, day Date) bool {
	birth, ok := e.birth()
	if !ok || day.Before(birth) {
		return false
	}
	return !day.After(e.newbornLastDay(region, birth))
}

// newbornLastDay is the last day of the newborn window after birth, as the
// region counts it (newborn.windowCounting).
func (e *engine) newbornLastDay(region string, birth Date) Date {
	nw := e.rs.get("newborn.window", region, birth)
	last := newbornLast(birth, nw.v.word)
	if e.rs.get("newborn.windowCounting", region, birth).v.word == "includesBirthDay" {
		last = last.AddDate(0, 0, -1)
	}
	return last
}

// newbornInWindow: a newborn enrolled within the newborn window after
// birth has no wait and is covered from the day of birth (国办发〔2024〕38号
// “除新生儿等特殊群体外”; the region's newborn rule for the window).
func (e *engine) newbornInWindow(c *residentCase, r *waitResult) bool {
	exempt, ok := e.newbornExempt(c)
	if !ok {
		return false
	}
	pay := c.pay
	if pay.IsZero() {
		pay = c.startDay
	}
	last := e.newbornLastDay(c.t.region, c.birth)
	if pay.Before(c.birth) || pay.After(last) || c.year < c.birth.Year() || c.year > c.birth.Year()+1 {
		return false
	}
	r.Exempt = strp(GroupNewborn)
	from := c.birth
	if from.Before(c.yearFirst) {
		from = c.yearFirst
	}
	if !r.quiet {
		nw := e.rs.get("newborn.window", c.t.region, c.birth)
		r.step("newborn", "新生儿（"+formatDate(c.birth)+"出生）在出生后"+durationText(nw.v.word).Zh+"内（"+formatDate(last)+"前）参保缴费：不设等待期，自出生之日起享受待遇。",
			"Newborn (born "+formatDate(c.birth)+") enrolled within "+durationText(nw.v.word).En+" of birth (by "+formatDate(last)+"): no waiting period, benefits from the day of birth.", e.rs.cite(nw.v))
		r.step("newborn.exempt", "新生儿等特殊群体不设待遇等待期。", "Newborns and other special groups have no waiting period.", e.rs.cite(exempt.v))
	}
	return c.done(r, from)
}

// newbornLate: a newborn enrolled after the newborn window, still under
// the region's age limit, has no wait either (国办发〔2024〕38号 “除新生儿等
// 特殊群体外”): only the backdating to birth is lost, and benefits start on
// the payment day, the next day or the next month as the region says.
func (e *engine) newbornLate(c *residentCase, r *waitResult) bool {
	exempt, ok := e.newbornExempt(c)
	if !ok || c.inWindow || c.pay.IsZero() {
		return false
	}
	limit := e.rs.get("newborn.exemptUntilMonths", c.t.region, c.birth)
	if c.pay.After(addMonths(c.birth, limit.v.num)) || c.pay.Before(c.birth) {
		if !r.quiet && c.year <= c.birth.Year()+1 {
			r.step("newborn.over", "已超过新生儿年龄（出生后"+strconv.Itoa(limit.v.num)+"个月内）：按一般规定计算等待期。",
				"Older than the newborn age ("+strconv.Itoa(limit.v.num)+" months after birth): the general rules apply.", e.rs.cite(limit.v))
		}
		return false
	}
	startP := e.rs.get("newborn.lateBenefitStart", c.t.region, c.pay)
	from := c.pay
	when, whenEn := "缴费之日", "the payment day"
	switch startP.v.word {
	case "nextDay":
		from, when, whenEn = c.pay.AddDate(0, 0, 1), "缴费次日", "the day after payment"
	case "nextMonth":
		from, when, whenEn = (monthOfDate(c.pay) + 1).First(), "缴费次月", "the month after payment"
	}
	r.Exempt = strp(GroupNewborn)
	if !r.quiet {
		last := e.newbornLastDay(c.t.region, c.birth)
		r.step("newborn.late", "新生儿（"+formatDate(c.birth)+"出生）在出生后参保期限（"+formatDate(last)+"）之后、"+strconv.Itoa(limit.v.num)+"个月内参保：仍不设等待期，但不追溯至出生之日，自"+when+"（"+formatDate(from)+"）起享受当年待遇（"+levelText(startP.level).Zh+"）。",
			"Newborn (born "+formatDate(c.birth)+") enrolled after the newborn window ("+formatDate(last)+") but within "+strconv.Itoa(limit.v.num)+" months of birth: still no waiting period, but no backdating to birth; benefits from "+whenEn+" ("+formatDate(from)+", "+levelText(startP.level).En+" rule).", e.rs.cite(startP.v))
		r.step("newborn.exempt", "新生儿等特殊群体不设待遇等待期。", "Newborns and other special groups have no waiting period.", e.rs.cite(exempt.v))
	}
	c.done(r, from)
	r.setDates(from, from)
	return true
}

// exemptGroup: low-income people, newly discharged veterans and newborns
// (without a birth date) have no waiting period (国办发〔2024〕38号; before
// 2025 the 2021 resident notice).
func (e *engine) exemptGroup(c *residentCase, r *waitResult) bool {
	exempt := e.rs.get("resident.exemptGroups", c.t.region, c.lookup)
	for _, g := range []string{GroupLowIncome, GroupVeteran, GroupNewborn} {
		if e.inGroup(g) && e.hasExempt(exempt, g) && (g != GroupNewborn || c.birth.IsZero()) {
			r.Exempt = strp(g)
			if !r.quiet {
				r.step("resident.exempt", "属于"+groupText(g).Zh+"，为不设待遇等待期的特殊群体。", "Belongs to "+groupText(g).En+", a group with no waiting period.", e.rs.cite(exempt.v))
			}
			return c.done(r, c.startDay)
		}
	}
	return false
}

// switchFromEmployee: 医保办发〔2021〕43号 ② — a person switching from
// employee insurance after an interruption of at most 3 months may pay the
// current year outside the window; with 2 continuous years (含) benefits
// start in the payment month and the interruption is covered
// retroactively; with less, there is still no wait (2021 resident notice:
// “在职工医保中断缴费3个月内参加居民医保的…不设等待期”), nothing
// retroactive. An in-window payment for next year is left to the
// continuity clause.
func (e *engine) switchFromEmployee(c *residentCase, r *waitResult) bool {
	if c.prev == nil || c.prev.scheme != Employee || c.inWindow || c.extension || c.pay.IsZero() {
		return false
	}
	maxGap := e.rs.get("switch.maxGapMonths", c.t.region, c.lookup)
	if c.interruption > maxGap.v.num {
		return false
	}
	switchYears := e.rs.get("switch.minContinuousYears", c.t.region, c.lookup)
	cont := e.continuousMonths(c.prev.end)
	gap := strconv.Itoa(c.interruption)
	maxS := strconv.Itoa(maxGap.v.num)
	deadline := (c.prev.end + Month(maxGap.v.num) + 1).Last()
	if cont >= 12*switchYears.v.num {
		r.BackpayAllowed = true
		r.setDeadline(deadline)
		from := (c.prev.end + 1).First()
		if from.Before(c.yearFirst) {
			from = c.yearFirst
		}
		if from.After(c.pay) {
			from = c.pay
		}
		if !r.quiet {
			r.step("switch.backpay", "已连续参保"+strconv.Itoa(cont)+"个月（≥"+strconv.Itoa(switchYears.v.num)+"年），由职工医保切换为居民医保，中断"+gap+"个月（≤"+maxS+"个月）：不受集中参保期限制，可参保缴费当年度，不设等待期，缴费当月即可享受待遇，中断期间（自"+formatDate(from)+"）待遇可追溯。",
				"Continuously insured for "+strconv.Itoa(cont)+" months (≥ "+strconv.Itoa(switchYears.v.num)+" years) and switching from employee to resident insurance after "+gap+" months (≤ "+maxS+"): the current year may be bought outside the window, no waiting period, benefits in the month paid and the gap (from "+formatDate(from)+") covered retroactively.", e.rs.cite(switchYears.v))
		}
		c.done(r, from)
		r.setDates(from, from)
		return true
	}
	if !r.quiet {
		r.step("switch.short", "职工医保中断缴费"+gap+"个月内（≤"+maxS+"个月）参加居民医保：不受集中参保期限制，不设等待期，自缴费之日起享受待遇（此前连续参保"+strconv.Itoa(cont)+"个月，不足"+strconv.Itoa(switchYears.v.num)+"年，中断期间不追溯）。",
			"Joined resident insurance within "+gap+" months (≤ "+maxS+") of leaving employee insurance: not bound to the window, no waiting period, benefits from the payment day (continuous enrollment of "+strconv.Itoa(cont)+" months, under "+strconv.Itoa(switchYears.v.num)+" years, so the gap is not covered).", e.rs.citeDoc("ybf2021-resident", "规范待遇享受等待期")+"；"+e.rs.citeDoc("ybbf2021-43", "第十一条"))
	}
	return c.done(r, c.startDay)
}

// paidInExtension: a payment in the region's extension period (延长缴费期,
// e.g. 闽政办〔2025〕3号 “延长缴费期内缴费的，从缴费之日起开始享受参保年度
// 居民医保待遇”) starts benefits on the payment day.
func (e *engine) paidInExtension(c *residentCase, r *waitResult) bool {
	if !c.extension {
		return false
	}
	if !r.quiet {
		p := e.rs.get("resident.extension", c.t.region, c.yearFirst)
		r.step("resident.extension", "在延长缴费期内缴费：不设待遇等待期，自缴费之日（"+formatDate(c.pay)+"）起享受"+strconv.Itoa(c.year)+"年度待遇。",
			"Paid in the extension period: no waiting period, benefits of "+strconv.Itoa(c.year)+" from the payment day ("+formatDate(c.pay)+").", e.rs.cite(p.v))
	}
	return c.done(r, c.pay)
}

// continuousInWindow: 国办发〔2024〕38号 sets the fixed wait only for people
// who pay outside the window or were not continuously insured (未连续参保).
// Paid inside the window with no broken year before it (any coverage in the
// year before, employee insurance included), there is no wait.
func (e *engine) continuousInWindow(c *residentCase, r *waitResult) bool {
	if !c.inWindow || c.prev == nil || c.broken > 0 {
		return false
	}
	if !r.quiet {
		switch {
		case c.prev.scheme == Employee && c.gap > 0:
			r.step("resident.continuous", "上一段参保（"+c.prev.id+"，职工医保）至"+c.prev.end.String()+"，"+strconv.Itoa(c.year)+"年度之前没有断保年度，在集中参保期内缴费：不设待遇等待期，"+formatDate(c.startDay)+"起享受待遇。",
				"The previous enrollment ("+c.prev.id+", employee insurance) ran to "+c.prev.end.String()+"; no broken benefit year before "+strconv.Itoa(c.year)+" and paid inside the window: no waiting period, benefits from "+formatDate(c.startDay)+".",
				e.rs.citeDoc("gbf2024-38", "待遇等待期条款"))
			e.uncoveredBeforeYear(c, r)
		default:
			r.step("resident.continuous", "连续参保、在集中参保期内缴费：不设待遇等待期。", "Continuously insured and paid inside the window: no waiting period.",
				e.rs.citeDoc("gbf2024-38", "待遇等待期条款"))
		}
	}
	return c.done(r, c.startDay)
}

// uncoveredBeforeYear says that the months between employee insurance and
// the benefit year bought are not covered, and, while the interruption is
// at most 3 months, offers paying the current year too (医保办发〔2021〕43号
// ②: a switcher is not bound to the window).
func (e *engine) uncoveredBeforeYear(c *residentCase, r *waitResult) {
	gapFrom := c.prev.end + 1
	r.step("resident.uncovered", gapFrom.String()+"至"+(c.start-1).String()+"（"+strconv.Itoa(c.gap)+"个月）不在本次缴费的待遇享受期内。",
		gapFrom.String()+" to "+(c.start-1).String()+" ("+strconv.Itoa(c.gap)+" months) are not covered by this payment.", e.rs.cite(c.wp.v))
	maxGap := e.rs.get("switch.maxGapMonths", c.t.region, c.lookup)
	cur := c.year - 1
	deadline := (c.prev.end + Month(maxGap.v.num) + 1).Last()
	if end := yearEnd(cur); deadline.After(end) {
		deadline = end // the current year can be bought only within it
	}
	if deadline.Before(e.asOf) || gapFrom.Year() != cur {
		return
	}
	switchYears := e.rs.get("switch.minContinuousYears", c.t.region, c.lookup)
	from := gapFrom.First()
	why := "中断期间可追溯"
	whyEn := "the gap is covered retroactively"
	if e.continuousMonths(c.prev.end) < 12*switchYears.v.num {
		from = e.asOf // paid today, the option's earliest day
		why, whyEn = "自缴费之日起享受", "benefits from the payment day"
	}
	o := Option{Kind: "payCurrentYear", Deadline: datep(deadline), BenefitsFrom: formatDate(from), Years: 1,
		Zh:     "职工医保中断不超过" + strconv.Itoa(maxGap.v.num) + "个月，在" + formatDate(deadline) + "前同时缴纳" + strconv.Itoa(cur) + "年度居民医保（切换参保不受集中参保期限制）：" + why + "，覆盖" + gapFrom.String() + "至" + strconv.Itoa(cur) + "-12。",
		En:     "Within " + strconv.Itoa(maxGap.v.num) + " months of leaving employee insurance, also pay resident insurance for " + strconv.Itoa(cur) + " by " + formatDate(deadline) + " (a switcher is not bound to the window): " + whyEn + ", covering " + gapFrom.String() + " to " + strconv.Itoa(cur) + "-12.",
		Source: e.rs.citeDoc("ybbf2021-43", "第十一条")}
	e.priceYears(&o, c.t.region, cur, 1)
	r.Shorten = append(r.Shorten, o)
}

// firstInWindow: a first enrollment paid inside the window has no wait
// (国办发〔2024〕38号 sets it for late or broken enrollment only).
func (e *engine) firstInWindow(c *residentCase, r *waitResult) bool {
	if !c.inWindow || c.prev != nil {
		return false
	}
	if !r.quiet {
		countFrom := e.rs.get("resident.brokenYearsCountFrom", c.t.region, c.lookup)
		r.step("resident.first", "首次参保（未填写更早的参保记录）且在集中参保期内缴费：不设待遇等待期。如自"+strconv.Itoa(countFrom.v.num)+"年起曾断保，请补充参保记录。",
			"First enrollment (no earlier enrollment given), paid inside the window: no waiting period. If you were uninsured since "+strconv.Itoa(countFrom.v.num)+", add your earlier enrollments.",
			e.rs.citeDoc("gbf2024-38", "待遇等待期条款"))
	}
	return c.done(r, c.startDay)
}

// fixedAndVariable: 国办发〔2024〕38号 — a fixed wait of 3 months for paying
// outside the window or after a break, plus a variable month for each
// further broken year, reduced by repair (每缴纳1年减少1个月) but not below
// 6 months after 4 or more broken years.
func (e *engine) fixedAndVariable(c *residentCase, r *waitResult) bool {
	region, lookup := c.t.region, c.lookup
	fixed := e.rs.get("resident.fixedWaitMonths", region, lookup)
	perYear := e.rs.get("resident.variableMonthsPerYear", region, lookup)
	counting := e.rs.get("resident.brokenYearCounting", region, lookup)
	countFrom := e.rs.get("resident.brokenYearsCountFrom", region, lookup)
	repair := e.rs.get("resident.repairMonthsPerYear", region, lookup)
	longYears := e.rs.get("resident.longBreakYears", region, lookup)
	longMin := e.rs.get("resident.longBreakMinMonths", region, lookup)
	broken := c.broken
	r.BrokenYears = broken
	r.FixedMonths = fixed.v.num
	total := func(b, repaired int) (variable, reduced, months int) {
		n := b
		if counting.v.word == "afterFirst" {
			n = b - 1
		}
		variable = max(n, 0) * perYear.v.num
		reduced = min(repaired*repair.v.num, variable)
		months = fixed.v.num + variable - reduced
		if b >= longYears.v.num && reduced > 0 {
			floor := min(longMin.v.num, fixed.v.num+variable)
			if months < floor {
				months = floor
				reduced = fixed.v.num + variable - months
			}
		}
		return variable, reduced, months
	}
	extra := min(c.t.extraYears, broken)
	variable, reduced, months := total(broken, extra)
	r.VariableMonths, r.RepairedMonths, r.Months = variable, reduced, months
	r.benefitsFrom = e.waitEnd(region, c.startDay, months, !c.inWindow)
	r.setDates(c.startDay, r.benefitsFrom)
	if r.quiet {
		return true
	}
	why, whyEn := "未在集中参保期内参保", "paid outside the window"
	if c.inWindow {
		why, whyEn = "未连续参保（有断保年度）后再参保", "enrolling again after a broken year"
	}
	gapText, gapEn := "", ""
	if c.prev != nil && c.gap > 0 {
		gapText = "上一段参保（" + c.prev.id + "）至" + c.prev.to.String() + "结束，中断" + strconv.Itoa(c.gap) + "个月；"
		gapEn = "The previous enrollment (" + c.prev.id + ") ended in " + c.prev.to.String() + ", " + strconv.Itoa(c.gap) + " months without coverage. "
	}
	r.step("resident.fixed", gapText+why+"：固定待遇等待期"+strconv.Itoa(fixed.v.num)+"个月。",
		gapEn+"Resident insurance "+whyEn+": fixed waiting period of "+strconv.Itoa(fixed.v.num)+" months.", e.rs.cite(fixed.v))
	if perYear.v.num > 0 {
		reading := "第1个断保年由固定等待期吸收，此后每多断保1年加1个月"
		readingEn := "the first broken year is absorbed by the fixed period; each further year adds a month"
		if counting.v.word == "every" {
			reading, readingEn = "每断保1年加1个月", "each broken year adds a month"
		}
		cf := strconv.Itoa(countFrom.v.num)
		r.step("resident.variable", "自"+cf+"年度起计算的断保年数："+strconv.Itoa(broken)+"年（"+reading+"；"+cf+"年以前的断保不计入，是本工具按国家文件的理解，以当地规定为准）→ 变动待遇等待期"+strconv.Itoa(variable)+"个月。",
			"Broken years counted from "+cf+": "+strconv.Itoa(broken)+" ("+readingEn+"; breaks before "+cf+" are not counted, this tool's reading of the national text, check the local rule) → variable waiting period "+strconv.Itoa(variable)+" months.", e.rs.cite(counting.v))
	}
	if c.t.extraYears > 0 {
		if c.t.extraYears > broken {
			r.step("resident.repair.cap", "修复年数"+strconv.Itoa(c.t.extraYears)+"超过断保年数"+strconv.Itoa(broken)+"，按"+strconv.Itoa(broken)+"年计。", strconv.Itoa(c.t.extraYears)+" repair years exceed the "+strconv.Itoa(broken)+" broken years; counted as "+strconv.Itoa(broken)+".", e.rs.cite(repair.v))
		}
		r.step("resident.repair", "缴费修复"+strconv.Itoa(extra)+"年：每多缴纳1年减少"+strconv.Itoa(repair.v.num)+"个月变动待遇等待期，减少"+strconv.Itoa(reduced)+"个月。", "Paying for "+strconv.Itoa(extra)+" broken years: each removes "+strconv.Itoa(repair.v.num)+" variable month(s); "+strconv.Itoa(reduced)+" removed.", e.rs.cite(repair.v))
	}
	if broken >= longYears.v.num {
		r.step("resident.longBreak", "连续断保"+strconv.Itoa(broken)+"年（≥"+strconv.Itoa(longYears.v.num)+"年）：修复后固定与变动等待期之和不少于"+strconv.Itoa(longMin.v.num)+"个月。", "A break of "+strconv.Itoa(broken)+" years (≥ "+strconv.Itoa(longYears.v.num)+"): after repair the total wait is still at least "+strconv.Itoa(longMin.v.num)+" months.", e.rs.cite(longMin.v))
	}
	startZh, startEn := "自缴费之日", "from the payment day"
	if c.inWindow {
		startZh, startEn = "自待遇年度1月1日", "from 1 January of the benefit year"
	} else if e.rs.get("resident.waitCountsFrom", region, c.startDay).v.word == "nextMonth" {
		startZh, startEn = "自缴费次月", "from the month after payment"
	}
	if !r.benefitsFrom.After(r.coveredTo) {
		r.step("resident.total", "等待期共"+strconv.Itoa(months)+"个月，"+startZh+"（"+formatDate(c.startDay)+"）起算，"+r.BenefitsFrom+"起享受待遇。", "Total wait "+strconv.Itoa(months)+" months, counted "+startEn+" ("+formatDate(c.startDay)+"); benefits from "+r.BenefitsFrom+".", e.rs.cite(fixed.v))
	}
	if fixed.level == LevelNational && !e.rs.HasLocalRules(region) {
		r.step("region.national", "按国家规定，当地细则请以当地医保部门为准。", "National rule applied; check the local medical-insurance bureau for the local rule.", e.rs.cite(fixed.v))
	}
	// Ways to shorten: repair more broken years.
	best := months
	for n := extra + 1; n <= broken; n++ {
		_, _, m := total(broken, n)
		if m >= best {
			break
		}
		best = m
		from := e.waitEnd(region, c.startDay, m, !c.inWindow)
		if from.After(r.coveredTo) {
			continue
		}
		o := Option{Kind: "repair", Years: n, Months: m, BenefitsFrom: formatDate(from),
			Zh:     "缴费修复" + strconv.Itoa(n) + "个断保年度：等待期缩短为" + strconv.Itoa(m) + "个月，" + formatDate(from) + "起享受待遇。",
			En:     "Pay for " + strconv.Itoa(n) + " broken years: the wait drops to " + strconv.Itoa(m) + " months, benefits from " + formatDate(from) + ".",
			Source: e.rs.cite(repair.v)}
		e.priceYears(&o, region, c.year, n)
		r.Shorten = append(r.Shorten, o)
	}
	// Or, after leaving employee insurance, enroll while the gap is short.
	if c.prev != nil && c.prev.scheme == Employee && months > 0 {
		maxGap := e.rs.get("switch.maxGapMonths", region, lookup)
		deadline := (c.prev.end + Month(maxGap.v.num) + 1).Last()
		if !e.asOf.After(deadline) {
			from := (c.prev.end + 1).First()
			if from.Before(e.asOf) && e.continuousMonths(c.prev.end) < 24 {
				from = e.asOf
			}
			r.Shorten = append(r.Shorten, Option{Kind: "backpay", Deadline: datep(deadline), BenefitsFrom: formatDate(from),
				Zh:     "在" + formatDate(deadline) + "前参加居民医保（职工医保中断不超过" + strconv.Itoa(maxGap.v.num) + "个月，切换参保不受集中参保期限制）：不设等待期。",
				En:     "Enroll in resident insurance by " + formatDate(deadline) + ", within " + strconv.Itoa(maxGap.v.num) + " months of leaving employee insurance (not bound to the window): no waiting period.",
				Source: e.rs.citeDoc("ybbf2021-43", "第十一条")})
		}
	}
	return true
}

// priceYears adds the cost of n years at the individual contribution of
// benefit year y, or says plainly that the data does not have it.
func (e *engine) priceYears(o *Option, region string, y, n int) {
	contrib, cv, ok := e.rs.intAt("resident.individualContribution", region, yearStart(y))
	if !ok {
		o.Zh += "（缴费参照" + strconv.Itoa(y) + "年度参保地个人缴费标准，本工具暂无该年度标准。）"
		o.En += " (The cost follows the local individual contribution of " + strconv.Itoa(y) + ", which the data does not have yet.)"
		return
	}
	cost := n * contrib
	o.Cost = &cost
	o.Zh += "按" + strconv.Itoa(y) + "年度个人缴费标准" + strconv.Itoa(contrib) + "元/年，约" + strconv.Itoa(cost) + "元。"
	o.En += " At the " + strconv.Itoa(y) + " individual contribution of " + strconv.Itoa(contrib) + " yuan a year: about " + strconv.Itoa(cost) + " yuan."
	o.Source += "；" + e.rs.cite(cv)
}

// waitEnd is the first day of benefits after a wait of n months counted
// from day: the corresponding day n months later, or, when that month has
// no such day, the 1st of the month after it (a wait from 31 August ends
// with November). Outside the window a region may count whole months from
// the month after payment (resident.waitCountsFrom).
func (e *engine) waitEnd(region string, day Date, n int, outside bool) Date {
	if n == 0 {
		return day
	}
	if outside && e.rs.get("resident.waitCountsFrom", region, day).v.word == "nextMonth" {
		return (monthOfDate(day) + 1 + Month(n)).First()
	}
	end := addMonths(day, n)
	if end.Day() != day.Day() {
		return (monthOfDate(end) + 1).First()
	}
	return end
}

// noBenefitsThisYear says that a payment whose wait outlasts its benefit
// year buys nothing, and offers the next window instead.
func (e *engine) noBenefitsThisYear(c *residentCase, r *waitResult) {
	y := strconv.Itoa(c.year)
	r.step("resident.noBenefits", "等待期结束晚于"+y+"年12月31日：本次缴费参保的"+y+"年度不能享受任何待遇。",
		"The wait ends after 31 December "+y+": this payment for "+y+" buys no benefits at all.", e.rs.cite(e.rs.get("resident.fixedWaitMonths", c.t.region, c.lookup).v))
	from, to, _ := e.window(c.t.region, c.year+1)
	pay := from
	if pay.Before(e.asOf) {
		pay = e.asOf
	}
	if pay.After(to) {
		return
	}
	w := e.residentWait(target{about: "plan", region: c.t.region, scheme: Resident, start: monthOfDate(pay), payDate: pay, isPlan: true, quiet: true})
	if w.NoBenefits {
		return
	}
	o := Option{Kind: "payInWindow", Deadline: datep(to), Months: w.Months, BenefitsFrom: formatDate(w.benefitsFrom),
		Zh:     "不在此时缴费，改在" + strconv.Itoa(c.year+1) + "年度集中参保期（" + formatDate(from) + "至" + formatDate(to) + "）内缴费：" + formatDate(w.benefitsFrom) + "起享受待遇。",
		En:     "Instead of paying now, pay in the " + strconv.Itoa(c.year+1) + " window (" + formatDate(from) + " to " + formatDate(to) + "): benefits from " + formatDate(w.benefitsFrom) + ".",
		Source: e.rs.cite(e.rs.get("resident.window", c.t.region, yearStart(c.year+1)).v)}
	e.priceYears(&o, c.t.region, c.year+1, 1)
	r.Shorten = append(r.Shorten, o)
}

// nextYearInWindow reminds a person who bought the current year outside the
// window that next year must be paid in the window.
func (e *engine) nextYearInWindow(c *residentCase, r *waitResult) {
	if r.NoBenefits {
		return
	}
	next := c.year + 1
	if c.alsoYear != 0 {
		next = c.alsoYear + 1
	}
	from, to, p := e.window(c.t.region, next)
	if to.Before(e.asOf) {
		return
	}
	r.step("resident.nextYear", strconv.Itoa(next)+"年度须在集中参保期（"+formatDate(from)+"至"+formatDate(to)+"）内缴费，才能连续享受待遇、不设等待期。",
		"Pay "+strconv.Itoa(next)+" inside its window ("+formatDate(from)+" to "+formatDate(to)+") to stay covered with no wait.", e.rs.cite(p.v))
}
