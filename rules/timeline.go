package rules

import "time"

// maxTimelineMonths bounds the months drawn (a century), whatever the dates.
const maxTimelineMonths = 1200

// monthKind is a kind of month on the timeline; monthKinds names them.
type monthKind uint8

// Month kinds of the timeline.
const (
	monthCovered monthKind = iota
	monthGap
	monthWaiting
	monthBackpaid
	monthDuplicated
	monthPlanned
)

var monthKinds = [...]string{"covered", "gap", "waiting", "backpaid", "duplicated", "planned"}

// timeline lays out the months of the answer from the same evaluation: the
// benefit days of each enrollment (segments), the duplicated months and the
// waiting answer.
func (e *engine) timeline(segs []segment, out *Output) Timeline {
	n := min(len(e.in.Enrollments), MaxOverlapsListed)
	tl := Timeline{Lanes: make([]TimelineLane, 0, n+2)}
	asOf := monthOfDate(e.asOf)
	lo, hi := asOf, asOf
	for i := 0; i < n; i++ {
		s := &e.h.spans[e.h.byIdx[i]]
		lo, hi = min(lo, s.from), max(hi, s.to)
	}
	w := out.Waiting
	var planFrom, planTo, waitFrom Month = -1, -2, -1
	if w != nil && w.About == "plan" && e.in.Plan != nil {
		waitFrom = monthOfDate(e.payOn)
		if w.Scheme == Resident && w.InWindow != nil && *w.InWindow && len(w.BenefitYears) > 0 {
			waitFrom = monthOf(w.BenefitYears[0], time.January)
		}
		planTo = waitFrom + 11
		if b, ok := parseDate(w.BenefitsFrom); ok {
			planFrom = monthOfDate(b)
			if b.Day() != 1 {
				planFrom++ // benefits start within the month: that month still waits
			}
			planTo = max(planTo, planFrom+11)
		}
		if w.Scheme == Resident && len(w.BenefitYears) > 0 {
			planTo = monthOf(w.BenefitYears[len(w.BenefitYears)-1], time.December)
		}
		hi = max(hi, planTo)
	}
	if int(hi-lo) >= maxTimelineMonths {
		lo = hi - maxTimelineMonths + 1
	}
	lo, hi = monthOf(lo.Year(), time.January), monthOf(hi.Year(), time.December)
	tl.From, tl.To = lo, hi

	var dup map[string][]ival
	if len(out.Duplicates.Overlaps) > 0 {
		dup = map[string][]ival{}
	}
	for _, o := range out.Duplicates.Overlaps {
		f, ok1 := parseMonth(o.From)
		t, ok2 := parseMonth(o.To)
		if ok1 && ok2 {
			dup[o.A] = append(dup[o.A], ival{f, t})
			dup[o.B] = append(dup[o.B], ival{f, t})
		}
	}
	// Benefit days as months: a month is covered when any of its days is.
	type months struct{ from, to Month }
	segMonths := make([]months, len(segs))
	// own[i]: the benefit months of spans[i], from segs (in order).
	own := make([][]months, len(e.h.spans))
	for i, sg := range segs {
		segMonths[i] = months{monthOfDate(sg.from), monthOfDate(sg.to)}
		if sg.sp != nil && !sg.retiree {
			p := e.h.pos(sg.sp)
			own[p] = append(own[p], segMonths[i])
		}
	}
	covered := func(list []months, m Month) bool {
		for _, x := range list {
			if x.from <= m && m <= x.to {
				return true
			}
		}
		return false
	}
	// The summary lane: covered on any day of the month, waiting when paid
	// but not yet paying, a gap otherwise; up to asOf or the last paid
	// month. Segments (sorted by first day) and paid months are walked once.
	last := min(max(asOf, e.lastPaid()), hi)
	b := runBuilder{runs: make([]monthRun, 0, 16)}
	si, pi, paid := 0, 0, e.h.all
	reach := Month(-1) // the latest benefit month of the segments started so far
	for m := lo; m <= last; m++ {
		for si < len(segMonths) && segMonths[si].from <= m {
			reach = max(reach, segMonths[si].to)
			si++
		}
		for pi < len(paid) && paid[pi].to < m {
			pi++
		}
		k := monthGap
		switch {
		case reach >= m:
			k = monthCovered
		case pi < len(paid) && paid[pi].from <= m:
			k = monthWaiting
		}
		b.add(m, k)
	}
	tl.Lanes = append(tl.Lanes, TimelineLane{About: "all", Runs: b.done()})
	for i := 0; i < n; i++ {
		p := e.h.byIdx[i]
		s := &e.h.spans[p]
		d, o := dup[s.id], own[p]
		for m := max(s.from, lo); m <= min(s.to, hi); m++ {
			k := monthCovered
			switch {
			case len(d) > 0 && inAny(d, m):
				k = monthDuplicated
			case s.isBackpaid(m):
				k = monthBackpaid
			case !covered(o, m):
				k = monthWaiting
			}
			b.add(m, k)
		}
		tl.Lanes = append(tl.Lanes, TimelineLane{About: s.id, Runs: b.done()})
	}
	if waitFrom >= 0 {
		for m := max(waitFrom, lo); m <= min(planTo, hi); m++ {
			k := monthWaiting
			if planFrom >= 0 && m >= planFrom {
				k = monthPlanned
			}
			b.add(m, k)
		}
		tl.Lanes = append(tl.Lanes, TimelineLane{About: "plan", Runs: b.done()})
	}
	return tl
}

// lastPaid is the last month any enrollment is paid for.
func (e *engine) lastPaid() Month {
	last := Month(0)
	for i := range e.h.spans {
		last = max(last, e.h.spans[i].to)
	}
	return last
}

func inAny(ivs []ival, m Month) bool {
	for _, iv := range ivs {
		if iv.from <= m && iv.to >= m {
			return true
		}
	}
	return false
}

// runBuilder merges consecutive months of one kind into runs; one builder
// serves every lane (done empties it).
type runBuilder struct {
	runs []monthRun
}

type monthRun struct {
	_        noCompare
	kind     monthKind
	from, to Month
}

func (b *runBuilder) add(m Month, kind monthKind) {
	if n := len(b.runs); n > 0 && b.runs[n-1].kind == kind && b.runs[n-1].to == m-1 {
		b.runs[n-1].to = m
		return
	}
	b.runs = append(b.runs, monthRun{kind: kind, from: m, to: m})
}

// done is the lane's runs, [] when it has none.
func (b *runBuilder) done() []MonthRun {
	out := make([]MonthRun, len(b.runs))
	for i, r := range b.runs {
		out[i] = MonthRun{Kind: monthKinds[r.kind], From: r.from, To: r.to}
	}
	b.runs = b.runs[:0]
	return out
}
