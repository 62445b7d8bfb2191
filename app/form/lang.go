package form

// Lang is the interface language: "zh" (default) or "en".
type Lang string

const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Pick picks the Chinese or the English text.
func (l Lang) Pick(zh, en string) string {
	if l == En {
		return en
	}
	return zh
}

// HTMLLang is the value of the document's lang attribute.
func (l Lang) HTMLLang() string {
	if l == En {
		return "en"
	}
	return "zh-CN"
}

func ParseLang(v string) Lang {
	if v == "en" || v == "en-US" || v == "en-GB" {
		return En
	}
	return Zh
}

// SchemeName names a scheme for people.
func (l Lang) SchemeName(s string) string { return l.NameOf(schemeNames, s, s) }

var schemeNames = []Named{
	{"employee", Text{"职工医保", "Employee scheme"}},
	{"resident", Text{"居民医保", "Resident scheme"}},
}

// GroupName names a group of the person.
func (l Lang) GroupName(g string) string { return l.NameOf(groupTitles, g, g) }

var groupTitles = []Named{
	{"newborn", Text{"新生儿", "Newborn"}},
	{"lowIncome", Text{"低收入/困难人员", "Low income"}},
	{"veteran", Text{"退役军人", "Veteran"}},
	{"student", Text{"在校学生", "Student"}},
}

// GroupNames lists the person's groups in the order of the form.
var GroupNames = [...]string{"newborn", "lowIncome", "veteran", "student"}

// Named is the name, in both languages, of a key: a kind, a level of
// trust… Tables of them, and nameOf, name things where a switch with a
// language pick per case would cost far more code.
type Named struct {
	Key  string
	Name Text
}

// NameOf is the name of key in names, in l, or def if names lacks key.
func (l Lang) NameOf(names []Named, key, def string) string {
	for i := range names {
		if names[i].Key == key {
			return names[i].Name.In(l)
		}
	}
	return def
}
