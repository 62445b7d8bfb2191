package rules

import (
	"sort"
	"strings"
	"time"
)

// MaxOverlapsListed bounds the overlaps listed in the answer, and so the
// enrollments to stop, the actions and their explanations, and the
// enrollments named in one explanation; the decision still considers every
// enrollment.
const MaxOverlapsListed = 200

// dupIval is an enrollment as duplicates see it: the months in which its
// record is paid and in force (“参保缴费状态正常”).
type dupIval struct {
	s        *span
	from, to Month
}

// dupIvals lists the enrollments for duplicates, sorted by first month: a
// resident year paid outside its window counts from its payment month
// (the months before it were never paid), an employee enrollment still
// being paid and a retiree's continue.
func (e *engine) dupIvals() []dupIval {
	out := zeroed(e.scratch.dupIvals, len(e.h.spans))
	e.scratch.dupIvals = out
	for i := range e.h.spans {
		s := &e.h.spans[i]
		iv := dupIval{s: s, from: s.from, to: s.through()}
		if s.scheme == Resident && !s.paidOn.IsZero() && s.from.Year() == s.to.Year() {
			if _, wTo, _ := e.window(s.region, s.from.Year()); s.paidOn.After(wTo) {
				if pm := monthOfDate(s.paidOn); pm > iv.from && pm <= iv.to {
					iv.from = pm
				}
			}
		}
		out[i] = iv
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].from < out[j].from })
	return out
}

// keepWhich finds the enrollments paid for the same months (重复参保) and
// decides which to keep, per 医保发〔2020〕33号 (重复参保处理原则). The
// decision is taken on the month that matters: the latest duplicated month
// up to asOf, or else the first duplicated month to come.
func (e *engine) keepWhich() DuplicatesAnswer {
	d := DuplicatesAnswer{Overlaps: []Overlap{}, Stop: []string{}, Actions: []Action{}, Explain: make([]Step, 0, usualSteps)}
	ivs := e.dupIvals()
	now := monthOfDate(e.asOf)
	var active []int
	maxPos := -1
	past, future := Month(-1), Month(-1)
	for i := range ivs {
		iv := &ivs[i]
		if maxPos >= 0 && ivs[maxPos].to >= iv.from {
			end := min(ivs[maxPos].to, iv.to)
			switch {
			case iv.from <= now:
				past = max(past, min(end, now))
			case future < 0 || iv.from < future:
				future = iv.from
			}
		}
		if len(d.Overlaps) < MaxOverlapsListed {
			kept := active[:0]
			for _, j := range active {
				a := &ivs[j]
				if a.to < iv.from {
					continue
				}
				kept = append(kept, j)
				if len(d.Overlaps) < MaxOverlapsListed {
					kind := "sameScheme"
					if a.s.scheme != iv.s.scheme {
						kind = "crossScheme"
					}
					end := overlapEnd(a, iv, now)
					d.Overlaps = append(d.Overlaps, Overlap{A: a.s.id, B: iv.s.id, From: iv.from.String(), To: end.String(), Kind: kind})
					e.overlaps = append(e.overlaps, overlapMonths{a.s, iv.s, ival{iv.from, end}})
				}
			}
			active = append(kept, i)
		}
		if maxPos < 0 || iv.to > ivs[maxPos].to {
			maxPos = i
		}
	}
	src := e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
	if past < 0 && future < 0 {
		addStep(&d.Explain, "duplicates.none", src)
		return d
	}
	m := past
	if m < 0 {
		m = future
	}
	addStep(&d.Explain, "duplicates.definition", src)
	var set []*span
	for i := range ivs {
		if iv := &ivs[i]; iv.from <= m && iv.to >= m {
			set = append(set, iv.s)
		}
	}
	keep, rule := e.choose(set, m)
	d.Keep = strp(keep.id)
	named := set[:min(len(set), MaxOverlapsListed)]
	zh, en := make([]string, len(named)), make([]string, len(named))
	for i, s := range named {
		item := say("duplicates.overlap/item", "id", s.name, "region", regionText(s.region), "scheme", schemeText(s.scheme))
		zh[i], en[i] = item.Zh, item.En
	}
	sep := say("list.separator")
	list := Text{Zh: strings.Join(zh, sep.Zh), En: strings.Join(en, sep.En)}
	if more := len(set) - len(named); more > 0 {
		list = say("duplicates.overlap/more", "list", list, "more", more)
	}
	switch {
	case m < now:
		addStep(&d.Explain, "duplicates.overlap/ended", src, "month", m, "list", list)
	case m > now:
		addStep(&d.Explain, "duplicates.overlap/ahead", src, "month", m, "list", list)
	default:
		addStep(&d.Explain, "duplicates.overlap", src, "month", m, "list", list)
	}
	d.Explain = append(d.Explain, rule)
	for _, s := range set {
		if s == keep {
			continue
		}
		a, stop := e.action(s, keep, m)
		if ea, ok := e.entryYear(keep, s, m); ok {
			a, stop = ea, false
		}
		if stop {
			d.stopAll = append(d.stopAll, s.id)
		}
		if len(d.Actions) < MaxOverlapsListed {
			d.Actions = append(d.Actions, a)
		} else {
			d.ActionsOmitted++
		}
	}
	d.Stop = d.stopAll[:min(len(d.stopAll), MaxOverlapsListed):min(len(d.stopAll), MaxOverlapsListed)]
	d.StopOmitted = len(d.stopAll) - len(d.Stop)
	if d.Stop == nil {
		d.Stop = []string{}
	}
	for _, a := range d.Actions {
		d.Explain = append(d.Explain, Step{Rule: "duplicates.action", Zh: a.Zh, En: a.En, Source: a.Source})
	}
	if d.ActionsOmitted > 0 {
		addStep(&d.Explain, "duplicates.omitted", src, "n", d.ActionsOmitted)
	}
	addStep(&d.Explain, "duplicates.years", e.rs.citeDoc("shbxf", "第三十二条")+"；"+e.rs.citeDoc("ybbf2021-43", "第二条"))
	if len(d.Overlaps) > len(set)*(len(set)-1)/2 {
		addStep(&d.Explain, "duplicates.past", src)
	}
	return d
}

