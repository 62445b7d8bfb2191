package rules

import (
	"slices"
	"time"
)

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
	r := e.timelineRange(out, n)
	lo, hi, planFrom, planTo, waitFrom := r.from, r.to, r.planFrom, r.planTo, r.waitFrom
	tl.From, tl.To = lo, hi

	// Benefit days as months: a month is covered when any of its days is.
	sc := &e.scratch
	segMonths := zeroed(sc.segMonths, len(segs))
	// The benefit months of spans[p] are ownMonths[ownAt[p]:ownAt[p+1]],
	// in the order of segs (one array for all spans).
	ownAt := zeroed(sc.ownAt, len(e.h.spans)+1)
	for i, sg := range segs {
		segMonths[i] = ival{monthOfDate(sg.from), monthOfDate(sg.to)}
		if sg.sp != nil && !sg.retiree {
			ownAt[e.h.pos(sg.sp)+1]++
		}
	}
	for p := range e.h.spans {
		ownAt[p+1] += ownAt[p]
	}
	ownMonths := zeroed(sc.ownMonths, ownAt[len(e.h.spans)])
	filled := zeroed(sc.filled, len(e.h.spans))
	sc.segMonths, sc.ownAt, sc.ownMonths, sc.filled = segMonths, ownAt, ownMonths, filled
	for i, sg := range segs {
		if sg.sp != nil && !sg.retiree {
			p := e.h.pos(sg.sp)
			ownMonths[ownAt[p]+filled[p]] = segMonths[i]
			filled[p]++
		}
	}
	// The work follows the enrollments, not the months: the summary lane
	// jumps from stretch to stretch; the other lanes are cut at the months
	// where their kind may change, and each stretch between two cuts gets
	// the kind of its first month.
	c := &sc.cuts
	b := runBuilder{runs: make([]MonthRun, 0, 4*(n+2)), ends: make([]int, 0, n+2)}

	// The summary lane: covered on any day of the month, waiting when paid
	// but not yet paying, a gap otherwise; up to asOf or the last paid
	// month. Segments (sorted by first day) and paid months are walked once,
	// a stretch of one kind at a time.
	last := min(max(asOf, e.lastPaid()), hi)
	paid := e.h.all
	si, pi := 0, 0
	reach := Month(-1) // the latest benefit month of the segments started so far
	for m := lo; m <= last; {
		for si < len(segMonths) && segMonths[si].from <= m {
			reach = max(reach, segMonths[si].to)
			si++
		}
		for pi < len(paid) && paid[pi].to < m {
			pi++
		}
		k, end := monthCovered, reach
		if reach < m {
			// Not covered until the next segment starts; paid or not
			// until the paid months start or end.
			end = last
			if si < len(segMonths) {
				end = segMonths[si].from - 1
			}
			k = monthGap
			switch {
			case pi < len(paid) && paid[pi].from <= m:
				k, end = monthWaiting, min(end, paid[pi].to)
			case pi < len(paid):
				end = min(end, paid[pi].from-1)
			}
		}
		end = min(end, last)
		b.add(ival{m, end}, k)
		m = end + 1
	}
	b.done()
	tl.Lanes = append(tl.Lanes, TimelineLane{About: "all"})

	laneDup := sc.laneDup[:0] // the lane's duplicated months (one array for all lanes)
	for i := 0; i < n; i++ {
		p := e.h.byIdx[i]
		s := &e.h.spans[p]
		c.reset(max(s.from, lo), min(s.to, hi))
		d := laneDup[:0]
		for _, x := range e.overlaps { // the duplicated months, as listed
			if x.a == s || x.b == s {
				d = append(d, x.iv)
				c.add(x.iv.from, x.iv.to)
			}
		}
		laneDup = d
		c.add(s.from, s.from+Month(s.leading)-1)
		for m := range s.backpaid {
			c.add(m, m)
		}
		o := ownMonths[ownAt[p]:ownAt[p+1]]
		for _, x := range o {
			c.add(x.from, x.to)
		}
		for _, r := range c.stretches() {
			m := r.from
			k := monthCovered
			switch {
			case len(d) > 0 && inAny(d, m):
				k = monthDuplicated
			case s.isBackpaid(m):
				k = monthBackpaid
			case !inAny(o, m):
				k = monthWaiting
			}
			b.add(r, k)
		}
		b.done()
		tl.Lanes = append(tl.Lanes, TimelineLane{About: s.id})
	}
	if waitFrom >= 0 {
		c.reset(max(waitFrom, lo), min(planTo, hi))
		if planFrom >= 0 {
			c.add(planFrom, planTo)
		}
		for _, r := range c.stretches() {
			k := monthWaiting
			if planFrom >= 0 && r.from >= planFrom {
				k = monthPlanned
			}
			b.add(r, k)
		}
		b.done()
		tl.Lanes = append(tl.Lanes, TimelineLane{About: "plan"})
	}
	sc.laneDup = laneDup
	b.fill(tl.Lanes)
	return tl
}

