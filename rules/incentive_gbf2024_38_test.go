package rules

import "testing"

// 国办发〔2024〕38号 参保激励: after 4 continuous resident years (counted from
// 2025), each further year raises the 大病保险 cap; a break resets the count.
func TestIncentive(t *testing.T) {
	tests := []struct {
		name       string
		in         Input
		years      int
		earned     int
		perYear    int
		nextRise   int
		wantAnswer bool
	}{
		{"no resident enrollment", input("2026-11-22", nil, nil, emp("a", "640100", "2019-03", "")), 0, 0, 0, 0, false},
		{"2025–2026: 2 years, rise from 2029", input("2026-11-22", nil, nil, res("r", "640100", "2020-01", "2026-12", "")), 2, 0, 1000, 2029, true},
		{"2025–2028: 4 years, nothing yet, next year rises", input("2028-11-22", nil, nil, res("r", "640100", "2020-01", "2028-12", "")), 4, 0, 1000, 2029, true},
		{"2025–2030: 6 years, 2 rises of 1000", input("2030-11-22", nil, nil, res("r", "640100", "2025-01", "2030-12", "")), 6, 2000, 1000, 2031, true},
		{"Sichuan draft: 4000 a year", input("2030-11-22", nil, nil, res("r", "510100", "2025-01", "2030-12", "")), 6, 8000, 4000, 2031, true},
		{"Shandong: 3000 a year", input("2031-11-22", nil, nil, res("r", "370200", "2025-01", "2031-12", "")), 7, 9000, 3000, 2032, true},
		{"a break in 2028 resets the count", input("2031-11-22", nil, nil, res("a", "640100", "2025-01", "2027-12", ""), res("b", "640100", "2029-01", "2031-12", "")), 3, 0, 1000, 2033, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := evaluate(t, tt.in).Incentive
			if (a != nil) != tt.wantAnswer {
				t.Fatalf("incentive %+v", a)
			}
			if a == nil {
				return
			}
			if a.ContinuousYears != tt.years || a.EarnedRise != tt.earned || a.RisePerYear != tt.perYear || a.NextRiseYear != tt.nextRise || a.CapPercent != 20 {
				t.Errorf("got years %d earned %d per %d next %d cap %d; want %d %d %d %d 20", a.ContinuousYears, a.EarnedRise, a.RisePerYear, a.NextRiseYear, a.CapPercent, tt.years, tt.earned, tt.perYear, tt.nextRise)
			}
			if len(a.Explain) < 4 {
				t.Errorf("explain %+v", a.Explain)
			}
		})
	}
}