// stopped is the set of enrollments to stop, in Stop or left out of it:
// the sections that follow the duplicates answer say nothing more of those
// enrollments.
func (d *DuplicatesAnswer) stopped() map[string]bool {
	all := d.stopAll
	if all == nil {
		all = d.Stop // an answer built by hand
	}
	set := make(map[string]bool, len(all))
	for _, id := range all {
		set[id] = true
	}
	return set
}

// overlapEnd is the last month two records are both in force; when both
// continue with no end, the current month (or the overlap's first).
func overlapEnd(a, b *dupIval, now Month) Month {
	if end := min(a.to, b.to); end != noEnd {
		return end
	}
	return max(now, b.from)
}

// dupSet is the enrollments in force in the month that decides, split by
// scheme, as the retention clauses read them.
type dupSet struct {
	all, emps, ress []*span
	m               Month
	p               *Person
}

// retentionClause is one retention principle: it keeps one enrollment of
// the set and says why, or does not apply.
type retentionClause struct {
	name string
	keep func(e *engine, d *dupSet) (*span, Step, bool)
}

// retentionClauses is the priority list of 医保发〔2020〕33号 (重复参保处理
// 原则), as restated locally: a student keeps the place of study; across
// schemes, employee insurance (continuous ≥ 1 year, and always for a unit
// employee or a retiree: 社会保险法 第二十三条); two employee enrollments,
// the place of work; two resident ones, the year that pays benefits now
// (医保办发〔2021〕43号, a move within the year), then the residence.
var retentionClauses = []retentionClause{
	{"duplicates.student", (*engine).keepStudyPlace},
	{"duplicates.crossScheme", (*engine).keepAcrossSchemes},
	{"duplicates.employee", (*engine).keepWorkPlace},
	{"duplicates.moveWithinYear", (*engine).keepPayingYear},
	{"duplicates.resident", (*engine).keepResidence},
}

// choose applies the first retention clause that decides.
func (e *engine) choose(set []*span, m Month) (*span, Step) {
	d := &dupSet{all: set, m: m, p: e.in.Person}
	for _, s := range set {
		if s.scheme == Employee {
			d.emps = append(d.emps, s)
		} else {
			d.ress = append(d.ress, s)
		}
	}
	for _, c := range retentionClauses {
		if k, why, ok := c.keep(e, d); ok {
			return k, why
		}
	}
	k, why, _ := e.keepResidence(d) // unreachable: the last clause always decides
	return k, why
}

// keepStudyPlace: “学生重复参保，原则上保留学籍地参保关系”.
func (e *engine) keepStudyPlace(d *dupSet) (*span, Step, bool) {
	if !e.inGroup(GroupStudent) || len(d.emps) > 0 {
		return nil, Step{}, false
	}
	s := matchRegion(d.all, d.p.StudyRegion)
	if s == nil {
		return nil, Step{}, false
	}
	return s, sayStep("duplicates.student", e.rs.citeDoc("ybf2020-33", "重复参保处理原则"), "place", regionText(d.p.StudyRegion), "id", s.name), true
}

func (e *engine) keepAcrossSchemes(d *dupSet) (*span, Step, bool) {
	if len(d.emps) == 0 || len(d.ress) == 0 {
		return nil, Step{}, false
	}
	k, why := e.chooseAcrossSchemes(d.emps, d.ress, d.m, d.p)
	return k, why, true
}

