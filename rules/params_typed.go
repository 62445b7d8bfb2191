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

// Param is one parameter as it applies to a region.
type Param[T any] struct {
	links []paramLink // city, province, national (always last)
	get   func(*Value) T
}

// Resolved is a parameter's value in force on a day, with its source and
// the level it comes from.
type Resolved[T any] struct {
	param
	V T
}

// At is the value in force on day; days before the first national value
// take it (the data guarantees national values to an open end for every
// parameter the engine reads with At).
func (p Param[T]) At(day Date) Resolved[T] {
	for _, l := range p.links {
		if v := valueAt(l.vals, day); v != nil {
			return Resolved[T]{param{v, l.level}, p.get(v)}
		}
	}
	v := &p.links[len(p.links)-1].vals[0]
	return Resolved[T]{param{v, LevelNational}, p.get(v)}
}

// Lookup is the value in force on day, if any (for parameters with no value
// for every day, such as a year's contribution).
func (p Param[T]) Lookup(day Date) (Resolved[T], bool) {
	for _, l := range p.links {
		if v := valueAt(l.vals, day); v != nil {
			return Resolved[T]{param{v, l.level}, p.get(v)}, true
		}
	}
	return Resolved[T]{}, false
}

// Params is every parameter the engine reads, for one region.
type Params struct {
	EmployeeBackpayMaxGapMonths        Param[int]       // employee.backpayMaxGapMonths
	EmployeeLongGapWaitMonths          Param[int]       // employee.longGapWaitMonths
	EmployeeLongGapWaitCapMonths       Param[int]       // employee.longGapWaitCapMonths
	SwitchMinContinuousYears           Param[int]       // switch.minContinuousYears
	SwitchMaxGapMonths                 Param[int]       // switch.maxGapMonths
	ResidentWindow                     Param[Window]    // resident.window
	ResidentFixedWaitMonths            Param[int]       // resident.fixedWaitMonths
	ResidentVariableMonthsPerYear      Param[int]       // resident.variableMonthsPerYear
	ResidentBrokenYearCounting         Param[string]    // resident.brokenYearCounting
	ResidentBrokenYearsCountFrom       Param[int]       // resident.brokenYearsCountFrom
	ResidentRepairMonthsPerYear        Param[int]       // resident.repairMonthsPerYear
	ResidentLongBreakYears             Param[int]       // resident.longBreakYears
	ResidentLongBreakMinMonths         Param[int]       // resident.longBreakMinMonths
	ResidentExemptGroups               Param[[]string]  // resident.exemptGroups
	ResidentIndividualContribution     Param[int]       // resident.individualContribution
	NewbornWindow                      Param[string]    // newborn.window
	DuplicatesEmployeeKeepMinYears     Param[int]       // duplicates.employeeKeepMinYears
	DuplicatesResidentRefund           Param[string]    // duplicates.residentRefund
	IncentiveContinuousYearsBeforeRise Param[int]       // incentive.continuousYearsBeforeRise
	IncentiveRisePerYear               Param[int]       // incentive.risePerYear
	IncentiveCapShareOfCeilingPercent  Param[int]       // incentive.capShareOfCeilingPercent
	IncentiveCountFrom                 Param[int]       // incentive.countFrom
	TransferWorkingDays                Param[int]       // transfer.workingDays
	ResidentExtension                  Param[*Window]   // resident.extension
	ResidentWaitCountsFrom             Param[string]    // resident.waitCountsFrom
	NewbornLateBenefitStart            Param[string]    // newborn.lateBenefitStart
	NewbornExemptUntilMonths           Param[int]       // newborn.exemptUntilMonths
	NewbornWindowCounting              Param[string]    // newborn.windowCounting
	EmployeeFirstFlexibleWaitMonths    Param[int]       // employee.firstFlexibleWaitMonths
	RetireeMinYears                    Param[*MinYears] // retiree.minYears
	StudentEntryBenefitStart           Param[string]    // student.entryBenefitStart
}

