package rules

import (
	"fmt"
	"math/rand"
	"reflect"
	"sync"
	"testing"
)

// The timeline is built stretch by stretch; this is the month-by-month
// way it was first built, kept as the reference it must agree with.
func (e *engine) timelineByMonth(segs []segment, out *Output) Timeline {
	n := min(len(e.in.Enrollments), MaxOverlapsListed)
	tl := Timeline{Lanes: make([]TimelineLane, 0, n+2)}
	asOf := monthOfDate(e.asOf)
	r := e.timelineRange(out, n)
	lo, hi, planFrom, planTo, waitFrom := r.from, r.to, r.planFrom, r.planTo, r.waitFrom
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
	b := monthByMonth{}
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
	tl.Lanes = append(tl.Lanes, TimelineLane{About: "all", Runs: b.lane()})
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
		tl.Lanes = append(tl.Lanes, TimelineLane{About: s.id, Runs: b.lane()})
	}
	if waitFrom >= 0 {
		for m := max(waitFrom, lo); m <= min(planTo, hi); m++ {
			k := monthWaiting
			if planFrom >= 0 && m >= planFrom {
				k = monthPlanned
			}
			b.add(m, k)
		}
		tl.Lanes = append(tl.Lanes, TimelineLane{About: "plan", Runs: b.lane()})
	}
	return tl
}

// monthByMonth merges months into runs, a month at a time.
type monthByMonth struct{ runs []MonthRun }

func (b *monthByMonth) add(m Month, kind monthKind) {
	if n := len(b.runs); n > 0 && b.runs[n-1].Kind == monthKinds[kind] && b.runs[n-1].To == m-1 {
		b.runs[n-1].To = m
		return
	}
	b.runs = append(b.runs, MonthRun{Kind: monthKinds[kind], From: m, To: m})
}

func (b *monthByMonth) lane() []MonthRun {
	out := append([]MonthRun{}, b.runs...)
	b.runs = b.runs[:0]
	return out
}

// The timeline cut at the months where a lane's kind may change is the
// timeline made month by month, over generated histories with back-paid
// months, duplicates, late resident payments and plans.
func TestTimelineAgreesMonthByMonth(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(7))
	ins := []Input{history40()}
	for i := 0; i < 3000; i++ {
		day := genDay(r)
		es := genHistory(r, day)
		for j := range es {
			f, _ := parseMonth(es[j].From)
			switch k := r.Intn(4); {
			case es[j].Scheme == Resident && k == 0:
				es[j].PaidOn = formatDate(f.First().AddDate(1, r.Intn(12)-12, r.Intn(28)))
			case es[j].Scheme == Employee && k == 0:
				es[j].Backpaid = Months{es[j].From}
			case es[j].Scheme == Employee && k == 1:
				es[j].Backpaid = Months{(f + 2).String(), (f + 4).String()}
			}
		}
		if r.Intn(3) == 0 { // another enrollment at the same time: duplicates
			es = append(es, emp("dup", propRegions[r.Intn(len(propRegions))], monthOfDate(day).String(), ""))
		}
		var p *Plan
		if r.Intn(2) == 0 {
			scheme := []string{Employee, Resident}[r.Intn(2)]
			p = plan(propRegions[r.Intn(len(propRegions))], scheme, formatDate(day.AddDate(0, 0, r.Intn(60))), r.Intn(2))
		}
		ins = append(ins, input(formatDate(day), nil, p, es...))
	}
	refused := 0
	for _, in := range ins {
		c, err := Check(in)
		if err != nil {
			refused++ // a generated history the contract refuses
			continue
		}
		out := rs.EvaluateCase(c)
		e := &engine{rs: rs, Case: c}
		segs, _ := e.segments()
		if want := e.timelineByMonth(segs, &out); !reflect.DeepEqual(out.Timeline, want) {
			t.Fatalf("%+v:\n got %+v\nwant %+v", in, out.Timeline, want)
		}
	}
	if refused > len(ins)/10 {
		t.Errorf("%d of %d generated histories refused: the test checks too few", refused, len(ins))
	}
}

// Engines and their scratch space are reused between evaluations
// (engines): evaluations running at once, as the server's do, give each
// the answer it gives alone.
func TestEvaluateConcurrently(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	var ins []Input
	var want []Output
	for len(ins) < 200 {
		day := genDay(r)
		in := input(formatDate(day), nil, nil, genHistory(r, day)...)
		if len(ins)%3 == 0 {
			in.Enrollments = append(in.Enrollments, emp("dup", propRegions[r.Intn(len(propRegions))], monthOfDate(day).String(), ""))
		}
		out, err := Evaluate(in)
		if err != nil {
			continue
		}
		ins, want = append(ins, in), append(want, out)
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(ins))
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := range ins {
				i := (i + w*50) % len(ins)
				got, err := Evaluate(ins[i])
				if err != nil || !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("input %d evaluated at once with others: a different answer (%v)", i, err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
