package rules

import "sort"

// span is one enrollment, normalized: months resolved, dates parsed.
type span struct {
	idx      int // position in Input.Enrollments
	id       string
	name     string // how the explanations name it: its label, else its id
	region   string
	scheme   string
	from, to Month // inclusive; an open end is resolved against asOf
	open     bool
	paidOn   Date // zero when not given
	// leading is the number of back-paid months at the start of the span.
	leading int
	// backpaid holds the back-paid months listed (nil for a count, which
	// is leading alone).
	backpaid map[Month]bool
	kind     string // Enrollment.Kind
	// end is the last month the span counts as coverage for gaps, broken
	// years and duplicates: to, or, for the employee enrollment a retiree
	// draws benefits from, no end (退休人员按规定享受职工医保待遇).
	end Month
	// retiree marks that employee enrollment.
	retiree bool
}

// isBackpaid reports whether month m of the span was paid afterwards.
func (s *span) isBackpaid(m Month) bool {
	return m >= s.from && m < s.from+Month(s.leading) || s.backpaid[m]
}

// goesOn reports whether the span's coverage goes on past asOf: an
// enrollment still being paid, or a retiree's (医保办发〔2021〕43号 ②'s
// switch after an interruption, “中断缴费”, is then no switch).
func (s *span) goesOn() bool { return s.open || s.retiree }

// noEnd is the month used for "no end".
const noEnd = Month(9999*12 + 11)

// through is the last month the span counts for duplicates: an employee
// enrollment still being paid continues (医保发〔2020〕33号 compares the
// records "参保缴费状态正常", not months already past).
func (s *span) through() Month {
	if s.open && s.scheme == Employee {
		return noEnd
	}
	return s.end
}

// history is a person's enrollments, sorted by first month, with indexes
// for the questions the rules ask of it.
type history struct {
	asOf   Date
	spans  []span // sorted by from, then by input order
	byIdx  []int  // input index → position in spans
	prefix []int  // prefix[i]: position of the span with the latest end among spans[0..i]
	// second[i]: position of the span with the latest end among spans[0..i]
	// other than prefix[i] (-1 when none), so that a span's own predecessor
	// search can leave it out.
	second []int
	all    []ival // merged paid months, any scheme
	emp    []ival // merged paid months, employee scheme
}

type ival struct{ from, to Month }

func newHistory(in Input, asOf Date, retired bool) *history {
	h := &history{asOf: asOf}
	asOfMonth := monthOfDate(asOf)
	h.spans = make([]span, len(in.Enrollments))
	for i, e := range in.Enrollments {
		from, _ := parseMonth(e.From)
		s := span{idx: i, id: e.ID, name: e.ID, region: e.Region, scheme: e.Scheme, from: from, kind: e.Kind}
		if e.Label != "" {
			s.name = e.Label
		}
		if e.To == "" {
			s.open = true
			switch {
			case e.Scheme == Resident && asOfMonth.Year() >= from.Year():
				// Still paying resident years: covered to the end of the current year.
				s.to = monthOf(asOfMonth.Year(), 12)
			case e.Scheme == Resident:
				s.to = monthOf(from.Year(), 12)
			case asOfMonth >= from:
				s.to = asOfMonth
			default:
				s.to = from
			}
		} else {
			s.to, _ = parseMonth(e.To)
		}
		if e.PaidOn != "" {
			s.paidOn, _ = parseDate(e.PaidOn)
		}
		s.leading = e.BackpaidFirst
		if len(e.Backpaid) > 0 {
			s.backpaid = make(map[Month]bool, len(e.Backpaid))
			for _, m := range e.Backpaid {
				mm, _ := parseMonth(m)
				s.backpaid[mm] = true
			}
			for s.backpaid[s.from+Month(s.leading)] {
				s.leading++
			}
		}
		s.end = s.to
		h.spans[i] = s
	}
	if retired {
		last := -1
		for i := range h.spans {
			if s := &h.spans[i]; s.scheme == Employee && s.kind != KindMilitary && (last < 0 || s.to > h.spans[last].to) {
				last = i
			}
		}
		if last >= 0 {
			h.spans[last].retiree, h.spans[last].end = true, noEnd
		}
	}
	sort.SliceStable(h.spans, func(i, j int) bool { return h.spans[i].from < h.spans[j].from })
	h.byIdx = make([]int, len(h.spans))
	h.prefix = make([]int, len(h.spans))
	h.second = make([]int, len(h.spans))
	for i, s := range h.spans {
		h.byIdx[s.idx] = i
		h.prefix[i], h.second[i] = i, -1
		if i == 0 {
			continue
		}
		best, next := h.prefix[i-1], h.second[i-1]
		switch {
		case h.spans[best].end >= s.end:
			h.prefix[i] = best
			if next < 0 || h.spans[next].end < s.end {
				next = i
			}
			h.second[i] = next
		default:
			h.second[i] = best
		}
	}
	h.all = merge(h.spans, "")
	h.emp = merge(h.spans, Employee)
	return h
}

// pos is the position of s in h.spans.
func (h *history) pos(s *span) int { return h.byIdx[s.idx] }

// merge joins the paid months of spans (of one scheme, or all when scheme
// is empty) into disjoint runs; adjacent months join.
func merge(spans []span, scheme string) []ival {
	var out []ival
	for _, s := range spans {
		if scheme != "" && s.scheme != scheme {
			continue
		}
		if n := len(out); n > 0 && s.from <= out[n-1].to+1 {
			if s.end > out[n-1].to {
				out[n-1].to = s.end
			}
			continue
		}
		out = append(out, ival{s.from, s.end})
	}
	return out
}

// before returns the span with the latest end among those starting before
// month m, leaving out self (a span is never its own predecessor), or nil
// when none does.
func (h *history) before(m Month, self *span) *span {
	i := sort.Search(len(h.spans), func(i int) bool { return h.spans[i].from >= m })
	if i == 0 {
		return nil
	}
	if p := &h.spans[h.prefix[i-1]]; p != self {
		return p
	}
	if j := h.second[i-1]; j >= 0 {
		return &h.spans[j]
	}
	return nil
}

// runStart returns the first month of the continuous run of paid months
// (in ivs) that contains m, and false when m is not paid.
func runStart(ivs []ival, m Month) (Month, bool) {
	i := sort.Search(len(ivs), func(i int) bool { return ivs[i].to >= m })
	if i == len(ivs) || ivs[i].from > m {
		return 0, false
	}
	return ivs[i].from, true
}

// brokenYears counts the benefit years before year y, back to the last year
// with any paid month, that had none; only years from countFrom, and after
// the birth year, count (国办发〔2024〕38号 “每多断保1年”). It returns 0 when
// there is no earlier enrollment at all (a first enrollment).
func (h *history) brokenYears(y, countFrom, birthYear int) int {
	if len(h.all) == 0 || h.all[0].from.Year() >= y {
		return 0
	}
	n := 0
	for yy := y - 1; yy >= countFrom && yy > birthYear; yy-- {
		if h.paidIn(yy) {
			break
		}
		n++
	}
	return n
}

// paidIn reports whether any month of year y is paid.
func (h *history) paidIn(y int) bool {
	first := monthOf(y, 1)
	i := sort.Search(len(h.all), func(i int) bool { return h.all[i].to >= first })
	return i < len(h.all) && h.all[i].from <= first+11
}
