package rules

import "testing"

// Coverage on a day: employee months paid (社会保险法 第二十三条), resident
// years, retirees (第二十七条), waiting periods, newborns.
func TestCoverage(t *testing.T) {
	tests := []struct {
		name         string
		in           Input
		active       bool
		status       string
		enrollment   string
		until        string
		waitingUntil string
	}{
		{"employee, month paid", input("2026-11-22", nil, nil, emp("a", "440300", "2019-03", "2026-11")), true, StatusCovered, "a", "2026-11-30", "<nil>"},
		{"employee still paying: to the end of the current month", input("2026-11-22", nil, nil, emp("a", "440300", "2019-03", "")), true, StatusCovered, "a", "2026-11-30", "<nil>"},
		{"employee, the day after the last paid month", input("2026-07-01", nil, nil, emp("a", "440300", "2019-03", "2026-06")), false, StatusLapsed, "a", "2026-06-30", "<nil>"},
		{"employee, last day of the last paid month", input("2026-06-30", nil, nil, emp("a", "440300", "2019-03", "2026-06")), true, StatusCovered, "a", "2026-06-30", "<nil>"},
		{"resident year paid in the window", input("2025-06-01", nil, nil, res("r", "360100", "2025-01", "2025-12", "2024-11-20")), true, StatusCovered, "r", "2025-12-31", "<nil>"},
		{"resident paid outside the window: waiting on asOf", input("2026-05-01", nil, nil, res("r", "440300", "2026-01", "2026-12", "2026-03-10")), false, StatusWaiting, "r", "<nil>", "2026-06-09"},
		{"resident paid outside the window: covered after the wait", input("2026-06-10", nil, nil, res("r", "440300", "2026-01", "2026-12", "2026-03-10")), true, StatusCovered, "r", "2026-12-31", "<nil>"},
		{"employee after a 4-month gap, inside the 6-month wait", input("2027-02-01", nil, nil, emp("a", "440300", "2019-03", "2026-06"), emp("b", "440300", "2026-11", "")), false, StatusWaiting, "b", "<nil>", "2027-05-31"},
		{"employee jobs back to back: until runs through both", input("2025-01-10", nil, nil, emp("a", "440300", "2019-03", "2025-03"), emp("b", "310000", "2025-04", "2026-12")), true, StatusCovered, "a", "2026-12-31", "<nil>"},
		{"retiree: covered without paying, no end, from the last employee enrollment (D7)", input("2026-11-22", &Person{Retired: true}, nil, emp("a", "440300", "1990-01", "2020-12")), true, StatusRetired, "a", "<nil>", "<nil>"},
		{"no enrollment", input("2026-11-22", nil, nil), false, StatusNone, "<nil>", "<nil>", "<nil>"},
		{"enrollment starting later", input("2026-11-22", nil, nil, res("r", "440300", "2027-01", "2027-12", "2026-11-01")), false, StatusFuture, "r", "<nil>", "<nil>"},
		{"newborn enrolled within 90 days: covered from birth", input("2026-03-15", &Person{BirthDate: "2026-03-10", Groups: []string{GroupNewborn}}, nil, res("baby", "440300", "2026-03", "2026-12", "2026-04-20")), true, StatusCovered, "baby", "2026-12-31", "<nil>"},
		{"multi-year span, last year paid late: wait in that year", input("2026-02-01", nil, nil, res("r", "440300", "2023-01", "2026-12", "2026-01-20")), false, StatusWaiting, "r", "<nil>", "2026-04-19"},
		{"multi-year span: earlier years covered", input("2025-07-01", nil, nil, res("r", "440300", "2023-01", "2026-12", "2026-01-20")), true, StatusCovered, "r", "2025-12-31", "<nil>"},
		{"duplicate employee and resident: the kept one is reported", input("2025-06-01", &Person{Residence: "360100"}, nil, emp("job", "440300", "2020-01", ""), res("home", "360100", "2025-01", "2025-12", "2024-11-20")), true, StatusCovered, "job", "2025-12-31", "<nil>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := evaluate(t, tt.in).Coverage
			if c.Active != tt.active || c.Status != tt.status || deref(c.Enrollment) != tt.enrollment || deref(c.Until) != tt.until || deref(c.WaitingUntil) != tt.waitingUntil {
				t.Errorf("got active %v status %s enrollment %s until %s waitingUntil %s; want %v %s %s %s %s",
					c.Active, c.Status, deref(c.Enrollment), deref(c.Until), deref(c.WaitingUntil),
					tt.active, tt.status, tt.enrollment, tt.until, tt.waitingUntil)
			}
		})
	}
}
