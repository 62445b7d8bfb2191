package rules

import (
	"strconv"
	"time"
)

// target is an enrollment whose waiting period is asked for: the plan, or
// one of the person's enrollments.
type target struct {
	about      string
	region     string
	scheme     string
	start      Month // employee: first month paid; resident: first month covered
	payDate    Date  // the day of payment; zero when unknown
	extraYears int
	isPlan     bool
	leading    int // back-paid months at the start (employee enrollments)
	// quiet skips the explanations and options: enough to know when
	// benefits start (used for every enrollment of a long history).
	quiet bool
}

// waitResult is a WaitingAnswer with what coverage needs to know.
type waitResult struct {
	WaitingAnswer
	benefitsFrom Date
	followedGap  bool // there was a gap, or a resident payment outside the window
	quiet        bool
}

func (e *engine) wait(t target) waitResult {
	if t.scheme == Employee {
		return e.employeeWait(t)
	}
	return e.residentWait(t)
}

func (e *engine) newWait(t target) waitResult {
	r := waitResult{}
	r.About, r.Region, r.Scheme = t.about, t.region, t.scheme
	r.RegionName = regionName(t.region)
	r.ExtraYears = t.extraYears
	r.Shorten = []Option{}
	r.quiet = t.quiet
	return r
}

// setDates records when the wait starts and benefits begin; the text
// fields are filled only when the answer is shown.
func (r *waitResult) setDates(waitFrom, benefitsFrom Date) {
	r.benefitsFrom = benefitsFrom
	if !r.quiet {
		r.WaitFrom, r.BenefitsFrom = formatDate(waitFrom), formatDate(benefitsFrom)
	}
}

func (r *waitResult) setDeadline(d Date) {
	if !r.quiet {
		r.BackpayDeadline = datep(d)
	}
}

// gapBefore finds the coverage before month m: the enrollment with the
// latest end, and the whole months without coverage in between.
func (e *engine) gapBefore(m Month) (*span, int) {
	prev := e.h.before(m)
	if prev == nil {
		return nil, 0
	}
	gap := int(m - prev.to - 1)
	if gap < 0 {
		gap = 0
	}
	return prev, gap
}

// continuousMonths is the length of the run of paid months, any scheme,
// that ends at month m.
func (e *engine) continuousMonths(m Month) int {
	if start, ok := runStart(e.h.all, m); ok {
		return int(m-start) + 1
	}
	return 0
}

