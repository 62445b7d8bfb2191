package rules

// Waiting periods of employee insurance, and switching between the two
// schemes: 医保办发〔2021〕43号 第十一条 (the national transfer rules), with
// 社会保险法 第二十三条 for a first enrollment.

// employeeCase is what the employee clauses read: the facts of one
// enrollment, computed once before any clause is tried.
type employeeCase struct {
	_      noCompare
	t      target
	pay    Month // the month paying resumed (after the back-paid months)
	day    Date  // the day the parameters are read at
	prev   *span
	gap    int // months without contributions before pay
	maxGap Resolved[int]
	// The rest is known only after a gap.
	deadline       Date // the last day to back-pay with no wait
	gapFrom, gapTo Month
	switching      bool // from resident insurance (医保办发〔2021〕43号 ②)
	contMonths     int
	switchYears    Resolved[int]
}

// employeeClause is one clause that may decide an employee wait: decide
// reports whether it applies and sets the numbers; why explains it, once.
type employeeClause struct {
	name   string
	decide func(e *engine, c *employeeCase, r *waitResult) bool
	why    func(e *engine, c *employeeCase, r *waitResult)
}

// employeeClauses is the priority list: a first enrollment, no
// interruption, an interruption of at most 3 months back-paid (①, or ②
// after switching with 2 years), a switch without the 2 years, and a
// longer interruption with the region's wait (③).
var employeeClauses = []employeeClause{
	{"employee.first", (*engine).firstEmployee, (*engine).explainFirstEmployee},
	{"employee.continuous", (*engine).continuousEmployee, (*engine).explainContinuousEmployee},
	{"employee.backpay", (*engine).backpayEmployee, (*engine).explainBackpayEmployee},
	{"switch.short", (*engine).shortSwitchToEmployee, (*engine).explainShortSwitchToEmployee},
	{"employee.gap", (*engine).longGapEmployee, (*engine).explainLongGapEmployee},
}

// employeeWait decides the wait of an employee enrollment.
func (e *engine) employeeWait(t target) *waitResult {
	r := e.newWait(t)
	c := &e.empBuf
	*c = employeeCase{t: t, pay: t.start + Month(t.leading)}
	c.prev, c.gap = e.gapBefore(t.start, t.self)
	c.gap += t.leading
	c.day = c.pay.First()
	if !t.payDate.IsZero() {
		c.day = t.payDate
	}
	c.maxGap = e.params(t.region).EmployeeBackpayMaxGapMonths.At(c.day)
	if c.prev != nil && c.gap > 0 {
		c.deadline = backpayDeadline(c.prev.end, c.maxGap.V)
		c.gapFrom, c.gapTo = c.prev.end+1, c.pay-1
		c.switchYears = e.params(t.region).SwitchMinContinuousYears.At(c.day)
		c.switching = c.prev.scheme != Employee
		c.contMonths = e.continuousMonths(c.prev.end)
	}
	r.GapMonths = c.gap
	r.emp = c
	for i, cl := range employeeClauses {
		if cl.decide(e, c, r) {
			r.clause = i
			break
		}
	}
	return r
}

// explainEmployee explains the deciding clause.
func (e *engine) explainEmployee(r *waitResult) {
	c := r.emp
	if c.prev != nil {
		r.Previous = strp(c.prev.id)
	}
	employeeClauses[r.clause].why(e, c, r)
}

// firstEmployee: 社会保险法 第二十三条 — no national waiting period for a
// first enrollment; a region may set one for a first enrollment as an
// individual (employee.firstFlexibleWaitMonths, e.g. 重庆 “首次以个人身份
// 参加…等待期为6个月”).
func (e *engine) firstEmployee(c *employeeCase, r *waitResult) bool {
	if c.prev != nil {
		return false
	}
	if c.t.kind == KindFlexible {
		if w := e.params(c.t.region).EmployeeFirstFlexibleWaitMonths.At(c.day); w.V > 0 {
			r.Months, r.FixedMonths = w.V, w.V
			waitFrom := (c.pay + 1).First()
			r.setDates(waitFrom, addMonths(waitFrom, r.Months))
			return true
		}
	}
	r.setDates(c.t.start.First(), c.t.start.First()) // its first month, back-paid ones included
	return true
}

