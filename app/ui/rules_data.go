package ui

import (
	"yibao/rules"
)

// The rules page's view of the engine's data. This file is the only one
// that knows how package rules exposes its documents and parameters.

type rulesCatalog struct {
	Version string
	Docs    []rulesDoc
	Params  []rulesParam
	Regions []rulesRegion
	// Provinces is the number of provinces (31); LocalCount, by parameter
	// name, how many of them have a value of their own.
	Provinces  int
	LocalCount map[string]int
	Err        string
}

type rulesDoc struct {
	Number, Title, Issuer, Issued, URL, Verified, Note string
}

type rulesParam struct {
	Name, Zh, En, Unit string
	// Level is "city", "province" or "national" (applied rules only) and
	// Region the code of the region whose values these are (named in the
	// page's language when shown).
	Level, Region string
	Values        []rulesValue
}

type rulesValue struct {
	From, To, Value, Source, Note string
	// URL, Quote and Trust say where a region's own value was read and how
	// sure it is.
	URL, Quote, Trust string
}

type rulesRegion struct {
	Code, Name, Note string
	// Status is "local" (own parameters) or "national" (national rules only).
	Status string
	// Province is the province-level code the region belongs to.
	Province string
	Params   []rulesParam
}

// rulesProvinceOf is the province-level code of a region.
func rulesProvinceOf(code string) string { return rules.ProvinceOf(code) }

// loadRulesCatalog reads the rule set embedded in the engine.
func loadRulesCatalog() rulesCatalog {
	rs, err := rules.Default()
	if err != nil {
		return rulesCatalog{Err: err.Error()}
	}
	c := rulesCatalog{Version: rs.Version}
	numbers := docNumbers(rs)
	for _, d := range rs.Documents() {
		c.Docs = append(c.Docs, rulesDoc{
			Number: d.Number, Title: d.Title, Issuer: d.Issuer, Issued: d.Issued,
			URL: d.URL, Verified: d.Verified, Note: d.Note,
		})
	}
	names := map[string]rules.Parameter{}
	for _, p := range rs.Parameters() {
		names[p.Name] = p
		c.Params = append(c.Params, rulesParam{Name: p.Name, Zh: p.Zh, En: p.En, Unit: p.Unit, Values: pageValues(numbers, p.Values, true)})
	}
	for _, r := range rs.RegionRules() {
		reg := rulesRegion{Code: r.Code, Name: r.Name, Note: r.Note, Status: r.Status, Province: rules.ProvinceOf(r.Code)}
		for _, name := range sortedKeys(r.Parameters) {
			p := names[name]
			reg.Params = append(reg.Params, rulesParam{Name: name, Zh: p.Zh, En: p.En, Unit: p.Unit, Values: pageValues(numbers, r.Parameters[name], true)})
		}
		c.Regions = append(c.Regions, reg)
	}
	c.Provinces, c.LocalCount = rules.Provinces(), rs.LocalProvinces()
	return c
}

// appliedRules is every parameter as it applies to region code: the
// city's values, else its province's, else the national ones.
func appliedRules(code string) []rulesParam {
	rs, err := rules.Default()
	if err != nil {
		return nil
	}
	numbers := docNumbers(rs)
	var out []rulesParam
	for _, a := range rs.AppliedRules(code) {
		p := rulesParam{Name: a.Parameter.Name, Zh: a.Parameter.Zh, En: a.Parameter.En, Unit: a.Parameter.Unit, Level: a.Level, Region: a.Region}
		if len(a.Values) > 0 {
			p.Values = pageValues(numbers, a.Values, false)
		}
		out = append(out, p)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// docNumbers maps the ids of rs's documents to their numbers.
func docNumbers(rs *rules.RuleSet) map[string]string {
	numbers := map[string]string{}
	for _, d := range rs.Documents() {
		numbers[d.ID] = d.Number
	}
	return numbers
}

// pageValues are vals as the rules page shows them, each source named by
// its document's number (by the document's id when it has none and byID),
// and article.
func pageValues(numbers map[string]string, vals []rules.Value, byID bool) []rulesValue {
	out := make([]rulesValue, 0, len(vals))
	for i := range vals {
		v := &vals[i]
		src := numbers[v.Source.Document]
		if src == "" && byID {
			src = v.Source.Document
		}
		if v.Source.Article != "" {
			src += " " + v.Source.Article
		}
		out = append(out, rulesValue{
			From: v.Effective.From, To: v.Effective.To, Value: v.Display(), Source: src, Note: v.Source.Note,
			URL: v.Source.URL, Quote: v.Source.Quote, Trust: v.Source.Trust,
		})
	}
	return out
}
