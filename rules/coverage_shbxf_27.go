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

// retireeYearsCheck is how a retiree's contribution years compare with
// the region's minimum (retiree.minYears).
type retireeYearsCheck struct {
	region         string
	total, actual  int // years, military service counted in total
	min            Resolved[*MinYears]
	need           Text // the years asked, as said
	unknown, short bool
	sexUnknown     bool // met for a woman, not for a man, and the sex not given
}

// retireeYears: 社会保险法 第二十七条 “达到法定退休年龄时累计缴费达到国家规定
// 年限的，退休后不再缴纳基本医疗保险费，按照国家规定享受基本医疗保险待遇；未达到
// 国家规定年限的，可以缴费至国家规定年限”. The years are set locally; where they
// are known and not met, lifetime benefits wait until the years are paid up
// (no retiree benefits are counted); where they are not known, the answer
// says so.
func (e *engine) retireeYears() retireeYearsCheck {
	total, actual := e.employeeMonths()
	region := e.retireeRegion()
	r := retireeYearsCheck{region: region, total: total / 12, actual: actual / 12}
	r.min = e.params(region).RetireeMinYears.At(e.asOf)
	m := r.min.V
	if m == nil {
		r.unknown = true
		return r
	}
	r.need = say("retiree.years/both", "male", m.Male, "female", m.Female)
	least := m.Female
	switch e.in.Person.Sex {
	case "male":
		least, r.need = m.Male, say("retiree.years/one", "n", m.Male)
	case "female":
		r.need = say("retiree.years/one", "n", m.Female)
	default:
		r.sexUnknown = r.total >= m.Female && r.total < m.Male
	}
	r.short = !r.sexUnknown && (r.total < least || r.actual < m.Actual)
	return r
}

// explainRetireeYears says how the years compare.
func (e *engine) explainRetireeYears(c *CoverageAnswer, r retireeYearsCheck) {
	src := e.cite(r.min.v)
	years := say("retiree.years", "total", r.total, "actual", r.actual)
	region := regionText(r.region)
	switch {
	case r.unknown:
		addStep(&c.Explain, "retiree.years.unknown", src, "years", years, "region", region)
	case r.sexUnknown:
		addStep(&c.Explain, "retiree.years.sex", src, "years", years, "region", region, "need", r.need)
	case r.short:
		addStep(&c.Explain, "retiree.years.short", src+"；"+e.rs.citeDoc("shbxf", "第二十七条"), "years", years, "region", region, "need", r.need, "actual", r.min.V.Actual)
	default:
		addStep(&c.Explain, "retiree.years.met", src, "years", years, "region", region, "need", r.need, "actual", r.min.V.Actual)
	}
}

// retiredShort: a retiree short of the region's minimum years, with no other
// enrollment paying on asOf, is not covered until the years are paid up.
func (e *engine) retiredShort(q *coverageQuery, c *CoverageAnswer) bool {
	if !e.retired() {
		return false
	}
	r := e.retireeYears()
	if !r.short {
		return false
	}
	c.Status, c.Scheme, c.Region = StatusRetiredShort, Employee, r.region
	c.RegionName = regionName(r.region)
	for i := range e.h.spans {
		if s := &e.h.spans[i]; s.retiree {
			c.Enrollment = strp(s.id)
		}
	}
	e.explainRetireeYears(c, r)
	return true
}