func (e *engine) explainFirstEmployee(c *employeeCase, r *waitResult) {
	if r.Months > 0 {
		w := e.params(c.t.region).EmployeeFirstFlexibleWaitMonths.At(c.day)
		r.explain("employee.firstFlexible", e.cite(w.v), "region", regionText(c.t.region), "months", w.V,
			"level", levelText(w.level), "from", c.pay+1, "benefitsFrom", r.BenefitsFrom)
		return
	}
	r.explain("employee.first", e.rs.citeDoc("shbxf", "第二十三条"), "month", c.pay)
}

// continuousEmployee: 医保办发〔2021〕43号 第十一条 — no interruption, no wait.
func (e *engine) continuousEmployee(c *employeeCase, r *waitResult) bool {
	if c.gap > 0 {
		return false
	}
	r.setDates(c.t.start.First(), c.t.start.First()) // its first month, back-paid ones included
	return true
}

func (e *engine) explainContinuousEmployee(c *employeeCase, r *waitResult) {
	r.explain("employee.continuous", e.rs.citeDoc("ybbf2021-43", "第十一条"), "id", c.prev.name, "to", c.prev.to)
}

// backpayEmployee: 医保办发〔2021〕43号 第十一条① “中断缴费3个月（含）以内的，
// 可按转入地规定补缴…缴费当月即可…享受待遇，中断期间的待遇可追溯享受”, and ②
// for a switch from resident insurance after 2 continuous years (含). A
// recorded enrollment covers the months it holds (back-paid ones
// included); months of the gap it does not hold are covered once they are
// back-paid.
func (e *engine) backpayEmployee(c *employeeCase, r *waitResult) bool {
	if c.gap > c.maxGap.V || (c.switching && c.contMonths < 12*c.switchYears.V) {
		return false
	}
	r.followedGap = true
	r.BackpayAllowed, r.Retroactive = true, true
	r.deadline = c.deadline
	from := c.gapFrom.First()
	if !c.t.isPlan {
		from, r.Retroactive = c.t.start.First(), c.t.leading > 0
	}
	r.setDates(from, from)
	return true
}

func (e *engine) explainBackpayEmployee(c *employeeCase, r *waitResult) {
	maxGap := c.maxGap.V
	if c.switching {
		r.explain("switch.backpay/toEmployee", e.cite(c.switchYears.v), "months", c.contMonths, "years", c.switchYears.V,
			"gap", c.gap, "maxGap", maxGap, "gapFrom", c.gapFrom, "gapTo", c.gapTo)
	} else {
		r.explain("employee.backpay", e.cite(c.maxGap.v), "gap", c.gap, "gapFrom", c.gapFrom, "gapTo", c.gapTo, "maxGap", maxGap)
	}
	if c.t.isPlan || !e.asOf.After(c.deadline) {
		r.explain("employee.deadline", e.cite(c.maxGap.v), "deadline", c.deadline, "maxGap", maxGap)
	}
	if unpaid := c.gap - c.t.leading; !c.t.isPlan && unpaid > 0 && !e.asOf.After(c.deadline) {
		text := say("option.backpay/unpaid", "deadline", c.deadline, "months", unpaid, "gapFrom", c.gapFrom, "maxGap", maxGap)
		r.Shorten = append(r.Shorten, Option{Kind: "backpay", Zh: text.Zh, En: text.En, Deadline: datep(c.deadline),
			BenefitsFrom: formatDate(c.gapFrom.First()), Source: e.cite(c.maxGap.v)})
	}
}

// shortSwitchToEmployee: 医保办发〔2021〕43号 ② needs 2 continuous years; a
// switch within 3 months without them is not back-paid, and no national
// wait applies: benefits from the month paid.
func (e *engine) shortSwitchToEmployee(c *employeeCase, r *waitResult) bool {
	if c.gap > c.maxGap.V {
		return false
	}
	r.followedGap = true
	r.setDates(c.pay.First(), c.pay.First())
	return true
}

func (e *engine) explainShortSwitchToEmployee(c *employeeCase, r *waitResult) {
	r.explain("switch.short/toEmployee", e.cite(c.switchYears.v), "gap", c.gap, "months", c.contMonths, "years", c.switchYears.V, "maxGap", c.maxGap.V)
}

// longGapEmployee: 医保办发〔2021〕43号 第十一条③ “中断缴费3个月以上的…设置
// 不超过6个月的待遇享受等待期”: the region's wait, counted from the month
// after payment; where it is not known, the cap, as an upper bound.
func (e *engine) longGapEmployee(c *employeeCase, r *waitResult) bool {
	r.followedGap = true
	wait := e.longGapWait(c)
	r.Months, r.FixedMonths = wait.V, wait.V
	r.MonthsUpperBound = wait.level == LevelNational
	waitFrom := e.longGapWaitFrom(c)
	r.setDates(waitFrom.First(), addMonths(waitFrom.First(), r.Months))
	r.deadline = c.deadline
	return true
}

