package rules

// Typed parameters: every parameter the engine reads is a field of Params,
// so that a misspelt parameter is a compile error and a value of the wrong
// kind cannot be read. A region's Params are resolved once, at load: the
// city's own values, then its province's, then the national ones.

// paramLink is one level of a region's values for a parameter.
type paramLink struct {
	vals  []Value
	level string
}

// paramLinks is one parameter's values for a region: city, province,
// national (always last).
type paramLinks []paramLink

// at is the value in force on day; days before the first national value
// take it (the data guarantees national values to an open end for every
// parameter the engine reads).
func (ls paramLinks) at(day Date) param {
	if p, ok := ls.lookup(day); ok {
		return p
	}
	return param{&ls[len(ls)-1].vals[0], LevelNational}
}

// lookup is the value in force on day, if any (for parameters with no value
// for every day, such as a year's contribution).
func (ls paramLinks) lookup(day Date) (param, bool) {
	for _, l := range ls {
		if v := valueAt(l.vals, day); v != nil {
			return param{v, l.level}, true
		}
	}
	return param{}, false
}

// The kinds of parameter: each reads its values as one Go type, so that a
// value of the wrong kind cannot be read. At and Lookup are as for
// paramLinks; V is the value, and the embedded param its source and level.

// IntParam is a parameter whose values are int.
type IntParam struct{ links paramLinks }

// IntValue is a IntParam's value on a day.
type IntValue struct {
	param
	V int
}

func (p *IntParam) setLinks(links []paramLink) { p.links = links }

// At is the value in force on day.
func (p IntParam) At(day Date) IntValue {
	r := p.links.at(day)
	return IntValue{r, r.v.num}
}

// Lookup is the value in force on day, if any.
func (p IntParam) Lookup(day Date) (IntValue, bool) {
	r, ok := p.links.lookup(day)
	if !ok {
		return IntValue{}, false
	}
	return IntValue{r, r.v.num}, true
}

// WordParam is a parameter whose values are string.
type WordParam struct{ links paramLinks }

// WordValue is a WordParam's value on a day.
type WordValue struct {
	param
	V string
}

func (p *WordParam) setLinks(links []paramLink) { p.links = links }

// At is the value in force on day.
func (p WordParam) At(day Date) WordValue {
	r := p.links.at(day)
	return WordValue{r, r.v.word}
}

// Lookup is the value in force on day, if any.
func (p WordParam) Lookup(day Date) (WordValue, bool) {
	r, ok := p.links.lookup(day)
	if !ok {
		return WordValue{}, false
	}
	return WordValue{r, r.v.word}, true
}

// WindowParam is a parameter whose values are Window.
type WindowParam struct{ links paramLinks }

// WindowValue is a WindowParam's value on a day.
type WindowValue struct {
	param
	V Window
}

func (p *WindowParam) setLinks(links []paramLink) { p.links = links }

// At is the value in force on day.
func (p WindowParam) At(day Date) WindowValue {
	r := p.links.at(day)
	return WindowValue{r, r.v.window}
}

// Lookup is the value in force on day, if any.
func (p WindowParam) Lookup(day Date) (WindowValue, bool) {
	r, ok := p.links.lookup(day)
	if !ok {
		return WindowValue{}, false
	}
	return WindowValue{r, r.v.window}, true
}

// GroupsParam is a parameter whose values are []string.
type GroupsParam struct{ links paramLinks }

// GroupsValue is a GroupsParam's value on a day.
type GroupsValue struct {
	param
	V []string
}

func (p *GroupsParam) setLinks(links []paramLink) { p.links = links }

// At is the value in force on day.
func (p GroupsParam) At(day Date) GroupsValue {
	r := p.links.at(day)
	return GroupsValue{r, r.v.words}
}

// Lookup is the value in force on day, if any.
func (p GroupsParam) Lookup(day Date) (GroupsValue, bool) {
	r, ok := p.links.lookup(day)
	if !ok {
		return GroupsValue{}, false
	}
	return GroupsValue{r, r.v.words}, true
}

// PeriodParam is a parameter whose values are *Window.
type PeriodParam struct{ links paramLinks }

// PeriodValue is a PeriodParam's value on a day.
type PeriodValue struct {
	param
	V *Window
}

