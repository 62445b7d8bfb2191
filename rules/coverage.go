package rules

import (
	"sort"
	"strconv"
	"time"
)

// segment is a stretch of days on which an enrollment pays benefits.
type segment struct {
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
	segs := make([]segment, 0, len(e.h.spans)+1)
	waits := make([]spanWait, len(e.h.spans))
	for i := range e.h.spans {
		s := &e.h.spans[i]
		t := spanTarget(s)
		t.quiet = true
		w := e.wait(t)
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
				fixed := e.rs.get("resident.fixedWaitMonths", s.region, s.paidOn)
				lateStart := addMonths(s.paidOn, fixed.v.num)
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
	if e.retired() {
		// The retiree draws employee benefits from the last employee
		// enrollment, with no end (社会保险法 第二十七条).
		seg := segment{retiree: true, to: forever}
		for i := range e.h.spans {
			if s := &e.h.spans[i]; s.retiree {
				seg.sp, seg.from = s, (s.to + 1).First()
			}
		}
		segs = append(segs, seg)
	}
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].from.Before(segs[j].from) })
	return segs, waits
}

func within(d, from, to Date) bool { return !d.Before(from) && !d.After(to) }

// coverage answers "is the person covered on asOf?" from the enrollments'
// benefit days (社会保险法 第二十三条、第二十七条; 国办发〔2024〕38号).
func (e *engine) coverage(segs []segment, waits []spanWait, keep *string) CoverageAnswer {
	c := CoverageAnswer{Status: StatusNone, Explain: []Step{}}
	add := func(rule, zh, en, src string) {
		c.Explain = append(c.Explain, Step{Rule: rule, Zh: zh, En: en, Source: src})
	}
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
	if best != nil {
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
			add("coverage.retired", "已退休且职工医保累计缴费达到规定年限：退休后不再缴费，按规定享受职工医保待遇，终身有效。",
				"Retired with the required contribution years: no more contributions, lifetime employee benefits.",
				e.rs.citeDoc("shbxf", "第二十七条"))
			return c
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
			paid := "已缴费至" + s.to.String()
			paidEn := "paid through " + s.to.String()
			if s.open {
				paid = "仍在缴费（按已缴至" + s.to.String() + "计）"
				paidEn = "still paying (counted as paid through " + s.to.String() + ")"
			}
			add("coverage.employee", c.RegionName+"职工医保（"+s.id+"）"+paid+"：按月缴费，缴费月份享受待遇，停止缴费后次月起停止享受，待遇至"+formatDate(s.to.Last())+"。", "Employee insurance in "+
				regionNameEn(c.Region)+" ("+s.id+"), "+paidEn+": benefits in the months paid, ending after the last paid month, here "+formatDate(s.to.Last())+".", e.rs.citeDoc("shbxf", "第二十三条"))
		} else {
			add("coverage.resident", c.RegionName+"城乡居民医保（"+s.id+"）已缴费至"+strconv.Itoa(int(s.to.Year()))+"年度：按年度缴费，待遇享受期至"+formatDate(s.to.Last())+"。", "Resident insurance in "+
				regionNameEn(c.Region)+" ("+s.id+") paid for "+strconv.Itoa(int(s.to.Year()))+": yearly contributions, benefits until "+formatDate(s.to.Last())+".", e.rs.citeDoc("gbf2024-38", "居民医保按年度参保缴费"))
		}
		if sw := waits[e.h.byIdx[s.idx]]; sw.months > 0 && best.from.Equal(sw.benefitsFrom) {
			w := e.wait(spanTarget(s))
			add("coverage.waited", "该段参保的"+strconv.Itoa(int(w.Months))+"个月待遇等待期已于"+formatDate(w.benefitsFrom.AddDate(0, 0, -1))+"结束。", "This enrollment's "+strconv.Itoa(int(w.Months))+"-month waiting period ended on "+formatDate(w.benefitsFrom.AddDate(0, 0, -1))+".", lastSource(w.Explain))
		}
		if until != forever && until.After(s.to.Last()) {
			add("coverage.continues", "之后的参保记录无缝衔接，待遇连续至"+formatDate(until)+"。", "Later enrollments follow without a gap: benefits continue until "+
				formatDate(until)+".", e.rs.citeDoc("ybbf2021-43", "第十一条"))
		}
		return c
	}
	// Not covered: enrolled but waiting, enrolled for later, or lapsed.
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if !within(e.asOf, s.from.First(), s.to.Last()) {
			continue
		}
		w := e.wait(spanTarget(s))
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
			add("coverage.waiting", "已参加"+schemeText(s.scheme).Zh+"（"+s.id+"），但"+formatDate(e.asOf)+"处于待遇等待期，"+formatDate(start)+"起享受待遇。", "Enrolled ("+
				s.id+"), but "+formatDate(e.asOf)+" falls in the waiting period; benefits from "+formatDate(start)+".", lastSource(w.Explain))
		} else {
			add("coverage.waiting", "已参加"+schemeText(s.scheme).Zh+"（"+s.id+"），但等待期超过本段参保期，本段不享受待遇。", "Enrolled ("+
				s.id+"), but the waiting period outlasts the enrollment: no benefits from it.", lastSource(w.Explain))
		}
		c.Explain = append(c.Explain, w.Explain...)
		return c
	}
	var next *span
	var lastEnd Date
	var last *span
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
	if next != nil && last == nil {
		c.Status = StatusFuture
		c.Enrollment = strp(next.id)
		c.Region, c.Scheme = next.region, next.scheme
		c.RegionName = regionName(next.region)
		start := e.segmentStart(segs, next, e.asOf)
		c.From = datep(start)
		add("coverage.future", "参保记录（"+next.id+"）自"+next.from.String()+"开始，"+formatDate(e.asOf)+"尚未生效。", "The enrollment ("+
			next.id+") starts in "+next.from.String()+"; it is not in force on "+formatDate(e.asOf)+".", e.rs.citeDoc("shbxf", "第二十三条"))
		return c
	}
	if last == nil {
		add("coverage.none", "没有参保记录：未参加基本医疗保险，医保不支付医疗费用。",
			"No enrollment: not insured, medical insurance pays nothing.",
			e.rs.citeDoc("shbxf", "第二十三条"))
		return c
	}
	c.Status = StatusLapsed
	c.Enrollment = strp(last.id)
	c.Region, c.Scheme = last.region, last.scheme
	c.RegionName = regionName(last.region)
	c.Until = datep(lastEnd)
	add("coverage.lapsed", "最后一段参保（"+last.id+"，"+schemeText(last.scheme).Zh+"）至"+formatDate(lastEnd)+"结束，"+formatDate(e.asOf)+"不在参保期内，医保不支付。", "The last enrollment ("+
		last.id+") ended on "+formatDate(lastEnd)+"; "+formatDate(e.asOf)+" is not covered.", e.rs.citeDoc("shbxf", "第二十三条"))
	if last.scheme == Employee {
		maxGap := e.rs.get("employee.backpayMaxGapMonths", last.region, e.asOf)
		deadline := (last.to + Month(maxGap.v.num) + 1).Last()
		if !e.asOf.After(deadline) {
			add("coverage.backpay", "在"+formatDate(deadline)+"前恢复缴费并补缴，中断不超过"+strconv.Itoa(int(maxGap.v.num))+"个月，待遇可追溯、不设等待期。", "Resume paying and back-pay by "+
				formatDate(deadline)+" (interruption within "+strconv.Itoa(int(maxGap.v.num))+" months): benefits are retroactive with no wait.", e.rs.cite(maxGap.v))
		}
	}
	if next != nil {
		start := e.segmentStart(segs, next, e.asOf)
		if !start.IsZero() {
			add("coverage.next", "下一段参保（"+next.id+"）"+formatDate(start)+"起享受待遇。", "The next enrollment ("+
				next.id+") pays benefits from "+formatDate(start)+".", e.rs.citeDoc("shbxf", "第二十三条"))
		}
	}
	return c
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
