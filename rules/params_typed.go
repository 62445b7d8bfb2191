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
type Param[T paramValue] struct {
	links []paramLink // city, province, national (always last)
}

// paramValue is what a parameter's value may be.
type paramValue interface {
	int | string | Window | []string | *Window | *MinYears
}

// valueOf reads v as a T: the kind checked at load decides which field.
func valueOf[T paramValue](v *Value) T {
	var t T
	v.readInto(&t)
	return t
}

// readInto sets *dst, a pointer to a paramValue, to v's value of that
// type. Not generic, so that each kind of Param does not have its own
// copy of the switch.
func (v *Value) readInto(dst any) {
	switch p := dst.(type) {
	case *int:
		*p = v.num
	case *string:
		*p = v.word
	case *Window:
		*p = v.window
	case *[]string:
		*p = v.words
	case **Window:
		*p = v.period
	case **MinYears:
		*p = v.years
	}
}

// Resolved is a parameter's value in force on a day, with its source and
// the level it comes from.
type Resolved[T paramValue] struct {
	param
	V T
}

// At is the value in force on day; days before the first national value
// take it (the data guarantees national values to an open end for every
// parameter the engine reads with At).
func (p Param[T]) At(day Date) Resolved[T] {
	r := lookupLinks(p.links, day)
	if r.v == nil {
		r = param{v: &p.links[len(p.links)-1].vals[0], level: LevelNational}
	}
	return Resolved[T]{r, valueOf[T](r.v)}
}

// Lookup is the value in force on day, if any (for parameters with no value
// for every day, such as a year's contribution).
func (p Param[T]) Lookup(day Date) (Resolved[T], bool) {
	r := lookupLinks(p.links, day)
	if r.v == nil {
		return Resolved[T]{}, false
	}
	return Resolved[T]{r, valueOf[T](r.v)}, true
}

// lookupLinks is the first value of links in force on day, with its level
// (none: a nil v). Not generic, so that each kind of Param does not have
// its own copy of the search.
func lookupLinks(links []paramLink, day Date) param {
	for _, l := range links {
		if v := valueAt(l.vals, day); v != nil {
			return param{v: v, level: l.level}
		}
	}
	return param{}
}