func (p *PeriodParam) setLinks(links []paramLink) { p.links = links }

// At is the value in force on day.
func (p PeriodParam) At(day Date) PeriodValue {
	r := p.links.at(day)
	return PeriodValue{r, r.v.period}
}

// Lookup is the value in force on day, if any.
func (p PeriodParam) Lookup(day Date) (PeriodValue, bool) {
	r, ok := p.links.lookup(day)
	if !ok {
		return PeriodValue{}, false
	}
	return PeriodValue{r, r.v.period}, true
}

// YearsParam is a parameter whose values are *MinYears.
type YearsParam struct{ links paramLinks }

// YearsValue is a YearsParam's value on a day.
type YearsValue struct {
	param
	V *MinYears
}

func (p *YearsParam) setLinks(links []paramLink) { p.links = links }

// At is the value in force on day.
func (p YearsParam) At(day Date) YearsValue {
	r := p.links.at(day)
	return YearsValue{r, r.v.years}
}

// Lookup is the value in force on day, if any.
func (p YearsParam) Lookup(day Date) (YearsValue, bool) {
	r, ok := p.links.lookup(day)
	if !ok {
		return YearsValue{}, false
	}
	return YearsValue{r, r.v.years}, true
}

// Params is every parameter the engine reads, for one region.
type Params struct {
	EmployeeBackpayMaxGapMonths        IntParam    // employee.backpayMaxGapMonths
	EmployeeLongGapWaitMonths          IntParam    // employee.longGapWaitMonths
	EmployeeLongGapWaitCapMonths       IntParam    // employee.longGapWaitCapMonths
	SwitchMinContinuousYears           IntParam    // switch.minContinuousYears
	SwitchMaxGapMonths                 IntParam    // switch.maxGapMonths
	ResidentWindow                     WindowParam // resident.window
	ResidentFixedWaitMonths            IntParam    // resident.fixedWaitMonths
	ResidentVariableMonthsPerYear      IntParam    // resident.variableMonthsPerYear
	ResidentBrokenYearCounting         WordParam   // resident.brokenYearCounting
	ResidentBrokenYearsCountFrom       IntParam    // resident.brokenYearsCountFrom
	ResidentRepairMonthsPerYear        IntParam    // resident.repairMonthsPerYear
	ResidentLongBreakYears             IntParam    // resident.longBreakYears
	ResidentLongBreakMinMonths         IntParam    // resident.longBreakMinMonths
	ResidentExemptGroups               GroupsParam // resident.exemptGroups
	ResidentIndividualContribution     IntParam    // resident.individualContribution
	NewbornWindow                      WordParam   // newborn.window
	DuplicatesEmployeeKeepMinYears     IntParam    // duplicates.employeeKeepMinYears
	DuplicatesResidentRefund           WordParam   // duplicates.residentRefund
	IncentiveContinuousYearsBeforeRise IntParam    // incentive.continuousYearsBeforeRise
	IncentiveRisePerYear               IntParam    // incentive.risePerYear
	IncentiveCapShareOfCeilingPercent  IntParam    // incentive.capShareOfCeilingPercent
	IncentiveCountFrom                 IntParam    // incentive.countFrom
	TransferWorkingDays                IntParam    // transfer.workingDays
	ResidentExtension                  PeriodParam // resident.extension
	ResidentWaitCountsFrom             WordParam   // resident.waitCountsFrom
	NewbornLateBenefitStart            WordParam   // newborn.lateBenefitStart
	NewbornExemptUntilMonths           IntParam    // newborn.exemptUntilMonths
	NewbornWindowCounting              WordParam   // newborn.windowCounting
	EmployeeFirstFlexibleWaitMonths    IntParam    // employee.firstFlexibleWaitMonths
	RetireeMinYears                    YearsParam  // retiree.minYears
	StudentEntryBenefitStart           WordParam   // student.entryBenefitStart
	ResidentFullPriceOutsideWindow     PeriodParam // resident.fullPriceOutsideWindow
}

