package rules

import (
	"strconv"
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
		w := e.wait(target{about: "plan", region: p.Region, scheme: p.Scheme, start: monthOfDate(pay), payDate: pay, extraYears: p.ExtraYears, isPlan: true, kind: p.Kind})
		e.planOverlap(&w)
		out.Waiting = &w.WaitingAnswer
	} else if out.Coverage.Status == StatusLapsed && !e.retired() {
		out.Waiting = e.waysBack()
	} else {
		for i := len(e.h.spans) - 1; i >= 0; i-- {
			if waits[i].followedGap {
				w := e.wait(spanTarget(&e.h.spans[i]))
				out.Waiting = &w.WaitingAnswer
				break
			}
		}
	}
	out.Transfer = e.transfer(&out.Duplicates)
	out.Deadlines = e.deadlines(&out)
	out.Incentive = e.incentive(&out.Duplicates)
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

// planOverlap compares the months the plan covers with the enrollments in
// force then (医保办发〔2021〕43号 不得重复参保): only an overlap of covered
// months is a duplicate, so a renewal or next year's move is not one, and a
// resident year runs on through a new job's employee wait.
func (e *engine) planOverlap(w *waitResult) {
	p := e.in.Plan
	first := monthOfDate(mustDate(p.PayOn))
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
		name, nameEn := regionName(s.region), regionNameEn(s.region)
		src := e.rs.citeDoc("ybbf2021-43", "转移接续（不得重复参保和重复享受待遇）") + "；" + e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
		switch {
		case s.scheme == Resident && p.Scheme == Employee:
			start := "职工医保待遇开始"
			startEn := "employee benefits start"
			if w.BenefitsFrom != "" {
				start += "（" + w.BenefitsFrom + "）"
				startEn += " (" + w.BenefitsFrom + ")"
			}
			w.step("plan.keepResident", "已缴纳的"+name+"城乡居民医保（"+s.id+"，至"+s.to.String()+"）在职工医保待遇等待期内继续享受缴费年度的居民医保待遇，不要提前停保；"+start+"后再暂停居民医保参保关系，未进入的待遇期个人缴费按当地规定申请退费。",
				"The resident insurance already paid in "+nameEn+" ("+s.id+", to "+s.to.String()+") keeps paying benefits during the employee waiting period: do not stop it early; suspend it once "+startEn+", and ask for a refund of any unused period under the local rule.", src)
		case s.retiree:
			w.step("plan.overlap", "已退休，按规定享受职工医保待遇（"+s.id+"），不需要再参加"+schemeText(p.Scheme).Zh+"：重复参保不能重复享受待遇。在外地居住就医的，办理异地就医备案。",
				"Retired and drawing employee benefits ("+s.id+"): no need to enroll again; duplicate enrollment gives no double benefits. Living elsewhere, file for care in another region.", src+"；"+e.rs.citeDoc("shbxf", "第二十七条"))
		case s.scheme == Employee && p.Scheme == Resident:
			w.step("plan.overlap", "职工医保（"+s.id+"，"+name+"）仍在缴费：继续就业的，不需要再参加居民医保（跨制度重复参保原则上保留职工医保）；已离职的，请在参保记录中填写最后缴费月份。",
				"Employee insurance ("+s.id+", "+nameEn+") is still being paid: while you keep working, you do not need resident insurance (a cross-scheme duplicate keeps employee insurance); if you left the job, give the last month paid.", src)
		case s.scheme == Employee:
			w.step("plan.overlap", "原职工医保（"+s.id+"，"+name+"）仍在缴费：换工作的，由原单位办理减员、新单位办理参保；灵活就业的在原参保地办理停保后再参保。不得重复参保、重复享受待遇。",
				"The earlier employee insurance ("+s.id+", "+nameEn+") is still being paid: changing jobs, the former employer deregisters you and the new one enrolls you; a flexible worker stops it at the old place first. Duplicate enrollment and double benefits are not allowed.", src)
		default:
			w.step("plan.overlap", name+"城乡居民医保（"+s.id+"）已缴费至"+s.to.String()+"，与计划参保的月份重复：当年度无需再缴费，按新参保地规定参加下一年度居民医保；已重复缴纳的，未享受待遇的个人缴费按当地规定申请退费。",
				"Resident insurance in "+nameEn+" ("+s.id+") is paid through "+s.to.String()+" and covers the same months as the plan: there is no need to pay this year again; join the new place for next year. If paid twice, ask for a refund of the unused individual contribution under the local rule.", src)
		}
		return
	}
}