// keepWorkPlace: “重复参加职工医保的，原则上保留就业地参保关系”.
func (e *engine) keepWorkPlace(d *dupSet) (*span, Step, bool) {
	if len(d.emps) == 0 {
		return nil, Step{}, false
	}
	k := e.byPlace(d.emps, d.p.WorkRegion)
	why := say("duplicates.employee/latest")
	if d.p.WorkRegion != "" && matchRegion(d.emps, d.p.WorkRegion) != nil {
		why = say("duplicates.employee/work", "place", regionText(d.p.WorkRegion))
	}
	return k, sayStep("duplicates.employee", e.rs.citeDoc("ybf2020-33", "重复参保处理原则"), "why", why, "id", k.name), true
}

// keepPayingYear: 医保办发〔2021〕43号 — moving within the year, the current
// year stays where it was paid; the new place is joined for the next year.
func (e *engine) keepPayingYear(d *dupSet) (*span, Step, bool) {
	k := e.payingNow(d.ress, d.m)
	if k == nil {
		return nil, Step{}, false
	}
	return k, sayStep("duplicates.moveWithinYear", e.rs.citeDoc("ybbf2021-43", "第十一条")+"；"+e.rs.citeDoc("ybf2020-33", "重复参保处理原则"), "id", k.name, "region", regionText(k.region)), true
}

// keepResidence: “重复参加居民医保的，原则上保留常住地参保关系”.
func (e *engine) keepResidence(d *dupSet) (*span, Step, bool) {
	k := e.byPlace(d.ress, d.p.Residence)
	why := say("duplicates.resident/latest")
	if d.p.Residence != "" && matchRegion(d.ress, d.p.Residence) != nil {
		why = say("duplicates.resident/residence", "place", regionText(d.p.Residence))
	}
	var student Text
	if e.inGroup(GroupStudent) && d.p.StudyRegion == "" {
		student = say("duplicates.resident/student")
	}
	return k, sayStep("duplicates.resident", e.rs.citeDoc("ybf2020-33", "重复参保处理原则"), "why", why, "student", student, "id", k.name), true
}

// chooseAcrossSchemes: 医保发〔2020〕33号 “跨制度重复参保且连续参加职工医保
// 一年以上（含一年）的，原则上保留职工医保参保关系”. The rule says nothing of
// shorter employee enrollments; a unit employee must be in employee
// insurance (社会保险法 第二十三条), so only a flexible worker under a year
// keeps resident insurance instead.
func (e *engine) chooseAcrossSchemes(emps, ress []*span, m Month, p *Person) (*span, Step) {
	k := e.byPlace(emps, p.WorkRegion)
	for _, s := range emps {
		if s.retiree {
			return s, sayStep("duplicates.retiree", e.rs.citeDoc("ybf2020-33", "重复参保处理原则")+"；"+e.rs.citeDoc("shbxf", "第二十七条"), "id", s.name)
		}
	}
	minYears := e.params(k.region).DuplicatesEmployeeKeepMinYears.At(m.First())
	at := min(m, monthOfDate(e.asOf))
	months := 0
	if start, ok := runStart(e.h.emp, at); ok {
		months = int(at-start) + 1
	}
	if minYears.V == 0 { // 湛江 “跨制度重复参保的，原则上保留职工医保参保关系”
		return k, sayStep("duplicates.crossScheme/noMinimum", e.cite(minYears.v), "id", k.name)
	}
	if months >= 12*minYears.V {
		return k, sayStep("duplicates.crossScheme", e.cite(minYears.v), "months", months, "years", minYears.V, "id", k.name)
	}
	if k.kind == KindFlexible {
		r := e.byPlace(ress, p.Residence)
		return r, sayStep("duplicates.crossScheme.flexible", e.cite(minYears.v), "months", months, "years", minYears.V, "id", r.name)
	}
	return k, sayStep("duplicates.crossScheme.unit", e.rs.citeDoc("shbxf", "第二十三条")+"；"+e.cite(minYears.v), "months", months, "years", minYears.V, "id", k.name)
}

// payingNow returns the one resident enrollment of set that pays benefits
// in month m while the others are still waiting, or nil.
func (e *engine) payingNow(set []*span, m Month) *span {
	var paying *span
	for _, s := range set {
		w := e.wait(spanTarget(s))
		if w.NoBenefits || w.benefitsFrom.After(m.Last()) {
			continue
		}
		if paying != nil {
			return nil
		}
		paying = s
	}
	if paying == nil || len(set) < 2 {
		return nil
	}
	return paying
}

// byPlace picks the enrollment in place (same city, else same province),
// else the most recently started one.
func (e *engine) byPlace(set []*span, place string) *span {
	if s := matchRegion(set, place); s != nil {
		return s
	}
	return latest(set)
}

