package rules

import (
	"sort"
	"time"
)

// segment is a stretch of days on which an enrollment pays benefits.
type segment struct {
	_        noCompare
	from, to Date
	sp       *span
	retiree  bool
}

// forever stands for "no end" (retirees).
var forever = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// spanTarget is the waiting-period question for one enrollment: the first
// year of a resident span counts as paid in its window unless the span is a
// single year with paidOn (contract: "paidOn … of its last year").
func spanTarget(s *span) target {
	t := target{about: s.id, region: s.region, scheme: s.scheme, start: s.from, leading: s.leading, self: s, kind: s.kind}
	if s.scheme == Resident && s.from.Year() == s.to.Year() {
		t.payDate = s.paidOn
	}
	return t
}

// spanWait is what coverage needs of an enrollment's waiting period.
type spanWait struct {
	benefitsFrom Date
	months       int
	followedGap  bool
}

// segments computes every enrollment's benefit days, and its waiting result.
func (e *engine) segments() ([]segment, []spanWait) {
	segs := reuse(e.scratch.segs, 2*len(e.h.spans)+1) // a span paid late in its last year has two
	waits := zeroed(e.scratch.waits, len(e.h.spans))
	for i := range e.h.spans {
		s := &e.h.spans[i]
		w := e.wait(spanTarget(s))
		waits[i] = spanWait{w.benefitsFrom, w.Months, w.followedGap}
		if w.NoBenefits {
			continue // the wait outlasts the year paid for
		}
		start := w.benefitsFrom
		if start.Before(s.from.First()) && !(w.Retroactive && s.scheme == Resident && !start.Before(yearStart(s.from.Year()))) {
			// Benefits start with the enrollment, except a resident year
			// recorded from its payment month whose payment covers the gap
			// back (医保办发〔2021〕43号 ②).
			start = s.from.First()
		}
		end := s.to.Last()
		if s.scheme == Resident && s.from.Year() < s.to.Year() && !s.paidOn.IsZero() {
			// The last year of a span, paid on paidOn: outside its window, a fixed wait.
			last := s.to.Year()
			_, wTo, _ := e.window(s.region, last)
			if s.paidOn.After(wTo) {
				fixed := e.params(s.region).ResidentFixedWaitMonths.At(s.paidOn)
				lateStart := addMonths(s.paidOn, fixed.V)
				if lateStart.Before(yearStart(last)) {
					lateStart = yearStart(last)
				}
				if !start.After(yearEnd(last - 1)) {
					segs = append(segs, segment{from: start, to: yearEnd(last - 1), sp: s})
				}
				start = lateStart
			}
		}
		if !start.After(end) {
			segs = append(segs, segment{from: start, to: end, sp: s})
		}
	}
	if e.retired() && !e.retireeYears().short {
		// The retiree draws employee benefits from the last employee
		// enrollment, with no end (社会保险法 第二十七条), once the years
		// the region asks are met.
		seg := segment{retiree: true, to: forever}
		for i := range e.h.spans {
			if s := &e.h.spans[i]; s.retiree {
				seg.sp, seg.from = s, (s.to + 1).First()
			}
		}
		segs = append(segs, seg)
	}
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].from.Before(segs[j].from) })
	e.scratch.segs, e.scratch.waits = segs, waits
	return segs, waits
}

func within(d, from, to Date) bool { return !d.Before(from) && !d.After(to) }

// coverageQuery is what the coverage clauses read: the benefit days of
// every enrollment, their waits and the enrollment kept among duplicates.
type coverageQuery struct {
	segs  []segment
	waits []spanWait
	keep  *string
}

// coverageClause is one way the coverage question is answered; apply
// reports whether it answered.
type coverageClause struct {
	name  string
	apply func(e *engine, q *coverageQuery, c *CoverageAnswer) bool
}

// coverageClauses is the priority list: benefits paid on asOf (a retiree's
// lifetime benefits, 社会保险法 第二十七条, or the months or year paid, 第二十三
// 条); enrolled but waiting; enrolled for later; never enrolled; retired but
// short of the years; lapsed.
var coverageClauses = []coverageClause{
	{"coverage.benefits", (*engine).benefitsOnDay},
	{"coverage.waiting", (*engine).waitingOnDay},
	{"coverage.future", (*engine).enrolledLater},
	{"coverage.none", (*engine).neverEnrolled},
	{"coverage.retiredShort", (*engine).retiredShort},
	{"coverage.lapsed", (*engine).lapsed},
}

// coverage answers "is the person covered on asOf?" from the enrollments'
// benefit days.
func (e *engine) coverage(segs []segment, waits []spanWait, keep *string) CoverageAnswer {
	c := CoverageAnswer{Status: StatusNone, Explain: []Step{}}
	q := &coverageQuery{segs, waits, keep}
	for _, cl := range coverageClauses {
		if cl.apply(e, q, &c) {
			break
		}
	}
	return c
}

