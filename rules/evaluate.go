package rules

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
	if err := check(&in); err != nil {
		return Output{}, err
	}
	asOf, _ := parseDate(in.AsOf)
	e := &engine{rs: rs, in: in, asOf: asOf, h: newHistory(in, asOf, in.Person != nil && in.Person.Retired), groups: map[string]bool{}}
	if in.Person != nil {
		for _, g := range in.Person.Groups {
			e.groups[g] = true
		}
	}
	out := Output{AsOf: in.AsOf}
	out.Duplicates = e.keepWhich()
	segs, waits := e.segments()
	out.Coverage = e.coverage(segs, waits, out.Duplicates.Keep)
	if p := in.Plan; p != nil {
		pay, _ := parseDate(p.PayOn)
		w := e.wait(target{about: "plan", region: p.Region, scheme: p.Scheme, start: monthOfDate(pay), payDate: pay, extraYears: p.ExtraYears, isPlan: true})
		e.warnPlanOverlap(&w, monthOfDate(pay))
		out.Waiting = &w.WaitingAnswer
	} else {
		for i := len(e.h.spans) - 1; i >= 0; i-- {
			if waits[i].followedGap {
				w := e.wait(spanTarget(&e.h.spans[i]))
				out.Waiting = &w.WaitingAnswer
				break
			}
		}
	}
	out.Transfer = e.transfer()
	out.Deadlines = e.deadlines(&out)
	out.Incentive = e.incentive()
	region := ""
	switch {
	case in.Plan != nil:
		region = in.Plan.Region
	case out.Waiting != nil:
		region = out.Waiting.Region
	case out.Coverage.Region != "":
		region = out.Coverage.Region
	case in.Person != nil && in.Person.Residence != "":
		region = in.Person.Residence
	}
	out.Rules = RulesInfo{Version: rs.Version, Region: region, RegionName: regionName(region), Local: region != "" && rs.HasLocalRules(region)}
	if region == "" {
		out.Rules.RegionName = ""
	}
	return out, nil
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

// warnPlanOverlap adds a step when the plan would start while another
// enrollment is still paid: stop that one first (不得重复参保,
// 医保办发〔2021〕43号).
func (e *engine) warnPlanOverlap(w *waitResult, m Month) {
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if s.from > m || s.to < m {
			continue
		}
		w.step("plan.overlap", "注意："+
			s.id+"（"+regionName(s.region)+schemeZh(s.scheme)+"）仍缴费至"+s.to.String()+"，与计划参保重复。请先在原参保地办理停保（暂停参保）或确认保留哪一个，再参保；不得重复参保、重复享受待遇。", "Note: "+
			s.id+" ("+regionNameEn(s.region)+", "+s.scheme+") is paid until "+s.to.String()+" and would overlap the plan. Stop it at the old place first (or decide which to keep), then enroll: duplicate enrollment and double benefits are not allowed.", e.rs.citeDoc("ybbf2021-43", "转移接续（不得重复参保和重复享受待遇）")+"；"+e.rs.citeDoc("ybf2020-33", "重复参保处理原则"))
		return
	}
}
