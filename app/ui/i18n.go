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
func (l lang) schemeName(s string) string {
	switch s {
	case "employee":
		return l.s("职工医保", "Employee scheme")
	case "resident":
		return l.s("居民医保", "Resident scheme")
	}
	return s
}

// groupName names a group of the person.
func (l lang) groupName(g string) string {
	switch g {
	case "newborn":
		return l.s("新生儿", "Newborn")
	case "lowIncome":
		return l.s("低收入/困难人员", "Low income")
	case "veteran":
		return l.s("退役军人", "Veteran")
	case "student":
		return l.s("在校学生", "Student")
	}
	return g
}

// groupNames lists the person's groups in the order of the form.
var groupNames = [...]string{"newborn", "lowIncome", "veteran", "student"}
