package rules

import (
	"strings"
	"testing"
)

// ruleSetWithRegion loads the embedded rules with one more region value
// for region code (which must not have parameters of its own yet), cited
// to the unverified local-practice document.
func ruleSetWithRegion(t *testing.T, code, name, param, value string) *RuleSet {
	t.Helper()
	return ruleSetWithParams(t, code, name, param, value)
}

// ruleSetWithParams is the embedded rule set with region code given the
// parameters in pairs (name, JSON value), in force from 2010, cited to a
// test source.
func ruleSetWithParams(t *testing.T, code, name string, pairs ...string) *RuleSet {
	t.Helper()
	var params []string
	for i := 0; i+1 < len(pairs); i += 2 {
		params = append(params, `"`+pairs[i]+`":[{"effective":{"from":"2010-01-01"},"value":`+pairs[i+1]+
			`,"source":{"document":"newborn-local","article":"测试","url":"https://example.org/test","quote":"测试","trust":"press"}}]`)
	}
	entry := `"` + code + `": {"name":"` + name + `","status":"local","note":"test","parameters":{` + strings.Join(params, ",") + `}},`
	regs := strings.Replace(string(regionsJSON), `"regions": {`, `"regions": {`+entry, 1)
	if strings.Count(regs, `"`+code+`": {`) > 1 {
		t.Fatalf("region %s already has data: pick a region without", code)
	}
	rs, err := Load(documentsJSON, nationalJSON, []byte(regs))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// The kinds of parameter added for what regions set, each value tried.
func TestRegionalVariants(t *testing.T) {
	newborn := func(birth, pay string) Input {
		return input(pay, &Person{BirthDate: birth}, plan("640100", Resident, pay, 0))
	}
	tests := []struct {
		name, param, value string
		in                 Input
		months             int
		benefitsFrom       string
	}{
		{"D13 a region like 武汉 “出生90日及以内（含出生当日）”: day 89 is the last day", "newborn.windowCounting", `"includesBirthDay"`, newborn("2026-03-10", "2026-06-07"), 0, "2026-03-10"},
		{"D13 含出生当日: day 90 is already late (no wait, from the payment day)", "newborn.windowCounting", `"includesBirthDay"`, newborn("2026-03-10", "2026-06-08"), 0, "2026-06-08"},
		{"D4 a region like 武汉 “从参保缴费次月起享受”: a late newborn from the next month", "newborn.lateBenefitStart", `"nextMonth"`, newborn("2026-03-10", "2026-07-13"), 0, "2026-08-01"},
		{"D4 a region like 徐州 “次日起享受”: a late newborn from the next day", "newborn.lateBenefitStart", `"nextDay"`, newborn("2026-03-10", "2026-07-13"), 0, "2026-07-14"},
		{"D14 “自缴费次月起3个月”: a wait outside the window counted from the next month", "resident.waitCountsFrom", `"nextMonth"`,
			input("2026-03-15", nil, plan("640100", Resident, "2026-03-15", 0), res("r", "640100", "2020-01", "2025-12", "")), 3, "2026-07-01"},
		{"昆明 “3个月…从缴费当月起计算”: a wait outside the window counted from the payment month", "resident.waitCountsFrom", `"paymentMonth"`,
			input("2026-03-15", nil, plan("640100", Resident, "2026-03-15", 0), res("r", "640100", "2020-01", "2025-12", "")), 3, "2026-06-01"},
		{"D14 from the payment day (national reading)", "resident.waitCountsFrom", `"paymentDay"`,
			input("2026-03-15", nil, plan("640100", Resident, "2026-03-15", 0), res("r", "640100", "2020-01", "2025-12", "")), 3, "2026-06-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ruleSetWithRegion(t, "640100", "银川市", tt.param, tt.value)
			out, err := rs.Evaluate(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			checkExplained(t, out)
			if w := out.Waiting; w.Months != tt.months || w.BenefitsFrom != tt.benefitsFrom {
				t.Errorf("months %d from %s; want %d %s", w.Months, w.BenefitsFrom, tt.months, tt.benefitsFrom)
			}
		})
	}
}
