package rules

import "testing"

// 医保发〔2020〕33号 重复参保处理原则: employee → place of work; resident →
// residence; student → place of study; cross-scheme → employee when
// continuous ≥ 1 year. Plus what happens to the other enrollment.
func TestKeepWhich(t *testing.T) {
	tests := []struct {
		name     string
		in       Input
		overlaps int
		keep     string
		stop     []string
		refund   string
	}{
		{"no overlap", input("2026-01-01", nil, nil, emp("a", "440300", "2019-03", "2024-06"), res("b", "360100", "2025-01", "2025-12", "")), 0, "<nil>", nil, ""},
		{"cross-scheme, employee continuous 5 years: keep employee", input("2025-06-01", &Person{Residence: "360100"}, nil, emp("job", "440300", "2020-01", "2025-12"), res("home", "360100", "2025-01", "2025-12", "2024-11-20")), 1, "job", []string{"home"}, "individualIfUnused"},
		{"cross-scheme, employee exactly 12 months (含一年): keep employee", input("2025-12-01", nil, nil, emp("job", "440300", "2025-01", "2025-12"), res("home", "360100", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "individualIfUnused"},
		{"cross-scheme, employee 11 months: keep resident", input("2025-12-01", nil, nil, emp("job", "440300", "2025-02", "2025-12"), res("home", "360100", "2025-01", "2025-12", "")), 1, "home", []string{"job"}, "personalAccount"},
		{"Zhanjiang: no one-year condition", input("2025-12-01", nil, nil, emp("job", "440800", "2025-09", "2025-12"), res("home", "440800", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "individualIfUnused"},
		{"Zhuhai: resident contribution not refunded", input("2025-12-01", nil, nil, emp("job", "440400", "2020-01", "2025-12"), res("home", "440400", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "none"},
		{"Chongqing: refund next year if unused", input("2025-12-01", nil, nil, emp("job", "500000", "2020-01", "2025-12"), res("home", "500000", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "nextYearIfUnused"},
		{"two employee enrollments: keep the place of work", input("2026-03-01", &Person{WorkRegion: "310000"}, nil, emp("sh", "310000", "2024-01", "2026-03"), emp("sz", "440300", "2025-06", "2026-03")), 1, "sh", []string{"sz"}, "personalAccount"},
		{"two employee enrollments, no place of work: the most recent", input("2026-03-01", nil, nil, emp("sh", "310000", "2024-01", "2026-03"), emp("sz", "440300", "2025-06", "2026-03")), 1, "sz", []string{"sh"}, "personalAccount"},
		{"two resident enrollments: keep the residence", input("2026-03-01", &Person{Residence: "510100"}, nil, res("cd", "510100", "2026-01", "2026-12", ""), res("nc", "360100", "2026-01", "2026-12", "")), 1, "cd", []string{"nc"}, "individualIfUnused"},
		{"residence given as the province: same-province city kept", input("2026-03-01", &Person{Residence: "510000"}, nil, res("cd", "510100", "2026-01", "2026-12", ""), res("nc", "360100", "2026-01", "2026-12", "")), 1, "cd", []string{"nc"}, "individualIfUnused"},
		{"student: keep the place of study", input("2026-03-01", &Person{Groups: []string{GroupStudent}, StudyRegion: "420100", Residence: "360100"}, nil, res("school", "420100", "2026-01", "2026-12", ""), res("home", "360100", "2026-01", "2026-12", "")), 1, "school", []string{"home"}, "individualIfUnused"},
		{"three at once: the latest overlap decides", input("2026-03-01", &Person{WorkRegion: "440300"}, nil, emp("a", "440300", "2020-01", "2026-03"), emp("b", "310000", "2026-01", "2026-03"), res("c", "360100", "2026-01", "2026-12", "")), 3, "a", []string{"b", "c"}, "personalAccount"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := evaluate(t, tt.in).Duplicates
			if len(d.Overlaps) != tt.overlaps || deref(d.Keep) != tt.keep || len(d.Stop) != len(tt.stop) {
				t.Fatalf("got overlaps %d keep %s stop %v; want %d %s %v", len(d.Overlaps), deref(d.Keep), d.Stop, tt.overlaps, tt.keep, tt.stop)
			}
			for i := range tt.stop {
				if d.Stop[i] != tt.stop[i] {
					t.Errorf("stop[%d] = %s, want %s", i, d.Stop[i], tt.stop[i])
				}
			}
			if tt.refund != "" && (len(d.Actions) == 0 || d.Actions[0].Refund != tt.refund) {
				t.Errorf("actions %+v, want first refund %s", d.Actions, tt.refund)
			}
		})
	}
}

func TestOverlapMonths(t *testing.T) {
	d := evaluate(t, input("2026-01-01", nil, nil, emp("sz", "440300", "2019-03", "2025-06"), res("home", "360100", "2025-01", "2025-12", ""))).Duplicates
	if len(d.Overlaps) != 1 || d.Overlaps[0] != (Overlap{A: "sz", B: "home", From: "2025-01", To: "2025-06", Kind: "crossScheme"}) {
		t.Fatalf("got %+v", d.Overlaps)
	}
}
