package form

import (
	"fmt"
	"testing"
	"time"
)

// TestMonthAndDayChecksAgreeWithTime proves validMonth, validDate and MonthIndex
// (hand-written for speed) take exactly what time.Parse takes, over every
// month and day number around the valid ones, in leap and common years,
// and over texts that are almost a month or a day.
func TestMonthAndDayChecksAgreeWithTime(t *testing.T) {
	var texts []string
	for _, y := range []string{"0000", "1900", "1999", "2000", "2023", "2024", "2100", "9999"} {
		for m := 0; m <= 13; m++ {
			texts = append(texts, fmt.Sprintf("%s-%02d", y, m))
			for d := 0; d <= 32; d++ {
				texts = append(texts, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	texts = append(texts, "", "2024", "2024-3", "2024-003", "2024-1a", "202a-01", "+024-01", "2024_01",
		"2024-01-1", "2024-01-001", "2024-01-0a", "2024-01 01", " 2024-01", "2024-01 ", "２０２４-01", "2024-01-")
	for _, v := range texts {
		_, errM := time.Parse("2006-01", v)
		if got, want := validMonth(v), errM == nil && len(v) == 7; got != want {
			t.Errorf("validMonth(%q) = %v, time.Parse says %v", v, got, want)
		}
		_, errD := time.Parse("2006-01-02", v)
		if got, want := validDate(v), errD == nil && len(v) == 10; got != want {
			t.Errorf("validDate(%q) = %v, time.Parse says %v", v, got, want)
		}
		if len(v) >= 7 {
			want, errI := time.Parse("2006-01", v[:7])
			got, ok := MonthIndex(v)
			if ok != (errI == nil) || ok && got != want.Year()*12+int(want.Month())-1 {
				t.Errorf("MonthIndex(%q) = %d, %v; time.Parse reads %v, %v", v, got, ok, want, errI)
			}
		}
	}
}

func BenchmarkNormalized100(b *testing.B) {
	f := State{AsOf: "2026-11-22"}
	for i := range 100 {
		f.Enrollments = append(f.Enrollments, Enrollment{ID: fmt.Sprint(i), Region: "440300", Scheme: "employee",
			From: MonthString(1990*12 + 4*i), To: MonthString(1990*12 + 4*i + 3)})
	}
	for b.Loop() {
		f.Normalized()
	}
}
