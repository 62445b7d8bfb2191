package rules

import (
	"strings"
	"testing"
)

// The kinds of parameter the provinces set (issue 12), each tried on a
// region given only that rule (银川 640100, a city without data of its
// own); the row names the province whose text the rule comes from.
func TestRegionalKinds(t *testing.T) {
	window := `{"start":"11-01","end":"02-28","endInBenefitYear":true}`
	resident2025 := res("r", "640100", "2025-01", "2025-12", "2024-11-20")
	tests := []struct {
		name         string
		params       []string
		in           Input
		months, days int
		benefitsFrom string
		explains     string // a rule id the waiting answer explains ("" for none)
	}{
		{"冀医保发〔2024〕7号 河北 “1月1日至2月28日缴费的，自缴费之日起享受”: paid 20 January in the window, continuous",
			[]string{"resident.window", window, "resident.inBenefitYearPaymentBenefitFrom", `"paymentDay"`},
			input("2026-01-20", nil, plan("640100", Resident, "2026-01-20", 0), resident2025), 0, 0, "2026-01-20", "resident.inBenefitYear"},
		{"黑龙江 extension “次日起享受”: paid 20 January in the window, continuous: from the next day",
			[]string{"resident.window", window, "resident.inBenefitYearPaymentBenefitFrom", `"nextDay"`},
			input("2026-01-20", nil, plan("640100", Resident, "2026-01-20", 0), resident2025), 0, 0, "2026-01-21", "resident.inBenefitYear"},
		{"北京 “集中参保期内缴纳…自2026年1月1日起享受”: paid 20 January in the window, continuous: from 1 January",
			[]string{"resident.window", window, "resident.inBenefitYearPaymentBenefitFrom", `"yearStart"`},
			input("2026-01-20", nil, plan("640100", Resident, "2026-01-20", 0), resident2025), 0, 0, "2026-01-01", "resident.continuous"},
		{"河北 “未参加2025年度…设置待遇等待期”: paid 20 January in the window after a broken year: the fixed wait from 1 January",
			[]string{"resident.window", window, "resident.inBenefitYearPaymentBenefitFrom", `"paymentDay"`},
			input("2026-01-20", nil, plan("640100", Resident, "2026-01-20", 0), res("r", "640100", "2024-01", "2024-12", "2023-11-20")), 3, 0, "2026-04-01", "resident.fixed"},
		{"吉林 “待遇等待期90天”: paid outside the window after one broken year: 90 days from the payment day",
			[]string{"resident.fixedWaitDays", "90", "resident.variableDaysPerYear", "30"},
			input("2026-03-15", nil, plan("640100", Resident, "2026-03-15", 0), res("r", "640100", "2020-01", "2024-12", "")), 0, 90, "2026-06-13", "resident.fixedDays"},
		{"吉林 “每多断保1年，增加30天”: two broken years: 90 + 30 days",
			[]string{"resident.fixedWaitDays", "90", "resident.variableDaysPerYear", "30"},
			input("2027-03-15", nil, plan("640100", Resident, "2027-03-15", 0), res("r", "640100", "2020-01", "2024-12", "")), 0, 120, "2027-07-13", "resident.variableDays"},
		{"武汉 灵活就业 “中断3个月以上…第7个月起享受”: a flexible worker's own wait",
			[]string{"employee.longGapWaitMonths", "3", "employee.flexibleLongGapWaitMonths", "6"},
			input("2026-06-10", nil, &Plan{Region: "640100", Scheme: Employee, PayOn: "2026-06-10", Kind: KindFlexible}, emp("e", "640100", "2020-01", "2025-12")), 6, 0, "2027-01-01", "employee.wait"},
		{"武汉: a unit employee keeps the wait for all employees",
			[]string{"employee.longGapWaitMonths", "3", "employee.flexibleLongGapWaitMonths", "6"},
			input("2026-06-10", nil, &Plan{Region: "640100", Scheme: Employee, PayOn: "2026-06-10", Kind: KindUnit}, emp("e", "640100", "2020-01", "2025-12")), 3, 0, "2026-10-01", "employee.wait"},
		{"青岛 “3个月（含缴费当月）”: the payment month is the first of the wait",
			[]string{"employee.longGapWaitMonths", "3", "employee.waitCountsPaymentMonth", `"yes"`},
			input("2026-06-10", nil, &Plan{Region: "640100", Scheme: Employee, PayOn: "2026-06-10"}, emp("e", "640100", "2020-01", "2025-12")), 3, 0, "2026-09-01", "employee.wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ruleSetWithParams(t, "640100", "银川市", tt.params...)
			out, err := rs.Evaluate(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			checkExplained(t, out)
			w := out.Waiting
			if w.Months != tt.months || w.WaitDays != tt.days || w.BenefitsFrom != tt.benefitsFrom {
				t.Errorf("months %d, days %d, from %s; want %d, %d, %s", w.Months, w.WaitDays, w.BenefitsFrom, tt.months, tt.days, tt.benefitsFrom)
			}
			if tt.explains != "" && !explains(w.Explain, tt.explains) {
				t.Errorf("the answer does not explain %s: %+v", tt.explains, w.Explain)
			}
			if len(out.Rules.Sources) == 0 {
				t.Errorf("no regional source listed, though the answer uses the region's rule")
			}
			for _, s := range out.Rules.Sources {
				if s.Region != "640100" || s.Trust != TrustPress || s.URL == "" || s.Quote == "" || len(s.Sections) == 0 {
					t.Errorf("source %+v: want region 420500, trust press, url, quote and sections", s)
				}
			}
		})
	}
}

