package rules

import "testing"

// 医保办发〔2021〕43号 第十一条: employee interruptions and switching schemes.
func TestWaitingTransferArticle11(t *testing.T) {
	job := emp("a", "440300", "2020-01", "2026-06") // Shenzhen: no local rule, national cap 6
	tests := []struct {
		name         string
		in           Input
		gap          int
		backpay      bool
		months       int
		benefitsFrom string
		deadline     string
	}{
		{"no interruption: paying the next month", input("2026-07-10", nil, plan("440300", Employee, "2026-07-10", 0), job), 0, false, 0, "2026-07-01", "<nil>"},
		{"①: 1-month gap, back-pay, retroactive", input("2026-08-05", nil, plan("440300", Employee, "2026-08-05", 0), job), 1, true, 0, "2026-07-01", "2026-10-31"},
		{"①: exactly 3 months (含) on the deadline day", input("2026-10-31", nil, plan("440300", Employee, "2026-10-31", 0), job), 3, true, 0, "2026-07-01", "2026-10-31"},
		{"③: 4 months, national cap 6, counted from the month after payment", input("2026-11-01", nil, plan("440300", Employee, "2026-11-01", 0), job), 4, false, 6, "2027-06-01", "2026-10-31"},
		{"③: 4 months moving to another city's insurance", input("2026-11-01", nil, plan("310000", Employee, "2026-11-01", 0), job), 4, false, 6, "2027-06-01", "2026-10-31"},
		{"③ Jiangsu notice: Suzhou at most 3 months", input("2026-11-01", nil, plan("320500", Employee, "2026-11-01", 0), job), 4, false, 3, "2027-03-01", "2026-10-31"},
		{"③ Wuhan: benefits from the 4th month after payment", input("2026-11-20", nil, plan("420100", Employee, "2026-11-20", 0), job), 4, false, 3, "2027-03-01", "2026-10-31"},
		{"③ Chongqing: 6 months", input("2026-12-01", nil, plan("500000", Employee, "2026-12-01", 0), job), 5, false, 6, "2027-07-01", "2026-10-31"},
		{"③ 青岛 “3个月（含缴费当月）”: the payment month is the first month of the wait", input("2026-12-01", nil, plan("370200", Employee, "2026-12-01", 0), job), 5, false, 3, "2027-03-01", "2026-10-31"},
		{"② resident 3 years → employee, 2-month gap: retroactive",
			input("2026-03-10", nil, plan("440300", Employee, "2026-03-10", 0), res("r", "440300", "2023-01", "2025-12", "")), 2, true, 0, "2026-01-01", "2026-04-30"},
		{"② exactly 2 years continuous (含)",
			input("2026-03-10", nil, plan("440300", Employee, "2026-03-10", 0), res("r", "440300", "2024-01", "2025-12", "")), 2, true, 0, "2026-01-01", "2026-04-30"},
		{"② resident 1 year only → employee: no back-pay, from the month paid",
			input("2026-03-10", nil, plan("440300", Employee, "2026-03-10", 0), res("r", "440300", "2025-01", "2025-12", "")), 2, false, 0, "2026-03-01", "<nil>"},
		{"② employee 4.5 years → resident outside the window, 1-month gap",
			input("2026-08-20", nil, plan("440300", Resident, "2026-08-20", 0), emp("a", "440300", "2022-01", "2026-06")), 1, true, 0, "2026-07-01", "2026-10-31"},
		{"2021 rule: employee 13 months → resident within 3 months: no wait, not retroactive",
			input("2026-08-20", nil, plan("440300", Resident, "2026-08-20", 0), emp("a", "440300", "2025-06", "2026-06")), 1, false, 0, "2026-08-20", "<nil>"},
		{"② employee → resident in the window for next year, 3 months uncovered before January: no wait (38号: no broken year), nothing retroactive (D11)",
			input("2026-11-20", nil, plan("440300", Resident, "2026-11-20", 0), emp("a", "440300", "2020-01", "2026-09")), 3, false, 0, "2027-01-01", "<nil>"},
		{"employee → resident in the window after 6 months: 2026 had coverage, no broken year, no wait (D1)",
			input("2026-11-20", nil, plan("440300", Resident, "2026-11-20", 0), job), 6, false, 0, "2027-01-01", "<nil>"},
		{"employee → resident in the window, employee ended in 2025: 2026 is a broken year, fixed 3 months",
			input("2026-11-20", nil, plan("440300", Resident, "2026-11-20", 0), emp("a", "440300", "2020-01", "2025-10")), 14, false, 3, "2027-04-01", "<nil>"},
		{"② D1: left the job in June, pays resident in August outside the window: the current year, benefits retroactive to July",
			input("2026-08-20", nil, plan("440300", Resident, "2026-08-20", 0), job), 1, true, 0, "2026-07-01", "2026-10-31"},
		{"② interrupted exactly 3 months (含, April–June), paid in July: still no wait, retroactive to April",
			input("2026-07-15", nil, plan("440300", Resident, "2026-07-15", 0), emp("a", "440300", "2020-01", "2026-03")), 3, true, 0, "2026-04-01", "2026-07-31"},
		{"② interrupted 4 months, outside the window: fixed 3 months from the payment day",
			input("2026-08-15", nil, plan("440300", Resident, "2026-08-15", 0), emp("a", "440300", "2020-01", "2026-03")), 4, false, 3, "2026-11-15", "<nil>"},
		{"enrollment after a 4-month gap (no plan): the latest gap is reported",
			input("2026-12-15", nil, nil, emp("a", "440300", "2020-01", "2025-12"), emp("b", "320500", "2026-05", "")), 4, false, 3, "2026-09-01", "2026-04-30"},
		{"① recorded with 2 back-paid months (Feb–Mar) after a 1-month hole (Jan): covered from the first month it holds; the hole is not covered",
			input("2026-12-15", nil, nil, emp("a", "440300", "2020-01", "2025-12"), Enrollment{ID: "b", Region: "440300", Scheme: Employee, From: "2026-02", Backpaid: Months{"2026-02", "2026-03"}}), 3, true, 0, "2026-02-01", "2026-04-30"},
		{"① recorded without back-pay after a 2-month gap: covered from its first month; back-paying the gap is offered while it can be",
			input("2026-03-10", nil, nil, emp("a", "440300", "2020-01", "2025-12"), emp("b", "440300", "2026-03", "")), 2, true, 0, "2026-03-01", "2026-04-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := evaluate(t, tt.in)
			w := out.Waiting
			if w == nil {
				t.Fatal("waiting is null")
			}
			if w.GapMonths != tt.gap || w.BackpayAllowed != tt.backpay || w.Months != tt.months || w.BenefitsFrom != tt.benefitsFrom || deref(w.BackpayDeadline) != tt.deadline {
				t.Errorf("got gap %d backpay %v months %d benefitsFrom %s deadline %s; want %d %v %d %s %s",
					w.GapMonths, w.BackpayAllowed, w.Months, w.BenefitsFrom, deref(w.BackpayDeadline), tt.gap, tt.backpay, tt.months, tt.benefitsFrom, tt.deadline)
			}
		})
	}
}