func mustDate(s string) Date { d, _ := parseDate(s); return d }

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
	if p := e.in.Person; p != nil && p.Residence != "" {
		home = p.Residence
	}
	ways = append(ways, way{Resident, target{about: "assumed", region: home, scheme: Resident, start: monthOfDate(e.asOf), payDate: e.asOf, isPlan: true}})
	var best *WaitingAnswer
	var bestFrom Date
	var list []WayBack
	for _, w := range ways {
		r := e.wait(w.t)
		wb := WayBack{Kind: w.kind, Region: w.t.region, RegionName: regionName(w.t.region), Scheme: w.t.scheme, Months: r.Months,
			MonthsUpperBound: r.MonthsUpperBound, BenefitsFrom: r.BenefitsFrom, NoBenefits: r.NoBenefits, BackpayDeadline: r.BackpayDeadline}
		if w.t.scheme == Resident && !r.NoBenefits {
			if c, _, ok := e.rs.intAt("resident.individualContribution", w.t.region, yearStart(r.BenefitYear)); ok {
				wb.Cost = &c
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
		r := e.wait(ways[0].t)
		best = &r.WaitingAnswer
	}
	best.Assumed, best.Ways = true, list
	best.Explain = append([]Step{{Rule: "waiting.assumed",
		Zh:     "未填写参保计划，且" + formatDate(e.asOf) + "不在参保期内：以下按今天（" + formatDate(e.asOf) + "）参保缴费估算；列出每一种接续方式。",
		En:     "No plan given, and not covered on " + formatDate(e.asOf) + ": the answer assumes enrolling today (" + formatDate(e.asOf) + "); each way back is listed.",
		Source: e.rs.citeDoc("ybbf2021-43", "第十一条")}}, best.Explain...)
	return best
}

// wayText is one line for a way back.
func wayText(w *WayBack) (zh, en string) {
	how, howEn := "在"+w.RegionName+"参加城乡居民医保", "Resident insurance in "+regionNameEn(w.Region)
	if w.Scheme == Employee {
		how, howEn = "在"+w.RegionName+"以灵活就业人员身份继续参加职工医保", "Employee insurance as a flexible worker in "+regionNameEn(w.Region)
	}
	switch {
	case w.NoBenefits:
		return how + "：今天缴费，等待期超过本年度，不能享受待遇。", howEn + ": paying today, the wait outlasts the year; no benefits."
	case w.Months == 0:
		zh, en = how+"：不设等待期，"+w.BenefitsFrom+"起享受待遇", howEn+": no wait, benefits from "+w.BenefitsFrom
	case w.MonthsUpperBound:
		zh, en = how+"：等待期最长"+strconv.Itoa(w.Months)+"个月，最晚"+w.BenefitsFrom+"起享受待遇", howEn+": a wait of at most "+strconv.Itoa(w.Months)+" months, benefits from "+w.BenefitsFrom+" at the latest"
	default:
		zh, en = how+"：等待期"+strconv.Itoa(w.Months)+"个月，"+w.BenefitsFrom+"起享受待遇", howEn+": a "+strconv.Itoa(w.Months)+"-month wait, benefits from "+w.BenefitsFrom
	}
	if w.BackpayDeadline != nil && w.Months == 0 {
		zh += "（须在" + *w.BackpayDeadline + "前缴费并补缴）"
		en += " (pay and back-pay by " + *w.BackpayDeadline + ")"
	}
	if w.Cost != nil {
		zh += "；个人缴费约" + strconv.Itoa(*w.Cost) + "元"
		en += "; individual contribution about " + strconv.Itoa(*w.Cost) + " yuan"
	}
	return zh + "。", en + "."
}