// benefitsOnDay: an enrollment pays benefits on asOf (the one kept among
// duplicates, else employee insurance, else the later start).
func (e *engine) benefitsOnDay(q *coverageQuery, c *CoverageAnswer) bool {
	segs, waits, keep := q.segs, q.waits, q.keep
	var best *segment
	for i := range segs {
		sg := &segs[i]
		if !within(e.asOf, sg.from, sg.to) {
			continue
		}
		if best == nil || prefer(sg, best, keep) {
			best = sg
		}
	}
	if best == nil {
		return false
	}
	c.Active = true
	from, until := e.stretch(segs, best)
	c.From = datep(from)
	if best.retiree {
		c.Status = StatusRetired
		c.Scheme = Employee
		if best.sp != nil {
			c.Enrollment = strp(best.sp.id)
		}
		c.Region = e.retireeRegion()
		c.RegionName = regionName(c.Region)
		addStep(&c.Explain, "coverage.retired", e.rs.citeDoc("shbxf", "第二十七条"))
		e.explainRetireeYears(c, e.retireeYears())
		return true
	}
	c.Status = StatusCovered
	c.Enrollment = strp(best.sp.id)
	c.Region, c.Scheme = best.sp.region, best.sp.scheme
	c.RegionName = regionName(c.Region)
	if until != forever {
		c.Until = datep(until)
	}
	s := best.sp
	if s.scheme == Employee {
		paid := say("coverage.employee/paid", "to", s.to)
		if s.open {
			paid = say("coverage.employee/open", "to", s.to)
		}
		addStep(&c.Explain, "coverage.employee", e.rs.citeDoc("shbxf", "第二十三条"), "region", regionText(c.Region), "id", s.name, "paid", paid, "until", s.to.Last())
		e.explainKind(c, s)
	} else {
		addStep(&c.Explain, "coverage.resident", e.rs.citeDoc("gbf2024-38", "居民医保按年度参保缴费"), "region", regionText(c.Region), "id", s.name, "year", s.to.Year(), "until", s.to.Last())
	}
	if sw := waits[e.h.byIdx[s.idx]]; sw.months > 0 && best.from.Equal(sw.benefitsFrom) {
		w := e.answer(spanTarget(s))
		addStep(&c.Explain, "coverage.waited", lastSource(w.Explain), "months", w.Months, "end", w.benefitsFrom.AddDate(0, 0, -1))
	}
	if until != forever && until.After(s.to.Last()) {
		addStep(&c.Explain, "coverage.continues", e.rs.citeDoc("ybbf2021-43", "第十一条"), "until", until)
	}
	return true
}

// waitingOnDay: enrolled on asOf, but in a waiting period (or a wait that
// outlasts the enrollment).
func (e *engine) waitingOnDay(q *coverageQuery, c *CoverageAnswer) bool {
	segs := q.segs
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if !within(e.asOf, s.from.First(), s.to.Last()) {
			continue
		}
		w := e.answer(spanTarget(s))
		start := e.segmentStart(segs, s, e.asOf)
		if start.IsZero() && s.open {
			// Still paying: benefits start when the wait ends.
			start = w.benefitsFrom
		}
		c.Status = StatusWaiting
		c.Enrollment = strp(s.id)
		c.Region, c.Scheme = s.region, s.scheme
		c.RegionName = regionName(s.region)
		if !start.IsZero() {
			c.WaitingUntil = datep(start.AddDate(0, 0, -1))
			c.From = datep(start)
			addStep(&c.Explain, "coverage.waiting", lastSource(w.Explain), "scheme", schemeText(s.scheme), "id", s.name, "asOf", e.asOf, "from", start)
		} else {
			addStep(&c.Explain, "coverage.waiting/noBenefits", lastSource(w.Explain), "scheme", schemeText(s.scheme), "id", s.name)
		}
		c.Explain = append(c.Explain, w.Explain...)
		return true
	}
	return false
}

// lastAndNext are the enrollment that ended last before asOf and the first
// that starts after it.
func (e *engine) lastAndNext() (last, next *span, lastEnd Date) {
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if s.from.First().After(e.asOf) {
			if next == nil {
				next = s
			}
			continue
		}
		if end := s.to.Last(); last == nil || end.After(lastEnd) {
			last, lastEnd = s, end
		}
	}
	return last, next, lastEnd
}