// Paying before the deadline is offered when the plan comes too late.
func TestWaitingBackpayOption(t *testing.T) {
	out := evaluate(t, input("2026-09-15", nil, plan("440300", Employee, "2026-11-15", 0), emp("a", "440300", "2020-01", "2026-06")))
	w := out.Waiting
	if w.Months != 6 || len(w.Shorten) != 1 || w.Shorten[0].Kind != "backpay" || deref(w.Shorten[0].Deadline) != "2026-10-31" || w.Shorten[0].Months != 0 {
		t.Fatalf("want a back-pay option by 2026-10-31, got months %d shorten %+v", w.Months, w.Shorten)
	}
	late := evaluate(t, input("2026-11-02", nil, plan("440300", Employee, "2026-11-15", 0), emp("a", "440300", "2020-01", "2026-06")))
	if len(late.Waiting.Shorten) != 0 {
		t.Errorf("deadline passed: want no option, got %+v", late.Waiting.Shorten)
	}
}

// A recorded enrollment after a short gap offers back-paying the months it
// does not hold, which would start benefits earlier.
func TestWaitingRecordedBackpayOption(t *testing.T) {
	w := evaluate(t, input("2026-03-10", nil, nil, emp("a", "440300", "2020-01", "2025-12"), emp("b", "440300", "2026-03", ""))).Waiting
	if len(w.Shorten) != 1 || w.Shorten[0].Kind != "backpay" || w.Shorten[0].BenefitsFrom != "2026-01-01" || deref(w.Shorten[0].Deadline) != "2026-04-30" {
		t.Fatalf("shorten %+v", w.Shorten)
	}
}
