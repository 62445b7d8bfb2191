package rules

// target is an enrollment whose waiting period is asked for: the plan, or
// one of the person's enrollments.
type target struct {
	_          noCompare
	about      string
	region     string
	scheme     string
	start      Month // employee: first month paid; resident: first month covered
	payDate    Date  // the day of payment; zero when unknown
	extraYears int
	isPlan     bool
	leading    int    // back-paid months at the start (employee enrollments)
	self       *span  // the enrollment asked about, never its own predecessor
	kind       string // how an employee enrollment is paid (Enrollment.Kind)
}

// waitResult is a WaitingAnswer with what coverage needs to know. wait
// fills the numbers and the deciding clause; explain, once, the texts.
type waitResult struct {
	WaitingAnswer
	benefitsFrom Date
	waitFrom     Date
	deadline     Date // the last day to back-pay with no wait; zero for none
	followedGap  bool // there was a gap, or a resident payment outside the window
	// coveredTo is the last day a resident payment covers (31 December of
	// its last benefit year); zero for employee insurance.
	coveredTo Date
	res       *residentCase // the facts the clauses read (resident)
	emp       *employeeCase // (employee)
	clause    int           // the deciding clause, in its priority list
}

// wait decides when benefits start for t: the clause that applies and its
// numbers, no text (computed for every enrollment of a history).
//
// The result lives in the engine's scratch space until the next wait: a
// caller that keeps it copies it.
func (e *engine) wait(t target) *waitResult {
	if t.scheme == Employee {
		return e.employeeWait(t)
	}
	return e.residentWait(t)
}

// answer is the waiting answer shown to the person: decided by wait, then
// explained once by the deciding clause, with the ways to shorten it.
func (e *engine) answer(t target) waitResult {
	r := *e.wait(t)
	if r.res != nil {
		c := *r.res
		r.res = &c
	}
	if r.emp != nil {
		c := *r.emp
		r.emp = &c
	}
	r.RegionName = regionName(t.region)
	r.Shorten = []Option{}
	r.WaitFrom = formatDate(r.waitFrom)
	if !r.NoBenefits {
		r.BenefitsFrom = formatDate(r.benefitsFrom)
	}
	r.BackpayDeadline = datep(r.deadline)
	r.Explain = make([]Step, 0, usualSteps)
	if r.emp != nil {
		e.explainEmployee(&r)
	} else {
		e.explainResident(&r)
	}
	return r
}

// newWait starts the engine's scratch result for t.
func (e *engine) newWait(t target) *waitResult {
	r := &e.waitBuf
	*r = waitResult{}
	r.About, r.Region, r.Scheme = t.about, t.region, t.scheme
	r.ExtraYears = t.extraYears
	return r
}

// setDates records when the wait starts and benefits begin.
func (r *waitResult) setDates(waitFrom, benefitsFrom Date) {
	r.waitFrom, r.benefitsFrom = waitFrom, benefitsFrom
}

// gapBefore finds the coverage before month m: the enrollment with the
// latest end other than self, and the whole months without coverage in
// between.
func (e *engine) gapBefore(m Month, self *span) (*span, int) {
	prev := e.h.before(m, self)
	if prev == nil {
		return nil, 0
	}
	gap := int(m - prev.end - 1)
	if gap < 0 {
		gap = 0
	}
	return prev, gap
}

// backpayDeadline is the last day to resume paying after coverage that
// ended in month end while the interruption is at most maxGap months
// (医保办发〔2021〕43号 第十一条 “中断缴费3个月（含）以内的”): the end of the
// month after those months.
func backpayDeadline(end Month, maxGap int) Date { return (end + Month(maxGap) + 1).Last() }

// continuousMonths is the length of the run of paid months, any scheme,
// that ends at month m.
func (e *engine) continuousMonths(m Month) int {
	if start, ok := runStart(e.h.all, m); ok {
		return int(m-start) + 1
	}
	return 0
}

// window is the resident enrollment window (集中参保期) for benefit year y.
func (e *engine) window(region string, y int) (from, to Date, p Resolved[Window]) {
	p = e.params(region).ResidentWindow.At(yearStart(y))
	w := p.V
	from = dayOf(y-1, w.startM, w.startD)
	endYear := y - 1
	if w.EndInBenefitYear {
		endYear = y
	}
	to = clampDay(endYear, w.endM, w.endD)
	return from, to, p
}

// clampDay builds a date, moving 29 February to the 28th in common years.
func clampDay(y, m, d int) Date {
	if last := daysIn(y, m); d > last {
		d = last
	}
	return dayOf(y, m, d)
}

// newbornLast is the last day of the newborn window after birth.
func newbornLast(birth Date, period string) Date {
	n, unit, _ := parseDuration(period)
	if unit == 'M' {
		return addMonths(birth, n)
	}
	return birth.AddDate(0, 0, n)
}

// durationText says a period (P90D, P6M) in both languages.
func durationText(p string) Text {
	n, unit, _ := parseDuration(p)
	if unit == 'M' {
		return say("duration.months", "n", n)
	}
	return say("duration.days", "n", n)
}
