package rules

import (
	"fmt"
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
				r.step("employee.first",
					fmt.Sprintf("首次参加职工医保（未填写更早的参保记录）：国家未规定首次参保等待期，按缴费当月（%s）起享受待遇估算；部分地区单位职工自缴费次月起享受、以个人身份首次参保的设有等待期。", pay),
					fmt.Sprintf("First employee enrollment (no earlier enrollment given): no national waiting period for a first enrollment; benefits counted from the month paid (%s). Some places start the month after, or set a wait for individuals.", pay),
					e.rs.citeDoc("shbxf", "第二十三条"))
			}
		} else {
			r.Previous = strp(prev.id)
			if !r.quiet {
				r.step("employee.continuous",
					fmt.Sprintf("与上一段参保（%s，至%s）之间没有中断，连续参保，不设等待期。", prev.id, prev.to),
					fmt.Sprintf("No interruption after the previous enrollment (%s, to %s): continuous, no waiting period.", prev.id, prev.to),
					e.rs.citeDoc("ybbf2021-43", "第十一条"))
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
					r.step("switch.backpay",
						fmt.Sprintf("已连续参保%d个月（≥%d年），由居民医保切换为职工医保，中断%d个月（≤%d个月）：可按规定补缴，缴费当月享受待遇，中断期间（%s至%s）待遇可追溯，不设等待期。", contMonths, switchYears.v.num, gap, maxGap.v.num, gapFrom, gapTo),
						fmt.Sprintf("Continuously insured for %d months (≥ %d years) and switching from resident to employee insurance after a %d-month interruption (≤ %d): back-pay is allowed, benefits start in the month paid and the gap (%s to %s) is covered retroactively; no waiting period.", contMonths, switchYears.v.num, gap, maxGap.v.num, gapFrom, gapTo),
						e.rs.cite(switchYears.v))
				}
			} else {
				if !r.quiet {
					r.step("employee.backpay",
						fmt.Sprintf("职工医保中断缴费%d个月（%s至%s），不超过%d个月（含）：可按参保地规定补缴，缴费当月即可享受待遇，中断期间的待遇可追溯享受，不设等待期。", gap, gapFrom, gapTo, maxGap.v.num),
						fmt.Sprintf("Employee contributions were interrupted for %d months (%s to %s), at most %d: back-pay is allowed, benefits start in the month paid and the interruption is covered retroactively; no waiting period.", gap, gapFrom, gapTo, maxGap.v.num),
						e.rs.cite(maxGap.v))
				}
			}
			if t.isPlan || !e.asOf.After(deadline) {
				if !r.quiet {
					r.step("employee.deadline",
						fmt.Sprintf("补缴须在%s前（中断不超过%d个月）办理。", formatDate(deadline), maxGap.v.num),
						fmt.Sprintf("Back-pay by %s, while the interruption is still at most %d months.", formatDate(deadline), maxGap.v.num),
						e.rs.cite(maxGap.v))
				}
			}
		} else {
			r.benefitsFrom = pay.First()
			if !r.quiet {
				r.step("switch.short",
					fmt.Sprintf("由居民医保转入职工医保，中断%d个月，但此前连续参保%d个月，不足%d年：不能按切换规定补缴追溯；国家未对3个月内的中断设等待期，按缴费当月起享受待遇估算。", gap, contMonths, switchYears.v.num),
					fmt.Sprintf("Switching from resident to employee insurance after %d months, but continuous enrollment before was only %d months (< %d years): no retroactive back-pay; no national wait for an interruption of up to 3 months, so benefits are counted from the month paid.", gap, contMonths, switchYears.v.num),
					e.rs.cite(switchYears.v))
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
		r.step("employee.gap",
			fmt.Sprintf("职工医保中断缴费%d个月（%s至%s），超过%d个月：不能补缴追溯，按参保地规定设待遇享受等待期（全国原则上不超过%d个月）。", gap, gapFrom, gapTo, maxGap.v.num, 6),
			fmt.Sprintf("Employee contributions were interrupted for %d months (%s to %s), more than %d: no retroactive back-pay; the region's waiting period applies (nationally at most 6 months).", gap, gapFrom, gapTo, maxGap.v.num),
			e.rs.cite(maxGap.v))
	}
	where := levelZh(wait.level)
	if !r.quiet {
		r.step("employee.wait",
			fmt.Sprintf("%s（%s）职工医保等待期%d个月（上限%d个月），自缴费次月（%s）起算，%s起享受待遇。", r.RegionName, where, r.Months, capM.v.num, pay+1, r.BenefitsFrom),
			fmt.Sprintf("%s (%s rule): employee waiting period of %d months (cap %d), counted from the month after payment (%s); benefits from %s.", regionNameEn(t.region), levelEn(wait.level), r.Months, capM.v.num, pay+1, r.BenefitsFrom),
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
			Zh:           fmt.Sprintf("在%s前恢复缴费并补缴中断月份：中断不超过%d个月，不设等待期，待遇可追溯。", formatDate(deadline), maxGap.v.num),
			En:           fmt.Sprintf("Resume paying and back-pay the missed months by %s: the interruption stays within %d months, so there is no wait and benefits are retroactive.", formatDate(deadline), maxGap.v.num),
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
			r.step("resident.window",
				fmt.Sprintf("在集中参保期（%s至%s）内缴费，参保%d年度，待遇享受期为%d年1月1日至12月31日。", formatDate(wFrom), formatDate(wTo), year, year),
				fmt.Sprintf("Paid inside the enrollment window (%s to %s) for benefit year %d: the benefit year runs 1 January to 31 December %d.", formatDate(wFrom), formatDate(wTo), year, year),
				e.rs.cite(wp.v))
		}
	} else {
		if !r.quiet {
			r.step("resident.outside",
				fmt.Sprintf("%s缴费，不在%d年度集中参保期（%s至%s）内，参保当年度（%d年）。", formatDate(t.payDate), year, formatDate(wFrom), formatDate(wTo), year),
				fmt.Sprintf("Paid on %s, outside the window for %d (%s to %s): buys the current benefit year %d.", formatDate(t.payDate), year, formatDate(wFrom), formatDate(wTo), year),
				e.rs.cite(wp.v))
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
				r.step("newborn",
					fmt.Sprintf("新生儿（%s出生）在出生后%s内（%s前）参保缴费：不设等待期，自出生之日起享受待遇。", formatDate(birth), durationZh(nw.v.word), formatDate(last)),
					fmt.Sprintf("Newborn (born %s) enrolled within %s of birth (by %s): no waiting period, benefits from the day of birth.", formatDate(birth), durationEn(nw.v.word), formatDate(last)),
					e.rs.cite(nw.v))
			}
			if !r.quiet {
				r.step("newborn.exempt", "新生儿等特殊群体不设待遇等待期。", "Newborns and other special groups have no waiting period.", e.rs.cite(exempt.v))
			}
			return done(from)
		}
		if year >= birth.Year() && birth.Year() >= year-1 {
			if !r.quiet {
				r.step("newborn.late",
					fmt.Sprintf("新生儿出生后%s内（%s前）未参保：按一般规定计算等待期（部分地区另有规定）。", durationZh(nw.v.word), formatDate(last)),
					fmt.Sprintf("The newborn was not enrolled within %s of birth (by %s): the general rules apply (some places differ).", durationEn(nw.v.word), formatDate(last)),
					e.rs.cite(nw.v))
			}
		}
	}
	for _, g := range []string{GroupLowIncome, GroupVeteran, GroupNewborn} {
		if e.inGroup(g) && e.hasExempt(exempt, g) && (g != GroupNewborn || !e.hasBirth()) {
			r.Exempt = strp(g)
			if !r.quiet {
				r.step("resident.exempt",
					fmt.Sprintf("属于%s，为不设待遇等待期的特殊群体。", groupZh(g)),
					fmt.Sprintf("Belongs to %s, a group with no waiting period.", groupEn(g)),
					e.rs.cite(exempt.v))
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
					r.step("switch.backpay",
						fmt.Sprintf("已连续参保%d个月（≥%d年），由职工医保切换为居民医保，中断%d个月（≤%d个月）：不受集中参保期限制，不设等待期，中断期间待遇可追溯。", cont, switchYears.v.num, gap, maxGap.v.num),
						fmt.Sprintf("Continuously insured for %d months (≥ %d years) and switching from employee to resident insurance after %d months (≤ %d): not bound to the window, no waiting period, the gap is covered retroactively.", cont, switchYears.v.num, gap, maxGap.v.num),
						e.rs.cite(switchYears.v))
				}
				return done(from)
			}
			if !r.quiet {
				r.step("switch.short",
					fmt.Sprintf("职工医保中断缴费%d个月内（≤%d个月）参加居民医保：不设等待期（连续参保不足%d年，中断期间不追溯）。", gap, maxGap.v.num, switchYears.v.num),
					fmt.Sprintf("Joined resident insurance within %d months (≤ %d) of leaving employee insurance: no waiting period (continuous enrollment under %d years, so the gap is not covered).", gap, maxGap.v.num, switchYears.v.num),
					e.rs.citeDoc("ybf2021-resident", "规范待遇享受等待期"))
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
		gapText = fmt.Sprintf("上一段参保（%s）至%s结束，中断%d个月；", prev.id, prev.to, gap)
	}
	if !r.quiet {
		r.step("resident.fixed",
			fmt.Sprintf("%s%s：固定待遇等待期%d个月。", gapText, why, fixed.v.num),
			fmt.Sprintf("%sResident insurance %s: fixed waiting period of %d months.", gapTextEn(prev, gap), whyEn, fixed.v.num),
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
			r.step("resident.variable",
				fmt.Sprintf("自%d年度起计算的断保年数：%d年（%s）→ 变动待遇等待期%d个月。", countFrom.v.num, broken, reading, variable),
				fmt.Sprintf("Broken years counted from %d: %d (%s) → variable waiting period %d months.", countFrom.v.num, broken, readingEn, variable),
				e.rs.cite(counting.v))
		}
	}
	if t.extraYears > 0 {
		if t.extraYears > broken {
			if !r.quiet {
				r.step("resident.repair.cap",
					fmt.Sprintf("修复年数%d超过断保年数%d，按%d年计。", t.extraYears, broken, broken),
					fmt.Sprintf("%d repair years exceed the %d broken years; counted as %d.", t.extraYears, broken, broken),
					e.rs.cite(repair.v))
			}
		}
		if !r.quiet {
			r.step("resident.repair",
				fmt.Sprintf("缴费修复%d年：每多缴纳1年减少%d个月变动待遇等待期，减少%d个月。", extra, repair.v.num, reduced),
				fmt.Sprintf("Paying for %d broken years: each removes %d variable month(s); %d removed.", extra, repair.v.num, reduced),
				e.rs.cite(repair.v))
		}
	}
	if broken >= longYears.v.num {
		if !r.quiet {
			r.step("resident.longBreak",
				fmt.Sprintf("连续断保%d年（≥%d年）：修复后固定与变动等待期之和不少于%d个月。", broken, longYears.v.num, longMin.v.num),
				fmt.Sprintf("A break of %d years (≥ %d): after repair the total wait is still at least %d months.", broken, longYears.v.num, longMin.v.num),
				e.rs.cite(longMin.v))
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
		r.step("resident.total",
			fmt.Sprintf("等待期共%d个月，%s（%s）起算，%s起享受待遇。", months, startZh, formatDate(startDay), r.BenefitsFrom),
			fmt.Sprintf("Total wait %d months, counted %s (%s); benefits from %s.", months, startEn, formatDate(startDay), r.BenefitsFrom),
			e.rs.cite(fixed.v))
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
			Zh:           fmt.Sprintf("缴费修复%d个断保年度：等待期缩短为%d个月，%s起享受待遇。", n, m, formatDate(addMonths(startDay, m))),
			En:           fmt.Sprintf("Pay for %d broken years: the wait drops to %d months, benefits from %s.", n, m, formatDate(addMonths(startDay, m))),
			Source:       e.rs.cite(repair.v),
		}
		if hasCost {
			c := n * contrib
			o.Cost = &c
			o.Zh += fmt.Sprintf("按%d年度个人缴费标准%d元/年，约%d元。", year, contrib, c)
			o.En += fmt.Sprintf(" At the %d individual contribution of %d yuan a year: about %d yuan.", year, contrib, c)
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
				Zh:           fmt.Sprintf("在%s前参加居民医保（职工医保中断不超过%d个月）：不设等待期。", formatDate(deadline), maxGap.v.num),
				En:           fmt.Sprintf("Enroll in resident insurance by %s, within %d months of leaving employee insurance: no waiting period.", formatDate(deadline), maxGap.v.num),
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
	return fmt.Sprintf("The previous enrollment (%s) ended in %s, %d months without coverage. ", prev.id, prev.to, gap)
}

// newbornPays reports whether a payment on day falls within the newborn
// window after the person's birth (newborns are exempt from waiting).
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
		return fmt.Sprintf("%d个月", n)
	}
	return fmt.Sprintf("%d天", n)
}

func durationEn(p string) string {
	n, unit, _ := parseDuration(p)
	if unit == 'M' {
		return fmt.Sprintf("%d months", n)
	}
	return fmt.Sprintf("%d days", n)
}
