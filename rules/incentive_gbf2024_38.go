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
	countFrom := e.params(region).IncentiveCountFrom.At(day)
	threshold := e.params(region).IncentiveContinuousYearsBeforeRise.At(day)
	rise := e.params(region).IncentiveRisePerYear.At(day)
	capP := e.params(region).IncentiveCapShareOfCeilingPercent.At(day)
	n := 0
	for y := last; y >= countFrom.V && paid(y); y-- {
		n++
	}
	a := &IncentiveAnswer{Region: region, ContinuousYears: n, CountFrom: countFrom.V,
		YearsBeforeRise: threshold.V, RisePerYear: rise.V, CapPercent: capP.V}
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
	fixed := e.params(region).ResidentFixedWaitMonths.At(day)
	a.Explain = []Step{
		sayStep("incentive.years", e.rs.cite(countFrom.v), "countFrom", countFrom.V, "years", n, "last", last),
		sayStep("incentive.rise", e.rs.cite(rise.v), "threshold", threshold.V, "rise", rise.V, "level", levelText(rise.level),
			"earned", a.EarnedRise, "next", a.NextRiseYear),
		sayStep("incentive.cap", e.rs.cite(capP.v), "percent", capP.V),
		sayStep("incentive.break", e.rs.cite(threshold.v), "earned", a.EarnedRise, "fixed", fixed.V),
	}
	if rise.level == LevelNational {
		a.Explain = append(a.Explain, sayStep("region.national", e.rs.cite(rise.v)))
	}
	return a
}