// timelineMonths is the months a timeline draws: whole years from the first
// of the n enrollments drawn to the last, or to the plan's months, at most
// maxTimelineMonths (and a little more to end the years); and the plan's:
// waiting from waitFrom, planned (benefits) from planFrom to planTo
// (waitFrom < 0 for no plan, planFrom < 0 for no benefits).
type timelineMonths struct {
	from, to                   Month
	waitFrom, planFrom, planTo Month
}

func (e *engine) timelineRange(out *Output, n int) timelineMonths {
	asOf := monthOfDate(e.asOf)
	lo, hi := asOf, asOf
	for i := 0; i < n; i++ {
		s := &e.h.spans[e.h.byIdx[i]]
		lo, hi = min(lo, s.from), max(hi, s.to)
	}
	w := out.Waiting
	r := timelineMonths{waitFrom: -1, planFrom: -1, planTo: -2}
	if w != nil && w.About == "plan" && e.in.Plan != nil {
		r.waitFrom = monthOfDate(e.payOn)
		if w.Scheme == Resident && w.InWindow != nil && *w.InWindow && len(w.BenefitYears) > 0 {
			r.waitFrom = monthOf(w.BenefitYears[0], time.January)
		}
		r.planTo = r.waitFrom + 11
		if b, ok := parseDate(w.BenefitsFrom); ok {
			r.planFrom = monthOfDate(b)
			if b.Day() != 1 {
				r.planFrom++ // benefits start within the month: that month still waits
			}
			r.planTo = max(r.planTo, r.planFrom+11)
		}
		if w.Scheme == Resident && len(w.BenefitYears) > 0 {
			r.planTo = monthOf(w.BenefitYears[len(w.BenefitYears)-1], time.December)
		}
		hi = max(hi, r.planTo)
	}
	if int(hi-lo) >= maxTimelineMonths {
		lo = hi - maxTimelineMonths + 1
	}
	r.from, r.to = monthOf(lo.Year(), time.January), monthOf(hi.Year(), time.December)
	return r
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

// runBuilder merges consecutive months of one kind into runs, lane after
// lane, in one array; done ends a lane, and fill gives the lanes their
// runs from that array.
type runBuilder struct {
	runs     []MonthRun
	lastKind monthKind // the kind of the last run
	start    int       // the first run of the lane being built
	ends     []int     // ends[k]: the end of lane k's runs
}

// add appends the months of r, of one kind, to the lane being built.
func (b *runBuilder) add(r ival, kind monthKind) {
	if n := len(b.runs); n > b.start && b.lastKind == kind && b.runs[n-1].To == r.from-1 {
		b.runs[n-1].To = r.to
		return
	}
	b.runs = append(b.runs, MonthRun{Kind: monthKinds[kind], From: r.from, To: r.to})
	b.lastKind = kind
}

// done ends the lane being built.
func (b *runBuilder) done() {
	b.ends = append(b.ends, len(b.runs))
	b.start = len(b.runs)
}

// fill sets the runs of lanes, one per done in order; a lane without runs
// has [].
func (b *runBuilder) fill(lanes []TimelineLane) {
	if b.runs == nil {
		b.runs = []MonthRun{}
	}
	from := 0
	for k, end := range b.ends {
		lanes[k].Runs = b.runs[from:end:end]
		from = end
	}
}

// cuts splits the months of a lane into stretches at the months where its
// kind may change: the first month of each interval added and the month
// after its last. One cuts serves every lane (reset starts the next).
type cuts struct {
	from, to Month
	at       []Month // the months that start a stretch, in no order
	runs     []ival
}

// reset starts a lane of the months from … to (none when to < from).
func (c *cuts) reset(from, to Month) {
	c.from, c.to = from, to
	c.at = append(c.at[:0], from)
}

// add marks the months from … to as a possible stretch of their own.
func (c *cuts) add(from, to Month) {
	if from > c.from && from <= c.to {
		c.at = append(c.at, from)
	}
	if to >= c.from && to < c.to {
		c.at = append(c.at, to+1)
	}
}

// stretches is the lane cut at the months marked, in order.
func (c *cuts) stretches() []ival {
	c.runs = c.runs[:0]
	if c.to < c.from {
		return c.runs
	}
	slices.Sort(c.at)
	at := slices.Compact(c.at)
	for i, m := range at {
		end := c.to
		if i+1 < len(at) {
			end = at[i+1] - 1
		}
		c.runs = append(c.runs, ival{m, end})
	}
	return c.runs
}
