package ui

// lang is the interface language: "zh" (default) or "en".
type lang string

const (
	langZh lang = "zh"
	langEn lang = "en"
)

// s picks the Chinese or the English text.
func (l lang) s(zh, en string) string {
	if l == langEn {
		return en
	}
	return zh
}

// htmlLang is the value of the document's lang attribute.
func (l lang) htmlLang() string {
	if l == langEn {
		return "en"
	}
	return "zh-CN"
}

func parseLang(v string) lang {
	if v == "en" || v == "en-US" || v == "en-GB" {
		return langEn
	}
	return langZh
}

// schemeName names a scheme for people.
func (l lang) schemeName(s string) string { return l.nameOf(schemeNames, s, s) }

var schemeNames = []named{
	{"employee", bi{"职工医保", "Employee scheme"}},
	{"resident", bi{"居民医保", "Resident scheme"}},
}

// groupName names a group of the person.
func (l lang) groupName(g string) string { return l.nameOf(groupTitles, g, g) }

var groupTitles = []named{
	{"newborn", bi{"新生儿", "Newborn"}},
	{"lowIncome", bi{"低收入/困难人员", "Low income"}},
	{"veteran", bi{"退役军人", "Veteran"}},
	{"student", bi{"在校学生", "Student"}},
}

// groupNames lists the person's groups in the order of the form.
var groupNames = [...]string{"newborn", "lowIncome", "veteran", "student"}

// named is the name, in both languages, of a key: a kind, a level of
// trust… Tables of them, and nameOf, name things where a switch with a
// language pick per case would cost far more code.
type named struct {
	key  string
	name bi
}

// nameOf is the name of key in names, in l, or def if names lacks key.
func (l lang) nameOf(names []named, key, def string) string {
	for i := range names {
		if names[i].key == key {
			return names[i].name.in(l)
		}
	}
	return def
}
