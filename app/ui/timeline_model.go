package ui

import (
	"strconv"
	"strings"

	"yibao/rules"
)

// Kinds of month on the timeline.
const (
	monthCovered    = "covered"
	monthGap        = "gap"
	monthWaiting    = "waiting"
	monthBackpaid   = "backpaid"
	monthDuplicated = "duplicated"
	monthPlanned    = "planned"
)

// timelineKinds is the legend's order.
var timelineKinds = [...]string{monthCovered, monthBackpaid, monthDuplicated, monthWaiting, monthGap, monthPlanned}

func (l lang) monthKindName(k string) string {
	switch k {
	case monthCovered:
		return l.s("已参保", "Covered")
	case monthGap:
		return l.s("断缴", "Gap")
	case monthWaiting:
		return l.s("等待期", "Waiting")
	case monthBackpaid:
		return l.s("补缴", "Back-paid")
	case monthDuplicated:
		return l.s("重复参保", "Duplicated")
	case monthPlanned:
		return l.s("计划参保", "Planned")
	}
	return k
}

// maxTimelineMonths bounds the drawing (a century), whatever the dates.
const maxTimelineMonths = 1200

// segment is a run of months [From, To] (month indexes, inclusive) of one kind.
type segment struct {
	Kind     string
	From, To int
}

// lane is one row of the timeline.
type lane struct {
	Label    string
	Segments []segment
}

// timelineModel is what the SVG draws.
type timelineModel struct {
	Start, End int // first and last month shown (January … December)
	AsOf       int // month of asOf, or -1
	Lanes      []lane
}

// buildTimeline lays out the months of the form and the answer. It works on
// the form alone when out is nil (nothing computed yet), and skips rows that
// cannot be read.
func buildTimeline(l lang, f formState, out *rules.Output) (timelineModel, bool) {
	asOf, asOfOK := monthIndex(f.AsOf)
	type span struct {
		id       string
		from, to int
	}
	var spans []span
	lo, hi := 1<<30, -1
	for _, e := range f.Enrollments {
		from, ok := monthIndex(e.From)
		if !ok || !validMonth(e.From) {
			continue
		}
		to := from
		switch {
		case e.To == "" && asOfOK:
			to = max(from, asOf)
		case e.To != "":
			t, ok := monthIndex(e.To)
			if !ok || t < from {
				continue
			}
			to = t
		}
		spans = append(spans, span{e.ID, from, to})
		lo, hi = min(lo, from), max(hi, to)
	}
	if len(spans) == 0 {
		return timelineModel{}, false
	}
	spanHi := hi
	if asOfOK {
		hi = max(hi, asOf)
	} else {
		asOf = -1
	}
	var wait *rules.WaitingAnswer
	if out != nil && out.Waiting != nil {
		wait = out.Waiting
	}
	waitFrom, waitTo := -1, -2 // waiting months, inclusive
	planFrom := -1
	if wait != nil {
		if b, ok := monthIndex(wait.BenefitsFrom); ok {
			waitTo = b - 1
			if !strings.HasSuffix(wait.BenefitsFrom, "-01") {
				waitTo = b // benefits start within the month: that month waits too
			}
			planFrom = b
			hi = max(hi, b+2)
		}
		if w, ok := monthIndex(wait.WaitFrom); ok && wait.Months > 0 {
			waitFrom = w
		} else if wait.Months > 0 && waitTo >= 0 {
			waitFrom = waitTo - wait.Months + 1
		}
	}
	if hi-lo >= maxTimelineMonths { // absurd dates: draw the last century
		lo = hi - maxTimelineMonths + 1
	}
	m := timelineModel{Start: lo - lo%12, End: hi - hi%12 + 11, AsOf: asOf}

	overlaps := map[string][][2]int{}
	if out != nil {
		for _, o := range out.Duplicates.Overlaps {
			a, ok1 := monthIndex(o.From)
			b, ok2 := monthIndex(o.To)
			if ok1 && ok2 {
				overlaps[o.A] = append(overlaps[o.A], [2]int{a, b})
				overlaps[o.B] = append(overlaps[o.B], [2]int{a, b})
			}
		}
	}

	covered := make(map[int]bool)
	for i, e := range f.Enrollments {
		var sp *span
		for j := range spans {
			if spans[j].id == e.ID {
				sp = &spans[j]
				break
			}
		}
		if sp == nil {
			continue
		}
		back := backpaidSet(e, sp.from)
		var kinds []string
		start := max(sp.from, lo)
		for mo := start; mo <= sp.to; mo++ {
			k := monthCovered
			if back[mo] {
				k = monthBackpaid
			}
			for _, o := range overlaps[e.ID] {
				if mo >= o[0] && mo <= o[1] {
					k = monthDuplicated
				}
			}
			if wait != nil && wait.About == e.ID && mo >= waitFrom && mo <= waitTo {
				k = monthWaiting
			} else {
				covered[mo] = true
			}
			kinds = append(kinds, k)
		}
		label := "#" + strconv.Itoa(i+1) + " " + shortRegion(e.Region) + " " + l.s(schemeShort(e.Scheme), "")
		m.Lanes = append(m.Lanes, lane{Label: strings.TrimSpace(label), Segments: runs(start, kinds)})
	}
	if wait != nil && wait.About == "plan" && f.HasPlan && planFrom >= 0 {
		var kinds []string
		start := max(waitFrom, lo)
		if waitFrom < 0 || waitFrom > planFrom {
			start = planFrom
		}
		for mo := start; mo <= m.End; mo++ {
			switch {
			case mo >= waitFrom && mo <= waitTo:
				kinds = append(kinds, monthWaiting)
			case mo >= planFrom:
				kinds = append(kinds, monthPlanned)
			default:
				kinds = append(kinds, "")
			}
		}
		m.Lanes = append(m.Lanes, lane{Label: l.s("计划", "Plan") + " " + shortRegion(f.Plan.Region), Segments: runs(start, kinds)})
	}
	// The summary row: covered or not, month by month, up to asOf (or the
	// last paid month).
	last := hi
	if asOf >= 0 {
		last = max(asOf, spanHi)
	}
	var kinds []string
	for mo := lo; mo <= last; mo++ {
		switch {
		case covered[mo]:
			kinds = append(kinds, monthCovered)
		case mo >= waitFrom && mo <= waitTo:
			kinds = append(kinds, monthWaiting)
		default:
			kinds = append(kinds, monthGap)
		}
	}
	summary := lane{Label: l.s("合计", "All"), Segments: runs(lo, kinds)}
	m.Lanes = append([]lane{summary}, m.Lanes...)
	return m, true
}

