package rules

// The continuous-enrollment incentive of resident insurance: 国办发〔2024〕38号
// 参保激励.

// incentive applies 国办发〔2024〕38号 参保激励: after 4 continuous resident
// years, each further year raises the 大病保险 cap.
func (e *engine) incentive(dup *DuplicatesAnswer) *IncentiveAnswer {
	stopped := dup.stopped()
	var kept []*span // the resident enrollments kept
	last, region := 0, ""
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if s.scheme != Resident || stopped[s.id] {
			continue
		}
		kept = append(kept, s)
		if y := s.to.Year(); y >= last {
			last, region = y, s.region
		}
	}
	if last == 0 {
		return nil
	}
	paid := func(y int) bool {
		for _, s := range kept {
			if s.from.Year() <= y && y <= s.to.Year() {
				return true
			}
		}
		return false
	}
	day := yearStart(last)
	if day.Before(yearStart(2025)) {
		day = yearStart(2025)
	}
	p := e.params(region)
	countFrom := p.IncentiveCountFrom.At(day)
	threshold := p.IncentiveContinuousYearsBeforeRise.At(day)
	rise := p.IncentiveRisePerYear.At(day)
	capP := p.IncentiveCapShareOfCeilingPercent.At(day)
	n := 0
	for y := last; y >= countFrom.V && paid(y); y-- {
		n++
	}
	a := &IncentiveAnswer{Region: region, ContinuousYears: n, CountFrom: countFrom.V,
		YearsBeforeRise: threshold.V, RisePerYear: rise.V, CapPercent: capP.V, Explain: make([]Step, 0, usualSteps)}
	if n > threshold.V {
		a.EarnedRise = (n - threshold.V) * rise.V
	}
	a.NextRiseYear = last + 1
	if n < threshold.V {
		a.NextRiseYear = last + threshold.V - n + 1
	}
	if last < countFrom.V {
		a.NextRiseYear = countFrom.V + threshold.V
	}
	fixed := p.ResidentFixedWaitMonths.At(day)
	if applies := p.IncentiveApplies.At(day); applies.V == "noCeiling" {
		a.RisePerYear, a.EarnedRise, a.NoCeiling = 0, 0, true
		a.Explain = append(a.Explain, e.incentiveYears(countFrom, n, last))
		addStep(&a.Explain, "incentive.noCeiling", e.cite(applies.v), "region", regionText(region))
		return a
	}
	zero := p.IncentiveZeroClaimRise.At(day)
	penalty := p.IncentiveBreakPenaltyPerYear.At(day)
	capTotal := p.IncentiveCapTotalYuan.At(day)
	keep := e.params(region).IncentiveKeepEarnedAfterBreak.At(day)
	a.ZeroClaimRise, a.BreakPenaltyPerYear, a.CapYuan, a.KeepEarnedAfterBreak = zero.V, penalty.V, capTotal.V, keep.V
	if capTotal.V > 0 && a.EarnedRise > capTotal.V {
		a.EarnedRise = capTotal.V
	}
	a.Explain = append(a.Explain, e.incentiveYears(countFrom, n, last))
	if n == 0 { // no year counts yet: when the rise comes depends on when they pay again
		addStep(&a.Explain, "incentive.rise/notYet", e.cite(rise.v), "threshold", threshold.V, "rise", rise.V, "level", levelText(rise.level))
	} else if a.EarnedRise == 0 { // nothing earned yet: no "已提高0元"
		addStep(&a.Explain, "incentive.rise/none", e.cite(rise.v), "threshold", threshold.V, "rise", rise.V, "level", levelText(rise.level),
			"next", a.NextRiseYear)
	} else {
		addStep(&a.Explain, "incentive.rise", e.cite(rise.v), "threshold", threshold.V, "rise", rise.V, "level", levelText(rise.level),
			"earned", a.EarnedRise, "next", a.NextRiseYear)
	}
	addStep(&a.Explain, "incentive.zeroClaim", e.cite(zero.v), "rise", zero.V, "level", levelText(zero.level))
	if penalty.V > 0 {
		addStep(&a.Explain, "incentive.penalty", e.cite(penalty.v), "cut", penalty.V, "level", levelText(penalty.level))
	}
	addStep(&a.Explain, "incentive.cap", e.cite(capP.v), "percent", capP.V)
	if capTotal.V > 0 {
		addStep(&a.Explain, "incentive.capTotal", e.cite(capTotal.v), "cap", capTotal.V, "level", levelText(capTotal.level))
	}
	// Whether the rise earned is kept after a break, when there is one
	// (nothing earned, nothing to keep or lose).
	var afterBreak Text
	switch {
	case a.EarnedRise == 0:
	case keep.V == "kept":
		afterBreak = say("incentive.break/kept", "earned", a.EarnedRise)
	case keep.V == "lost":
		afterBreak = say("incentive.break/lost", "earned", a.EarnedRise)
	default:
		afterBreak = say("incentive.break/notStated", "earned", a.EarnedRise)
	}
	// The wait after a break, in the region's unit.
	wait := say("incentive.break/months", "months", fixed.V)
	if days := p.ResidentFixedWaitDays.At(day); days.V > 0 {
		wait = say("incentive.break/days", "days", days.V)
	}
	addStep(&a.Explain, "incentive.break", e.cite(keep.v), "kept", afterBreak, "wait", wait)
	if rise.level == LevelNational {
		addStep(&a.Explain, "region.national", e.cite(rise.v))
	}
	return a
}

// incentiveYears is the step that counts the continuous resident years: n
// years through last, counted from countFrom; none when the last year
// enrolled comes before countFrom.
func (e *engine) incentiveYears(countFrom Resolved[int], n, last int) Step {
	if n == 0 {
		return sayStep("incentive.years/none", e.cite(countFrom.v), "countFrom", countFrom.V, "last", last)
	}
	return sayStep("incentive.years", e.cite(countFrom.v), "countFrom", countFrom.V, "years", n, "last", last)
}
