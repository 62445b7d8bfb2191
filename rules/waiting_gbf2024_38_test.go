package rules

import (
	"fmt"
	"testing"
)

// 国办发〔2024〕38号: fixed 3 months, variable months per further broken
// year, repair by paying for broken years, at least 6 months after 4+ years.
// Paying in the window for 2032 after covering up to 2031−b: b broken years.
func TestWaitingResidentBrokenYears(t *testing.T) {
	tests := []struct {
		broken, extra                     int
		fixed, variable, repaired, months int
		benefitsFrom                      string
	}{
		{0, 0, 0, 0, 0, 0, "2032-01-01"},
		{0, 2, 0, 0, 0, 0, "2032-01-01"},
		{1, 0, 3, 0, 0, 3, "2032-04-01"},
		{1, 1, 3, 0, 0, 3, "2032-04-01"},
		{1, 3, 3, 0, 0, 3, "2032-04-01"},
		{2, 0, 3, 1, 0, 4, "2032-05-01"},
		{2, 1, 3, 1, 1, 3, "2032-04-01"},
		{2, 2, 3, 1, 1, 3, "2032-04-01"},
		{2, 3, 3, 1, 1, 3, "2032-04-01"},
		{3, 0, 3, 2, 0, 5, "2032-06-01"},
		{3, 1, 3, 2, 1, 4, "2032-05-01"},
		{3, 2, 3, 2, 2, 3, "2032-04-01"},
		{3, 3, 3, 2, 2, 3, "2032-04-01"},
		{4, 0, 3, 3, 0, 6, "2032-07-01"},
		{4, 1, 3, 3, 0, 6, "2032-07-01"},
		{4, 2, 3, 3, 0, 6, "2032-07-01"},
		{4, 3, 3, 3, 0, 6, "2032-07-01"},
		{5, 0, 3, 4, 0, 7, "2032-08-01"},
		{5, 1, 3, 4, 1, 6, "2032-07-01"},
		{5, 2, 3, 4, 1, 6, "2032-07-01"},
		{5, 3, 3, 4, 1, 6, "2032-07-01"},
		{6, 0, 3, 5, 0, 8, "2032-09-01"},
		{6, 1, 3, 5, 1, 7, "2032-08-01"},
		{6, 2, 3, 5, 2, 6, "2032-07-01"},
		{6, 3, 3, 5, 2, 6, "2032-07-01"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("broken %d, repair %d", tt.broken, tt.extra), func(t *testing.T) {
			last := fmt.Sprintf("%d-12", 2031-tt.broken)
			in := input("2031-11-15", nil, plan("440300", Resident, "2031-11-15", tt.extra), res("r", "440300", "2020-01", last, ""))
			w := evaluate(t, in).Waiting
			if w.BrokenYears != tt.broken || w.FixedMonths != tt.fixed || w.VariableMonths != tt.variable || w.RepairedMonths != tt.repaired || w.Months != tt.months || w.BenefitsFrom != tt.benefitsFrom || w.BenefitYear != 2032 {
				t.Errorf("got broken %d fixed %d variable %d repaired %d months %d from %s (year %d); want %d %d %d %d %d %s",
					w.BrokenYears, w.FixedMonths, w.VariableMonths, w.RepairedMonths, w.Months, w.BenefitsFrom, w.BenefitYear,
					tt.broken, tt.fixed, tt.variable, tt.repaired, tt.months, tt.benefitsFrom)
			}
		})
	}
}

// Broken years count from benefit year 2025 only (2024 and before do not).
func TestWaitingResidentCountFrom2025(t *testing.T) {
	tests := []struct {
		name   string
		last   string
		payOn  string
		broken int
		months int
	}{
		{"no cover 2024–2025, paying for 2026: fixed only", "2023-12", "2025-11-20", 1, 3},
		{"no cover 2020–2024, paying in the window for 2025: 2024 and before do not count, so no broken year and no wait (38号 “未连续参保”, counted from 2025)", "2019-12", "2024-11-20", 0, 0},
		{"no cover 2023–2026, paying for 2027: 2025 and 2026 count", "2022-12", "2026-11-20", 2, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := evaluate(t, input(tt.payOn, nil, plan("440300", Resident, tt.payOn, 0), res("r", "440300", "2015-01", tt.last, ""))).Waiting
			if w.BrokenYears != tt.broken || w.Months != tt.months {
				t.Errorf("got broken %d months %d; want %d %d", w.BrokenYears, w.Months, tt.broken, tt.months)
			}
		})
	}
}

