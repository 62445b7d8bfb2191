package rules

import "time"

// Waiting periods of resident insurance: 国办发〔2024〕38号 (from 2025; the
// 2021 resident notice before it), with the newborn and special-group
// clauses, the continuity and window rules, and the fixed and variable
// waits. The switch from employee insurance is in waiting_ybbf2021_43.go,
// Fujian's own clauses in waiting_mzb2025_3.go.

// residentCase is what the resident waiting-period clauses read: the facts
// of one payment, computed once before any clause is tried.
type residentCase struct {
	_         noCompare
	t         target
	year      int  // the benefit year bought
	alsoYear  int  // a second benefit year the same payment buys (newborns across 1 January); 0 if none
	inWindow  bool // paid inside the 集中参保期 of year
	extension bool // paid in the region's extension period (延长缴费期) of year
	wFrom     Date
	wTo       Date
	wp        Resolved[Window]
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
// wait of a resident payment: decide reports whether it applies and sets
// the numbers; why explains it, once, for the answer shown.
type residentClause struct {
	name   string
	decide func(e *engine, c *residentCase, r *waitResult) bool
	why    func(e *engine, c *residentCase, r *waitResult)
}

// residentClauses is the priority list: the first clause that applies
// decides. Special groups come first (国办发〔2024〕38号 “除新生儿等特殊群体
// 外”), then switching from employee insurance (医保办发〔2021〕43号 ②), then
// the window and continuity (国办发〔2024〕38号), and the fixed and variable
// waits last.
var residentClauses = []residentClause{
	{"newborn.window", (*engine).newbornInWindow, (*engine).explainNewbornInWindow},
	{"newborn.late", (*engine).newbornLate, (*engine).explainNewbornLate},
	{"resident.exempt", (*engine).exemptGroup, (*engine).explainExemptGroup},
	{"switch.fromEmployee", (*engine).switchFromEmployee, (*engine).explainSwitchFromEmployee},
	{"resident.extension", (*engine).paidInExtension, (*engine).explainPaidInExtension},
	{"resident.inBenefitYear", (*engine).paidInBenefitYear, (*engine).explainPaidInBenefitYear},
	{"student.entry", (*engine).studentEntry, (*engine).explainStudentEntry},
	{"resident.continuous", (*engine).continuousInWindow, (*engine).explainContinuousInWindow},
	{"resident.first", (*engine).firstInWindow, (*engine).explainFirstInWindow},
	{"resident.fixed", (*engine).fixedAndVariable, (*engine).explainFixedAndVariable},
}

// residentWait decides the wait of a resident payment.
func (e *engine) residentWait(t target) *waitResult {
	r := e.newWait(t)
	c := e.residentFacts(t)
	r.res = c
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
	for i, cl := range residentClauses {
		if cl.decide(e, c, r) {
			r.clause = i
			break
		}
	}
	if r.benefitsFrom.After(r.coveredTo) {
		// The wait outlasts the year paid for: the payment buys nothing.
		r.NoBenefits = true
		r.benefitsFrom = Date{}
	}
	r.Retroactive = !r.benefitsFrom.IsZero() && !c.pay.IsZero() && r.benefitsFrom.Before(c.pay)
	return r
}

// explainResident explains the year bought and the deciding clause, and
// what follows from them.
func (e *engine) explainResident(r *waitResult) {
	c := r.res
	r.InWindow = &c.inWindow
	r.WindowFrom, r.WindowTo = datep(c.wFrom), datep(c.wTo)
	if c.prev != nil {
		r.Previous = strp(c.prev.id)
	}
	e.explainYear(c, r)
	if e.newbornOver(c) {
		limit := e.params(c.t.region).NewbornExemptUntilMonths.At(c.birth)
		r.explain("newborn.over", e.cite(limit.v), "months", limit.V)
	}
	residentClauses[r.clause].why(e, c, r)
	if r.NoBenefits {
		e.noBenefitsThisYear(c, r)
	}
	if !c.inWindow {
		e.priceOutsideWindow(c, r)
		e.nextYearInWindow(c, r)
	}
	// What the payment costs at the usual price: the checklist's "about
	// how much".
	if !r.FullPrice && !c.pay.IsZero() {
		for _, y := range [...]int{c.year, c.year - 1} {
			if v, ok := e.params(c.t.region).ResidentIndividualContribution.Lookup(yearStart(y)); ok {
				r.Contribution, r.ContributionYear, r.ContributionNational = &v.V, y, v.level == LevelNational
				break
			}
		}
	}
	if p := e.params(c.t.region).ResidentCollection.At(c.lookup); p.V == "monthly" {
		r.explain("resident.monthly", e.cite(p.v), "region", regionText(c.t.region))
	}
}

// priceOutsideWindow says what a payment outside the window costs where the
// region charges the full amount (individual contribution plus subsidy),
// and that it may where the rule is not known.
func (e *engine) priceOutsideWindow(c *residentCase, r *waitResult) {
	if c.pay.IsZero() || c.extension || r.Exempt != nil || (c.t.isPlan && !c.birth.IsZero() && c.start == monthOfDate(c.birth)) {
		return
	}
	p := e.params(c.t.region).ResidentFullPriceOutsideWindow.At(c.pay)
	if p.V == nil {
		r.explain("resident.price/unknown", e.cite(p.v), "region", regionText(c.t.region))
		return
	}
	from, to := clampDay(c.year, p.V.startM, p.V.startD), clampDay(c.year, p.V.endM, p.V.endD)
	if !within(c.pay, from, to) {
		return
	}
	r.FullPrice = true
	if price := e.params(c.t.region).ResidentFullPrice.At(c.pay); price.V > 0 {
		r.Cost = &price.V
		r.explain("resident.price/fullAmount", e.cite(p.v)+"；"+e.cite(price.v), "region", regionText(c.t.region), "from", from, "to", to,
			"price", price.V, "level", levelText(p.level))
		return
	}
	r.explain("resident.price/full", e.cite(p.v), "region", regionText(c.t.region), "from", from, "to", to, "level", levelText(p.level))
}

// residentFacts computes the benefit year, the window and the gap of a
// resident payment.
func (e *engine) residentFacts(t target) *residentCase {
	c := &e.resBuf
	*c = residentCase{t: t, pay: t.payDate, start: t.start}
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
	countFrom := e.params(t.region).ResidentBrokenYearsCountFrom.At(c.lookup)
	c.broken = e.h.brokenYears(c.year, countFrom.V, birthYear)
	return c
}

// benefitYearOf decides which benefit year a resident payment on day buys:
// inside the window the next year (or, for a window that runs into the
// benefit year, that year), in an extension period the current year with
// benefits from the payment day, otherwise the current year.
func (e *engine) benefitYearOf(region string, day Date) (year int, inWindow, extension bool, wFrom, wTo Date, p Resolved[Window]) {
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
	p := e.params(region).ResidentExtension.At(yearStart(y))
	w := p.V
	if w == nil {
		return Date{}, Date{}, false
	}
	return clampDay(y, w.startM, w.startD), clampDay(y, w.endM, w.endD), true
}

// explainYear says which benefit year the payment buys.
func (e *engine) explainYear(c *residentCase, r *waitResult) {
	switch {
	case c.alsoYear != 0:
		r.explain("newborn.twoYears", e.cite(e.params(c.t.region).NewbornWindow.At(c.birth).v), "pay", c.pay, "year", c.year, "year2", c.alsoYear)
	case c.inWindow:
		r.explain("resident.window", e.cite(c.wp.v), "from", c.wFrom, "to", c.wTo, "year", c.year)
	case !c.birth.IsZero() && c.start == monthOfDate(c.birth) && c.t.isPlan:
		r.explain("newborn.birthYear", e.cite(e.params(c.t.region).NewbornWindow.At(c.birth).v), "pay", c.pay, "year", c.year)
	case c.extension:
		xf, xt, _ := e.extension(c.t.region, c.year)
		p := e.params(c.t.region).ResidentExtension.At(c.yearFirst)
		r.explain("resident.extensionYear", e.cite(p.v), "pay", c.pay, "year", c.year, "from", xf, "to", xt)
	default:
		r.explain("resident.outside", e.cite(c.wp.v), "pay", c.pay, "year", c.year, "from", c.wFrom, "to", c.wTo)
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
func (e *engine) newbornExempt(c *residentCase) (Resolved[[]string], bool) {
	exempt := e.params(c.t.region).ResidentExemptGroups.At(c.lookup)
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
	nw := e.params(region).NewbornWindow.At(birth)
	last := newbornLast(birth, nw.V)
	if e.params(region).NewbornWindowCounting.At(birth).V == "includesBirthDay" {
		last = last.AddDate(0, 0, -1)
	}
	return last
}

// newbornInWindow: a newborn enrolled within the newborn window after
// birth has no wait and is covered from the day of birth (国办发〔2024〕38号
// “除新生儿等特殊群体外”; the region's newborn rule for the window).
func (e *engine) newbornInWindow(c *residentCase, r *waitResult) bool {
	_, ok := e.newbornExempt(c)
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
	return c.done(r, from)
}

func (e *engine) explainNewbornInWindow(c *residentCase, r *waitResult) {
	exempt, _ := e.newbornExempt(c)
	nw := e.params(c.t.region).NewbornWindow.At(c.birth)
	r.explain("newborn", e.cite(nw.v), "birth", c.birth, "window", durationText(nw.V), "last", e.newbornLastDay(c.t.region, c.birth))
	r.explain("newborn.exempt", e.cite(exempt.v))
}

// newbornLate: a newborn enrolled after the newborn window, still under
// the region's age limit, has no wait either (国办发〔2024〕38号 “除新生儿等
// 特殊群体外”): only the backdating to birth is lost, and benefits start on
// the payment day, the next day or the next month as the region says.
func (e *engine) newbornLate(c *residentCase, r *waitResult) bool {
	_, ok := e.newbornExempt(c)
	if !ok || c.inWindow || c.pay.IsZero() || c.pay.Before(c.birth) {
		return false
	}
	limit := e.params(c.t.region).NewbornExemptUntilMonths.At(c.birth)
	if c.pay.After(addMonths(c.birth, limit.V)) {
		return false
	}
	from := c.pay
	switch e.params(c.t.region).NewbornLateBenefitStart.At(c.pay).V {
	case "nextDay":
		from = c.pay.AddDate(0, 0, 1)
	case "nextMonth":
		from = (monthOfDate(c.pay) + 1).First()
	}
	r.Exempt = strp(GroupNewborn)
	r.setDates(from, from)
	return true
}

// newbornOver reports whether a child born recently is past the region's
// newborn age at payment, so the general rules apply.
func (e *engine) newbornOver(c *residentCase) bool {
	if _, ok := e.newbornExempt(c); !ok || c.inWindow || c.pay.IsZero() || c.year > c.birth.Year()+1 {
		return false
	}
	limit := e.params(c.t.region).NewbornExemptUntilMonths.At(c.birth)
	return c.pay.After(addMonths(c.birth, limit.V))
}

func (e *engine) explainNewbornLate(c *residentCase, r *waitResult) {
	exempt, _ := e.newbornExempt(c)
	limit := e.params(c.t.region).NewbornExemptUntilMonths.At(c.birth)
	startP := e.params(c.t.region).NewbornLateBenefitStart.At(c.pay)
	when := say("newborn.late/paymentDay")
	switch startP.V {
	case "nextDay":
		when = say("newborn.late/nextDay")
	case "nextMonth":
		when = say("newborn.late/nextMonth")
	}
	r.explain("newborn.late", e.cite(startP.v), "birth", c.birth, "last", e.newbornLastDay(c.t.region, c.birth), "months", limit.V,
		"when", when, "from", r.benefitsFrom, "level", levelText(startP.level))
	r.explain("newborn.exempt", e.cite(exempt.v))
}

// exemptGroup: low-income people, newly discharged veterans and newborns
// (without a birth date) have no waiting period (国办发〔2024〕38号; before
// 2025 the 2021 resident notice).
func (e *engine) exemptGroup(c *residentCase, r *waitResult) bool {
	exempt := e.params(c.t.region).ResidentExemptGroups.At(c.lookup)
	for _, g := range []string{GroupLowIncome, GroupVeteran, GroupNewborn} {
		if e.inGroup(g) && e.hasExempt(exempt, g) && (g != GroupNewborn || c.birth.IsZero()) {
			r.Exempt = strp(g)
			return c.done(r, c.startDay)
		}
	}
	return false
}

func (e *engine) explainExemptGroup(c *residentCase, r *waitResult) {
	exempt := e.params(c.t.region).ResidentExemptGroups.At(c.lookup)
	r.explain("resident.exempt", e.cite(exempt.v), "group", groupText(*r.Exempt))
}

// continuousInWindow: 国办发〔2024〕38号 sets the fixed wait only for people
// who pay outside the window or were not continuously insured (未连续参保).
// Paid inside the window with no broken year before it (any coverage in the
// year before, employee insurance included), there is no wait.
func (e *engine) continuousInWindow(c *residentCase, r *waitResult) bool {
	if !c.inWindow || c.prev == nil || c.broken > 0 {
		return false
	}
	return c.done(r, c.startDay)
}

func (e *engine) explainContinuousInWindow(c *residentCase, r *waitResult) {
	if c.prev.scheme == Employee && c.gap > 0 && !c.prev.goesOn() {
		r.explain("resident.continuous/afterEmployee", e.rs.citeDoc("gbf2024-38", "待遇等待期条款"), "id", c.prev.name, "end", c.prev.end, "year", c.year, "from", c.startDay)
		e.uncoveredBeforeYear(c, r)
		return
	}
	r.explain("resident.continuous", e.rs.citeDoc("gbf2024-38", "待遇等待期条款"))
}

// uncoveredBeforeYear says that the months between employee insurance and
// the benefit year bought are not covered, and, while the interruption is
// at most 3 months, offers paying the current year too (医保办发〔2021〕43号
// ②: a switcher is not bound to the window).
func (e *engine) uncoveredBeforeYear(c *residentCase, r *waitResult) {
	gapFrom := c.prev.end + 1
	r.explain("resident.uncovered", e.cite(c.wp.v), "from", gapFrom, "to", c.start-1, "months", c.gap)
	maxGap := e.params(c.t.region).SwitchMaxGapMonths.At(c.lookup)
	cur := c.year - 1
	deadline := backpayDeadline(c.prev.end, maxGap.V)
	if end := yearEnd(cur); deadline.After(end) {
		deadline = end // the current year can be bought only within it
	}
	if deadline.Before(e.asOf) || gapFrom.Year() != cur {
		return
	}
	switchYears := e.params(c.t.region).SwitchMinContinuousYears.At(c.lookup)
	from := gapFrom.First()
	why := say("option.payCurrentYear/retroactive")
	if e.continuousMonths(c.prev.end) < 12*switchYears.V {
		from = e.asOf // paid today, the option's earliest day
		why = say("option.payCurrentYear/fromPayment")
	}
	text := say("option.payCurrentYear", "maxGap", maxGap.V, "deadline", deadline, "year", cur, "why", why,
		"from", gapFrom, "to", monthOf(cur, time.December))
	o := Option{Kind: "payCurrentYear", Deadline: datep(deadline), BenefitsFrom: formatDate(from), Years: 1,
		Zh: text.Zh, En: text.En, Source: e.rs.citeDoc("ybbf2021-43", "第十一条")}
	e.priceYears(&o, c.t.region, cur, 1)
	r.Shorten = append(r.Shorten, o)
}

// firstInWindow: a first enrollment paid inside the window has no wait
// (国办发〔2024〕38号 sets it for late or broken enrollment only).
func (e *engine) firstInWindow(c *residentCase, r *waitResult) bool {
	if !c.inWindow || c.prev != nil {
		return false
	}
	return c.done(r, c.startDay)
}

func (e *engine) explainFirstInWindow(c *residentCase, r *waitResult) {
	countFrom := e.params(c.t.region).ResidentBrokenYearsCountFrom.At(c.lookup)
	r.explain("resident.first", e.rs.citeDoc("gbf2024-38", "待遇等待期条款"), "countFrom", countFrom.V)
}

// fixedAndVariable: 国办发〔2024〕38号 — a fixed wait of 3 months for paying
// outside the window or after a break, plus a variable month for each
// further broken year, reduced by repair (每缴纳1年减少1个月) but not below
// 6 months after 4 or more broken years.
func (e *engine) fixedAndVariable(c *residentCase, r *waitResult) bool {
	w := e.fixedWait(c)
	r.BrokenYears = c.broken
	if days := w.days(c.broken); days > 0 {
		r.WaitDays = days
		r.setDates(c.startDay, c.startDay.AddDate(0, 0, days))
		return true
	}
	r.FixedMonths = w.fixed.V
	extra := min(c.t.extraYears, c.broken)
	variable, reduced, months := w.total(c.broken, extra)
	r.VariableMonths, r.RepairedMonths, r.Months = variable, reduced, months
	r.setDates(c.startDay, e.waitEnd(c.t.region, c.startDay, months, !c.inWindow))
	return true
}

// fixedWaitRule is 国办发〔2024〕38号's wait as the region sets it.
type fixedWaitRule struct {
	fixed, perYear, countFrom, repair, longYears, longMin Resolved[int]
	counting                                              Resolved[string]
	// fixedDays and daysPerYear replace months where the region counts the
	// wait in days (resident.fixedWaitDays above 0).
	fixedDays, daysPerYear Resolved[int]
}

// days is the wait in days for b broken years where the region counts days
// (吉林: 90 days, and 30 more for each further broken year), else 0.
func (w fixedWaitRule) days(b int) int {
	if w.fixedDays.V == 0 {
		return 0
	}
	return w.fixedDays.V + w.furtherYears(b)*w.daysPerYear.V
}

// furtherYears is how many of b broken years add to the fixed wait: all
// of them, or all but the first (resident.brokenYearCounting).
func (w fixedWaitRule) furtherYears(b int) int {
	if w.counting.V == "afterFirst" {
		b--
	}
	return max(b, 0)
}

func (e *engine) fixedWait(c *residentCase) fixedWaitRule {
	p, lookup := e.params(c.t.region), c.lookup
	return fixedWaitRule{
		fixed:       p.ResidentFixedWaitMonths.At(lookup),
		perYear:     p.ResidentVariableMonthsPerYear.At(lookup),
		counting:    p.ResidentBrokenYearCounting.At(lookup),
		countFrom:   p.ResidentBrokenYearsCountFrom.At(lookup),
		repair:      p.ResidentRepairMonthsPerYear.At(lookup),
		longYears:   p.ResidentLongBreakYears.At(lookup),
		longMin:     p.ResidentLongBreakMinMonths.At(lookup),
		fixedDays:   p.ResidentFixedWaitDays.At(lookup),
		daysPerYear: p.ResidentVariableDaysPerYear.At(lookup),
	}
}

// total is the wait for b broken years of which repaired are paid for: the
// variable months, the months repair removes, and the whole wait
// (“每多断保1年…增加1个月”, “每缴纳1年减少1个月”, not below the minimum
// after a long break).
func (w fixedWaitRule) total(b, repaired int) (variable, reduced, months int) {
	fixed := w.fixed.V
	variable = w.furtherYears(b) * w.perYear.V
	reduced = min(repaired*w.repair.V, variable)
	months = fixed + variable - reduced
	if b >= w.longYears.V && reduced > 0 {
		floor := min(w.longMin.V, fixed+variable)
		if months < floor {
			months = floor
			reduced = fixed + variable - months
		}
	}
	return variable, reduced, months
}

func (e *engine) explainFixedAndVariable(c *residentCase, r *waitResult) {
	region := c.t.region
	w := e.fixedWait(c)
	broken, extra := c.broken, min(c.t.extraYears, c.broken)
	months := r.Months
	why := say("resident.fixed/outside")
	if c.inWindow {
		why = say("resident.fixed/broken")
	}
	var gap Text
	if c.prev != nil && c.gap > 0 {
		gap = say("resident.fixed/gap", "id", c.prev.name, "to", c.prev.to, "gap", c.gap)
	}
	if r.WaitDays > 0 {
		e.explainWaitDays(c, r, w, gap, why)
		return
	}
	r.explain("resident.fixed", e.cite(w.fixed.v), "gap", gap, "why", why, "months", w.fixed.V)
	if w.perYear.V > 0 {
		reading := say("resident.variable/afterFirst", "perYear", w.perYear.V)
		if w.counting.V == "every" {
			reading = say("resident.variable/every", "perYear", w.perYear.V)
		}
		switch {
		case broken == 0:
			r.explain("resident.variable/noBroken", e.cite(w.counting.v), "countFrom", w.countFrom.V)
		case r.VariableMonths == 0:
			r.explain("resident.variable", e.cite(w.counting.v), "countFrom", w.countFrom.V, "broken", broken, "reading", reading, "variable", say("resident.variable/none"))
		default:
			r.explain("resident.variable", e.cite(w.counting.v), "countFrom", w.countFrom.V, "broken", broken, "reading", reading,
				"variable", say("resident.variable/months", "months", r.VariableMonths))
		}
	}
	switch {
	case c.t.extraYears == 0:
	case broken == 0:
		r.explain("resident.repair.cap/none", e.cite(w.repair.v), "extra", c.t.extraYears)
	case r.RepairedMonths == 0: // no variable months, or the floor after a long break
		r.explain("resident.repair/none", e.cite(w.repair.v), "years", extra)
	default:
		if c.t.extraYears > broken {
			r.explain("resident.repair.cap", e.cite(w.repair.v), "extra", c.t.extraYears, "broken", broken)
		}
		r.explain("resident.repair", e.cite(w.repair.v), "years", extra, "perYear", w.repair.V, "reduced", r.RepairedMonths)
	}
	if broken >= w.longYears.V {
		r.explain("resident.longBreak", e.cite(w.longMin.v), "broken", broken, "longYears", w.longYears.V, "min", w.longMin.V)
	}
	start := say("resident.total/paymentDay")
	if c.inWindow {
		start = say("resident.total/window")
	} else {
		switch e.params(region).ResidentWaitCountsFrom.At(c.startDay).V {
		case "nextMonth":
			start = say("resident.total/nextMonth")
		case "paymentMonth":
			start = say("resident.total/paymentMonth")
		}
	}
	if !r.NoBenefits {
		r.explain("resident.total", e.cite(w.fixed.v), "months", months, "start", start, "day", c.startDay, "benefitsFrom", r.BenefitsFrom)
	}
	if w.fixed.level == LevelNational && !e.rs.HasLocalRules(region) {
		r.explain("region.national", e.cite(w.fixed.v))
	}
	// Ways to shorten: repair more broken years.
	best := months
	for n := extra + 1; n <= broken; n++ {
		_, _, m := w.total(broken, n)
		if m >= best {
			break
		}
		best = m
		from := e.waitEnd(region, c.startDay, m, !c.inWindow)
		if from.After(r.coveredTo) {
			continue
		}
		text := say("option.repair", "years", n, "months", m, "from", from)
		o := Option{Kind: "repair", Years: n, Months: m, BenefitsFrom: formatDate(from), Zh: text.Zh, En: text.En, Source: e.cite(w.repair.v)}
		e.priceYears(&o, region, c.year, n)
		r.Shorten = append(r.Shorten, o)
	}
	// Or, after leaving employee insurance, enroll while the gap is short.
	if c.prev != nil && c.prev.scheme == Employee && !c.prev.goesOn() && months > 0 {
		maxGap := e.params(region).SwitchMaxGapMonths.At(c.lookup)
		deadline := backpayDeadline(c.prev.end, maxGap.V)
		if !e.asOf.After(deadline) {
			from := (c.prev.end + 1).First()
			if from.Before(e.asOf) && e.continuousMonths(c.prev.end) < 24 {
				from = e.asOf
			}
			text := say("option.backpay/resident", "deadline", deadline, "maxGap", maxGap.V)
			r.Shorten = append(r.Shorten, Option{Kind: "backpay", Deadline: datep(deadline), BenefitsFrom: formatDate(from),
				Zh: text.Zh, En: text.En, Source: e.rs.citeDoc("ybbf2021-43", "第十一条")})
		}
	}
}

// priceYears adds the cost of n years at the individual contribution of
// benefit year y, or says plainly that the data does not have it.
func (e *engine) priceYears(o *Option, region string, y, n int) {
	c, ok := e.params(region).ResidentIndividualContribution.Lookup(yearStart(y))
	contrib, cv := c.V, c.v
	if !ok {
		text := say("option.price/unknown", "year", y)
		o.Zh += text.Zh
		o.En += text.En
		return
	}
	cost := n * contrib
	o.Cost = &cost
	text := say("option.price", "year", y, "contribution", contrib, "cost", cost)
	o.Zh += text.Zh
	o.En += text.En
	o.Source += "；" + e.cite(cv)
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
	if outside {
		switch e.params(region).ResidentWaitCountsFrom.At(day).V {
		case "nextMonth":
			return (monthOfDate(day) + 1 + Month(n)).First()
		case "paymentMonth": // 昆明 “从缴费当月起计算”
			return (monthOfDate(day) + Month(n)).First()
		}
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
	r.explain("resident.noBenefits", e.cite(e.params(c.t.region).ResidentFixedWaitMonths.At(c.lookup).v), "year", c.year)
	from, to, _ := e.window(c.t.region, c.year+1)
	pay := from
	if pay.Before(e.asOf) {
		pay = e.asOf
	}
	if pay.After(to) {
		return
	}
	w := e.residentWait(target{about: "plan", region: c.t.region, scheme: Resident, start: monthOfDate(pay), payDate: pay, isPlan: true})
	if w.NoBenefits {
		return
	}
	text := say("option.payInWindow", "year", c.year+1, "from", from, "to", to, "benefitsFrom", w.benefitsFrom)
	o := Option{Kind: "payInWindow", Deadline: datep(to), Months: w.Months, WaitDays: w.WaitDays, BenefitsFrom: formatDate(w.benefitsFrom),
		Zh: text.Zh, En: text.En, Source: e.cite(e.params(c.t.region).ResidentWindow.At(yearStart(c.year + 1)).v)}
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
	r.explain("resident.nextYear", e.cite(p.v), "year", next, "from", from, "to", to)
}
