package rules

import (
	"math/rand"
	"testing"
	"time"
)

// Properties over generated histories (fixed seed: the same cases every
// run). Each says one way an answer must agree with itself.

var propRegions = []string{"440300", "310000", "320500", "360100", "350100", "510100", "420100", "370200", "500000"}

// genHistory makes up to three enrollments that all end before the month
// of day, one after the other with gaps of 0–30 months, oldest first.
func genHistory(r *rand.Rand, day Date) []Enrollment {
	n := r.Intn(4)
	end := monthOfDate(day) - 1 - Month(r.Intn(30))
	var es []Enrollment
	for i := 0; i < n && end > monthOf(2012, time.January); i++ {
		region := propRegions[r.Intn(len(propRegions))]
		id := string(rune('a' + i))
		var from Month
		if r.Intn(2) == 0 {
			from = end - Month(r.Intn(60))
			es = append([]Enrollment{emp(id, region, from.String(), end.String())}, es...)
		} else {
			y := end.Year()
			if end.Num() != time.December {
				y--
			}
			from = monthOf(y-r.Intn(3), time.January)
			es = append([]Enrollment{res(id, region, from.String(), monthOf(y, time.December).String(), "")}, es...)
		}
		end = from - 1 - Month(r.Intn(30))
	}
	return es
}

func genDay(r *rand.Rand) Date {
	return time.Date(2025+r.Intn(3), time.Month(1+r.Intn(12)), 1+r.Intn(28), 0, 0, 0, 0, time.UTC)
}

func mustEval(t *testing.T, in Input) Output {
	t.Helper()
	out, err := Evaluate(in)
	if err != nil {
		t.Fatalf("%+v: %v", in, err)
	}
	return out
}

// The same resident payment answered as a plan and recorded as an
// enrollment (from January of its year, or from its payment month) starts
// benefits on the same day, or buys nothing in both.
func TestPropertyPlanAgreesWithRecord(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		pay := genDay(r)
		hist := genHistory(r, pay)
		region := propRegions[r.Intn(len(propRegions))]
		planned := mustEval(t, input(formatDate(pay), nil, plan(region, Resident, formatDate(pay), 0), hist...)).Waiting
		if len(planned.BenefitYears) != 1 {
			continue
		}
		y := planned.BenefitYear
		froms := []Month{monthOf(y, time.January)}
		if !*planned.InWindow {
			froms = append(froms, monthOfDate(pay))
		}
		for _, from := range froms {
			rec := append(append([]Enrollment(nil), hist...), res("new", region, from.String(), monthOf(y, time.December).String(), formatDate(pay)))
			if planned.NoBenefits {
				out := mustEval(t, input(formatDate(yearEnd(y)), nil, nil, rec...))
				if out.Coverage.Active && deref(out.Coverage.Enrollment) == "new" {
					t.Fatalf("case %d: the plan buys nothing but the record covers 31 December: %+v", i, rec)
				}
				continue
			}
			b, _ := parseDate(planned.BenefitsFrom)
			out := mustEval(t, input(formatDate(b), nil, nil, rec...))
			if !out.Coverage.Active {
				t.Fatalf("case %d: plan says benefits from %s, recorded (from %s) not covered then: %+v\nplan %+v", i, planned.BenefitsFrom, from, rec, planned.Explain)
			}
			if day := b.AddDate(0, 0, -1); !day.Before(from.First()) && !day.Before(pay) {
				if out := mustEval(t, input(formatDate(day), nil, nil, rec...)); out.Coverage.Active && deref(out.Coverage.Enrollment) == "new" {
					t.Fatalf("case %d: plan says benefits from %s, recorded covers the day before: %+v", i, planned.BenefitsFrom, rec)
				}
			}
		}
	}
}

// An option to shorten the wait, taken, never starts benefits later than
// the main answer; paying earlier never starts benefits later.
func TestPropertyOptionsAndEarlierPayment(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		pay := genDay(r)
		hist := genHistory(r, pay)
		region := propRegions[r.Intn(len(propRegions))]
		scheme := Resident
		if r.Intn(3) == 0 {
			scheme = Employee
		}
		asOf := pay.AddDate(0, 0, -r.Intn(60))
		w := mustEval(t, input(formatDate(asOf), nil, plan(region, scheme, formatDate(pay), 0), hist...)).Waiting
		for _, o := range w.Shorten {
			if o.Deadline != nil && *o.Deadline < formatDate(asOf) {
				t.Fatalf("case %d: option %s with a past deadline %s (asOf %s)", i, o.Kind, *o.Deadline, formatDate(asOf))
			}
			if !w.NoBenefits && o.BenefitsFrom > w.BenefitsFrom {
				t.Fatalf("case %d: option %s starts %s, later than the answer's %s: %+v", i, o.Kind, o.BenefitsFrom, w.BenefitsFrom, hist)
			}
		}
		earlier := pay.AddDate(0, 0, -1-r.Intn(20))
		if earlier.Before(asOf) {
			continue
		}
		we := mustEval(t, input(formatDate(asOf), nil, plan(region, scheme, formatDate(earlier), 0), hist...)).Waiting
		if we.BenefitYear != w.BenefitYear || !ptrEq(we.InWindow, w.InWindow) || w.NoBenefits {
			continue
		}
		if we.NoBenefits || we.BenefitsFrom > w.BenefitsFrom {
			t.Fatalf("case %d: paying on %s starts %s (none: %v), later than paying on %s (%s): %+v", i, formatDate(earlier), we.BenefitsFrom, we.NoBenefits, formatDate(pay), w.BenefitsFrom, hist)
		}
	}
}

