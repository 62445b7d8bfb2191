package rules

import "sort"

// The dates to act by, from the same evaluation as the answer.

// deadlines lists the dates to act by: back-pay without a wait, the
// enrollment window, the newborn window.
func (e *engine) deadlines(out *Output) []Deadline {
	ds := []Deadline{}
	seen := map[string]bool{}
	// add takes the deadline's fields, not a Deadline: in WebAssembly a
	// struct built at each call site is the larger part of its code.
	add := func(kind, date, region string, text Text, source string) {
		if key := kind + date; !seen[key] && date >= formatDate(e.asOf) {
			seen[key] = true
			ds = append(ds, Deadline{Kind: kind, Date: date, Region: region, Zh: text.Zh, En: text.En, Source: source})
		}
	}
	stopped := out.Duplicates.stopped()
	w := out.Waiting
	if w != nil && w.BackpayDeadline != nil && (w.BackpayAllowed || len(w.Shorten) > 0) {
		// The interruption allowed: of employee insurance, or before
		// switching to resident insurance (医保办发〔2021〕43号 第十一条①②).
		p := e.params(w.Region)
		maxGap := p.EmployeeBackpayMaxGapMonths.At(e.asOf)
		if w.Scheme == Resident {
			maxGap = p.SwitchMaxGapMonths.At(e.asOf)
		}
		text := say("deadline.backpay", "deadline", *w.BackpayDeadline, "maxGap", maxGap.V)
		add("backpay", *w.BackpayDeadline, w.Region, text, e.rs.citeDoc("ybbf2021-43", "第十一条"))
	}
	if w != nil {
		// Every option with a deadline is a deadline too: the card and the
		// calendar say what the waiting answer offers, no more.
		for _, o := range w.Shorten {
			if o.Deadline != nil && o.Kind != "backpay" {
				add(o.Kind, *o.Deadline, w.Region, Text{Zh: o.Zh, En: o.En}, o.Source)
			}
		}
	}
	if n := len(e.h.spans); n > 0 && !e.retired() {
		last := &e.h.spans[e.h.prefix[n-1]]
		if last.scheme == Employee && last.to < monthOfDate(e.asOf) && !stopped[last.id] {
			maxGap := e.params(last.region).EmployeeBackpayMaxGapMonths.At(e.asOf)
			if d := backpayDeadline(last.to, maxGap.V); !d.Before(e.asOf) {
				text := say("deadline.backpay", "deadline", d, "maxGap", maxGap.V)
				add("backpay", formatDate(d), last.region, text, e.cite(maxGap.v))
			}
		}
	}
	if region := e.residentRegion(stopped); region != "" {
		for y := e.asOf.Year(); y <= e.asOf.Year()+2; y++ {
			from, to, p := e.window(region, y)
			if to.Before(e.asOf) {
				continue
			}
			if from.After(e.asOf) {
				text := say("deadline.windowOpens", "region", regionText(region), "year", y, "date", from)
				add("windowOpens", formatDate(from), region, text, e.cite(p.v))
			}
			text := say("deadline.windowEnds", "region", regionText(region), "year", y, "date", to)
			add("windowEnds", formatDate(to), region, text, e.cite(p.v))
			break
		}
	}
	if birth, ok := e.birth(); ok && !e.retired() {
		region := e.residentRegion(stopped)
		if region == "" {
			region = e.anyRegion()
		}
		if region != "" {
			nw := e.params(region).NewbornWindow.At(birth)
			if last := e.newbornLastDay(region, birth); !last.Before(e.asOf) {
				text := say("deadline.newborn", "date", last)
				add("newborn", formatDate(last), region, text, e.cite(nw.v))
			}
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Date < ds[j].Date })
	return ds
}

// residentRegion is where the person's resident insurance is or will be:
// the plan's region for a resident plan, else the latest resident
// enrollment's that is not to be stopped, else the residence; none for a
// retiree or an employee still paying (they need no resident window).
func (e *engine) residentRegion(stopped map[string]bool) string {
	p := e.in.Plan
	if p != nil && p.Scheme == Resident && !e.retired() {
		return p.Region
	}
	if e.retired() || (p != nil && p.Scheme == Employee) {
		return ""
	}
	for i := len(e.h.spans) - 1; i >= 0; i-- {
		s := &e.h.spans[i]
		if s.scheme == Employee && s.open {
			return ""
		}
		if s.scheme == Resident && !stopped[s.id] {
			return s.region
		}
		if s.scheme == Resident {
			return ""
		}
	}
	if p := e.in.Person; p != nil && p.Residence != "" {
		return p.Residence
	}
	return ""
}

func (e *engine) anyRegion() string {
	if p := e.in.Plan; p != nil {
		return p.Region
	}
	if n := len(e.h.spans); n > 0 {
		return e.h.spans[n-1].region
	}
	return ""
}