// Window edges, payment outside the window, leap days.
func TestWaitingResidentWindow(t *testing.T) {
	tests := []struct {
		name         string
		region       string
		covered      string // last month covered before paying
		payOn        string
		year         int
		inWindow     bool
		months       int
		benefitsFrom string
	}{
		{"first day of the window buys next year", "440300", "2026-12", "2026-09-01", 2027, true, 0, "2027-01-01"},
		{"last day of the window", "440300", "2026-12", "2026-12-31", 2027, true, 0, "2027-01-01"},
		{"day after the window: current year, 3 months from payment", "440300", "2026-12", "2027-01-01", 2027, false, 3, "2027-04-01"},
		{"day before the window opens: current year, outside; 31 Aug + 3 months has no 31 November, so benefits from 1 December", "440300", "2025-12", "2026-08-31", 2026, false, 3, "2026-12-01"},
		{"outside, 31 May + 3 months = 31 Aug", "440300", "2026-12", "2027-05-31", 2027, false, 3, "2027-08-31"},
		{"outside, 31 Aug + 3 months: the wait runs through 30 Nov, benefits from 1 Dec", "440300", "2026-12", "2027-08-31", 2027, false, 3, "2027-12-01"},
		{"苏州 2026年度 window opens 1 October 2025: 30 September is outside", "320500", "2024-12", "2025-09-30", 2025, false, 3, "2025-12-30"},
		{"苏州: 1 October 2025 buys 2026", "320500", "2025-12", "2025-10-01", 2026, true, 0, "2026-01-01"},
		{"河北 2026年度 window runs to 28 February of the benefit year; paid that day, benefits from the payment day (冀医保 “自缴费之日起享受”)", "130100", "2025-12", "2026-02-28", 2026, true, 0, "2026-02-28"},
		{"Jiangxi: leap day 2028-02-29 is after the window", "360100", "2027-12", "2028-02-29", 2028, false, 3, "2028-05-29"},
		{"Jiangxi window opens 15 September", "360100", "2027-12", "2027-09-15", 2028, true, 0, "2028-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hist := res("r", tt.region, "2020-01", tt.covered, "")
			w := evaluate(t, input(tt.payOn, nil, plan(tt.region, Resident, tt.payOn, 0), hist)).Waiting
			if w.BenefitYear != tt.year || *w.InWindow != tt.inWindow || w.Months != tt.months || w.BenefitsFrom != tt.benefitsFrom {
				t.Errorf("got year %d inWindow %v months %d from %s; want %d %v %d %s", w.BenefitYear, *w.InWindow, w.Months, w.BenefitsFrom, tt.year, tt.inWindow, tt.months, tt.benefitsFrom)
			}
		})
	}
}

// Newborns: exempt when enrolled within the region's window after birth,
// with benefits from the day of birth.
func TestWaitingNewborn(t *testing.T) {
	tests := []struct {
		name         string
		region       string
		birth        string
		payOn        string
		exempt       string
		months       int
		benefitsFrom string
	}{
		{"day 90 after birth: exempt, from birth", "440300", "2026-03-10", "2026-06-08", "newborn", 0, "2026-03-10"},
		{"day 91: 38号 “除新生儿等特殊群体外”: still no wait, benefits from the payment day (not backdated to birth)", "440300", "2026-03-10", "2026-06-09", "newborn", 0, "2026-06-09"},
		{"day 89 (boundary inside)", "440300", "2026-03-10", "2026-06-07", "newborn", 0, "2026-03-10"},
		{"12 months after birth: still a newborn (newborn.exemptUntilMonths)", "440300", "2026-03-10", "2027-03-10", "newborn", 0, "2027-03-10"},
		{"12 months and a day: the general rules (outside the window: 3 months)", "440300", "2026-03-10", "2027-03-11", "<nil>", 3, "2027-06-11"},
		{"born on a leap day, day 90", "440300", "2028-02-29", "2028-05-29", "newborn", 0, "2028-02-29"},
		{"born in November, paid in the window: the birth year", "440300", "2026-11-20", "2026-12-10", "newborn", 0, "2026-11-20"},
		{"Qingdao: 6 months after birth still exempt", "370200", "2026-03-10", "2026-09-10", "newborn", 0, "2026-03-10"},
		{"Qingdao: 6 months and a day", "370200", "2026-03-10", "2026-09-11", "<nil>", 0, "2027-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Person{BirthDate: tt.birth, Groups: []string{GroupNewborn}}
			w := evaluate(t, input(tt.payOn, p, plan(tt.region, Resident, tt.payOn, 0))).Waiting
			if deref(w.Exempt) != tt.exempt || w.Months != tt.months || w.BenefitsFrom != tt.benefitsFrom {
				t.Errorf("got exempt %s months %d from %s; want %s %d %s", deref(w.Exempt), w.Months, w.BenefitsFrom, tt.exempt, tt.months, tt.benefitsFrom)
			}
		})
	}
}

