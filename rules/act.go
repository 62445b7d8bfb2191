package rules

import "sort"

// Acting on the answer: transfer steps, deadlines and the
// continuous-enrollment incentive.

// transfer lists the steps to move an enrollment between regions
// (医保办发〔2021〕43号; retirees file for care elsewhere instead, 第二条).
func (e *engine) transfer(dup *DuplicatesAnswer) *TransferAnswer {
	n := len(e.h.spans)
	if n == 0 {
		return nil
	}
	stopped := map[string]bool{}
	for _, id := range dup.Stop {
		stopped[id] = true
	}
	var from *span
	to, toScheme := "", ""
	switch {
	case e.retired():
		// A retiree living away from the insuring region files for care there.
		for i := range e.h.spans {
			if s := &e.h.spans[i]; s.retiree {
				from = s
			}
		}
		to = e.in.Person.Residence
		if to == "" && e.in.Plan != nil {
			to = e.in.Plan.Region // where the retiree thought of enrolling: where they live
		}
		if from == nil || to == "" || sameArea(from.region, to) {
			return nil
		}
		toScheme = Employee
	case e.in.Plan != nil:
		for i := range e.h.spans {
			if s := &e.h.spans[i]; !stopped[s.id] && (from == nil || s.end > from.end) {
				from = s
			}
		}
		to, toScheme = e.in.Plan.Region, e.in.Plan.Scheme
	case n >= 2:
		// The latest move between enrollments that are kept and follow each
		// other; overlapping records are duplicates, not a move.
		var last *span
		for i := n - 1; i >= 0; i-- {
			if s := &e.h.spans[i]; !stopped[s.id] {
				last = s
				break
			}
		}
		if last == nil {
			return nil
		}
		from = e.h.before(last.from, last)
		if from == nil || stopped[from.id] || from.end >= last.from {
			return nil
		}
		to, toScheme = last.region, last.scheme
	}
	if from == nil || from.region == to {
		return nil
	}
	days := e.rs.For(to).TransferWorkingDays.At(e.asOf)
	src := e.rs.cite(days.v)
	t := &TransferAnswer{From: from.region, FromName: regionName(from.region), To: to, ToName: regionName(to),
		FromScheme: from.scheme, ToScheme: toScheme, Kind: "transfer", WorkingDays: days.V}
	fromName, toName := regionText(from.region), regionText(to)
	if e.retired() {
		t.Kind = "filing"
		t.Steps = []Text{
			say("transfer.filing/stays", "from", fromName),
			say("transfer.filing/file", "to", toName),
			say("transfer.filing/where"),
		}
		t.Materials = []Text{say("transfer.filing/materials")}
		t.Channels = channels()
		t.DoNot = []Text{say("transfer.filing/doNot")}
		t.Explain = []Step{sayStep("transfer.retiree", e.rs.citeDoc("ybbf2021-43", "第二条"))}
		return t
	}
	if from.scheme == Resident && toScheme == Resident {
		e.residentMove(t, from)
		return t
	}
	maxGap := e.rs.For(to).EmployeeBackpayMaxGapMonths.At(e.asOf)
	deadline := (from.to + Month(maxGap.V) + 1).Last()
	t.Steps = []Text{
		say("transfer.step/stop", "from", fromName),
		say("transfer.step/enroll", "to", toName, "how", enrollHow(toScheme)),
		say("transfer.step/apply"),
		say("transfer.step/time", "days", days.V),
		say("transfer.step/years"),
	}
	t.Materials = []Text{say("transfer.materials/id"), say("transfer.materials/employer")}
	t.Channels = channels()
	t.DoNot = []Text{say("transfer.doNot/order"), say("transfer.doNot/retiree")}
	if !deadline.Before(e.asOf) {
		t.DoNot = append(t.DoNot, say("transfer.doNot/gap", "maxGap", maxGap.V, "deadline", deadline))
	}
	t.Explain = []Step{
		sayStep("transfer.steps", e.rs.citeDoc("ybbf2021-43", "第三条"), "from", fromName, "fromScheme", schemeText(from.scheme), "to", toName, "toScheme", schemeText(toScheme)),
		sayStep("transfer.time", src, "days", days.V),
		sayStep("transfer.years", e.rs.citeDoc("shbxf", "第三十二条")),
	}
	return t
}

