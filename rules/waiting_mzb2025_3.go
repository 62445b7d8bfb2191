package rules

import "time"

// Clauses first written for Fujian (闽政办〔2025〕3号): the extension period
// and new students' benefit period. Any region whose data sets the
// parameter they read uses them.

// paidInExtension: a payment in the region's extension period (延长缴费期,
// e.g. 闽政办〔2025〕3号 “延长缴费期内缴费的，从缴费之日起开始享受参保年度
// 居民医保待遇”) starts benefits on the payment day.
func (e *engine) paidInExtension(c *residentCase, r *waitResult) bool {
	if !c.extension {
		return false
	}
	return c.done(r, c.pay)
}

func (e *engine) explainPaidInExtension(c *residentCase, r *waitResult) {
	p := e.params(c.t.region).ResidentExtension.At(c.yearFirst)
	r.explain("resident.extension", e.cite(p.v), "pay", c.pay, "year", c.year)
}

// studentEntry: where a region starts new college students' benefits at
// entry (闽政办〔2025〕3号 一（二）“对连续参保的省内高校新入学大学生，集中缴费期
// 内在学籍地缴纳下一年度居民医保费的，待遇享受期从当年9月1日至次年12月31日”),
// a student paying next year in the window where they study, continuously
// insured, is covered from 1 September of the payment year.
func (e *engine) studentEntry(c *residentCase, r *waitResult) bool {
	if !c.inWindow || c.prev == nil || c.broken > 0 || !e.inGroup(GroupStudent) || c.pay.IsZero() || !c.t.isPlan {
		return false
	}
	if p := e.in.Person; p.StudyRegion != "" && !sameArea(p.StudyRegion, c.t.region) {
		return false
	}
	p := e.params(c.t.region).StudentEntryBenefitStart.At(c.pay)
	if p.V != "september" || c.pay.Year() != c.year-1 {
		return false
	}
	return c.done(r, time.Date(c.pay.Year(), time.September, 1, 0, 0, 0, 0, time.UTC))
}

func (e *engine) explainStudentEntry(c *residentCase, r *waitResult) {
	p := e.params(c.t.region).StudentEntryBenefitStart.At(c.pay)
	r.explain("student.entry", e.cite(p.v), "year", c.year, "from", r.benefitsFrom, "level", levelText(p.level))
}