// employeeWait applies 医保办发〔2021〕43号 第十一条 to an employee enrollment.
func (e *engine) employeeWait(t target) waitResult {
	r := e.newWait(t)
	pay := t.start + Month(t.leading) // the month paying resumed
	prev, gap := e.gapBefore(t.start)
	gap += t.leading
	r.GapMonths = gap
	day := pay.First()
	if !t.payDate.IsZero() {
		day = t.payDate
	}
	maxGap := e.rs.get("employee.backpayMaxGapMonths", t.region, day)
	if prev == nil || gap == 0 {
		r.benefitsFrom = pay.First()
		if t.leading > 0 {
			r.benefitsFrom = t.start.First()
		}
		r.setDates(r.benefitsFrom, r.benefitsFrom)
		if prev == nil {
			if !r.quiet {
				r.step("employee.first", "首次参加职工医保（未填写更早的参保记录）：国家未规定首次参保等待期，按缴费当月（"+
					pay.String()+"）起享受待遇估算；部分地区单位职工自缴费次月起享受、以个人身份首次参保的设有等待期。", "First employee enrollment (no earlier enrollment given): no national waiting period for a first enrollment; benefits counted from the month paid ("+
					pay.String()+"). Some places start the month after, or set a wait for individuals.", e.rs.citeDoc("shbxf", "第二十三条"))
			}
		} else {
			r.Previous = strp(prev.id)
			if !r.quiet {
				r.step("employee.continuous", "与上一段参保（"+
					prev.id+"，至"+prev.to.String()+"）之间没有中断，连续参保，不设等待期。", "No interruption after the previous enrollment ("+
					prev.id+", to "+prev.to.String()+"): continuous, no waiting period.", e.rs.citeDoc("ybbf2021-43", "第十一条"))
			}
		}
		return r
	}
	r.followedGap = true
	if !r.quiet {
		r.Previous = strp(prev.id)
	}
	deadline := (prev.to + Month(maxGap.v.num) + 1).Last()
	gapFrom, gapTo := prev.to+1, pay-1
	switchYears := e.rs.get("switch.minContinuousYears", t.region, day)
	switching := prev.scheme != Employee
	contMonths := e.continuousMonths(prev.to)
	eligibleBackpay := !switching || contMonths >= 12*switchYears.v.num
	if gap <= maxGap.v.num {
		if eligibleBackpay {
			// 医保办发〔2021〕43号 第十一条①②: back-pay, benefits in the month paid, the gap retroactive.
			r.BackpayAllowed, r.Retroactive = true, true
			r.benefitsFrom = gapFrom.First()
			r.setDeadline(deadline)
			if switching {
				if !r.quiet {
					r.step("switch.backpay", "已连续参保"+strconv.Itoa(int(contMonths))+"个月（≥"+strconv.Itoa(int(switchYears.v.num))+"年），由居民医保切换为职工医保，中断"+strconv.Itoa(int(gap))+"个月（≤"+strconv.Itoa(int(maxGap.v.num))+"个月）：可按规定补缴，缴费当月享受待遇，中断期间（"+gapFrom.String()+"至"+gapTo.String()+"）待遇可追溯，不设等待期。", "Continuously insured for "+strconv.Itoa(int(contMonths))+" months (≥ "+strconv.Itoa(int(switchYears.v.num))+" years) and switching from resident to employee insurance after a "+strconv.Itoa(int(gap))+"-month interruption (≤ "+strconv.Itoa(int(maxGap.v.num))+"): back-pay is allowed, benefits start in the month paid and the gap ("+gapFrom.String()+" to "+gapTo.String()+") is covered retroactively; no waiting period.", e.rs.cite(switchYears.v))
				}
			} else {
				if !r.quiet {
					r.step("employee.backpay", "职工医保中断缴费"+strconv.Itoa(int(gap))+"个月（"+gapFrom.String()+"至"+gapTo.String()+"），不超过"+strconv.Itoa(int(maxGap.v.num))+"个月（含）：可按参保地规定补缴，缴费当月即可享受待遇，中断期间的待遇可追溯享受，不设等待期。", "Employee contributions were interrupted for "+strconv.Itoa(int(gap))+" months ("+gapFrom.String()+" to "+gapTo.String()+"), at most "+strconv.Itoa(int(maxGap.v.num))+": back-pay is allowed, benefits start in the month paid and the interruption is covered retroactively; no waiting period.", e.rs.cite(maxGap.v))
				}
			}
			if t.isPlan || !e.asOf.After(deadline) {
				if !r.quiet {
					r.step("employee.deadline", "补缴须在"+
						formatDate(deadline)+"前（中断不超过"+strconv.Itoa(int(maxGap.v.num))+"个月）办理。", "Back-pay by "+
						formatDate(deadline)+", while the interruption is still at most "+strconv.Itoa(int(maxGap.v.num))+" months.", e.rs.cite(maxGap.v))
				}
			}
		} else {
			r.benefitsFrom = pay.First()
			if !r.quiet {
				r.step("switch.short", "由居民医保转入职工医保，中断"+strconv.Itoa(int(gap))+"个月，但此前连续参保"+strconv.Itoa(int(contMonths))+"个月，不足"+strconv.Itoa(int(switchYears.v.num))+"年：不能按切换规定补缴追溯；国家未对3个月内的中断设等待期，按缴费当月起享受待遇估算。", "Switching from resident to employee insurance after "+strconv.Itoa(int(gap))+" months, but continuous enrollment before was only "+strconv.Itoa(int(contMonths))+" months (< "+strconv.Itoa(int(switchYears.v.num))+" years): no retroactive back-pay; no national wait for an interruption of up to 3 months, so benefits are counted from the month paid.", e.rs.cite(switchYears.v))
			}
		}
		r.setDates(r.benefitsFrom, r.benefitsFrom)
		return r
	}
	// 医保办发〔2021〕43号 第十一条③: more than 3 months, the region's wait (at most 6 months).
	wait := e.rs.get("employee.longGapWaitMonths", t.region, day)
	capM := e.rs.get("employee.longGapWaitCapMonths", t.region, day)
	r.Months = wait.v.num
	r.FixedMonths = wait.v.num
	waitFrom := (pay + 1).First()
	r.benefitsFrom = addMonths(waitFrom, r.Months)
	r.setDates(waitFrom, r.benefitsFrom)
	r.setDeadline(deadline)
	if !r.quiet {
		r.step("employee.gap", "职工医保中断缴费"+strconv.Itoa(int(gap))+"个月（"+gapFrom.String()+"至"+gapTo.String()+"），超过"+strconv.Itoa(int(maxGap.v.num))+"个月：不能补缴追溯，按参保地规定设待遇享受等待期（全国原则上不超过"+strconv.Itoa(int(6))+"个月）。", "Employee contributions were interrupted for "+strconv.Itoa(int(gap))+" months ("+gapFrom.String()+" to "+gapTo.String()+"), more than "+strconv.Itoa(int(maxGap.v.num))+": no retroactive back-pay; the region's waiting period applies (nationally at most 6 months).", e.rs.cite(maxGap.v))
	}
	where := levelZh(wait.level)
	if !r.quiet {
		r.step("employee.wait",
			r.RegionName+"（"+where+"）职工医保等待期"+strconv.Itoa(int(r.Months))+"个月（上限"+strconv.Itoa(int(capM.v.num))+"个月），自缴费次月（"+(pay+1).String()+"）起算，"+r.BenefitsFrom+"起享受待遇。",
			regionNameEn(t.region)+" ("+levelEn(wait.level)+" rule): employee waiting period of "+strconv.Itoa(int(r.Months))+" months (cap "+strconv.Itoa(int(capM.v.num))+"), counted from the month after payment ("+(pay+1).String()+"); benefits from "+r.BenefitsFrom+".",
			e.rs.cite(wait.v))
	}
	if wait.level == LevelNational {
		if !r.quiet {
			r.step("region.national",
				"按国家规定，当地细则请以当地医保部门为准。",
				"National rule applied; check the local medical-insurance bureau for the local rule.",
				e.rs.cite(wait.v))
		}
	}
	if !r.quiet && !e.asOf.After(deadline) && r.Months > 0 {
		r.Shorten = append(r.Shorten, Option{
			Kind:         "backpay",
			Zh:           "在" + formatDate(deadline) + "前恢复缴费并补缴中断月份：中断不超过" + strconv.Itoa(int(maxGap.v.num)) + "个月，不设等待期，待遇可追溯。",
			En:           "Resume paying and back-pay the missed months by " + formatDate(deadline) + ": the interruption stays within " + strconv.Itoa(int(maxGap.v.num)) + " months, so there is no wait and benefits are retroactive.",
			Deadline:     datep(deadline),
			Months:       0,
			BenefitsFrom: formatDate(gapFrom.First()),
			Source:       e.rs.cite(maxGap.v),
		})
	}
	return r
}