// enrollHow says how to enroll in a scheme in a new region.
func enrollHow(scheme string) Text {
	if scheme == Employee {
		return say("transfer.how/employee")
	}
	return say("transfer.how/resident")
}

func channels() []Text {
	return []Text{say("transfer.channel/app"), say("transfer.channel/platform"), say("transfer.channel/counter")}
}

// deadlines lists the dates to act by: back-pay without a wait, the
// enrollment window, the newborn window.
func (e *engine) deadlines(out *Output) []Deadline {
	ds := []Deadline{}
	seen := map[string]bool{}
	add := func(d Deadline) {
		if key := d.Kind + d.Date; !seen[key] && d.Date >= formatDate(e.asOf) {
			seen[key] = true
			ds = append(ds, d)
		}
	}
	stopped := map[string]bool{}
	for _, id := range out.Duplicates.Stop {
		stopped[id] = true
	}
	w := out.Waiting
	if w != nil && w.BackpayDeadline != nil && (w.BackpayAllowed || len(w.Shorten) > 0) {
		// The interruption allowed: of employee insurance, or before
		// switching to resident insurance (医保办发〔2021〕43号 第十一条①②).
		maxGap := e.rs.For(w.Region).EmployeeBackpayMaxGapMonths.At(e.asOf)
		if w.Scheme == Resident {
			maxGap = e.rs.For(w.Region).SwitchMaxGapMonths.At(e.asOf)
		}
		text := say("deadline.backpay", "deadline", *w.BackpayDeadline, "maxGap", maxGap.V)
		add(Deadline{Kind: "backpay", Date: *w.BackpayDeadline, Region: w.Region, Zh: text.Zh, En: text.En,
			Source: e.rs.citeDoc("ybbf2021-43", "第十一条")})
	}
	if w != nil {
		// Every option with a deadline is a deadline too: the card and the
		// calendar say what the waiting answer offers, no more.
		for _, o := range w.Shorten {
			if o.Deadline != nil && o.Kind != "backpay" {
				add(Deadline{Kind: o.Kind, Date: *o.Deadline, Region: w.Region, Zh: o.Zh, En: o.En, Source: o.Source})
			}
		}
	}
	if n := len(e.h.spans); n > 0 && !e.retired() {
		last := &e.h.spans[e.h.prefix[n-1]]
		if last.scheme == Employee && last.to < monthOfDate(e.asOf) && !stopped[last.id] {
			maxGap := e.rs.For(last.region).EmployeeBackpayMaxGapMonths.At(e.asOf)
			if d := (last.to + Month(maxGap.V) + 1).Last(); !d.Before(e.asOf) {
				text := say("deadline.backpay", "deadline", d, "maxGap", maxGap.V)
				add(Deadline{Kind: "backpay", Date: formatDate(d), Region: last.region, Zh: text.Zh, En: text.En, Source: e.rs.cite(maxGap.v)})
			}
		}
	}
	if region := e.residentRegion(stopped); region != "" {
		for y := e.asOf.Year(); y <= e.asOf.Year()+2; y++ {
			from, to, p := e.window(region, y)
			if to.Before(e.asOf) {
				continue
			}
			if from.After(e.asOf) {
				text := say("deadline.windowOpens", "region", regionText(region), "year", y, "date", from)
				add(Deadline{Kind: "windowOpens", Date: formatDate(from), Region: region, Zh: text.Zh, En: text.En, Source: e.rs.cite(p.v)})
			}
			text := say("deadline.windowEnds", "region", regionText(region), "year", y, "date", to)
			add(Deadline{Kind: "windowEnds", Date: formatDate(to), Region: region, Zh: text.Zh, En: text.En, Source: e.rs.cite(p.v)})
			break
		}
	}
	if birth, ok := e.birth(); ok && !e.retired() {
		region := e.residentRegion(stopped)
		if region == "" {
			region = e.anyRegion()
		}
		if region != "" {
			nw := e.rs.For(region).NewbornWindow.At(birth)
			if last := e.newbornLastDay(region, birth); !last.Before(e.asOf) {
				text := say("deadline.newborn", "date", last)
				add(Deadline{Kind: "newborn", Date: formatDate(last), Region: region, Zh: text.Zh, En: text.En, Source: e.rs.cite(nw.v)})
			}
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Date < ds[j].Date })
	return ds
}