// Exempt groups and the repair option's cost.
func TestWaitingResidentExemptAndCost(t *testing.T) {
	lowIncome := &Person{Groups: []string{GroupLowIncome}}
	w := evaluate(t, input("2026-05-10", lowIncome, plan("440300", Resident, "2026-05-10", 0), res("r", "440300", "2020-01", "2022-12", ""))).Waiting
	if deref(w.Exempt) != GroupLowIncome || w.Months != 0 || w.BenefitsFrom != "2026-05-10" {
		t.Errorf("low income: got exempt %s months %d from %s", deref(w.Exempt), w.Months, w.BenefitsFrom)
	}
	// Broken 2025 and 2026 (2 years), paying in the window for 2027 where
	// the data has no 2027 contribution: option without cost.
	w = evaluate(t, input("2026-11-20", nil, plan("440300", Resident, "2026-11-20", 0), res("r", "440300", "2020-01", "2024-12", ""))).Waiting
	if w.Months != 4 || len(w.Shorten) != 1 || w.Shorten[0].Kind != "repair" || w.Shorten[0].Months != 3 || w.Shorten[0].Cost != nil {
		t.Errorf("2027: got months %d shorten %+v", w.Months, w.Shorten)
	}
	// With a 2027 contribution in the data, each repair option has a cost.
	rs := ruleSetWith(t, `"resident.individualContribution"`, `{"effective":{"from":"2027-01-01","to":"2027-12-31"},"value":420,"source":{"document":"gbf2024-38","article":"test"}},`)
	in := input("2026-11-20", nil, plan("440300", Resident, "2026-11-20", 0), res("r", "440300", "2020-01", "2023-12", ""))
	out, err := rs.Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	w = out.Waiting
	if w.BrokenYears != 2 || w.Months != 4 || len(w.Shorten) != 1 || w.Shorten[0].Cost == nil || *w.Shorten[0].Cost != 420 || w.Shorten[0].BenefitsFrom != "2027-04-01" {
		t.Errorf("cost: got broken %d months %d shorten %+v", w.BrokenYears, w.Months, w.Shorten)
	}
}

// TestResidentContribution: a resident payment at the usual price says
// what the year costs, the region's figure over the national one, the
// year before's while the year bought has none published, and nothing at
// the full price (Cost says that) or where the data has no figure.
func TestResidentContribution(t *testing.T) {
	tests := []struct {
		name     string
		in       Input
		cost     int // 0: none
		year     int
		national bool
	}{
		{"厦门 2026, its own figure", input("2026-03-10", nil, plan("350200", Resident, "2026-03-10", 0)), 450, 2026, false},
		{"深圳 2027, not published: 2026's national figure", input("2026-11-20", nil, plan("440300", Resident, "2026-11-20", 0)), 400, 2026, true},
		{"深圳 2026, the national figure", input("2026-02-10", nil, plan("440300", Resident, "2026-02-10", 0)), 400, 2026, true},
		{"1990: no figure", input("1990-02-10", nil, plan("440300", Resident, "1990-02-10", 0)), 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := evaluate(t, tt.in).Waiting
			got := 0
			if w.Contribution != nil {
				got = *w.Contribution
			}
			if w.FullPrice {
				t.Fatalf("a full-price payment: pick another case")
			}
			if got != tt.cost || w.ContributionYear != tt.year || w.ContributionNational != tt.national {
				t.Errorf("contribution %d for %d (national %v), want %d for %d (national %v)", got, w.ContributionYear, w.ContributionNational, tt.cost, tt.year, tt.national)
			}
		})
	}
	// Outside the window 青海 asks the full price: Cost, not Contribution.
	w := evaluate(t, input("2026-08-03", nil, plan("630100", Resident, "2026-08-03", 0), res("r", "630100", "2020-01", "2024-12", ""))).Waiting
	if !w.FullPrice || w.Contribution != nil {
		t.Errorf("full price: fullPrice %v, contribution %v", w.FullPrice, w.Contribution)
	}
}
