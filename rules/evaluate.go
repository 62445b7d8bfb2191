package rules

import (
	"fmt"
	"strconv"
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
	if err := check(&in); err != nil {
		return Output{}, err
	}
	asOf, _ := parseDate(in.AsOf)
	e := &engine{rs: rs, in: in, asOf: asOf, h: newHistory(in, asOf), groups: map[string]bool{}}
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

// check validates a hand-built Input with the same rules as Decode.
func check(in *Input) error {
	if _, ok := parseDate(in.AsOf); !ok {
		return badDate("asOf", in.AsOf)
	}
	if len(in.Enrollments) > MaxEnrollments {
		return fieldErr("enrollments", "too many enrollments", "参保记录过多")
	}
	if p := in.Person; p != nil {
		if p.BirthDate != "" {
			if _, ok := parseDate(p.BirthDate); !ok {
				return badDate("person.birthDate", p.BirthDate)
			}
		}
		for i, g := range p.Groups {
			if !knownGroup(g) {
				return fieldErr("person.groups["+strconv.Itoa(i)+"]", "unknown group "+strconv.Quote(g), "未知人群类别")
			}
		}
		for _, f := range []struct {
			name string
			v    *string
		}{{"residence", &p.Residence}, {"workRegion", &p.WorkRegion}, {"studyRegion", &p.StudyRegion}} {
			if *f.v != "" {
				code, err := checkRegion("person."+f.name, *f.v)
				if err != nil {
					return err
				}
				*f.v = code
			}
		}
	}
	seen := map[string]bool{}
	enrollments := make([]Enrollment, len(in.Enrollments))
	copy(enrollments, in.Enrollments)
	in.Enrollments = enrollments
	for i := range in.Enrollments {
		e := &in.Enrollments[i]
		path := "enrollments[" + strconv.Itoa(i) + "]"
		if e.ID == "" {
			e.ID = "#" + strconv.Itoa(i+1)
		}
		if seen[e.ID] {
			return fieldErr(path+".id", "id "+strconv.Quote(e.ID)+" is used twice", "编号重复")
		}
		seen[e.ID] = true
		code, err := checkRegion(path+".region", e.Region)
		if err != nil {
			return err
		}
		e.Region = code
		if err := checkScheme(path+".scheme", e.Scheme); err != nil {
			return err
		}
		from, ok := parseMonth(e.From)
		if !ok {
			return badMonth(path+".from", e.From)
		}
		if e.To != "" {
			to, ok := parseMonth(e.To)
			if !ok {
				return badMonth(path+".to", e.To)
			}
			if to < from {
				return fieldErr(path+".to", "is before from", "结束月份早于开始月份")
			}
		}
		if e.PaidOn != "" {
			if _, ok := parseDate(e.PaidOn); !ok {
				return badDate(path+".paidOn", e.PaidOn)
			}
		}
		for j, m := range e.Backpaid {
			if _, ok := parseMonth(m); !ok {
				return badMonth(path+".backpaid["+strconv.Itoa(j)+"]", m)
			}
		}
	}
	if p := in.Plan; p != nil {
		code, err := checkRegion("plan.region", p.Region)
		if err != nil {
			return err
		}
		p2 := *p
		p2.Region = code
		in.Plan = &p2
		if err := checkScheme("plan.scheme", p.Scheme); err != nil {
			return err
		}
		if _, ok := parseDate(p.PayOn); !ok {
			return badDate("plan.payOn", p.PayOn)
		}
		if p.ExtraYears < 0 || p.ExtraYears > 100 {
			return fieldErr("plan.extraYears", "must be between 0 and 100", "应在 0 到 100 之间")
		}
	}
	return nil
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
		w.step("plan.overlap",
			fmt.Sprintf("注意：%s（%s%s）仍缴费至%s，与计划参保重复。请先在原参保地办理停保（暂停参保）或确认保留哪一个，再参保；不得重复参保、重复享受待遇。", s.id, regionName(s.region), schemeZh(s.scheme), s.to),
			fmt.Sprintf("Note: %s (%s, %s) is paid until %s and would overlap the plan. Stop it at the old place first (or decide which to keep), then enroll: duplicate enrollment and double benefits are not allowed.", s.id, regionNameEn(s.region), s.scheme, s.to),
			e.rs.citeDoc("ybbf2021-43", "转移接续（不得重复参保和重复享受待遇）")+"；"+e.rs.citeDoc("ybf2020-33", "重复参保处理原则"))
		return
	}
}