// paramFields binds each parameter of the data to its field of Params.
var paramFields = []struct {
	name  string
	field func(p *Params) interface{ setLinks([]paramLink) }
}{
	{"employee.backpayMaxGapMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.EmployeeBackpayMaxGapMonths }},
	{"employee.longGapWaitMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.EmployeeLongGapWaitMonths }},
	{"employee.longGapWaitCapMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.EmployeeLongGapWaitCapMonths }},
	{"switch.minContinuousYears", func(p *Params) interface{ setLinks([]paramLink) } { return &p.SwitchMinContinuousYears }},
	{"switch.maxGapMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.SwitchMaxGapMonths }},
	{"resident.window", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentWindow }},
	{"resident.fixedWaitMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentFixedWaitMonths }},
	{"resident.variableMonthsPerYear", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentVariableMonthsPerYear }},
	{"resident.brokenYearCounting", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentBrokenYearCounting }},
	{"resident.brokenYearsCountFrom", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentBrokenYearsCountFrom }},
	{"resident.repairMonthsPerYear", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentRepairMonthsPerYear }},
	{"resident.longBreakYears", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentLongBreakYears }},
	{"resident.longBreakMinMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentLongBreakMinMonths }},
	{"resident.exemptGroups", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentExemptGroups }},
	{"resident.individualContribution", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentIndividualContribution }},
	{"newborn.window", func(p *Params) interface{ setLinks([]paramLink) } { return &p.NewbornWindow }},
	{"duplicates.employeeKeepMinYears", func(p *Params) interface{ setLinks([]paramLink) } { return &p.DuplicatesEmployeeKeepMinYears }},
	{"duplicates.residentRefund", func(p *Params) interface{ setLinks([]paramLink) } { return &p.DuplicatesResidentRefund }},
	{"incentive.continuousYearsBeforeRise", func(p *Params) interface{ setLinks([]paramLink) } { return &p.IncentiveContinuousYearsBeforeRise }},
	{"incentive.risePerYear", func(p *Params) interface{ setLinks([]paramLink) } { return &p.IncentiveRisePerYear }},
	{"incentive.capShareOfCeilingPercent", func(p *Params) interface{ setLinks([]paramLink) } { return &p.IncentiveCapShareOfCeilingPercent }},
	{"incentive.countFrom", func(p *Params) interface{ setLinks([]paramLink) } { return &p.IncentiveCountFrom }},
	{"transfer.workingDays", func(p *Params) interface{ setLinks([]paramLink) } { return &p.TransferWorkingDays }},
	{"resident.extension", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentExtension }},
	{"resident.waitCountsFrom", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentWaitCountsFrom }},
	{"newborn.lateBenefitStart", func(p *Params) interface{ setLinks([]paramLink) } { return &p.NewbornLateBenefitStart }},
	{"newborn.exemptUntilMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.NewbornExemptUntilMonths }},
	{"newborn.windowCounting", func(p *Params) interface{ setLinks([]paramLink) } { return &p.NewbornWindowCounting }},
	{"employee.firstFlexibleWaitMonths", func(p *Params) interface{ setLinks([]paramLink) } { return &p.EmployeeFirstFlexibleWaitMonths }},
	{"retiree.minYears", func(p *Params) interface{ setLinks([]paramLink) } { return &p.RetireeMinYears }},
	{"student.entryBenefitStart", func(p *Params) interface{ setLinks([]paramLink) } { return &p.StudentEntryBenefitStart }},
	{"resident.fullPriceOutsideWindow", func(p *Params) interface{ setLinks([]paramLink) } { return &p.ResidentFullPriceOutsideWindow }},
}

// For is the parameters of region (national ones for a region with no
// rules of its own).
func (rs *RuleSet) For(region string) *Params {
	if p := rs.params[region]; p != nil {
		return p
	}
	return rs.nationalParams
}

// buildParams resolves the Params of every region with rules of its own (or
// whose province has), and the national ones.
func (rs *RuleSet) buildParams() {
	build := func(chain []link) *Params {
		p := &Params{}
		for _, f := range paramFields {
			var links []paramLink
			for _, l := range chain {
				if vals := l.r.Parameters[f.name]; len(vals) > 0 {
					links = append(links, paramLink{vals, l.level})
				}
			}
			links = append(links, paramLink{rs.national[f.name].Values, LevelNational})
			f.field(p).setLinks(links)
		}
		return p
	}
	rs.nationalParams = build(nil)
	rs.params = make(map[string]*Params, len(rs.chains))
	for code, chain := range rs.chains {
		rs.params[code] = build(chain)
	}
}