func matchRegion(set []*span, place string) *span {
	if place == "" {
		return nil
	}
	var exact, prov []*span
	for _, s := range set {
		switch {
		case s.region == place:
			exact = append(exact, s)
		case ProvinceOf(s.region) == ProvinceOf(place) && (s.region == ProvinceOf(s.region) || place == ProvinceOf(place)):
			prov = append(prov, s)
		}
	}
	if len(exact) > 0 {
		return latest(exact)
	}
	if len(prov) > 0 {
		return latest(prov)
	}
	return nil
}

func latest(set []*span) *span {
	best := set[0]
	for _, s := range set[1:] {
		if s.from > best.from || (s.from == best.from && s.idx > best.idx) {
			best = s
		}
	}
	return best
}

// action says what happens to an enrollment that is not kept, and whether
// it is to be stopped (an overlap already over stops nothing).
func (e *engine) action(s, keep *span, m Month) (Action, bool) {
	a := Action{Enrollment: s.id, Region: s.region}
	region := regionText(s.region)
	now := monthOfDate(e.asOf)
	if s.scheme == Employee {
		a.Refund = "personalAccount"
		a.Source = e.rs.citeDoc("ybbf2021-43", "第二条") + "；" + e.rs.citeDoc("shbxf", "第三十二条")
		var t Text
		switch {
		case m < now:
			t = say("action.employee/ended", "region", region, "id", s.name, "keep", keep.name, "month", m)
			a.Zh, a.En = t.Zh, t.En
			return a, false
		case s.kind == KindFlexible && keep.scheme == Employee:
			t = say("action.employee/flexibleToUnit", "region", region, "id", s.name)
		case s.kind == KindFlexible:
			t = say("action.employee/flexible", "region", region, "id", s.name)
		default:
			t = say("action.employee", "region", region, "id", s.name)
		}
		a.Zh, a.En = t.Zh, t.En
		return a, true
	}
	refund := e.params(s.region).DuplicatesResidentRefund.At(m.First())
	a.Refund = refund.V
	a.Source = e.cite(refund.v)
	var stop Text // the plain stop, unless a case below says more
	stopping := true
	switch {
	case m < now:
		stop = say("action.resident/ended", "region", region, "id", s.name, "keep", keep.name, "month", m)
		stopping = false
	case keep.scheme == Employee && !keep.retiree:
		if start := e.employeeBenefitsStart(keep); start.After(e.asOf) {
			stop = say("action.resident/untilEmployee", "keep", keep.name, "start", start, "region", region, "id", s.name)
		}
	case keep.retiree:
		stop = say("action.resident/retiree", "region", region, "id", s.name)
	}
	if stop.Zh == "" {
		stop = say("action.resident/stop", "region", region, "id", s.name)
	}
	var t Text
	switch refund.V {
	case "none":
		t = say("action.resident/noRefund", "stop", stop)
	case "nextYearIfUnused":
		t = say("action.resident/refundNextYear", "stop", stop)
	case "beforeBenefitPeriodOnly":
		t = say("action.resident/refundBeforeBenefits", "stop", stop)
	default:
		t = say("action.resident", "stop", stop)
	}
	if refund.level == LevelNational {
		t = say("action.resident/nationalRefund", "action", t)
	}
	a.Zh, a.En = t.Zh, t.En
	return a, stopping
}

// employeeBenefitsStart is the first day an employee enrollment pays
// benefits (after any wait).
func (e *engine) employeeBenefitsStart(s *span) Date {
	w := e.wait(spanTarget(s))
	if w.benefitsFrom.Before(s.from.First()) {
		return s.from.First()
	}
	return w.benefitsFrom
}

// entryYear: 医保发〔2020〕33号 “除大中专学生入学当年重复参加居民医保情形外，其他
// 重复参加居民医保的，须终止”. A student whose resident enrollment where they
// study starts in the year of the duplicated month (the entry year) keeps
// the other resident year too; from the next year only the place of study.
// The entry year is read from the record: one where they study that starts
// in the course of the year (a whole calendar year says nothing of entry).
func (e *engine) entryYear(keep, other *span, m Month) (Action, bool) {
	if !e.inGroup(GroupStudent) || keep.scheme != Resident || other.scheme != Resident {
		return Action{}, false
	}
	if p := e.in.Person.StudyRegion; p == "" || !sameArea(keep.region, p) || keep.from.Year() != m.Year() || keep.from.Num() == time.January {
		return Action{}, false
	}
	t := say("action.resident/entryYear", "other", regionText(other.region), "id", other.name, "next", m.Year()+1, "keep", regionText(keep.region))
	return Action{Enrollment: other.id, Region: other.region, Refund: "none", Zh: t.Zh, En: t.En,
		Source: e.rs.citeDoc("ybf2020-33", "重复参保处理原则")}, true
}
