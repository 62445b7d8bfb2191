package rules

import (
	"strings"
	"testing"
)

// 医保办发〔2021〕43号: transfer steps between regions, 15 working days;
// retirees file for care elsewhere instead (第二条).
func TestTransfer(t *testing.T) {
	tests := []struct {
		name     string
		in       Input
		kind     string
		from, to string
		step3    string // a phrase the third step must contain
	}{
		{"same region: nothing to transfer", input("2026-11-22", nil, plan("440300", Employee, "2026-12-01", 0), emp("a", "440300", "2019-03", "2026-10")), "", "", "", ""},
		{"new job in another city (plan)", input("2026-11-22", nil, plan("320500", Employee, "2026-12-01", 0), emp("a", "440300", "2019-03", "2026-10")), "transfer", "440300", "320500", "关系转移接续"},
		{"moved jobs (enrollments)", input("2026-11-22", nil, nil, emp("a", "440300", "2019-03", "2025-10"), emp("b", "510100", "2025-11", "")), "transfer", "440300", "510100", "关系转移接续"},
		{"resident to resident: not in the current year", input("2026-11-22", nil, plan("510100", Resident, "2026-11-25", 0), res("a", "360100", "2025-01", "2026-12", "")), "transfer", "360100", "510100", "下一年度"},
		{"retiree: filing, not transfer", input("2026-11-22", &Person{Retired: true}, plan("460200", Resident, "2026-11-25", 0), emp("a", "440300", "1990-03", "2020-10")), "filing", "440300", "460200", "国家医保服务平台"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := evaluate(t, tt.in).Transfer
			if tt.kind == "" {
				if tr != nil {
					t.Fatalf("want no transfer, got %+v", tr)
				}
				return
			}
			if tr == nil || tr.Kind != tt.kind || tr.From != tt.from || tr.To != tt.to || tr.WorkingDays != 15 {
				t.Fatalf("got %+v", tr)
			}
			if len(tr.Steps) < 3 || !strings.Contains(tr.Steps[2].Zh, tt.step3) || len(tr.Channels) == 0 || len(tr.DoNot) == 0 || len(tr.Explain) == 0 {
				t.Errorf("steps %+v", tr.Steps)
			}
		})
	}
}

// Deadlines: back-pay without a wait, the enrollment window (also across
// the new year in Jiangxi), the newborn window.
func TestDeadlines(t *testing.T) {
	tests := []struct {
		name  string
		in    Input
		kinds string // kind:date, in order
	}{
		{"employee stopped in October: back-pay by end of February; Shenzhen window",
			input("2026-11-22", &Person{Residence: "440300"}, nil, emp("a", "440300", "2019-03", "2026-10")),
			"windowEnds:2026-12-31 backpay:2027-02-28"},
		{"before the window opens",
			input("2026-05-10", nil, nil, res("r", "440300", "2020-01", "2026-12", "")),
			"windowOpens:2026-09-01 windowEnds:2026-12-31"},
		{"河北 in January: the 2026 window still runs to 28 February",
			input("2026-01-10", nil, nil, res("r", "130100", "2020-01", "2025-12", "")),
			"windowEnds:2026-02-28"},
		{"newborn: 90 days",
			input("2026-04-01", &Person{BirthDate: "2026-03-10", Groups: []string{GroupNewborn}}, plan("440300", Resident, "2026-04-02", 0)),
			"newborn:2026-06-08 windowOpens:2026-09-01 windowEnds:2026-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := evaluate(t, tt.in).Deadlines
			var got []string
			for _, d := range ds {
				got = append(got, d.Kind+":"+d.Date)
				if d.Zh == "" || d.En == "" || d.Source == "" {
					t.Errorf("incomplete deadline %+v", d)
				}
			}
			if strings.Join(got, " ") != tt.kinds {
				t.Errorf("got %s, want %s", strings.Join(got, " "), tt.kinds)
			}
		})
	}
}

// 医保办发〔2021〕43号 “转出地10个工作日…转入地5个工作日”: the two parts of the
// time limit add up to the total the answer gives.
func TestTransferDaysAddUp(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	p := rs.For("")
	day := Date{}.AddDate(2026, 0, 0)
	if out, in, all := p.TransferOutWorkingDays.At(day).V, p.TransferInWorkingDays.At(day).V, p.TransferWorkingDays.At(day).V; out+in != all {
		t.Errorf("out %d + in %d != %d working days", out, in, all)
	}
}
