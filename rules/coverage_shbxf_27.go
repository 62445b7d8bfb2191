package rules

// employeeMonths counts the months of employee insurance paid, each month
// once: total with military service (视同缴费年限), and actual without it.
func (e *engine) employeeMonths() (total, actual int) {
	count := func(military bool) int {
		n, last := 0, Month(-1)
		for i := range e.h.spans {
			s := &e.h.spans[i]
			if s.scheme != Employee || (!military && s.kind == KindMilitary) {
				continue
			}
			from := max(s.from, last+1)
			if s.to >= from {
				n += int(s.to-from) + 1
				last = s.to
			}
		}
		return n
	}
	return count(true), count(false)
}

// retireeYears: 社会保险法 第二十七条 “达到法定退休年龄时累计缴费达到国家规定
// 年限的，退休后不再缴纳基本医疗保险费，按照国家规定享受基本医疗保险待遇；未达到
// 国家规定年限的，可以缴费至国家规定年限”. The years are set locally
// (retiree.minYears). Where they are known and not met, lifetime benefits
// wait until the years are paid up; where they are not known, the answer
// says so. It reports whether the retiree is short.
func (e *engine) retireeYears(c *CoverageAnswer) bool {
	total, actual := e.employeeMonths()
	ty, ay := total/12, actual/12
	p := e.params(c.Region).RetireeMinYears.At(e.asOf)
	src := e.rs.cite(p.v)
	years := say("retiree.years", "total", ty, "actual", ay)
	region := regionText(c.Region)
	m := p.V
	if m == nil {
		c.Explain = append(c.Explain, sayStep("retiree.years.unknown", src, "years", years, "region", region))
		return false
	}
	need := say("retiree.years/both", "male", m.Male, "female", m.Female)
	least := m.Female
	switch e.in.Person.Sex {
	case "male":
		least, need = m.Male, say("retiree.years/one", "n", m.Male)
	case "female":
		need = say("retiree.years/one", "n", m.Female)
	}
	if e.in.Person.Sex == "" && ty >= m.Female && ty < m.Male {
		c.Explain = append(c.Explain, sayStep("retiree.years.sex", src, "years", years, "region", region, "need", need))
		return false
	}
	if ty >= least && ay >= m.Actual {
		c.Explain = append(c.Explain, sayStep("retiree.years.met", src, "years", years, "region", region, "need", need, "actual", m.Actual))
		return false
	}
	c.Active, c.Status, c.Until = false, StatusRetiredShort, nil
	c.Explain = append(c.Explain, sayStep("retiree.years.short", src+"；"+e.rs.citeDoc("shbxf", "第二十七条"), "years", years, "region", region, "need", need, "actual", m.Actual))
	return true
}
