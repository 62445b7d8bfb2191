package rules

// What the rules page shows: the rules that apply to one region, and how
// many provinces have a value of their own for each parameter.

// AppliedRule is a parameter as it applies to a region: the values of the
// most local level that has any (the city's, its province's, or the
// national ones).
type AppliedRule struct {
	Parameter Parameter // the national definition (name, zh, en, unit)
	// Level is LevelCity, LevelProvince or LevelNational; Region is the
	// code whose values these are ("" for national ones).
	Level  string
	Region string
	Values []Value
}

// AppliedRules lists every parameter as it applies to region code, sorted
// by parameter name.
func (rs *RuleSet) AppliedRules(code string) []AppliedRule {
	links, n := rs.chain(code)
	chain := links[:n]
	out := make([]AppliedRule, 0, len(rs.national))
	for _, p := range rs.Parameters() {
		a := AppliedRule{Parameter: p, Level: LevelNational, Values: p.Values}
		for _, l := range chain {
			if vals := l.r.Parameters[p.Name]; len(vals) > 0 {
				a.Level, a.Region, a.Values = l.level, l.r.Code, vals
				break
			}
		}
		out = append(out, a)
	}
	return out
}

// LocalProvinces counts, for each parameter, the provinces with a value of
// their own, set by the province or by one of its cities.
func (rs *RuleSet) LocalProvinces() map[string]int {
	seen := map[string]map[string]bool{}
	for code, r := range rs.regions {
		for name := range r.Parameters {
			if seen[name] == nil {
				seen[name] = map[string]bool{}
			}
			seen[name][ProvinceOf(code)] = true
		}
	}
	out := map[string]int{}
	for name := range rs.national {
		out[name] = len(seen[name])
	}
	return out
}

// Provinces is the number of province-level regions (31).
func Provinces() int {
	n := 0
	for _, r := range Regions() {
		if r.Level == LevelProvince {
			n++
		}
	}
	return n
}