// Params is every parameter the engine reads, for one region.
type Params struct {
	EmployeeBackpayMaxGapMonths             Param[int]       // employee.backpayMaxGapMonths
	EmployeeLongGapWaitMonths               Param[int]       // employee.longGapWaitMonths
	EmployeeLongGapWaitCapMonths            Param[int]       // employee.longGapWaitCapMonths
	SwitchMinContinuousYears                Param[int]       // switch.minContinuousYears
	SwitchMaxGapMonths                      Param[int]       // switch.maxGapMonths
	ResidentWindow                          Param[Window]    // resident.window
	ResidentFixedWaitMonths                 Param[int]       // resident.fixedWaitMonths
	ResidentVariableMonthsPerYear           Param[int]       // resident.variableMonthsPerYear
	ResidentBrokenYearCounting              Param[string]    // resident.brokenYearCounting
	ResidentBrokenYearsCountFrom            Param[int]       // resident.brokenYearsCountFrom
	ResidentRepairMonthsPerYear             Param[int]       // resident.repairMonthsPerYear
	ResidentLongBreakYears                  Param[int]       // resident.longBreakYears
	ResidentLongBreakMinMonths              Param[int]       // resident.longBreakMinMonths
	ResidentExemptGroups                    Param[[]string]  // resident.exemptGroups
	ResidentIndividualContribution          Param[int]       // resident.individualContribution
	NewbornWindow                           Param[string]    // newborn.window
	DuplicatesEmployeeKeepMinYears          Param[int]       // duplicates.employeeKeepMinYears
	DuplicatesResidentRefund                Param[string]    // duplicates.residentRefund
	IncentiveContinuousYearsBeforeRise      Param[int]       // incentive.continuousYearsBeforeRise
	IncentiveRisePerYear                    Param[int]       // incentive.risePerYear
	IncentiveCapShareOfCeilingPercent       Param[int]       // incentive.capShareOfCeilingPercent
	IncentiveCountFrom                      Param[int]       // incentive.countFrom
	TransferWorkingDays                     Param[int]       // transfer.workingDays
	TransferOutWorkingDays                  Param[int]       // transfer.outWorkingDays
	TransferInWorkingDays                   Param[int]       // transfer.inWorkingDays
	ResidentExtension                       Param[*Window]   // resident.extension
	ResidentWaitCountsFrom                  Param[string]    // resident.waitCountsFrom
	NewbornLateBenefitStart                 Param[string]    // newborn.lateBenefitStart
	NewbornExemptUntilMonths                Param[int]       // newborn.exemptUntilMonths
	NewbornWindowCounting                   Param[string]    // newborn.windowCounting
	EmployeeFirstFlexibleWaitMonths         Param[int]       // employee.firstFlexibleWaitMonths
	RetireeMinYears                         Param[*MinYears] // retiree.minYears
	StudentEntryBenefitStart                Param[string]    // student.entryBenefitStart
	ResidentFullPriceOutsideWindow          Param[*Window]   // resident.fullPriceOutsideWindow
	ResidentInBenefitYearPaymentBenefitFrom Param[string]    // resident.inBenefitYearPaymentBenefitFrom
	ResidentFullPrice                       Param[int]       // resident.fullPrice
	ResidentFixedWaitDays                   Param[int]       // resident.fixedWaitDays
	ResidentVariableDaysPerYear             Param[int]       // resident.variableDaysPerYear
	ResidentCollection                      Param[string]    // resident.collection
	IncentiveZeroClaimRise                  Param[int]       // incentive.zeroClaimRise
	IncentiveBreakPenaltyPerYear            Param[int]       // incentive.breakPenaltyPerYear
	IncentiveCapTotalYuan                   Param[int]       // incentive.capTotalYuan
	IncentiveKeepEarnedAfterBreak           Param[string]    // incentive.keepEarnedAfterBreak
	IncentiveApplies                        Param[string]    // incentive.applies
	EmployeeFlexibleLongGapWaitMonths       Param[int]       // employee.flexibleLongGapWaitMonths
	EmployeeWaitCountsPaymentMonth          Param[string]    // employee.waitCountsPaymentMonth
}

// paramFields names the parameter of the data bound to each field of
// Params, in the order of the fields (TestParamFields checks both).
var paramFields = [...]string{
	"employee.backpayMaxGapMonths",
	"employee.longGapWaitMonths",
	"employee.longGapWaitCapMonths",
	"switch.minContinuousYears",
	"switch.maxGapMonths",
	"resident.window",
	"resident.fixedWaitMonths",
	"resident.variableMonthsPerYear",
	"resident.brokenYearCounting",
	"resident.brokenYearsCountFrom",
	"resident.repairMonthsPerYear",
	"resident.longBreakYears",
	"resident.longBreakMinMonths",
	"resident.exemptGroups",
	"resident.individualContribution",
	"newborn.window",
	"duplicates.employeeKeepMinYears",
	"duplicates.residentRefund",
	"incentive.continuousYearsBeforeRise",
	"incentive.risePerYear",
	"incentive.capShareOfCeilingPercent",
	"incentive.countFrom",
	"transfer.workingDays",
	"transfer.outWorkingDays",
	"transfer.inWorkingDays",
	"resident.extension",
	"resident.waitCountsFrom",
	"newborn.lateBenefitStart",
	"newborn.exemptUntilMonths",
	"newborn.windowCounting",
	"employee.firstFlexibleWaitMonths",
	"retiree.minYears",
	"student.entryBenefitStart",
	"resident.fullPriceOutsideWindow",
	"resident.inBenefitYearPaymentBenefitFrom",
	"resident.fullPrice",
	"resident.fixedWaitDays",
	"resident.variableDaysPerYear",
	"resident.collection",
	"incentive.zeroClaimRise",
	"incentive.breakPenaltyPerYear",
	"incentive.capTotalYuan",
	"incentive.keepEarnedAfterBreak",
	"incentive.applies",
	"employee.flexibleLongGapWaitMonths",
	"employee.waitCountsPaymentMonth",
}

