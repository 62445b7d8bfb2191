package rules

import "strconv"

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
	p := e.rs.get("retiree.minYears", c.Region, e.asOf)
	src := e.rs.cite(p.v)
	years := "职工医保累计缴费约" + strconv.Itoa(ty) + "年（按填写的记录计算，含视同缴费年限），其中实际缴费约" + strconv.Itoa(ay) + "年"
	yearsEn := "About " + strconv.Itoa(ty) + " years of employee insurance (from the enrollments given, service years included), " + strconv.Itoa(ay) + " actually paid"
	m := p.v.years
	if m == nil {
		c.Explain = append(c.Explain, Step{Rule: "retiree.years.unknown",
			Zh: years + "。" + c.RegionName + "规定的最低缴费年限本工具未收录：请向参保地医保部门确认已达到；未达到的，可以缴费至规定年限。",
			En: yearsEn + ". " + regionNameEn(c.Region) + "'s minimum years are not in this tool's data: check with the insuring region that they are met; if not, the years can be paid up.", Source: src})
		return false
	}
	need, needEn := strconv.Itoa(m.Male)+"年（男）或"+strconv.Itoa(m.Female)+"年（女）", strconv.Itoa(m.Male)+" (men) or "+strconv.Itoa(m.Female)+" (women)"
	min := m.Female
	switch e.in.Person.Sex {
	case "male":
		min, need, needEn = m.Male, strconv.Itoa(m.Male)+"年", strconv.Itoa(m.Male)
	case "female":
		need, needEn = strconv.Itoa(m.Female)+"年", strconv.Itoa(m.Female)
	}
	if e.in.Person.Sex == "" && ty >= m.Female && ty < m.Male {
		c.Explain = append(c.Explain, Step{Rule: "retiree.years.sex",
			Zh: years + "；" + c.RegionName + "规定累计缴费" + need + "：女性已达到，男性尚未达到（请填写性别）。",
			En: yearsEn + "; " + regionNameEn(c.Region) + " requires " + needEn + " years: met for a woman, not for a man (give the sex).", Source: src})
		return false
	}
	if ty >= min && ay >= m.Actual {
		c.Explain = append(c.Explain, Step{Rule: "retiree.years.met",
			Zh: years + "，达到" + c.RegionName + "规定的" + need + "（实际缴费不少于" + strconv.Itoa(m.Actual) + "年）。",
			En: yearsEn + ": " + regionNameEn(c.Region) + "'s " + needEn + " years (at least " + strconv.Itoa(m.Actual) + " actually paid) are met.", Source: src})
		return false
	}
	c.Active, c.Status, c.Until = false, StatusRetiredShort, nil
	c.Explain = append(c.Explain, Step{Rule: "retiree.years.short",
		Zh: years + "，未达到" + c.RegionName + "规定的累计" + need + "、实际缴费不少于" + strconv.Itoa(m.Actual) + "年：退休后不能直接享受职工医保待遇，可以缴费至规定年限（按当地规定一次性补足或继续缴费）后享受。",
		En: yearsEn + ": short of " + regionNameEn(c.Region) + "'s " + needEn + " years with at least " + strconv.Itoa(m.Actual) + " actually paid. Lifetime benefits start only once the years are paid up (at once or by paying on, as the region allows).", Source: src + "；" + e.rs.citeDoc("shbxf", "第二十七条")})
	return true
}
