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
			}
		}
	}
}
