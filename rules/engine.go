package rules

import (
	"unicode"
	"unicode/utf8"
)

// engine answers one case with one rule set.
type engine struct {
	rs *RuleSet
	*Case
}

func (r *waitResult) step(rule, zh, en, source string) {
	r.Explain = append(r.Explain, Step{Rule: rule, Zh: zh, En: en, Source: source})
}

func (e *engine) birth() (Date, bool) { return e.Case.birth, !e.Case.birth.IsZero() }

func (e *engine) inGroup(g string) bool { return e.groups[g] }

func (e *engine) hasExempt(p param, g string) bool {
	for _, x := range p.v.words {
		if x == g {
			return true
		}
	}
	return false
}

func (e *engine) retired() bool { return e.in.Person.Retired }

func regionName(code string) string {
	if r, ok := LookupRegion(code); ok {
		return r.Name
	}
	return code
}

// regionNameEn is the region's name for English text: the Chinese name and
// its pinyin.
func regionNameEn(code string) string {
	r, ok := LookupRegion(code)
	if !ok {
		return code
	}
	if r.Pinyin == "" {
		return r.Name
	}
	p, n := utf8.DecodeRuneInString(r.Pinyin)
	return r.Name + " (" + string(unicode.ToUpper(p)) + r.Pinyin[n:] + ")"
}

func levelZh(level string) string {
	switch level {
	case LevelCity:
		return "本市规定"
	case LevelProvince:
		return "本省规定"
	}
	return "国家规定"
}

func levelEn(level string) string {
	switch level {
	case LevelCity:
		return "city"
	case LevelProvince:
		return "provincial"
	}
	return "national"
}

func groupZh(g string) string {
	switch g {
	case GroupNewborn:
		return "新生儿"
	case GroupLowIncome:
		return "低收入人口等困难群众"
	case GroupVeteran:
		return "刚退出现役的军人"
	case GroupStudent:
		return "学生"
	}
	return g
}

func groupEn(g string) string {
	switch g {
	case GroupNewborn:
		return "newborns"
	case GroupLowIncome:
		return "low-income people"
	case GroupVeteran:
		return "newly discharged veterans"
	case GroupStudent:
		return "students"
	}
	return g
}

func schemeZh(s string) string {
	if s == Employee {
		return "职工医保"
	}
	return "城乡居民医保"
}
