package rules

// String lookups of parameters, for the data tests (the engine reads
// typed parameters: params_typed.go).

// lookup finds the value of a parameter in force on day for region: the
// city's own value, else its province's, else the national one.
func (rs *RuleSet) lookup(name, region string, day Date) (*Value, string) {
	chain, n := rs.chain(region)
	for _, l := range chain[:n] {
		if v := valueAt(l.r.Parameters[name], day); v != nil {
			return v, l.level
		}
	}
	return valueAt(rs.national[name].Values, day), LevelNational
}

// intAt returns an integer parameter; ok is false when no value is in force.
func (rs *RuleSet) intAt(name, region string, day Date) (int, *Value, bool) {
	v, _ := rs.lookup(name, region, day)
	if v == nil {
		return 0, nil, false
	}
	return v.num, v, true
}

// get resolves a parameter that the data guarantees (national values run
// without holes to an open end); days before the first value use it.
func (rs *RuleSet) get(name, region string, day Date) param {
	v, level := rs.lookup(name, region, day)
	if v == nil {
		v, level = &rs.national[name].Values[0], LevelNational
	}
	return param{v: v, level: level}
}
