package rules

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// generated builds an input of n enrollments, each written by item(i).
func generated(n int, item func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(`{"asOf":"2026-11-22","person":{"workRegion":"440300"},"enrollments":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item(i))
	}
	b.WriteString(`],"plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05"}}`)
	return []byte(b.String())
}

// listed writes "backpaid" as k months from 2000-01.
func listed(k int) string {
	ms := make([]string, k)
	for j := range ms {
		ms[j] = `"` + (monthOf(2000, 1) + Month(j)).String() + `"`
	}
	return "[" + strings.Join(ms, ",") + "]"
}

// Inputs at every cap at once answer within a time and a memory budget:
// back-paid counts stay counts (100,000 enrollments of "backpaid": 1200
// took 12.8 s and 2.8 GB for 30,000 of them, and ran out of memory).
func TestInputAtTheCaps(t *testing.T) {
	regions := []string{"440300", "310000", "110000", "360100"}
	tests := []struct {
		name  string
		input []byte
	}{
		{"back-paid counts over centuries", generated(MaxEnrollments, func(i int) string {
			return fmt.Sprintf(`{"id":"e%d","region":"%s","scheme":"employee","from":"1930-01","to":"2029-12","backpaid":%d}`, i, regions[i%4], MaxBackpaidMonths)
		})},
		{"back-paid months listed", generated(MaxEnrollments, func(i int) string {
			return fmt.Sprintf(`{"id":"e%d","region":"%s","scheme":"employee","from":"2000-01","to":"2099-12","backpaid":%s}`, i, regions[i%4], listed(MaxBackpaidListed/MaxEnrollments))
		})},
		{"resident years 1900 to 2200", generated(MaxEnrollments, func(i int) string {
			return fmt.Sprintf(`{"id":"e%d","region":"%s","scheme":"resident","from":"1900-01","to":"2200-12","paidOn":"2020-11-01"}`, i, regions[i%4])
		})},
		{"open employee enrollments", generated(MaxEnrollments, func(i int) string {
			return fmt.Sprintf(`{"region":"%s","scheme":"employee","from":"%s","backpaid":1}`, regions[i%4], monthOf(1900, 1)+Month(i%3600))
		})},
		{"one enrollment's back-paid months listed", generated(1, func(i int) string {
			return `{"id":"a","region":"440300","scheme":"employee","from":"2000-01","to":"2099-12","backpaid":` + listed(MaxBackpaidMonths) + `}`
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			out := answerWithin(t, tt.input, 2*time.Second)
			runtime.ReadMemStats(&after)
			// Memory in proportion to the input: all that is allocated,
			// garbage included, within 64 bytes a byte of input (the
			// inputs are 0.7 to 2 MB; about 40 are allocated natively).
			alloc := after.TotalAlloc - before.TotalAlloc
			if limit := 64*uint64(len(tt.input)) + 16<<20; alloc > limit {
				t.Errorf("allocated %d MB for %d KB of input, more than %d MB", alloc>>20, len(tt.input)>>10, limit>>20)
			} else {
				t.Logf("allocated %d MB for %d KB of input", alloc>>20, len(tt.input)>>10)
			}
			data, err := jsonMarshal(out)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 1<<20 {
				t.Errorf("the answer is %d KB", len(data)>>10)
			}
		})
	}
}

// One more than a cap is refused with an error naming the field, before
// the work it would cost.
func TestInputAboveTheCaps(t *testing.T) {
	emp := func(i int) string {
		return fmt.Sprintf(`{"id":"e%d","region":"440300","scheme":"employee","from":"2000-01","to":"2099-12"}`, i)
	}
	perList := MaxBackpaidListed / MaxEnrollments
	tests := []struct {
		name  string
		input []byte
		field string
	}{
		{"enrollments", generated(MaxEnrollments+1, emp), "enrollments"},
		{"ten times the enrollments", generated(10*MaxEnrollments, emp), "enrollments"},
		{"a back-paid count", generated(1, func(int) string {
			return fmt.Sprintf(`{"id":"a","region":"440300","scheme":"employee","from":"1900-01","backpaid":%d}`, MaxBackpaidMonths+1)
		}), "enrollments[0].backpaid"},
		{"one enrollment's list", generated(1, func(int) string {
			return `{"id":"a","region":"440300","scheme":"employee","from":"2000-01","to":"2199-12","backpaid":` + listed(MaxBackpaidMonths+1) + `}`
		}), "enrollments[0].backpaid"},
		{"the months listed in all", generated(MaxEnrollments, func(i int) string {
			k := perList
			if i == MaxEnrollments-1 {
				k++
			}
			return fmt.Sprintf(`{"id":"e%d","region":"440300","scheme":"employee","from":"2000-01","to":"2099-12","backpaid":%s}`, i, listed(k))
		}), fmt.Sprintf("enrollments[%d].backpaid", MaxEnrollments-1)},
		{"the input's size", []byte(`{"asOf":"2026-11-22","note":"` + strings.Repeat("x", MaxInputBytes) + `"}`), "input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			begin := time.Now()
			_, err := Decode(tt.input)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || fe.Message == "" || fe.Zh == "" {
				t.Fatalf("got %v, want an error about %s", err, tt.field)
			}
			if d := time.Since(begin); d > refuseWithin {
				t.Errorf("took %v to refuse", d)
			}
			t.Logf("%s: %s", fe.Field, fe.Message)
		})
	}
	// Check refuses a hand-built Input the same way.
	in := Input{AsOf: "2026-11-22", Enrollments: make([]Enrollment, MaxEnrollments+1)}
	var fe *FieldError
	if _, err := Check(in); !errors.As(err, &fe) || fe.Field != "enrollments" {
		t.Errorf("Check: got %v", err)
	}
}

// A count of back-paid months stays a count through Decode, Check and
// JSON, and means its first months.
func TestBackpaidCountIsACount(t *testing.T) {
	data := []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2026-01","to":"2026-06","backpaid":3}]}`)
	in, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if e := in.Enrollments[0]; e.BackpaidFirst != 3 || e.Backpaid != nil {
		t.Fatalf("decoded backpaid %d and %v, want the count 3", e.BackpaidFirst, e.Backpaid)
	}
	again, err := jsonMarshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(again), `"backpaid":3`) {
		t.Errorf("marshalled as %s", again)
	}
	c, err := Check(in)
	if err != nil {
		t.Fatal(err)
	}
	s := &c.h.spans[0]
	for m := monthOf(2025, 12); m <= monthOf(2026, 7); m++ {
		want := m >= monthOf(2026, 1) && m <= monthOf(2026, 3)
		if got := s.isBackpaid(m); got != want {
			t.Errorf("%s back-paid: %v, want %v", m, got, want)
		}
	}
	if s.leading != 3 {
		t.Errorf("leading %d, want 3", s.leading)
	}
	// The same months as a list give the same answer.
	list, err := Decode([]byte(strings.Replace(string(data), `"backpaid":3`, `"backpaid":["2026-01","2026-02","2026-03"]`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := Evaluate(in)
	b, _ := Evaluate(list)
	ja, _ := jsonMarshal(a)
	jb, _ := jsonMarshal(b)
	if string(ja) != string(jb) {
		t.Errorf("a count and the same months listed answer differently:\n%s\n%s", ja, jb)
	}
	// Hand-built: a count and a list at once, or a count out of range.
	for _, e := range []Enrollment{
		{ID: "a", Region: "440300", Scheme: Employee, From: "2026-01", BackpaidFirst: 1, Backpaid: Months{"2026-01"}},
		{ID: "a", Region: "440300", Scheme: Employee, From: "2026-01", BackpaidFirst: -1},
		{ID: "a", Region: "440300", Scheme: Resident, From: "2026-01", BackpaidFirst: 1},
	} {
		var fe *FieldError
		if _, err := Check(Input{AsOf: "2026-11-22", Enrollments: []Enrollment{e}}); !errors.As(err, &fe) || fe.Field != "enrollments[0].backpaid" {
			t.Errorf("%+v: got %v", e, err)
		}
	}
}

// refuseWithin is how long refusing an input above a cap may take: the
// input is read first, and reading 100,000 enrollments takes about 0.1 s
// natively and 0.8–1.2 s in wasm under node on a busy 2-core machine.
// Reading them again and again (a check quadratic in the rows) would take
// minutes.
var refuseWithin = func() time.Duration {
	if runtime.GOARCH == "wasm" {
		return 5 * time.Second
	}
	return time.Second
}()