func ptrEq(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// The order of enrollments and an old enrollment long before the rest
// change none of the three answers.
func TestPropertyOrderAndUnrelatedPast(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 2000; i++ {
		asOf := genDay(r)
		hist := genHistory(r, asOf.AddDate(0, 2, 0))
		if len(hist) < 2 {
			continue
		}
		base := mustEval(t, input(formatDate(asOf), nil, nil, hist...))
		shuffled := append([]Enrollment(nil), hist...)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		same(t, i, "shuffled", base, mustEval(t, input(formatDate(asOf), nil, nil, shuffled...)))
		// An enrollment long before one that already follows a gap is
		// unrelated: it only changes whether that earlier one was a first.
		first, _ := parseMonth(hist[0].From)
		e0 := emp("e0", "440300", (first - 40).String(), (first - 20).String())
		older := emp("older", "310000", (first - 90).String(), (first - 60).String())
		withE0 := append([]Enrollment{e0}, hist...)
		same(t, i, "old enrollment added", mustEval(t, input(formatDate(asOf), nil, nil, withE0...)), mustEval(t, input(formatDate(asOf), nil, nil, append([]Enrollment{older}, withE0...)...)))
	}
}

func same(t *testing.T, i int, what string, a, b Output) {
	t.Helper()
	if a.Coverage.Active != b.Coverage.Active || deref(a.Coverage.Enrollment) != deref(b.Coverage.Enrollment) || deref(a.Duplicates.Keep) != deref(b.Duplicates.Keep) {
		t.Fatalf("case %d (%s): coverage %v/%s keep %s, then %v/%s keep %s", i, what, a.Coverage.Active, deref(a.Coverage.Enrollment), deref(a.Duplicates.Keep), b.Coverage.Active, deref(b.Coverage.Enrollment), deref(b.Duplicates.Keep))
	}
	if (a.Waiting == nil) != (b.Waiting == nil) || (a.Waiting != nil && (a.Waiting.Months != b.Waiting.Months || a.Waiting.BenefitsFrom != b.Waiting.BenefitsFrom)) {
		t.Fatalf("case %d (%s): waiting %+v, then %+v", i, what, a.Waiting, b.Waiting)
	}
}

// coverage.active on a day agrees with the waiting answer about the
// latest enrollment after a gap: covered on its benefitsFrom, not through
// it the day before.
func TestPropertyCoverageAgreesWithWaiting(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	checked := 0
	for i := 0; i < 3000; i++ {
		day := genDay(r)
		hist := genHistory(r, day)
		region := propRegions[r.Intn(len(propRegions))]
		// The latest enrollment: a job or a resident year paid on day.
		var last Enrollment
		if r.Intn(2) == 0 {
			last = emp("z", region, monthOfDate(day).String(), (monthOfDate(day) + 11).String())
		} else {
			y := day.Year()
			from := monthOf(y, time.January)
			if r.Intn(2) == 0 {
				from = monthOfDate(day)
			}
			last = res("z", region, from.String(), monthOf(y, time.December).String(), formatDate(day))
		}
		es := append(append([]Enrollment(nil), hist...), last)
		w := mustEval(t, input(formatDate(day), nil, nil, es...)).Waiting
		if w == nil || w.About != "z" || w.NoBenefits || w.Assumed {
			continue
		}
		b, _ := parseDate(w.BenefitsFrom)
		zFrom, _ := parseMonth(last.From)
		zTo, _ := parseMonth(last.To)
		if b.After(zTo.Last()) {
			continue
		}
		checked++
		if out := mustEval(t, input(formatDate(b), nil, nil, es...)); !out.Coverage.Active {
			t.Fatalf("case %d: waiting says benefits from %s, coverage then %+v: %+v", i, w.BenefitsFrom, out.Coverage.Explain, es)
		}
		if before := b.AddDate(0, 0, -1); !before.Before(zFrom.First()) && !before.Before(day) {
			if out := mustEval(t, input(formatDate(before), nil, nil, es...)); out.Coverage.Active && deref(out.Coverage.Enrollment) == "z" {
				t.Fatalf("case %d: waiting says benefits from %s, but z covers %s: %+v", i, w.BenefitsFrom, formatDate(before), es)
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d histories checked", checked)
	}
}

// No deadline or option of an answer is already past, and every option
// with a deadline is among the deadlines (the card and the calendar say
// what the waiting answer offers).
func TestPropertyNoPastDates(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 3000; i++ {
		day := genDay(r)
		hist := genHistory(r, day)
		var p *Plan
		if r.Intn(2) == 0 {
			scheme := Resident
			if r.Intn(2) == 0 {
				scheme = Employee
			}
			p = plan(propRegions[r.Intn(len(propRegions))], scheme, formatDate(day.AddDate(0, 0, r.Intn(60))), r.Intn(2))
		}
		asOf := formatDate(day)
		out := mustEval(t, input(asOf, nil, p, hist...))
		for _, d := range out.Deadlines {
			if d.Date < asOf {
				t.Fatalf("case %d: deadline %s %s before asOf %s", i, d.Kind, d.Date, asOf)
			}
		}
		if w := out.Waiting; w != nil {
			for _, o := range w.Shorten {
				if o.Deadline == nil || o.Kind == "backpay" {
					continue
				}
				found := false
				for _, d := range out.Deadlines {
					found = found || (d.Kind == o.Kind && d.Date == *o.Deadline)
				}
				if !found {
					t.Fatalf("case %d: option %s by %s is not among the deadlines %+v", i, o.Kind, *o.Deadline, out.Deadlines)
				}
			}
		}
	}
}
