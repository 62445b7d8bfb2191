package rules

import "sort"

// span is one enrollment, normalized: months resolved, dates parsed.
type span struct {
	idx      int // position in Input.Enrollments
	id       string
	region   string
	scheme   string
	from, to Month // inclusive; an open end is resolved against asOf
	open     bool
	paidOn   Date // zero when not given
	// leading is the number of back-paid months at the start of the span.
	leading  int
	backpaid map[Month]bool
}

// history is a person's enrollments, sorted by first month, with indexes
// for the questions the rules ask of it.
type history struct {
	asOf   Date
	spans  []span // sorted by from, then by input order
	byIdx  []int  // input index → position in spans
	prefix []int  // prefix[i]: position of the span with the latest end among spans[0..i]
	all    []ival // merged paid months, any scheme
	emp    []ival // merged paid months, employee scheme
}

type ival struct{ from, to Month }

func newHistory(in Input, asOf Date) *history {
	h := &history{asOf: asOf}
	asOfMonth := monthOfDate(asOf)
	h.spans = make([]span, len(in.Enrollments))
	for i, e := range in.Enrollments {
		from, _ := parseMonth(e.From)
		s := span{idx: i, id: e.ID, region: e.Region, scheme: e.Scheme, from: from}
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
		h.spans[i] = s
	}
	sort.SliceStable(h.spans, func(i, j int) bool { return h.spans[i].from < h.spans[j].from })
	h.byIdx = make([]int, len(h.spans))
	h.prefix = make([]int, len(h.spans))
	for i, s := range h.spans {
		h.byIdx[s.idx] = i
		h.prefix[i] = i
		if i > 0 && h.spans[h.prefix[i-1]].to >= s.to {
			h.prefix[i] = h.prefix[i-1]
		}
	}
	h.all = merge(h.spans, "")
	h.emp = merge(h.spans, Employee)
	return h
}

// merge joins the paid months of spans (of one scheme, or all when scheme
// is empty) into disjoint runs; adjacent months join.
func merge(spans []span, scheme string) []ival {
	var out []ival
	for _, s := range spans {
		if scheme != "" && s.scheme != scheme {
			continue
		}
		if n := len(out); n > 0 && s.from <= out[n-1].to+1 {
			if s.to > out[n-1].to {
				out[n-1].to = s.to
			}
			continue
		}
		out = append(out, ival{s.from, s.to})
	}
	return out
}

// before returns the span with the latest end among those starting before
// month m, or nil when none does.
func (h *history) before(m Month) *span {
	i := sort.Search(len(h.spans), func(i int) bool { return h.spans[i].from >= m })
	if i == 0 {
		return nil
	}
	return &h.spans[h.prefix[i-1]]
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
