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
	leading    int    // back-paid months at the start (employee enrollments)
	self       *span  // the enrollment asked about, never its own predecessor
	kind       string // how an employee enrollment is paid (Enrollment.Kind)
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
	// coveredTo is the last day a resident payment covers (31 December of
	// its last benefit year); zero for employee insurance.
	coveredTo Date
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
	prev, gap := e.gapBefore(t.start, t.self)
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
			if t.kind == KindFlexible {
				if w := e.rs.get("employee.firstFlexibleWaitMonths", t.region, day); w.v.num > 0 {
					// A first enrollment as an individual, where the region sets a wait.
					r.Months, r.FixedMonths = w.v.num, w.v.num
					waitFrom := (pay + 1).First()
					r.benefitsFrom = addMonths(waitFrom, r.Months)
					r.setDates(waitFrom, r.benefitsFrom)
					if !r.quiet {
						r.step("employee.firstFlexible", "首次以个人身份（灵活就业）参加"+r.RegionName+"职工医保：待遇等待期"+strconv.Itoa(w.v.num)+"个月（"+levelText(w.level).Zh+"），自缴费次月（"+(pay+1).String()+"）起算，"+r.BenefitsFrom+"起享受待遇。",
							"First enrollment as an individual (flexible worker) in "+regionNameEn(t.region)+": a waiting period of "+strconv.Itoa(w.v.num)+" months ("+levelText(w.level).En+" rule), counted from the month after payment ("+(pay+1).String()+"); benefits from "+r.BenefitsFrom+".", e.rs.cite(w.v))
					}
					return r
				}
			}
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
	deadline := (prev.end + Month(maxGap.v.num) + 1).Last()
	gapFrom, gapTo := prev.end+1, pay-1
	switchYears := e.rs.get("switch.minContinuousYears", t.region, day)
	switching := prev.scheme != Employee
	contMonths := e.continuousMonths(prev.end)
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
		r.step("employee.gap", "职工医保中断缴费"+strconv.Itoa(int(gap))+"个月（"+gapFrom.String()+"至"+gapTo.String()+"），超过"+strconv.Itoa(int(maxGap.v.num))+"个月：不能补缴追溯，按参保地规定设待遇享受等待期（全国原则上不超过"+strconv.Itoa(capM.v.num)+"个月）。", "Employee contributions were interrupted for "+strconv.Itoa(int(gap))+" months ("+gapFrom.String()+" to "+gapTo.String()+"), more than "+strconv.Itoa(int(maxGap.v.num))+": no retroactive back-pay; the region's waiting period applies (nationally at most "+strconv.Itoa(capM.v.num)+" months).", e.rs.cite(maxGap.v))
	}
	if !r.quiet {
		if wait.level == LevelNational {
			// 43号③ sets a cap (“不超过6个月”), not the local wait.
			r.MonthsUpperBound = true
			r.step("employee.wait",
				r.RegionName+"职工医保等待期：当地规定未知，国家规定最长"+strconv.Itoa(capM.v.num)+"个月（当地可能更短），自缴费次月（"+(pay+1).String()+"）起算，最晚"+r.BenefitsFrom+"起享受待遇。请向当地医保部门确认。",
				regionNameEn(t.region)+": the local employee waiting period is not known; nationally it is at most "+strconv.Itoa(capM.v.num)+" months (it may be shorter locally), counted from the month after payment ("+(pay+1).String()+"): benefits from "+r.BenefitsFrom+" at the latest. Check with the local bureau.",
				e.rs.cite(capM.v))
		} else {
			r.step("employee.wait",
				r.RegionName+"（"+levelText(wait.level).Zh+"）职工医保等待期"+strconv.Itoa(r.Months)+"个月（国家上限"+strconv.Itoa(capM.v.num)+"个月），自缴费次月（"+(pay+1).String()+"）起算，"+r.BenefitsFrom+"起享受待遇。",
				regionNameEn(t.region)+" ("+levelText(wait.level).En+" rule): employee waiting period of "+strconv.Itoa(r.Months)+" months (national cap "+strconv.Itoa(capM.v.num)+"), counted from the month after payment ("+(pay+1).String()+"); benefits from "+r.BenefitsFrom+".",
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