// residentRegion is where the person's resident insurance is or will be:
// the plan's region for a resident plan, else the latest resident
// enrollment's that is not to be stopped, else the residence; none for a
// retiree or an employee still paying (they need no resident window).
func (e *engine) residentRegion(stopped map[string]bool) string {
	p := e.in.Plan
	if p != nil && p.Scheme == Resident && !e.retired() {
		return p.Region
	}
	if e.retired() || (p != nil && p.Scheme == Employee) {
		return ""
	}
	for i := len(e.h.spans) - 1; i >= 0; i-- {
		s := &e.h.spans[i]
		if s.scheme == Employee && s.open {
			return ""
		}
		if s.scheme == Resident && !stopped[s.id] {
			return s.region
		}
		if s.scheme == Resident {
			return ""
		}
	}
	if p := e.in.Person; p != nil && p.Residence != "" {
		return p.Residence
	}
	return ""
}

func (e *engine) anyRegion() string {
	if p := e.in.Plan; p != nil {
		return p.Region
	}
	if n := len(e.h.spans); n > 0 {
		return e.h.spans[n-1].region
	}
	return ""
}

// incentive applies 国办发〔2024〕38号 参保激励: after 4 continuous resident
// years, each further year raises the 大病保险 cap.
func (e *engine) incentive(dup *DuplicatesAnswer) *IncentiveAnswer {
	stopped := map[string]bool{}
	for _, id := range dup.Stop {
		stopped[id] = true
	}
	years := map[int]bool{}
	last, region := 0, ""
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if s.scheme != Resident || stopped[s.id] {
			continue
		}
		for y := s.from.Year(); y <= s.to.Year(); y++ {
			years[y] = true
		}
		if y := s.to.Year(); y >= last {
			last, region = y, s.region
		}
	}
	if last == 0 {
		return nil
	}
	day := yearStart(last)
	if day.Before(yearStart(2025)) {
		day = yearStart(2025)
	}
	countFrom := e.rs.For(region).IncentiveCountFrom.At(day)
	threshold := e.rs.For(region).IncentiveContinuousYearsBeforeRise.At(day)
	rise := e.rs.For(region).IncentiveRisePerYear.At(day)
	capP := e.rs.For(region).IncentiveCapShareOfCeilingPercent.At(day)
	n := 0
	for y := last; y >= countFrom.V && years[y]; y-- {
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
	fixed := e.rs.For(region).ResidentFixedWaitMonths.At(day)
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

// residentMove lists the steps of a resident moving to another region:
// 医保办发〔2021〕43号 “居民医保参保人员因户籍或常住地变动跨统筹地区流动，
// 原则上当年度在转入地不再办理转移接续手续，参保人员按转入地规定参加下一年度
// 居民医保” — nothing is stopped, the year paid runs out where it was paid.
func (e *engine) residentMove(t *TransferAnswer, from *span) {
	fromName, toName := regionText(from.region), regionText(t.To)
	next := from.to.Year() + 1
	wFrom, wTo, wp := e.window(t.To, next)
	t.Steps = []Text{
		say("transfer.move/stays", "from", fromName, "until", from.to.Last()),
		say("transfer.move/join", "to", toName, "year", next, "windowFrom", wFrom, "windowTo", wTo),
		say("transfer.move/noMore", "from", fromName),
	}
	t.Materials = []Text{say("transfer.move/materials", "to", toName)}
	t.Channels = channels()
	t.DoNot = []Text{say("transfer.move/doNot")}
	t.Explain = []Step{sayStep("transfer.residentMove", e.rs.citeDoc("ybbf2021-43", "第十一条")+"；"+e.rs.cite(wp.v))}
}

// sameArea reports whether two region codes are the same 统筹地区, or a
// city and its own province given as the place.
func sameArea(a, b string) bool {
	return a == b || (ProvinceOf(a) == ProvinceOf(b) && (a == ProvinceOf(a) || b == ProvinceOf(b)))
}
