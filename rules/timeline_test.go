package rules

import "testing"

// kindAt is the kind of month m in a lane, "" when the lane has none.
func kindAt(ln TimelineLane, m string) string {
	for _, r := range ln.Runs {
		if r.From.String() <= m && m <= r.To.String() {
			return r.Kind
		}
	}
	return ""
}

// The engine owns the months: the timeline says what the answer says.
func TestTimeline(t *testing.T) {
	sz := Enrollment{ID: "sz", Region: "440300", Scheme: Employee, From: "2019-03", To: "2024-06", Backpaid: Months{"2019-03", "2019-04"}}
	home := res("home", "360100", "2024-01", "2024-12", "")
	late := res("late", "360100", "2026-01", "2026-12", "2026-03-10") // outside the window: a fixed wait
	out := evaluate(t, input("2026-11-22", nil, plan("310000", Resident, "2026-12-05", 0), sz, home, late))
	tl := out.Timeline
	if tl.From.String() != "2019-01" || tl.To.String() != "2027-12" {
		t.Fatalf("range %s – %s", tl.From, tl.To)
	}
	if len(tl.Lanes) != 5 || tl.Lanes[0].About != "all" || tl.Lanes[1].About != "sz" || tl.Lanes[4].About != "plan" {
		t.Fatalf("lanes %+v", tl.Lanes)
	}
	lane := map[string]TimelineLane{}
	for _, l := range tl.Lanes {
		lane[l.About] = l
	}
	tests := []struct {
		about, month string
		kind         monthKind
	}{
		{"all", "2019-03", monthCovered},
		{"all", "2025-06", monthGap},     // nothing paid in 2025
		{"all", "2026-04", monthWaiting}, // paid, in the 3-month wait
		{"all", "2026-06", monthCovered}, // the wait is over
		{"sz", "2019-03", monthBackpaid},
		{"sz", "2019-05", monthCovered},
		{"sz", "2024-03", monthDuplicated}, // with home
		{"sz", "2024-07", noMonth},
		{"late", "2026-02", monthWaiting}, // recorded from January, paid in March
		{"late", "2026-07", monthCovered},
		{"plan", "2027-01", monthPlanned}, // in the window, no broken year: no wait
	}
	for _, tt := range tests {
		if got := kindAt(lane[tt.about], tt.month); got != monthKindName(tt.kind) {
			t.Errorf("%s %s: %q, want %q", tt.about, tt.month, got, tt.kind)
		}
	}
}

// Hostile dates and many enrollments keep the timeline bounded.
func TestTimelineBounds(t *testing.T) {
	var es []Enrollment
	for i := 0; i < 2*MaxOverlapsListed; i++ {
		es = append(es, emp("e"+string(rune('A'+i%26))+string(rune('a'+i/26)), "440300", "1900-01", "2200-12"))
	}
	out := evaluate(t, input("2026-01-01", nil, nil, es...))
	if n := len(out.Timeline.Lanes); n != MaxOverlapsListed+1 {
		t.Errorf("%d lanes", n)
	}
	from, to := out.Timeline.From, out.Timeline.To
	if int(to-from) > maxTimelineMonths+24 {
		t.Errorf("%d months", to-from)
	}
}

// noMonth stands for a month a lane does not have.
const noMonth monthKind = 255

func monthKindName(k monthKind) string {
	if k == noMonth {
		return ""
	}
	return monthKinds[k]
}