// window is the resident enrollment window (集中参保期) for benefit year y.
func (e *engine) window(region string, y int) (from, to Date, p param) {
	p = e.rs.get("resident.window", region, yearStart(y))
	w := p.v.window
	from = time.Date(y-1, time.Month(w.startM), w.startD, 0, 0, 0, 0, time.UTC)
	endYear := y - 1
	if w.EndInBenefitYear {
		endYear = y
	}
	to = clampDay(endYear, w.endM, w.endD)
	return from, to, p
}

// clampDay builds a date, moving 29 February to the 28th in common years.
func clampDay(y, m, d int) Date {
	if last := monthOf(y, time.Month(m)).Last().Day(); d > last {
		d = last
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// benefitYearOf decides which benefit year a resident payment on day buys
// and whether it falls inside the window: inside the window the next year,
// outside it the current year.
func (e *engine) benefitYearOf(region string, day Date) (year int, inWindow bool, wFrom, wTo Date, p param) {
	y := day.Year()
	if f, t, pp := e.window(region, y+1); !day.Before(f) && !day.After(t) {
		return y + 1, true, f, t, pp
	}
	f, t, pp := e.window(region, y)
	if !day.Before(f) && !day.After(t) {
		return y, true, f, t, pp
	}
	return y, false, f, t, pp
}

// residentWait applies 国办发〔2024〕38号 (from 2025) and the 2021 rules
// before it to a resident enrollment.
func (e *engine) residentWait(t target) waitResult {
	r := e.newWait(t)
	var year int
	var inWindow bool
	var wFrom, wTo Date
	var wp param
	start := t.start
	switch {
	case t.payDate.IsZero():
		// No payment day: the year counts as paid inside its window.
		year, inWindow = start.Year(), true
		if !t.quiet {
			wFrom, wTo, wp = e.window(t.region, year)
		}
	case t.isPlan:
		year, inWindow, wFrom, wTo, wp = e.benefitYearOf(t.region, t.payDate)
		start = monthOf(year, time.January)
		if !inWindow {
			start = monthOfDate(t.payDate)
		}
		if birth, ok := e.newbornPays(t.region, t.payDate); ok && year != birth.Year() {
			// A newborn enrolled within the window after birth pays for the birth year.
			year, inWindow = birth.Year(), false
			wFrom, wTo, wp = e.window(t.region, year)
			start = monthOfDate(birth)
		}
	default:
		year = start.Year()
		wFrom, wTo, wp = e.window(t.region, year)
		inWindow = !t.payDate.After(wTo)
		if !inWindow && monthOfDate(t.payDate) > start {
			start = monthOfDate(t.payDate)
		}
	}
	r.BenefitYear = year
	if !r.quiet {
		r.InWindow = &inWindow
	}
	if !r.quiet {
		r.WindowFrom, r.WindowTo = datep(wFrom), datep(wTo)
	}
	yearFirst := yearStart(year)
	lookup := yearFirst
	if !inWindow {
		lookup = t.payDate
	}
	prev, gap := e.gapBefore(start)
	r.GapMonths = gap
	if prev != nil && !r.quiet {
		r.Previous = strp(prev.id)
	}
	r.followedGap = (prev != nil && gap > 0) || !inWindow
	if inWindow {
		if !r.quiet {
			r.step("resident.window", "在集中参保期（"+
				formatDate(wFrom)+"至"+formatDate(wTo)+"）内缴费，参保"+strconv.Itoa(int(year))+"年度，待遇享受期为"+strconv.Itoa(int(year))+"年1月1日至12月31日。", "Paid inside the enrollment window ("+
				formatDate(wFrom)+" to "+formatDate(wTo)+") for benefit year "+strconv.Itoa(int(year))+": the benefit year runs 1 January to 31 December "+strconv.Itoa(int(year))+".", e.rs.cite(wp.v))
		}
	} else {
		if !r.quiet {
			r.step("resident.outside",
				formatDate(t.payDate)+"缴费，不在"+strconv.Itoa(int(year))+"年度集中参保期（"+formatDate(wFrom)+"至"+formatDate(wTo)+"）内，参保当年度（"+strconv.Itoa(int(year))+"年）。", "Paid on "+
					formatDate(t.payDate)+", outside the window for "+strconv.Itoa(int(year))+" ("+formatDate(wFrom)+" to "+formatDate(wTo)+"): buys the current benefit year "+strconv.Itoa(int(year))+".", e.rs.cite(wp.v))
		}
	}
	startDay := yearFirst
	if !inWindow {
		startDay = t.payDate
	} else if start.First().After(yearFirst) {
		startDay = start.First()
	}
	done := func(from Date) waitResult {
		r.benefitsFrom = from
		r.setDates(startDay, from)
		return r
	}
	// Exempt groups: newborns within the window after birth, then the others.
	exempt := e.rs.get("resident.exemptGroups", t.region, lookup)
	if birth, ok := e.birth(); ok && e.hasExempt(exempt, GroupNewborn) {
		nw := e.rs.get("newborn.window", t.region, birth)
		last := newbornLast(birth, nw.v.word)
		pay := t.payDate
		if pay.IsZero() {
			pay = startDay
		}
		if !pay.After(last) && (year == birth.Year() || year == birth.Year()+1) {
			r.Exempt = strp(GroupNewborn)
			from := birth
			if from.Before(yearFirst) {
				from = yearFirst
			}
			if !r.quiet {
				r.step("newborn", "新生儿（"+
					formatDate(birth)+"出生）在出生后"+durationZh(nw.v.word)+"内（"+formatDate(last)+"前）参保缴费：不设等待期，自出生之日起享受待遇。", "Newborn (born "+
					formatDate(birth)+") enrolled within "+durationEn(nw.v.word)+" of birth (by "+formatDate(last)+"): no waiting period, benefits from the day of birth.", e.rs.cite(nw.v))
			}
			if !r.quiet {
				r.step("newborn.exempt", "新生儿等特殊群体不设待遇等待期。", "Newborns and other special groups have no waiting period.", e.rs.cite(exempt.v))
			}
			return done(from)
		}
		if year >= birth.Year() && birth.Year() >= year-1 {
			if !r.quiet {
				r.step("newborn.late", "新生儿出生后"+
					durationZh(nw.v.word)+"内（"+formatDate(last)+"前）未参保：按一般规定计算等待期（部分地区另有规定）。", "The newborn was not enrolled within "+
					durationEn(nw.v.word)+" of birth (by "+formatDate(last)+"): the general rules apply (some places differ).", e.rs.cite(nw.v))
			}
		}
	}
	for _, g := range []string{GroupLowIncome, GroupVeteran, GroupNewborn} {
		if e.inGroup(g) && e.hasExempt(exempt, g) && (g != GroupNewborn || !e.hasBirth()) {
			r.Exempt = strp(g)
			if !r.quiet {
				r.step("resident.exempt", "属于"+
					groupZh(g)+"，为不设待遇等待期的特殊群体。", "Belongs to "+
					groupEn(g)+", a group with no waiting period.", e.rs.cite(exempt.v))
			}
			return done(startDay)
		}
	}
	maxGap := e.rs.get("switch.maxGapMonths", t.region, lookup)
	if prev != nil && gap <= maxGap.v.num && (inWindow || prev.scheme == Employee) {
		if prev.scheme == Employee && gap > 0 {
			switchYears := e.rs.get("switch.minContinuousYears", t.region, lookup)
			cont := e.continuousMonths(prev.to)
			deadline := (prev.to + Month(maxGap.v.num) + 1).Last()
			if cont >= 12*switchYears.v.num {
				// 医保办发〔2021〕43号 第十一条②: switch after ≥ 2 continuous years.
				r.BackpayAllowed, r.Retroactive = true, true
				r.setDeadline(deadline)
				from := (prev.to + 1).First()
				if from.Before(yearFirst) {
					from = yearFirst
				}
				if !r.quiet {
					r.step("switch.backpay", "已连续参保"+strconv.Itoa(int(cont))+"个月（≥"+strconv.Itoa(int(switchYears.v.num))+"年），由职工医保切换为居民医保，中断"+strconv.Itoa(int(gap))+"个月（≤"+strconv.Itoa(int(maxGap.v.num))+"个月）：不受集中参保期限制，不设等待期，中断期间待遇可追溯。", "Continuously insured for "+strconv.Itoa(int(cont))+" months (≥ "+strconv.Itoa(int(switchYears.v.num))+" years) and switching from employee to resident insurance after "+strconv.Itoa(int(gap))+" months (≤ "+strconv.Itoa(int(maxGap.v.num))+"): not bound to the window, no waiting period, the gap is covered retroactively.", e.rs.cite(switchYears.v))
				}
				return done(from)
			}
			if !r.quiet {
				r.step("switch.short", "职工医保中断缴费"+strconv.Itoa(int(gap))+"个月内（≤"+strconv.Itoa(int(maxGap.v.num))+"个月）参加居民医保：不设等待期（连续参保不足"+strconv.Itoa(int(switchYears.v.num))+"年，中断期间不追溯）。", "Joined resident insurance within "+strconv.Itoa(int(gap))+" months (≤ "+strconv.Itoa(int(maxGap.v.num))+") of leaving employee insurance: no waiting period (continuous enrollment under "+strconv.Itoa(int(switchYears.v.num))+" years, so the gap is not covered).", e.rs.citeDoc("ybf2021-resident", "规范待遇享受等待期"))
			}
			return done(startDay)
		}
		if !r.quiet {
			r.step("resident.continuous",
				"连续参保、在集中参保期内缴费：不设待遇等待期。",
				"Continuously insured and paid inside the window: no waiting period.",
				e.rs.citeDoc("ybf2021-resident", "规范待遇享受等待期"))
		}
		return done(startDay)
	}
	if prev == nil && inWindow {
		if !r.quiet {
			r.step("resident.first",
				"首次参保（未填写更早的参保记录）且在集中参保期内缴费：不设待遇等待期。如自2025年起曾断保，请补充参保记录。",
				"First enrollment (no earlier enrollment given), paid inside the window: no waiting period. If you were uninsured since 2025, add your earlier enrollments.",
				e.rs.citeDoc("ybf2021-resident", "规范待遇享受等待期"))
		}
		return done(startDay)
	}
	// 国办发〔2024〕38号: fixed 3 months, plus variable months for broken years.
	fixed := e.rs.get("resident.fixedWaitMonths", t.region, lookup)
	perYear := e.rs.get("resident.variableMonthsPerYear", t.region, lookup)
	counting := e.rs.get("resident.brokenYearCounting", t.region, lookup)
	countFrom := e.rs.get("resident.brokenYearsCountFrom", t.region, lookup)
	repair := e.rs.get("resident.repairMonthsPerYear", t.region, lookup)
	longYears := e.rs.get("resident.longBreakYears", t.region, lookup)
	longMin := e.rs.get("resident.longBreakMinMonths", t.region, lookup)
	birthYear := 0
	if b, ok := e.birth(); ok {
		birthYear = b.Year()
	}
	broken := e.h.brokenYears(year, countFrom.v.num, birthYear)
	r.BrokenYears = broken
	r.FixedMonths = fixed.v.num
	why := "未在集中参保期内参保"
	whyEn := "paid outside the window"
	if inWindow {
		why, whyEn = "断保后再参保", "enrolling again after a break"
	}
	gapText := ""
	if prev != nil && gap > 0 {
		gapText = "上一段参保（" + prev.id + "）至" + prev.to.String() + "结束，中断" + strconv.Itoa(int(gap)) + "个月；"
	}
	if !r.quiet {
		r.step("resident.fixed",
			gapText+why+"：固定待遇等待期"+strconv.Itoa(int(fixed.v.num))+"个月。",
			gapTextEn(prev, gap)+"Resident insurance "+whyEn+": fixed waiting period of "+strconv.Itoa(int(fixed.v.num))+" months.",
			e.rs.cite(fixed.v))
	}
	variableFor := func(b int) int {
		n := b
		if counting.v.word == "afterFirst" {
			n = b - 1
		}
		if n < 0 {
			n = 0
		}
		return n * perYear.v.num
	}
	total := func(b, repaired int) (variable, reduced, months int) {
		variable = variableFor(b)
		reduced = repaired * repair.v.num
		if reduced > variable {
			reduced = variable
		}
		months = fixed.v.num + variable - reduced
		if b >= longYears.v.num && reduced > 0 {
			floor := longMin.v.num
			if fixed.v.num+variable < floor {
				floor = fixed.v.num + variable
			}
			if months < floor {
				months = floor
				reduced = fixed.v.num + variable - months
			}
		}
		return variable, reduced, months
	}
	extra := t.extraYears
	if extra > broken {
		extra = broken
	}
	variable, reduced, months := total(broken, extra)
	r.VariableMonths = variable
	r.RepairedMonths = reduced
	r.Months = months
	if perYear.v.num > 0 {
		reading := "第1个断保年由固定等待期吸收，此后每多断保1年加1个月"
		readingEn := "the first broken year is absorbed by the fixed period; each further year adds a month"
		if counting.v.word == "every" {
			reading, readingEn = "每断保1年加1个月", "each broken year adds a month"
		}
		if !r.quiet {
			r.step("resident.variable", "自"+strconv.Itoa(int(countFrom.v.num))+"年度起计算的断保年数："+strconv.Itoa(int(broken))+"年（"+reading+"）→ 变动待遇等待期"+strconv.Itoa(int(variable))+"个月。", "Broken years counted from "+strconv.Itoa(int(countFrom.v.num))+": "+strconv.Itoa(int(broken))+" ("+readingEn+") → variable waiting period "+strconv.Itoa(int(variable))+" months.", e.rs.cite(counting.v))
		}
	}
	if t.extraYears > 0 {
		if t.extraYears > broken {
			if !r.quiet {
				r.step("resident.repair.cap", "修复年数"+strconv.Itoa(int(t.extraYears))+"超过断保年数"+strconv.Itoa(int(broken))+"，按"+strconv.Itoa(int(broken))+"年计。", strconv.Itoa(int(t.extraYears))+" repair years exceed the "+strconv.Itoa(int(broken))+" broken years; counted as "+strconv.Itoa(int(broken))+".", e.rs.cite(repair.v))
			}
		}
		if !r.quiet {
			r.step("resident.repair", "缴费修复"+strconv.Itoa(int(extra))+"年：每多缴纳1年减少"+strconv.Itoa(int(repair.v.num))+"个月变动待遇等待期，减少"+strconv.Itoa(int(reduced))+"个月。", "Paying for "+strconv.Itoa(int(extra))+" broken years: each removes "+strconv.Itoa(int(repair.v.num))+" variable month(s); "+strconv.Itoa(int(reduced))+" removed.", e.rs.cite(repair.v))
		}
	}
	if broken >= longYears.v.num {
		if !r.quiet {
			r.step("resident.longBreak", "连续断保"+strconv.Itoa(int(broken))+"年（≥"+strconv.Itoa(int(longYears.v.num))+"年）：修复后固定与变动等待期之和不少于"+strconv.Itoa(int(longMin.v.num))+"个月。", "A break of "+strconv.Itoa(int(broken))+" years (≥ "+strconv.Itoa(int(longYears.v.num))+"): after repair the total wait is still at least "+strconv.Itoa(int(longMin.v.num))+" months.", e.rs.cite(longMin.v))
		}
	}
	r.benefitsFrom = addMonths(startDay, months)
	r.setDates(startDay, r.benefitsFrom)
	startZh := "自缴费之日"
	startEn := "from the payment day"
	if inWindow {
		startZh, startEn = "自待遇年度1月1日", "from 1 January of the benefit year"
	}
	if !r.quiet {
		r.step("resident.total", "等待期共"+strconv.Itoa(int(months))+"个月，"+startZh+"（"+formatDate(startDay)+"）起算，"+r.BenefitsFrom+"起享受待遇。", "Total wait "+strconv.Itoa(int(months))+" months, counted "+startEn+" ("+formatDate(startDay)+"); benefits from "+r.BenefitsFrom+".", e.rs.cite(fixed.v))
	}
	if lvl := e.rs.get("resident.fixedWaitMonths", t.region, lookup).level; lvl == LevelNational && !e.rs.HasLocalRules(t.region) {
		if !r.quiet {
			r.step("region.national",
				"按国家规定，当地细则请以当地医保部门为准。",
				"National rule applied; check the local medical-insurance bureau for the local rule.",
				e.rs.cite(fixed.v))
		}
	}
	if r.quiet {
		return r
	}
	// Ways to shorten: repair more broken years (cost per year from the data).
	contrib, cv, hasCost := e.rs.intAt("resident.individualContribution", t.region, yearFirst)
	best := months
	for n := extra + 1; n <= broken; n++ {
		_, _, m := total(broken, n)
		if m >= best {
			break
		}
		best = m
		o := Option{
			Kind:         "repair",
			Years:        n,
			Months:       m,
			BenefitsFrom: formatDate(addMonths(startDay, m)),
			Zh:           "缴费修复" + strconv.Itoa(int(n)) + "个断保年度：等待期缩短为" + strconv.Itoa(int(m)) + "个月，" + formatDate(addMonths(startDay, m)) + "起享受待遇。",
			En:           "Pay for " + strconv.Itoa(int(n)) + " broken years: the wait drops to " + strconv.Itoa(int(m)) + " months, benefits from " + formatDate(addMonths(startDay, m)) + ".",
			Source:       e.rs.cite(repair.v),
		}
		if hasCost {
			c := n * contrib
			o.Cost = &c
			o.Zh += "按" + strconv.Itoa(int(year)) + "年度个人缴费标准" + strconv.Itoa(int(contrib)) + "元/年，约" + strconv.Itoa(int(c)) + "元。"
			o.En += " At the " + strconv.Itoa(int(year)) + " individual contribution of " + strconv.Itoa(int(contrib)) + " yuan a year: about " + strconv.Itoa(int(c)) + " yuan."
			o.Source += "；" + e.rs.cite(cv)
		} else {
			o.Zh += "（缴费参照当年参保地个人缴费标准，本工具暂无该年度标准。）"
			o.En += " (The cost follows the local individual contribution of the year, which the data does not have yet.)"
		}
		r.Shorten = append(r.Shorten, o)
	}
	// Or, after a switch from employee insurance, enroll while the gap is short.
	if prev != nil && prev.scheme == Employee {
		deadline := (prev.to + Month(maxGap.v.num) + 1).Last()
		if !e.asOf.After(deadline) && months > 0 {
			r.Shorten = append(r.Shorten, Option{
				Kind:         "backpay",
				Zh:           "在" + formatDate(deadline) + "前参加居民医保（职工医保中断不超过" + strconv.Itoa(int(maxGap.v.num)) + "个月）：不设等待期。",
				En:           "Enroll in resident insurance by " + formatDate(deadline) + ", within " + strconv.Itoa(int(maxGap.v.num)) + " months of leaving employee insurance: no waiting period.",
				Deadline:     datep(deadline),
				BenefitsFrom: formatDate((prev.to + 1).First()),
				Source:       e.rs.citeDoc("ybbf2021-43", "第十一条"),
			})
		}
	}
	return r
}

func gapTextEn(prev *span, gap int) string {
	if prev == nil || gap == 0 {
		return ""
	}
	return "The previous enrollment (" + prev.id + ") ended in " + prev.to.String() + ", " +

		// newbornPays reports whether a payment on day falls within the newborn
		// window after the person's birth (newborns are exempt from waiting).
		strconv.Itoa(int(gap)) + " months without coverage. "
}

func (e *engine) newbornPays(region string, day Date) (Date, bool) {
	birth, ok := e.birth()
	if !ok || day.Before(birth) {
		return birth, false
	}
	nw := e.rs.get("newborn.window", region, birth)
	return birth, !day.After(newbornLast(birth, nw.v.word))
}

// newbornLast is the last day of the newborn window after birth.
func newbornLast(birth Date, period string) Date {
	n, unit, _ := parseDuration(period)
	if unit == 'M' {
		return addMonths(birth, n)
	}
	return birth.AddDate(0, 0, n)
}

func durationZh(p string) string {
	n, unit, _ := parseDuration(p)
	if unit == 'M' {
		return strconv.Itoa(int(n)) + "个月"
	}
	return strconv.Itoa(int(n)) + "天"
}

func durationEn(p string) string {
	n, unit, _ := parseDuration(p)
	if unit == 'M' {
		return strconv.Itoa(int(n)) + " months"
	}
	return strconv.Itoa(int(n)) + " days"
}
