package rules

import (
	"testing"
	"time"
)

// dayOf gives what time.Date gives, for every month the engine can see.
func TestDayOfIsTimeDate(t *testing.T) {
	for y := 1899; y <= 10000; y++ {
		for m := 1; m <= 12; m++ {
			mo := monthOf(y, time.Month(m))
			if got, want := mo.First(), time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
				t.Fatalf("%d-%02d first: %v, want %v", y, m, got, want)
			}
			if got, want := mo.Last(), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
				t.Fatalf("%d-%02d last: %v, want %v", y, m, got, want)
			} else if n := daysIn(y, m); n != want.Day() {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", y, m, n, want.Day())
			}
		}
	}
}

// formatDate and Month.String write what the time package writes, on both
// sides of the four-digit years they format without it.
func TestFormatDateIsTimeFormat(t *testing.T) {
	for _, y := range []int{0, 1, 999, 1000, 1899, 1970, 2026, 9999, 10000, 12345} {
		for _, md := range [][2]int{{1, 1}, {2, 28}, {9, 9}, {10, 10}, {12, 31}} {
			d := time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)
			want := d.Format("2006-01-02")
			if got := formatDate(d); got != want {
				t.Errorf("formatDate(%v) = %q, want %q", d, got, want)
			}
			if got, want := monthOfDate(d).String(), want[:len(want)-3]; got != want {
				t.Errorf("Month(%v).String() = %q, want %q", d, got, want)
			}
		}
	}
}