// linksOf is the values of every field of p, in the order of paramFields:
// one function of addresses rather than a closure per field, which in
// WebAssembly cost 13 KB of code.
func linksOf(p *Params) [len(paramFields)]*[]paramLink {
	return [...]*[]paramLink{
		&p.EmployeeBackpayMaxGapMonths.links,
		&p.EmployeeLongGapWaitMonths.links,
		&p.EmployeeLongGapWaitCapMonths.links,
		&p.SwitchMinContinuousYears.links,
		&p.SwitchMaxGapMonths.links,
		&p.ResidentWindow.links,
		&p.ResidentFixedWaitMonths.links,
		&p.ResidentVariableMonthsPerYear.links,
		&p.ResidentBrokenYearCounting.links,
		&p.ResidentBrokenYearsCountFrom.links,
		&p.ResidentRepairMonthsPerYear.links,
		&p.ResidentLongBreakYears.links,
		&p.ResidentLongBreakMinMonths.links,
		&p.ResidentExemptGroups.links,
		&p.ResidentIndividualContribution.links,
		&p.NewbornWindow.links,
		&p.DuplicatesEmployeeKeepMinYears.links,
		&p.DuplicatesResidentRefund.links,
		&p.IncentiveContinuousYearsBeforeRise.links,
		&p.IncentiveRisePerYear.links,
		&p.IncentiveCapShareOfCeilingPercent.links,
		&p.IncentiveCountFrom.links,
		&p.TransferWorkingDays.links,
		&p.TransferOutWorkingDays.links,
		&p.TransferInWorkingDays.links,
		&p.ResidentExtension.links,
		&p.ResidentWaitCountsFrom.links,
		&p.NewbornLateBenefitStart.links,
		&p.NewbornExemptUntilMonths.links,
		&p.NewbornWindowCounting.links,
		&p.EmployeeFirstFlexibleWaitMonths.links,
		&p.RetireeMinYears.links,
		&p.StudentEntryBenefitStart.links,
		&p.ResidentFullPriceOutsideWindow.links,
		&p.ResidentInBenefitYearPaymentBenefitFrom.links,
		&p.ResidentFullPrice.links,
		&p.ResidentFixedWaitDays.links,
		&p.ResidentVariableDaysPerYear.links,
		&p.ResidentCollection.links,
		&p.IncentiveZeroClaimRise.links,
		&p.IncentiveBreakPenaltyPerYear.links,
		&p.IncentiveCapTotalYuan.links,
		&p.IncentiveKeepEarnedAfterBreak.links,
		&p.IncentiveApplies.links,
		&p.EmployeeFlexibleLongGapWaitMonths.links,
		&p.EmployeeWaitCountsPaymentMonth.links,
	}
}

// For is the parameters of region (national ones for a region with no
// rules of its own). A region's are resolved the first time they are
// asked for: an answer reads one or two regions, and resolving all of
// them at load would cost a phone's cold start more than the answer.
func (rs *RuleSet) For(region string) *Params {
	rs.paramsMu.Lock()
	defer rs.paramsMu.Unlock()
	if p := rs.params[region]; p != nil {
		return p
	}
	chain, n := rs.chain(region)
	if n == 0 {
		return rs.nationalParams // not kept: any text may be asked for
	}
	p := rs.resolve(chain[:n])
	rs.params[region] = p
	return p
}

// resolve builds the Params of a region from its chain of regions with
// values (city, province), the national values last.
func (rs *RuleSet) resolve(chain []link) *Params {
	p := &Params{}
	fields := linksOf(p)
	for i, name := range paramFields {
		var links []paramLink
		for _, l := range chain {
			if vals := l.r.Parameters[name]; len(vals) > 0 {
				links = append(links, paramLink{vals, l.level})
			}
		}
		*fields[i] = append(links, paramLink{rs.national[name].Values, LevelNational})
	}
	return p
}

// buildParams resolves the national Params; a region's come when first
// asked for (For).
func (rs *RuleSet) buildParams() {
	rs.nationalParams = rs.resolve(nil)
	rs.params = map[string]*Params{}
}

// valueOn is the value in force on day, or nil (for the data tests, which
// name parameters by string).
func (p Param[T]) valueOn(day Date) *Value {
	r, ok := p.Lookup(day)
	if !ok {
		return nil
	}
	return r.v
}
