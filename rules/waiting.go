package rules

import "time"

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
						r.explain("employee.firstFlexible", e.rs.cite(w.v), "region", regionText(t.region), "months", w.v.num,
							"level", levelText(w.level), "from", pay+1, "benefitsFrom", r.BenefitsFrom)
					}
					return r
				}
			}
			if !r.quiet {
				r.explain("employee.first", e.rs.citeDoc("shbxf", "第二十三条"), "month", pay)
			}
		} else {
			r.Previous = strp(prev.id)
			if !r.quiet {
				r.explain("employee.continuous", e.rs.citeDoc("ybbf2021-43", "第十一条"), "id", prev.id, "to", prev.to)
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
			if !t.isPlan {
				// A recorded enrollment covers the months it has: its first
				// month, back-paid ones included. Months of the gap it does
				// not hold are covered only once they are back-paid.
				r.benefitsFrom, r.Retroactive = t.start.First(), t.leading > 0
				if unpaid := gap - t.leading; unpaid > 0 && !r.quiet && !e.asOf.After(deadline) {
					text := say("option.backpay/unpaid", "deadline", deadline, "months", unpaid, "gapFrom", gapFrom, "maxGap", maxGap.v.num)
					r.Shorten = append(r.Shorten, Option{Kind: "backpay", Zh: text.Zh, En: text.En, Deadline: datep(deadline),
						BenefitsFrom: formatDate(gapFrom.First()), Source: e.rs.cite(maxGap.v)})
				}
			}
			if switching {
				if !r.quiet {
					r.explain("switch.backpay/toEmployee", e.rs.cite(switchYears.v), "months", contMonths, "years", switchYears.v.num,
						"gap", gap, "maxGap", maxGap.v.num, "gapFrom", gapFrom, "gapTo", gapTo)
				}
			} else {
				if !r.quiet {
					r.explain("employee.backpay", e.rs.cite(maxGap.v), "gap", gap, "gapFrom", gapFrom, "gapTo", gapTo, "maxGap", maxGap.v.num)
				}
			}
			if t.isPlan || !e.asOf.After(deadline) {
				if !r.quiet {
					r.explain("employee.deadline", e.rs.cite(maxGap.v), "deadline", deadline, "maxGap", maxGap.v.num)
				}
			}
		} else {
			r.benefitsFrom = pay.First()
			if !r.quiet {
				r.explain("switch.short/toEmployee", e.rs.cite(switchYears.v), "gap", gap, "months", contMonths, "years", switchYears.v.num, "maxGap", maxGap.v.num)
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
		r.explain("employee.gap", e.rs.cite(maxGap.v), "gap", gap, "gapFrom", gapFrom, "gapTo", gapTo, "maxGap", maxGap.v.num, "cap", capM.v.num)
	}
	if !r.quiet {
		if wait.level == LevelNational {
			// 43号③ sets a cap (“不超过6个月”), not the local wait.
			r.MonthsUpperBound = true
			r.explain("employee.wait/national", e.rs.cite(capM.v), "region", regionText(t.region), "cap", capM.v.num, "from", pay+1, "benefitsFrom", r.BenefitsFrom)
		} else {
			r.explain("employee.wait", e.rs.cite(wait.v), "region", regionText(t.region), "level", levelText(wait.level),
				"months", r.Months, "cap", capM.v.num, "from", pay+1, "benefitsFrom", r.BenefitsFrom)
		}
	}
	if !r.quiet && !e.asOf.After(deadline) && r.Months > 0 {
		text := say("option.backpay/employee", "deadline", deadline, "maxGap", maxGap.v.num)
		r.Shorten = append(r.Shorten, Option{
			Kind:         "backpay",
			Zh:           text.Zh,
			En:           text.En,
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

// durationText says a period (P90D, P6M) in both languages.
func durationText(p string) Text {
	n, unit, _ := parseDuration(p)
	if unit == 'M' {
		return say("duration.months", "n", n)
	}
	return say("duration.days", "n", n)
}
