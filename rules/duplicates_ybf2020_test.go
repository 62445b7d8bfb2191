package rules

import (
	"reflect"
	"testing"
)

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
		{"cross-scheme, employee continuous 5 years: keep employee", input("2025-06-01", &Person{Residence: "360100"}, nil, emp("job", "440300", "2020-01", "2025-12"), res("home", "360100", "2025-01", "2025-12", "2024-11-20")), 1, "job", []string{"home"}, "beforeBenefitPeriodOnly"},
		{"cross-scheme, employee exactly 12 months (含一年): keep employee", input("2025-12-01", nil, nil, emp("job", "440300", "2025-01", "2025-12"), res("home", "360100", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "beforeBenefitPeriodOnly"},
		{"D8 社会保险法第二十三条: cross-scheme, unit employee only 11 months: keep employee all the same, never stop it", input("2025-12-01", nil, nil, emp("job", "440300", "2025-02", "2025-12"), res("home", "360100", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "beforeBenefitPeriodOnly"},
		{"D8: cross-scheme, flexible worker 11 months: the one-year condition is not met, keep resident", input("2025-12-01", nil, nil, Enrollment{ID: "job", Region: "440300", Scheme: Employee, From: "2025-02", To: "2025-12", Kind: KindFlexible}, res("home", "360100", "2025-01", "2025-12", "")), 1, "home", []string{"job"}, "personalAccount"},
		{"D5: open employee record and two resident records, asOf June: decided on June, keep the job, stop both resident years", input("2025-06-15", &Person{Residence: "360100"}, nil, emp("job", "440300", "2023-01", ""), res("nc", "360100", "2025-01", "2025-12", "2024-11-20"), res("cd", "510100", "2025-01", "2025-12", "2024-11-25")), 3, "job", []string{"nc", "cd"}, "beforeBenefitPeriodOnly"},
		{"D5: a resident year paid ahead while employed: a future duplicate, keep the job", input("2025-11-20", nil, nil, emp("job", "440300", "2020-01", ""), res("next", "440300", "2026-01", "2026-12", "2025-11-10")), 1, "job", []string{"next"}, "beforeBenefitPeriodOnly"},
		{"D7 “同一时间段内…两条及以上参保缴费状态正常的参保信息记录”: a retiree who also holds resident insurance: keep the employee record", input("2025-06-01", &Person{Retired: true, Residence: "460100"}, nil, emp("bj", "110000", "1990-01", "2020-12"), res("hn", "460100", "2025-01", "2025-12", "2024-11-20")), 1, "bj", []string{"hn"}, "beforeBenefitPeriodOnly"},
		{"D12: an overlap already over stops nothing", input("2026-06-01", &Person{Residence: "360100"}, nil, emp("sz", "440300", "2019-03", "2025-06"), res("home", "360100", "2025-01", "2026-12", "")), 1, "sz", nil, "beforeBenefitPeriodOnly"},
		{"D12 43号 “当年度在转入地不再办理…参加下一年度”: moving in mid-year, the year paying benefits now is kept, not the new one still waiting", input("2026-07-01", &Person{Residence: "310000"}, nil, res("old", "360100", "2026-01", "2026-12", "2025-11-20"), res("new", "310000", "2026-06", "2026-12", "2026-06-10")), 1, "old", []string{"new"}, "beforeBenefitPeriodOnly"},
		{"Zhanjiang: no one-year condition", input("2025-12-01", nil, nil, emp("job", "440800", "2025-09", "2025-12"), res("home", "440800", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "beforeBenefitPeriodOnly"},
		{"中山 医保办函〔2021〕11号 第十六条 “待遇享受期开始后…个人缴费不再退回”: refund only before the benefit period", input("2025-12-01", nil, nil, emp("job", "442000", "2020-01", "2025-12"), res("home", "442000", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "beforeBenefitPeriodOnly"},
		{"珠海 and 重庆: their refund rules rest on unverified pages, so the national rule applies", input("2025-12-01", nil, nil, emp("job", "500000", "2020-01", "2025-12"), res("home", "500000", "2025-01", "2025-12", "")), 1, "job", []string{"home"}, "beforeBenefitPeriodOnly"},
		{"two employee enrollments: keep the place of work", input("2026-03-01", &Person{WorkRegion: "310000"}, nil, emp("sh", "310000", "2024-01", "2026-03"), emp("sz", "440300", "2025-06", "2026-03")), 1, "sh", []string{"sz"}, "personalAccount"},
		{"two employee enrollments, no place of work: the most recent", input("2026-03-01", nil, nil, emp("sh", "310000", "2024-01", "2026-03"), emp("sz", "440300", "2025-06", "2026-03")), 1, "sz", []string{"sh"}, "personalAccount"},
		{"two resident enrollments: keep the residence", input("2026-03-01", &Person{Residence: "510100"}, nil, res("cd", "510100", "2026-01", "2026-12", ""), res("nc", "360100", "2026-01", "2026-12", "")), 1, "cd", []string{"nc"}, "beforeBenefitPeriodOnly"},
		{"residence given as the province: same-province city kept", input("2026-03-01", &Person{Residence: "510000"}, nil, res("cd", "510100", "2026-01", "2026-12", ""), res("nc", "360100", "2026-01", "2026-12", "")), 1, "cd", []string{"nc"}, "beforeBenefitPeriodOnly"},
		{"student: keep the place of study", input("2026-03-01", &Person{Groups: []string{GroupStudent}, StudyRegion: "420100", Residence: "360100"}, nil, res("school", "420100", "2026-01", "2026-12", ""), res("home", "360100", "2026-01", "2026-12", "")), 1, "school", []string{"home"}, "beforeBenefitPeriodOnly"},
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
	if len(d.Overlaps) != 1 || !reflect.DeepEqual(d.Overlaps[0], Overlap{A: "sz", B: "home", From: "2025-01", To: "2025-06", Kind: "crossScheme"}) {
		t.Fatalf("got %+v", d.Overlaps)
	}
}
