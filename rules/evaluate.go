package rules

import (
	"slices"
	"time"
)

// Evaluate answers the three questions (coverage on asOf, the waiting
// period, which duplicate to keep) with the embedded rules. Input from JSON
// should go through Decode first; Evaluate checks the fields again so that
// a hand-built Input cannot make it fail silently.
func Evaluate(in Input) (Output, error) {
	rs, err := Default()
	if err != nil {
		return Output{}, err
	}
	return rs.Evaluate(in)
}

// Evaluate answers the three questions with this rule set.
func (rs *RuleSet) Evaluate(in Input) (Output, error) {
	if _, err := messages(); err != nil {
		return Output{}, err
	}
	c, err := Check(in)
	if err != nil {
		return Output{}, err
	}
	return rs.EvaluateCase(c), nil
}

// EvaluateCase answers a checked case: every section of the answer comes
// from this one evaluation.
func (rs *RuleSet) EvaluateCase(c *Case) Output {
	e := newEngine(rs, c)
	defer e.done()
	in := c.in
	out := Output{AsOf: in.AsOf}
	e.section = SectionDuplicates
	out.Duplicates = e.keepWhich()
	e.section = SectionCoverage
	segs, waits := e.segments()
	out.Coverage = e.coverage(segs, waits, out.Duplicates.Keep)
	e.section = SectionWaiting
	if p := in.Plan; p != nil {
		w := e.answer(target{about: "plan", region: p.Region, scheme: p.Scheme, start: monthOfDate(e.payOn), payDate: e.payOn, extraYears: p.ExtraYears, isPlan: true, kind: p.Kind})
		e.planOverlap(&w)
		out.Waiting = &w.WaitingAnswer
	} else if out.Coverage.Status == StatusLapsed && !e.retired() {
		out.Waiting = e.waysBack()
	} else {
		for i := len(e.h.spans) - 1; i >= 0; i-- {
			if waits[i].followedGap {
				w := e.answer(spanTarget(&e.h.spans[i]))
				out.Waiting = &w.WaitingAnswer
				break
			}
		}
	}
	e.section = SectionTransfer
	out.Transfer = e.transfer(&out.Duplicates)
	e.section = SectionDeadlines
	out.Deadlines = e.deadlines(&out)
	e.section = SectionIncentive
	out.Incentive = e.incentive(&out.Duplicates)
	out.Timeline = e.timeline(segs, &out)
	region := ""
	switch {
	case in.Plan != nil:
		region = in.Plan.Region
	case out.Waiting != nil:
		region = out.Waiting.Region
	case out.Coverage.Region != "":
		region = out.Coverage.Region
	case in.Person.Residence != "":
		region = in.Person.Residence
	}
	out.Rules = RulesInfo{Version: rs.Version, Region: region, RegionName: regionName(region), Local: region != "" && rs.HasLocalRules(region)}
	if region == "" {
		out.Rules.RegionName = ""
	}
	out.Rules.Sources = e.sources()
	return out
}

// sources lists the regions' own values the answer cited, each once with
// the sections that cited it, in the order first cited.
func (e *engine) sources() []UsedSource {
	if len(e.used) == 0 {
		return []UsedSource{}
	}
	out := make([]UsedSource, 0, len(e.used))
	var firstBuf [16]*Value
	first := firstBuf[:0] // the value of each out[i]
	for _, u := range e.used {
		if i := slices.Index(first, u.v); i >= 0 {
			out[i].Sections = append(out[i].Sections, u.section)
			continue
		}
		v := u.v
		d := e.rs.documents[v.Source.Document]
		first = append(first, v)
		out = append(out, UsedSource{
			Parameter: v.param, Region: v.region, RegionName: regionName(v.region), Value: v.shown,
			From: v.Effective.From, To: v.Effective.To,
			Document: d.Number, Issuer: d.Issuer, Issued: d.Issued, Article: v.Source.Article,
			URL: v.Source.URL, Quote: v.Source.Quote, Trust: v.Source.Trust, Sections: []string{u.section},
		})
	}
	return out
}

// Coverage answers only "is the person covered on asOf?".
func Coverage(in Input) (CoverageAnswer, error) {
	out, err := Evaluate(in)
	return out.Coverage, err
}

// Waiting answers only the waiting-period question: about the plan, or the
// latest enrollment that followed a gap; nil when neither exists.
func Waiting(in Input) (*WaitingAnswer, error) {
	out, err := Evaluate(in)
	return out.Waiting, err
}

// KeepWhich answers only "which duplicate enrollment do I keep?".
func KeepWhich(in Input) (DuplicatesAnswer, error) {
	out, err := Evaluate(in)
	return out.Duplicates, err
}

