package rules

// Clauses first written for provinces whose 集中参保期 runs into the
// benefit year (冀医保发〔2024〕7号 and the 河北 notices: “1月1日至2月28日
// 缴费的，自缴费之日起享受待遇”; 青海, 黑龙江, 安徽 likewise), and for
// provinces that count the wait in days (吉林, 贵州). Any region whose data
// sets the parameter they read uses them.

// paidInBenefitYear: a payment inside the window but on or after 1 January
// of the benefit year, by a person with no broken year, starts benefits on
// the payment day or the next day where the region says so
// (resident.inBenefitYearPaymentBenefitFrom); elsewhere the year's start
// (the continuous and first clauses decide).
func (e *engine) paidInBenefitYear(c *residentCase, r *waitResult) bool {
	if !c.inWindow || c.pay.IsZero() || c.pay.Before(c.yearFirst) || c.broken > 0 {
		return false
	}
	switch e.params(c.t.region).ResidentInBenefitYearPaymentBenefitFrom.At(c.pay).V {
	case "paymentDay":
		return c.done(r, c.pay)
	case "nextDay":
		return c.done(r, c.pay.AddDate(0, 0, 1))
	}
	return false
}

func (e *engine) explainPaidInBenefitYear(c *residentCase, r *waitResult) {
	p := e.params(c.t.region).ResidentInBenefitYearPaymentBenefitFrom.At(c.pay)
	r.explain("resident.inBenefitYear", e.cite(p.v), "pay", c.pay, "year", c.year, "benefitsFrom", r.BenefitsFrom, "level", levelText(p.level))
}

// explainWaitDays explains a wait counted in days (resident.fixedWaitDays):
// the fixed days and the days added for each further broken year.
func (e *engine) explainWaitDays(c *residentCase, r *waitResult, w fixedWaitRule, gap, why Text) {
	r.explain("resident.fixedDays", e.cite(w.fixedDays.v), "gap", gap, "why", why, "days", w.fixedDays.V)
	if extra := r.WaitDays - w.fixedDays.V; extra > 0 {
		r.explain("resident.variableDays", e.cite(w.daysPerYear.v), "broken", c.broken, "perYear", w.daysPerYear.V, "extra", extra)
	}
	if !r.NoBenefits {
		r.explain("resident.totalDays", e.cite(w.fixedDays.v), "days", r.WaitDays, "day", c.startDay, "benefitsFrom", r.BenefitsFrom)
	}
}