func explains(steps []Step, rule string) bool {
	for _, s := range steps {
		if s.Rule == rule {
			return true
		}
	}
	return false
}

// 青海 “7月1日后缴费的，财政补助与个人缴费全部由个人负担”: the full price is
// the answer's cost; 深圳's monthly payments are said as such.
func TestRegionalPriceAndCollection(t *testing.T) {
	rs := ruleSetWithParams(t, "640100", "银川市",
		"resident.fullPriceOutsideWindow", `{"start":"07-01","end":"12-31"}`, "resident.fullPrice", "1100", "resident.collection", `"monthly"`)
	out, err := rs.Evaluate(input("2026-08-03", nil, plan("640100", Resident, "2026-08-03", 0), res("r", "640100", "2020-01", "2024-12", "")))
	if err != nil {
		t.Fatal(err)
	}
	checkExplained(t, out)
	w := out.Waiting
	if !w.FullPrice || w.Cost == nil || *w.Cost != 1100 {
		t.Errorf("fullPrice %v cost %v; want the full price 1100", w.FullPrice, w.Cost)
	}
	if !strings.Contains(stepText(w.Explain, "resident.price"), "1100元") || !explains(w.Explain, "resident.monthly") {
		t.Errorf("want the full amount and the monthly payments explained: %+v", w.Explain)
	}
	// Before 1 July the individual contribution alone: no full price.
	out, _ = rs.Evaluate(input("2026-03-03", nil, plan("640100", Resident, "2026-03-03", 0), res("r", "640100", "2020-01", "2024-12", "")))
	if out.Waiting.FullPrice || out.Waiting.Cost != nil {
		t.Errorf("paid in March: fullPrice %v cost %v; want neither", out.Waiting.FullPrice, out.Waiting.Cost)
	}
}

// The incentive as provinces set it: zero-claim rise, the cut after a
// break, a cap in yuan, whether the earned rise survives a break, and
// regions without a 大病 ceiling.
func TestRegionalIncentive(t *testing.T) {
	history := input("2031-03-01", nil, nil, res("r", "640100", "2025-01", "2031-12", ""))
	tests := []struct {
		name   string
		params []string
		check  func(t *testing.T, a *IncentiveAnswer)
	}{
		{"吉林 “提高4000元…零报销…断保降低4000元…累计不超过8万元”", []string{"incentive.risePerYear", "4000", "incentive.zeroClaimRise", "4000",
			"incentive.breakPenaltyPerYear", "4000", "incentive.capTotalYuan", "5000"}, func(t *testing.T, a *IncentiveAnswer) {
			// 7 continuous years: 3 rises of 4000, capped at 5000.
			if a.EarnedRise != 5000 || a.ZeroClaimRise != 4000 || a.BreakPenaltyPerYear != 4000 || a.CapYuan != 5000 {
				t.Errorf("got %+v", a)
			}
			if !explains(a.Explain, "incentive.penalty") || !explains(a.Explain, "incentive.capTotal") {
				t.Errorf("want the penalty and the cap explained: %+v", a.Explain)
			}
		}},
		{"湖北 “前期积累的奖励额度继续保留”", []string{"incentive.keepEarnedAfterBreak", `"kept"`}, func(t *testing.T, a *IncentiveAnswer) {
			if a.KeepEarnedAfterBreak != "kept" || !strings.Contains(stepText(a.Explain, "incentive.break"), "继续保留") {
				t.Errorf("got %+v", a)
			}
		}},
		{"national: 38号 does not say whether the earned rise is kept", nil, func(t *testing.T, a *IncentiveAnswer) {
			if a.KeepEarnedAfterBreak != "notStated" || !strings.Contains(stepText(a.Explain, "incentive.break"), "国家文件未规定") {
				t.Errorf("got %+v", a)
			}
		}},
		{"甘肃 “大病保险不设封顶线”: the incentive does not apply", []string{"incentive.applies", `"noCeiling"`}, func(t *testing.T, a *IncentiveAnswer) {
			if !a.NoCeiling || a.EarnedRise != 0 || !explains(a.Explain, "incentive.noCeiling") {
				t.Errorf("got %+v", a)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ruleSetWithRegion(t, "640100", "银川市", "transfer.workingDays", "15")
			if len(tt.params) > 0 {
				rs = ruleSetWithParams(t, "640100", "银川市", tt.params...)
			}
			out, err := rs.Evaluate(history)
			if err != nil {
				t.Fatal(err)
			}
			checkExplained(t, out)
			if out.Incentive == nil {
				t.Fatal("no incentive answer")
			}
			tt.check(t, out.Incentive)
		})
	}
}

func stepText(steps []Step, rule string) string {
	for _, s := range steps {
		if s.Rule == rule {
			return s.Zh
		}
	}
	return ""
}