// planOverlap compares the months the plan covers with the enrollments in
// force then (医保办发〔2021〕43号 不得重复参保): only an overlap of covered
// months is a duplicate, so a renewal or next year's move is not one, and a
// resident year runs on through a new job's employee wait.
func (e *engine) planOverlap(w *waitResult) {
	p := e.in.Plan
	first := monthOfDate(e.payOn)
	last := noEnd
	if p.Scheme == Resident {
		if w.InWindow != nil && *w.InWindow && len(w.BenefitYears) > 0 {
			first = monthOf(w.BenefitYears[0], time.January)
		}
		last = monthOf(w.coveredTo.Year(), time.December)
	}
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if s.from > last || s.through() < first {
			continue
		}
		region := regionText(s.region)
		src := e.rs.citeDoc("ybbf2021-43", "转移接续（不得重复参保和重复享受待遇）") + "；" + e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
		switch {
		case s.scheme == Resident && p.Scheme == Employee:
			start := say("plan.keepResident/start")
			if w.BenefitsFrom != "" {
				start = say("plan.keepResident/startOn", "date", w.BenefitsFrom)
			}
			w.explain("plan.keepResident", src, "region", region, "id", s.name, "to", s.to, "start", start)
		case s.retiree:
			w.explain("plan.overlap/retiree", src+"；"+e.rs.citeDoc("shbxf", "第二十七条"), "id", s.name, "scheme", schemeText(p.Scheme))
			w.PlanNotNeeded = true
		case s.scheme == Employee && p.Scheme == Resident:
			w.explain("plan.overlap/keepWorking", src, "id", s.name, "region", region)
			w.PlanNotNeeded = true
		case s.scheme == Employee:
			// A new job's enrollment is made; the old one is closed.
			w.explain("plan.overlap/employee", src, "id", s.name, "region", region)
		default:
			w.explain("plan.overlap", src, "region", region, "id", s.name, "to", s.to)
			w.PlanNotNeeded = true
		}
		return
	}
}

// waysBack answers the waiting question for a person who is not covered and
// gave no plan: each way back if they enroll on asOf (continue employee
// insurance as a flexible worker where it last ran; resident insurance
// where they live), the soonest first. The answer is marked as assumed.
func (e *engine) waysBack() *WaitingAnswer {
	var last *span
	for i := range e.h.spans {
		if s := &e.h.spans[i]; last == nil || s.end > last.end {
			last = s
		}
	}
	type way struct {
		kind string
		t    target
	}
	var ways []way
	if last.scheme == Employee {
		ways = append(ways, way{KindFlexible, target{about: "assumed", region: last.region, scheme: Employee, start: monthOfDate(e.asOf), payDate: e.asOf, isPlan: true, kind: KindFlexible}})
	}
	home := last.region
	if r := e.in.Person.Residence; r != "" {
		home = r
	}
	ways = append(ways, way{Resident, target{about: "assumed", region: home, scheme: Resident, start: monthOfDate(e.asOf), payDate: e.asOf, isPlan: true}})
	var best *WaitingAnswer
	var bestFrom Date
	var list []WayBack
	for _, w := range ways {
		r := e.answer(w.t)
		wb := WayBack{Kind: w.kind, Region: w.t.region, RegionName: regionName(w.t.region), Scheme: w.t.scheme, Months: r.Months, WaitDays: r.WaitDays,
			MonthsUpperBound: r.MonthsUpperBound, BenefitsFrom: r.BenefitsFrom, NoBenefits: r.NoBenefits, BackpayDeadline: r.BackpayDeadline}
		if w.t.scheme == Resident && !r.NoBenefits {
			if r.Cost != nil {
				wb.Cost = r.Cost // the full price outside the window
			} else if c, ok := e.rs.For(w.t.region).ResidentIndividualContribution.Lookup(yearStart(r.BenefitYear)); ok {
				wb.Cost = &c.V
			}
		}
		wb.Zh, wb.En = wayText(&wb)
		list = append(list, wb)
		if !r.NoBenefits && (best == nil || r.benefitsFrom.Before(bestFrom)) {
			ans := r.WaitingAnswer
			best, bestFrom = &ans, r.benefitsFrom
		}
	}
	if best == nil {
		r := e.answer(ways[0].t)
		best = &r.WaitingAnswer
	}
	best.Assumed, best.Ways = true, list
	best.Explain = append([]Step{sayStep("waiting.assumed", e.rs.citeDoc("ybbf2021-43", "第十一条"), "asOf", e.asOf)}, best.Explain...)
	return best
}

// wayText is one line for a way back.
func wayText(w *WayBack) (zh, en string) {
	how := say("way.how/resident", "region", regionText(w.Region))
	if w.Scheme == Employee {
		how = say("way.how/flexible", "region", regionText(w.Region))
	}
	var cost Text
	if w.Cost != nil {
		cost = say("way.cost", "cost", *w.Cost)
	}
	var t Text
	switch {
	case w.NoBenefits:
		t = say("way.noBenefits", "how", how)
	case w.WaitDays > 0:
		t = say("way.waitDays", "how", how, "days", w.WaitDays, "benefitsFrom", w.BenefitsFrom, "cost", cost)
	case w.Months == 0:
		var backpay Text
		if w.BackpayDeadline != nil {
			backpay = say("way.noWait/backpay", "deadline", *w.BackpayDeadline)
		}
		t = say("way.noWait", "how", how, "benefitsFrom", w.BenefitsFrom, "backpay", backpay, "cost", cost)
	case w.MonthsUpperBound:
		t = say("way.atMost", "how", how, "months", w.Months, "benefitsFrom", w.BenefitsFrom, "cost", cost)
	default:
		t = say("way.wait", "how", how, "months", w.Months, "benefitsFrom", w.BenefitsFrom, "cost", cost)
	}
	return t.Zh, t.En
}