// backpaidSet lists the back-paid months of an enrollment.
func backpaidSet(e formEnrollment, from int) map[int]bool {
	set := map[int]bool{}
	t := strings.TrimSpace(e.Backpaid)
	if t == "" {
		return set
	}
	if n, err := strconv.Atoi(t); err == nil {
		for i := 0; i < min(n, maxTimelineMonths); i++ {
			set[from+i] = true
		}
		return set
	}
	for _, m := range backpaidMonths(t) {
		if i, ok := monthIndex(m); ok {
			set[i] = true
		}
	}
	return set
}

// runs merges consecutive months of the same kind ("" for nothing).
func runs(start int, kinds []string) []segment {
	var out []segment
	for i, k := range kinds {
		mo := start + i
		if n := len(out); n > 0 && out[n-1].Kind == k && out[n-1].To == mo-1 {
			out[n-1].To = mo
			continue
		}
		out = append(out, segment{Kind: k, From: mo, To: mo})
	}
	filtered := out[:0]
	for _, s := range out {
		if s.Kind != "" {
			filtered = append(filtered, s)
		}
	}
	return filtered
}

func schemeShort(s string) string {
	switch s {
	case "employee":
		return "职工"
	case "resident":
		return "居民"
	}
	return ""
}

// shortRegion is a region's name without its suffix, for tight places.
func shortRegion(code string) string {
	r, ok := rules.LookupRegion(code)
	if !ok {
		return code
	}
	name := r.Name
	for _, suf := range []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "省", "市", "盟"} {
		if strings.HasSuffix(name, suf) && len([]rune(name)) > len([]rune(suf))+1 {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// regionName is a region's full name, or its code when unknown.
func regionName(code string) string {
	if r, ok := rules.LookupRegion(code); ok {
		return r.Name
	}
	return code
}