// longGapWait is the region's wait after a long interruption: its own for
// flexible workers where it sets one (武汉: from the 7th month), else the
// one for all employees.
func (e *engine) longGapWait(c *employeeCase) Resolved[int] {
	if c.t.kind == KindFlexible {
		if w := e.params(c.t.region).EmployeeFlexibleLongGapWaitMonths.At(c.day); w.V >= 0 {
			return w
		}
	}
	return e.params(c.t.region).EmployeeLongGapWaitMonths.At(c.day)
}

// longGapWaitFrom is the first month of the wait: the month after payment,
// or the payment month where the region counts it (青岛 “含缴费当月”).
func (e *engine) longGapWaitFrom(c *employeeCase) Month {
	if e.params(c.t.region).EmployeeWaitCountsPaymentMonth.At(c.day).V == "yes" {
		return c.pay
	}
	return c.pay + 1
}

func (e *engine) explainLongGapEmployee(c *employeeCase, r *waitResult) {
	wait := e.longGapWait(c)
	capM := e.params(c.t.region).EmployeeLongGapWaitCapMonths.At(c.day)
	maxGap := c.maxGap.V
	r.explain("employee.gap", e.cite(c.maxGap.v), "gap", c.gap, "gapFrom", c.gapFrom, "gapTo", c.gapTo, "maxGap", maxGap, "cap", capM.V)
	if r.MonthsUpperBound {
		// 43号③ sets a cap (“不超过6个月”), not the local wait.
		r.explain("employee.wait/national", e.cite(capM.v), "region", regionText(c.t.region), "cap", capM.V, "from", c.pay+1, "benefitsFrom", r.BenefitsFrom)
	} else {
		r.explain("employee.wait", e.cite(wait.v), "region", regionText(c.t.region), "level", levelText(wait.level),
			"months", r.Months, "cap", capM.V, "from", e.longGapWaitFrom(c), "benefitsFrom", r.BenefitsFrom)
	}
	if !e.asOf.After(c.deadline) && r.Months > 0 {
		text := say("option.backpay/employee", "deadline", c.deadline, "maxGap", maxGap)
		r.Shorten = append(r.Shorten, Option{Kind: "backpay", Zh: text.Zh, En: text.En, Deadline: datep(c.deadline),
			BenefitsFrom: formatDate(c.gapFrom.First()), Source: e.cite(c.maxGap.v)})
	}
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
	// ② is about a person whose employee contributions were interrupted
	// (“中断缴费”): employee coverage that goes on (an enrollment still
	// being paid, a retiree's for life) is no switch but a duplicate, which
	// the plan's overlap warning speaks of.
	if c.prev.goesOn() {
		return false
	}
	maxGap := e.params(c.t.region).SwitchMaxGapMonths.At(c.lookup)
	if c.interruption > maxGap.V {
		return false
	}
	switchYears := e.params(c.t.region).SwitchMinContinuousYears.At(c.lookup)
	if e.continuousMonths(c.prev.end) < 12*switchYears.V {
		return c.done(r, c.startDay)
	}
	r.BackpayAllowed = true
	r.deadline = backpayDeadline(c.prev.end, maxGap.V)
	from := (c.prev.end + 1).First()
	if from.Before(c.yearFirst) {
		from = c.yearFirst
	}
	if from.After(c.pay) {
		from = c.pay
	}
	r.setDates(from, from)
	return true
}

func (e *engine) explainSwitchFromEmployee(c *residentCase, r *waitResult) {
	maxGap := e.params(c.t.region).SwitchMaxGapMonths.At(c.lookup)
	switchYears := e.params(c.t.region).SwitchMinContinuousYears.At(c.lookup)
	cont := e.continuousMonths(c.prev.end)
	if r.BackpayAllowed {
		r.explain("switch.backpay/toResident", e.cite(switchYears.v), "months", cont, "years", switchYears.V,
			"gap", c.interruption, "maxGap", maxGap.V, "from", r.benefitsFrom)
		return
	}
	r.explain("switch.short/toResident", e.rs.citeDoc("ybf2021-resident", "规范待遇享受等待期")+"；"+e.rs.citeDoc("ybbf2021-43", "第十一条"),
		"gap", c.interruption, "maxGap", maxGap.V, "months", cont, "years", switchYears.V)
}