// paramFields binds each parameter of the data to its field of Params.
var paramFields = []struct {
	name string
	set  func(p *Params, links []paramLink)
}{
	{"employee.backpayMaxGapMonths", func(p *Params, l []paramLink) {
		p.EmployeeBackpayMaxGapMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"employee.longGapWaitMonths", func(p *Params, l []paramLink) {
		p.EmployeeLongGapWaitMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"employee.longGapWaitCapMonths", func(p *Params, l []paramLink) {
		p.EmployeeLongGapWaitCapMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"switch.minContinuousYears", func(p *Params, l []paramLink) {
		p.SwitchMinContinuousYears = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"switch.maxGapMonths", func(p *Params, l []paramLink) {
		p.SwitchMaxGapMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.window", func(p *Params, l []paramLink) {
		p.ResidentWindow = Param[Window]{l, func(v *Value) Window { return v.window }}
	}},
	{"resident.fixedWaitMonths", func(p *Params, l []paramLink) {
		p.ResidentFixedWaitMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.variableMonthsPerYear", func(p *Params, l []paramLink) {
		p.ResidentVariableMonthsPerYear = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.brokenYearCounting", func(p *Params, l []paramLink) {
		p.ResidentBrokenYearCounting = Param[string]{l, func(v *Value) string { return v.word }}
	}},
	{"resident.brokenYearsCountFrom", func(p *Params, l []paramLink) {
		p.ResidentBrokenYearsCountFrom = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.repairMonthsPerYear", func(p *Params, l []paramLink) {
		p.ResidentRepairMonthsPerYear = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.longBreakYears", func(p *Params, l []paramLink) {
		p.ResidentLongBreakYears = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.longBreakMinMonths", func(p *Params, l []paramLink) {
		p.ResidentLongBreakMinMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.exemptGroups", func(p *Params, l []paramLink) {
		p.ResidentExemptGroups = Param[[]string]{l, func(v *Value) []string { return v.words }}
	}},
	{"resident.individualContribution", func(p *Params, l []paramLink) {
		p.ResidentIndividualContribution = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"newborn.window", func(p *Params, l []paramLink) {
		p.NewbornWindow = Param[string]{l, func(v *Value) string { return v.word }}
	}},
	{"duplicates.employeeKeepMinYears", func(p *Params, l []paramLink) {
		p.DuplicatesEmployeeKeepMinYears = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"duplicates.residentRefund", func(p *Params, l []paramLink) {
		p.DuplicatesResidentRefund = Param[string]{l, func(v *Value) string { return v.word }}
	}},
	{"incentive.continuousYearsBeforeRise", func(p *Params, l []paramLink) {
		p.IncentiveContinuousYearsBeforeRise = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"incentive.risePerYear", func(p *Params, l []paramLink) {
		p.IncentiveRisePerYear = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"incentive.capShareOfCeilingPercent", func(p *Params, l []paramLink) {
		p.IncentiveCapShareOfCeilingPercent = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"incentive.countFrom", func(p *Params, l []paramLink) {
		p.IncentiveCountFrom = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"transfer.workingDays", func(p *Params, l []paramLink) {
		p.TransferWorkingDays = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"resident.extension", func(p *Params, l []paramLink) {
		p.ResidentExtension = Param[*Window]{l, func(v *Value) *Window { return v.period }}
	}},
	{"resident.waitCountsFrom", func(p *Params, l []paramLink) {
		p.ResidentWaitCountsFrom = Param[string]{l, func(v *Value) string { return v.word }}
	}},
	{"newborn.lateBenefitStart", func(p *Params, l []paramLink) {
		p.NewbornLateBenefitStart = Param[string]{l, func(v *Value) string { return v.word }}
	}},
	{"newborn.exemptUntilMonths", func(p *Params, l []paramLink) {
		p.NewbornExemptUntilMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"newborn.windowCounting", func(p *Params, l []paramLink) {
		p.NewbornWindowCounting = Param[string]{l, func(v *Value) string { return v.word }}
	}},
	{"employee.firstFlexibleWaitMonths", func(p *Params, l []paramLink) {
		p.EmployeeFirstFlexibleWaitMonths = Param[int]{l, func(v *Value) int { return v.num }}
	}},
	{"retiree.minYears", func(p *Params, l []paramLink) {
		p.RetireeMinYears = Param[*MinYears]{l, func(v *Value) *MinYears { return v.years }}
	}},
	{"student.entryBenefitStart", func(p *Params, l []paramLink) {
		p.StudentEntryBenefitStart = Param[string]{l, func(v *Value) string { return v.word }}
	}},
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
			f.set(p, links)
		}
		return p
	}
	rs.nationalParams = build(nil)
	rs.params = make(map[string]*Params, len(rs.chains))
	for code, chain := range rs.chains {
		rs.params[code] = build(chain)
	}
}