// enrolledLater: enrolled only from a month after asOf.
func (e *engine) enrolledLater(q *coverageQuery, c *CoverageAnswer) bool {
	last, next, _ := e.lastAndNext()
	if next == nil || last != nil {
		return false
	}
	c.Status = StatusFuture
	c.Enrollment = strp(next.id)
	c.Region, c.Scheme = next.region, next.scheme
	c.RegionName = regionName(next.region)
	c.From = datep(e.segmentStart(q.segs, next, e.asOf))
	addStep(&c.Explain, "coverage.future", e.rs.citeDoc("shbxf", "第二十三条"), "id", next.name, "from", next.from, "asOf", e.asOf)
	return true
}

// neverEnrolled: no enrollment at all.
func (e *engine) neverEnrolled(q *coverageQuery, c *CoverageAnswer) bool {
	if len(e.h.spans) > 0 {
		return false
	}
	addStep(&c.Explain, "coverage.none", e.rs.citeDoc("shbxf", "第二十三条"))
	return true
}

// lapsed: the last enrollment ended before asOf (社会保险法 第二十三条: no
// benefits without contributions), with the back-pay deadline while an
// employee interruption is still short.
func (e *engine) lapsed(q *coverageQuery, c *CoverageAnswer) bool {
	last, next, lastEnd := e.lastAndNext()
	c.Status = StatusLapsed
	c.Enrollment = strp(last.id)
	c.Region, c.Scheme = last.region, last.scheme
	c.RegionName = regionName(last.region)
	c.Until = datep(lastEnd)
	addStep(&c.Explain, "coverage.lapsed", e.rs.citeDoc("shbxf", "第二十三条"), "id", last.name, "scheme", schemeText(last.scheme), "end", lastEnd, "asOf", e.asOf)
	if last.scheme == Employee {
		maxGap := e.params(last.region).EmployeeBackpayMaxGapMonths.At(e.asOf)
		deadline := backpayDeadline(last.to, maxGap.V)
		if !e.asOf.After(deadline) {
			addStep(&c.Explain, "coverage.backpay", e.cite(maxGap.v), "deadline", deadline, "maxGap", maxGap.V)
		}
	}
	if next != nil {
		start := e.segmentStart(q.segs, next, e.asOf)
		if !start.IsZero() {
			addStep(&c.Explain, "coverage.next", e.rs.citeDoc("shbxf", "第二十三条"), "id", next.name, "from", start)
		}
	}
	return true
}

// prefer orders two segments covering the same day: the enrollment kept
// among duplicates, then employee insurance, then the later start.
func prefer(a, b *segment, keep *string) bool {
	if a.retiree != b.retiree {
		return a.retiree
	}
	if keep != nil && a.sp != nil && b.sp != nil {
		if ka, kb := a.sp.id == *keep, b.sp.id == *keep; ka != kb {
			return ka
		}
	}
	if a.sp.scheme != b.sp.scheme {
		return a.sp.scheme == Employee
	}
	return a.from.After(b.from)
}

// stretch returns the run of consecutive benefit days, any enrollment,
// that contains segment sg (segs are sorted by first day).
func (e *engine) stretch(segs []segment, sg *segment) (from, to Date) {
	for i := 0; i < len(segs); {
		from, to = segs[i].from, segs[i].to
		j := i + 1
		for j < len(segs) && !segs[j].from.After(to.AddDate(0, 0, 1)) {
			if segs[j].to.After(to) {
				to = segs[j].to
			}
			j++
		}
		if within(sg.from, from, to) {
			return from, to
		}
		i = j
	}
	return sg.from, sg.to
}

// segmentStart is the first benefit day of span s after day, zero when it
// has none.
func (e *engine) segmentStart(segs []segment, s *span, day Date) Date {
	for i := range segs {
		if segs[i].sp == s && segs[i].from.After(day) {
			return segs[i].from
		}
	}
	return Date{}
}

func (e *engine) retireeRegion() string {
	var best *span
	for i := range e.h.spans {
		if s := &e.h.spans[i]; s.scheme == Employee && (best == nil || s.to > best.to) {
			best = s
		}
	}
	if best != nil {
		return best.region
	}
	if p := e.in.Person; p != nil {
		if p.WorkRegion != "" {
			return p.WorkRegion
		}
		return p.Residence
	}
	return ""
}

func lastSource(steps []Step) string {
	if len(steps) == 0 {
		return ""
	}
	return steps[len(steps)-1].Source
}

// explainKind says what an employee enrollment's kind means for coverage.
func (e *engine) explainKind(c *CoverageAnswer, s *span) {
	switch s.kind {
	case KindUnemployment:
		n := e.params(s.region).EmployeeBackpayMaxGapMonths.At(e.asOf).V
		addStep(&c.Explain, "coverage.unemployment", e.rs.citeDoc("shbxf", "第四十八条")+"；"+e.rs.citeDoc("ybbf2021-43", "第十一条"), "months", n)
	case KindMilitary:
		addStep(&c.Explain, "coverage.military", e.rs.citeDoc("js2022-transfer", "军人服现役年限"))
	}
}
