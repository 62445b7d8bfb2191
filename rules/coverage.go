package rules

import (
	"fmt"
	"sort"
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
	t := target{about: s.id, region: s.region, scheme: s.scheme, start: s.from, leading: s.leading}
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
		start := w.benefitsFrom
		if start.Before(s.from.First()) {
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
		from := Date{}
		for i := range e.h.spans {
			if s := &e.h.spans[i]; s.scheme == Employee {
				if d := (s.to + 1).First(); d.After(from) {
					from = d
				}
			}
		}
		segs = append(segs, segment{from: from, to: forever, retiree: true})
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
			paid := fmt.Sprintf("已缴费至%s", s.to)
			paidEn := fmt.Sprintf("paid through %s", s.to)
			if s.open {
				paid = fmt.Sprintf("仍在缴费（按已缴至%s计）", s.to)
				paidEn = fmt.Sprintf("still paying (counted as paid through %s)", s.to)
			}
			add("coverage.employee", fmt.Sprintf("%s职工医保（%s）%s：按月缴费，缴费月份享受待遇，停止缴费后次月起停止享受，待遇至%s。", c.RegionName, s.id, paid, formatDate(s.to.Last())),
				fmt.Sprintf("Employee insurance in %s (%s), %s: benefits in the months paid, ending after the last paid month, here %s.", regionNameEn(c.Region), s.id, paidEn, formatDate(s.to.Last())),
				e.rs.citeDoc("shbxf", "第二十三条"))
		} else {
			add("coverage.resident", fmt.Sprintf("%s城乡居民医保（%s）已缴费至%d年度：按年度缴费，待遇享受期至%s。", c.RegionName, s.id, s.to.Year(), formatDate(s.to.Last())),
				fmt.Sprintf("Resident insurance in %s (%s) paid for %d: yearly contributions, benefits until %s.", regionNameEn(c.Region), s.id, s.to.Year(), formatDate(s.to.Last())),
				e.rs.citeDoc("gbf2024-38", "居民医保按年度参保缴费"))
		}
		if sw := waits[e.h.byIdx[s.idx]]; sw.months > 0 && best.from.Equal(sw.benefitsFrom) {
			w := e.wait(spanTarget(s))
			add("coverage.waited", fmt.Sprintf("该段参保的%d个月待遇等待期已于%s结束。", w.Months, formatDate(w.benefitsFrom.AddDate(0, 0, -1))),
				fmt.Sprintf("This enrollment's %d-month waiting period ended on %s.", w.Months, formatDate(w.benefitsFrom.AddDate(0, 0, -1))),
				lastSource(w.Explain))
		}
		if until != forever && until.After(s.to.Last()) {
			add("coverage.continues", fmt.Sprintf("之后的参保记录无缝衔接，待遇连续至%s。", formatDate(until)),
				fmt.Sprintf("Later enrollments follow without a gap: benefits continue until %s.", formatDate(until)),
				e.rs.citeDoc("ybbf2021-43", "第十一条"))
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
			add("coverage.waiting", fmt.Sprintf("已参加%s（%s），但%s处于待遇等待期，%s起享受待遇。", schemeZh(s.scheme), s.id, formatDate(e.asOf), formatDate(start)),
				fmt.Sprintf("Enrolled (%s), but %s falls in the waiting period; benefits from %s.", s.id, formatDate(e.asOf), formatDate(start)),
				lastSource(w.Explain))
		} else {
			add("coverage.waiting", fmt.Sprintf("已参加%s（%s），但等待期超过本段参保期，本段不享受待遇。", schemeZh(s.scheme), s.id),
				fmt.Sprintf("Enrolled (%s), but the waiting period outlasts the enrollment: no benefits from it.", s.id),
				lastSource(w.Explain))
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
		add("coverage.future", fmt.Sprintf("参保记录（%s）自%s开始，%s尚未生效。", next.id, next.from, formatDate(e.asOf)),
			fmt.Sprintf("The enrollment (%s) starts in %s; it is not in force on %s.", next.id, next.from, formatDate(e.asOf)),
			e.rs.citeDoc("shbxf", "第二十三条"))
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
	add("coverage.lapsed", fmt.Sprintf("最后一段参保（%s，%s）至%s结束，%s不在参保期内，医保不支付。", last.id, schemeZh(last.scheme), formatDate(lastEnd), formatDate(e.asOf)),
		fmt.Sprintf("The last enrollment (%s) ended on %s; %s is not covered.", last.id, formatDate(lastEnd), formatDate(e.asOf)),
		e.rs.citeDoc("shbxf", "第二十三条"))
	if last.scheme == Employee {
		maxGap := e.rs.get("employee.backpayMaxGapMonths", last.region, e.asOf)
		deadline := (last.to + Month(maxGap.v.num) + 1).Last()
		if !e.asOf.After(deadline) {
			add("coverage.backpay", fmt.Sprintf("在%s前恢复缴费并补缴，中断不超过%d个月，待遇可追溯、不设等待期。", formatDate(deadline), maxGap.v.num),
				fmt.Sprintf("Resume paying and back-pay by %s (interruption within %d months): benefits are retroactive with no wait.", formatDate(deadline), maxGap.v.num),
				e.rs.cite(maxGap.v))
		}
	}
	if next != nil {
		start := e.segmentStart(segs, next, e.asOf)
		if !start.IsZero() {
			add("coverage.next", fmt.Sprintf("下一段参保（%s）%s起享受待遇。", next.id, formatDate(start)),
				fmt.Sprintf("The next enrollment (%s) pays benefits from %s.", next.id, formatDate(start)),
				e.rs.citeDoc("shbxf", "第二十三条"))
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
	if keep != nil {
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
