package rules

import (
	stdjson "encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestEmbeddedMessagesLoad(t *testing.T) {
	c, err := messages()
	if err != nil {
		t.Fatal(err)
	}
	if len(c) == 0 {
		t.Fatal("no messages")
	}
}

// The loader rejects a malformed catalog; each row breaks one thing.
func TestMessagesValidation(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown key", `{"messages": [{"id": "a", "zh": "甲", "en": "a", "de": "a"}]}`, "unknown field"},
		{"unknown top-level key", `{"messages": [{"id": "a", "zh": "甲", "en": "a"}], "version": 1}`, "unknown field"},
		{"no messages", `{"messages": []}`, "none"},
		{"missing id", `{"messages": [{"zh": "甲", "en": "a"}]}`, "id: missing"},
		{"missing zh", `{"messages": [{"id": "a", "en": "a"}]}`, "zh and en"},
		{"missing en", `{"messages": [{"id": "a", "zh": "甲"}]}`, "zh and en"},
		{"id listed twice", `{"messages": [{"id": "a", "zh": "甲", "en": "a"}, {"id": "a", "zh": "乙", "en": "b"}]}`, "listed twice"},
		{"unclosed placeholder", `{"messages": [{"id": "a", "zh": "{n个月", "en": "{n} months"}]}`, "without }"},
		{"stray closing brace", `{"messages": [{"id": "a", "zh": "{n}个月", "en": "n} months"}]}`, "without {"},
		{"nested braces", `{"messages": [{"id": "a", "zh": "{{n}}", "en": "n"}]}`, "without }"},
		{"empty placeholder", `{"messages": [{"id": "a", "zh": "{}个月", "en": "months"}]}`, "placeholder"},
		{"placeholder not a name", `{"messages": [{"id": "a", "zh": "{n m}", "en": "{1n}"}]}`, "placeholder"},
		{"trailing data", `{"messages": [{"id": "a", "zh": "甲", "en": "a"}]} {}`, "after the top-level"},
		{"too many placeholders", `{"messages": [{"id": "a", "zh": "{a}{b}{c}{d}{e}", "en": "{f}{g}{h}{i}"}]}`, "at most 8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadMessages([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := loadMessages([]byte(`{"messages": [{"id": "a", "zh": "{n}个月", "en": "{n} months"}]}`)); err != nil {
		t.Errorf("a valid catalog: %v", err)
	}
}

func TestFill(t *testing.T) {
	day := time.Date(2026, time.March, 5, 0, 0, 0, 0, time.UTC)
	args := []any{"n", 3, "id", "a{1}", "day", day, "month", monthOf(2026, time.April), "region", Text{Zh: "深圳市", En: "Shenzhen"}}
	tests := []struct {
		tmpl string
		en   bool
		want string
	}{
		{"没有占位符", false, "没有占位符"},
		{"{n}个月", false, "3个月"},
		{"{region}{n}个月，{region}", false, "深圳市3个月，深圳市"},
		{"{region}: {n} months", true, "Shenzhen: 3 months"},
		{"{day} {month} {id}", true, "2026-03-05 2026-04 a{1}"},
		{"{missing} stays", true, "{missing} stays"},
	}
	for _, tt := range tests {
		if got := fill(tt.tmpl, args, tt.en); got != tt.want {
			t.Errorf("fill(%q, en %v) = %q, want %q", tt.tmpl, tt.en, got, tt.want)
		}
	}
	if got := say("no.such.message"); got.Zh != "{no.such.message}" || got.En != got.Zh {
		t.Errorf("an unknown id says %+v", got)
	}
	if got := ruleOf("resident.fixed/outside"); got != "resident.fixed" {
		t.Errorf("ruleOf = %q", got)
	}
}

// messageCall is one call of say, sayStep or explain in the engine's code.
type messageCall struct {
	at    string
	id    string
	names []string
}

// sayCalls finds every call that says a message in the package's non-test
// files: say(id, args...), sayStep(id, source, args...) and
// r.explain(id, source, args...). Its id and argument names must be string
// literals, so that the calls can be checked against the catalog here.
func sayCalls(t *testing.T) []messageCall {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var calls []messageCall
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			first, idAt := 0, 0
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				switch fn.Name {
				case "say":
					first = 1
				case "sayStep":
					first = 2
				case "addStep":
					first, idAt = 3, 1
				case "addText":
					first, idAt = 2, 1
				}
			case *ast.SelectorExpr:
				if fn.Sel.Name == "explain" {
					first = 2
				}
			}
			if first == 0 {
				return true
			}
			at := fset.Position(call.Pos()).String()
			if call.Ellipsis.IsValid() {
				if name != "messages.go" {
					t.Errorf("%s: arguments passed on with ...: name each one at the call", at)
				}
				return true
			}
			if len(call.Args) < first {
				t.Errorf("%s: too few arguments", at)
				return true
			}
			c := messageCall{at: at}
			var ok2 bool
			if c.id, ok2 = stringLit(call.Args[idAt]); !ok2 {
				t.Errorf("%s: the message id is not a string literal", at)
				return true
			}
			rest := call.Args[first:]
			if len(rest)%2 != 0 {
				t.Errorf("%s: %s: arguments come in pairs, name and value", at, c.id)
			}
			for i := 0; i < len(rest); i += 2 {
				n, ok := stringLit(rest[i])
				if !ok {
					t.Errorf("%s: %s: argument %d: the name is not a string literal", at, c.id, i/2+1)
					continue
				}
				c.names = append(c.names, n)
			}
			calls = append(calls, c)
			return true
		})
	}
	return calls
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// templateNames is the set of placeholders of a message, in either
// language.
func templateNames(t *testing.T, m Text) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	for _, tmpl := range []string{m.Zh, m.En} {
		ns, err := placeholders(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			names[n] = true
		}
	}
	return names
}

// Every call says a message of the catalog (which has zh and en, checked
// at load) and fills exactly its placeholders: none left without a value,
// no value the templates do not use. Every message of the catalog is said
// somewhere.
func TestMessageCalls(t *testing.T) {
	c, err := messages()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, call := range sayCalls(t) {
		m, ok := c[call.id]
		if !ok {
			t.Errorf("%s: %s is not in messages.json", call.at, call.id)
			continue
		}
		used[call.id] = true
		want := templateNames(t, m)
		got := map[string]bool{}
		for _, n := range call.names {
			if got[n] {
				t.Errorf("%s: %s: {%s} given twice", call.at, call.id, n)
			}
			got[n] = true
			if !want[n] {
				t.Errorf("%s: %s: {%s} is given but the templates do not use it", call.at, call.id, n)
			}
		}
		for n := range want {
			if !got[n] {
				t.Errorf("%s: %s: the templates use {%s} but the call does not give it", call.at, call.id, n)
			}
		}
	}
	var unused []string
	for id := range c {
		if !used[id] {
			unused = append(unused, id)
		}
	}
	sort.Strings(unused)
	for _, id := range unused {
		t.Errorf("%s: in messages.json but never said", id)
	}
}

// textFields lists every Zh and En string of v (an Output), with its path.
func textFields(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			textFields(v.Elem(), path, out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			textFields(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if (f.Name == "Zh" || f.Name == "En") && f.Type.Kind() == reflect.String {
				out[path+"."+f.Name] = v.Field(i).String()
				continue
			}
			textFields(v.Field(i), path+"."+f.Name, out)
		}
	}
}

// checkTexts asserts that no text of the answer is empty or still has a
// brace: a placeholder the call did not fill, or an unknown message id.
func checkTexts(t *testing.T, out Output) {
	t.Helper()
	texts := map[string]string{}
	textFields(reflect.ValueOf(out), "output", texts)
	for path, s := range texts {
		if s == "" || strings.ContainsAny(s, "{}") {
			t.Errorf("%s: %q", path, s)
		}
	}
}

var sweepRegions = []string{"440300", "310000", "320500", "320100", "350100", "360100", "370200", "370100", "420100", "440400", "440800", "500000", "510100", "110000"}

// sweepPerson makes a person or none: sometimes a newborn or an adult,
// some groups, retired, with places of residence, work and study, often
// where one of the enrollments is.
func sweepPerson(r *rand.Rand, day Date, es []Enrollment) *Person {
	if r.Intn(3) == 0 {
		return nil
	}
	place := func() string {
		if len(es) > 0 && r.Intn(2) == 0 {
			return es[r.Intn(len(es))].Region
		}
		return sweepRegions[r.Intn(len(sweepRegions))]
	}
	p := &Person{}
	switch r.Intn(5) {
	case 0:
		p.BirthDate = formatDate(day.AddDate(0, 0, -r.Intn(400)))
	case 1:
		p.BirthDate = formatDate(day.AddDate(-20-r.Intn(50), 0, -r.Intn(300)))
	}
	for _, g := range []string{GroupNewborn, GroupLowIncome, GroupVeteran, GroupStudent} {
		if r.Intn(6) == 0 {
			p.Groups = append(p.Groups, g)
		}
	}
	p.Retired = r.Intn(8) == 0
	if r.Intn(2) == 0 {
		p.Residence = place()
	}
	if r.Intn(3) == 0 {
		p.WorkRegion = place()
	}
	if r.Intn(4) == 0 {
		p.StudyRegion = place()
	}
	return p
}

// sweepHistory makes up to four enrollments around day, newest last, of
// both schemes and every kind, some still paying, some overlapping, some
// back-paid or paid outside the window.
func sweepHistory(r *rand.Rand, day Date) []Enrollment {
	kinds := []string{"", KindUnit, KindFlexible, KindUnemployment, KindMilitary}
	end := monthOfDate(day) + 3 - Month(r.Intn(40))
	var es []Enrollment
	for i := 0; i < r.Intn(5) && end > monthOf(2012, time.January); i++ {
		region := sweepRegions[r.Intn(len(sweepRegions))]
		id := string(rune('a' + i))
		var from Month
		if r.Intn(2) == 0 {
			from = end - Month(r.Intn(60))
			e := emp(id, region, from.String(), end.String())
			if r.Intn(5) == 0 {
				e.To = ""
			}
			e.Kind = kinds[r.Intn(len(kinds))]
			if r.Intn(6) == 0 {
				e.Backpaid = Months{from.String()}
			}
			es = append([]Enrollment{e}, es...)
		} else {
			y := end.Year()
			if end.Num() != time.December && r.Intn(2) == 0 {
				y--
			}
			from = monthOf(y-r.Intn(3), time.January)
			if r.Intn(4) == 0 {
				from = monthOf(y, time.Month(1+r.Intn(12)))
			}
			paid := ""
			if r.Intn(2) == 0 {
				paid = formatDate(from.First().AddDate(0, -r.Intn(4), r.Intn(200)))
			}
			es = append([]Enrollment{res(id, region, from.String(), monthOf(y, time.December).String(), paid)}, es...)
		}
		if r.Intn(4) == 0 {
			end = from + Month(r.Intn(12)) // overlapping the next one
		} else {
			end = from - 1 - Month(r.Intn(30))
		}
	}
	return es
}

// sweepInputs makes n inputs with a fixed seed: the same every run. Some
// are shaped on purpose: asOf before an enrollment starts; a new job in the
// middle of a paid resident year after a long gap; two employee
// enrollments at once; a newborn enrolled soon after birth; years of
// broken enrollment; a student with two resident enrollments.
func sweepInputs(n int) []Input {
	r := rand.New(rand.NewSource(20260401))
	region := func() string { return sweepRegions[r.Intn(len(sweepRegions))] }
	kind := func() string { return []string{"", KindUnit, KindFlexible}[r.Intn(3)] }
	ins := make([]Input, 0, n)
	for range n {
		asOf := time.Date(2024+r.Intn(8), time.Month(1+r.Intn(12)), 1+r.Intn(28), 0, 0, 0, 0, time.UTC)
		now := monthOfDate(asOf)
		es := sweepHistory(r, asOf)
		var person *Person
		switch r.Intn(12) {
		case 0:
			if len(es) > 0 {
				from, _ := parseMonth(es[r.Intn(len(es))].From)
				asOf = from.First().AddDate(0, 0, -1-r.Intn(90))
			}
		case 1:
			y := asOf.Year()
			job := emp("job", region(), (now - Month(r.Intn(3))).String(), "")
			job.Kind = kind()
			if r.Intn(2) == 0 {
				job.To = (now + Month(r.Intn(3))).String()
			}
			es = []Enrollment{
				emp("old", region(), monthOf(y-2, time.January).String(), monthOf(y-1, time.Month(1+r.Intn(6))).String()),
				res("year", region(), monthOf(y, time.January).String(), monthOf(y, time.December).String(), ""),
				job,
			}
		case 2:
			a := emp("a", region(), (now - Month(r.Intn(30))).String(), "")
			b := emp("b", region(), (now - Month(r.Intn(6))).String(), "")
			a.Kind, b.Kind = kind(), kind()
			es = []Enrollment{a, b}
		case 3:
			person = &Person{BirthDate: formatDate(asOf.AddDate(0, 0, -r.Intn(120))), Groups: []string{GroupNewborn}}
			es = nil
		case 4:
			asOf = asOf.AddDate(2029-asOf.Year()+r.Intn(3), 0, 0)
			es = []Enrollment{res("old", region(), "2023-01", "2024-12", "")}
		case 5:
			y := asOf.Year() - r.Intn(2)
			a := res("a", region(), monthOf(y, time.January).String(), monthOf(y, time.December).String(), "")
			b := res("b", region(), monthOf(y, time.Month(1+r.Intn(12))).String(), monthOf(y, time.December).String(), "")
			es = []Enrollment{a, b}
			person = &Person{Groups: []string{GroupStudent}, StudyRegion: []string{a.Region, b.Region, ""}[r.Intn(3)]}
		}
		if person == nil {
			person = sweepPerson(r, asOf, es)
		}
		in := Input{AsOf: formatDate(asOf), Person: person, Enrollments: es}
		if r.Intn(3) != 0 {
			scheme := Resident
			if r.Intn(3) == 0 {
				scheme = Employee
			}
			in.Plan = plan(region(), scheme, formatDate(asOf.AddDate(0, 0, r.Intn(200)-20)), r.Intn(6))
			if scheme == Employee && r.Intn(2) == 0 {
				in.Plan.Kind = []string{KindUnit, KindFlexible}[r.Intn(2)]
			}
		}
		ins = append(ins, in)
	}
	return ins
}

// enumVariants is the embedded rules once for every word of every enum
// parameter (paramSpecs), with all the national values of that parameter
// set to the word: texts that only another region's rule would say.
func enumVariants(t *testing.T) map[string]*RuleSet {
	t.Helper()
	out := map[string]*RuleSet{}
	for name, spec := range paramSpecs {
		for _, word := range spec.enum {
			var nat map[string]any
			if err := stdjson.Unmarshal(nationalJSON, &nat); err != nil {
				t.Fatal(err)
			}
			p := nat["parameters"].(map[string]any)[name].(map[string]any)
			for _, v := range p["values"].([]any) {
				v.(map[string]any)["value"] = word
			}
			b, err := stdjson.Marshal(nat)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := Load(documentsJSON, b, regionsJSON)
			if err != nil {
				t.Fatalf("%s = %s: %v", name, word, err)
			}
			out[name+"="+word] = rs
		}
	}
	return out
}

// Every message of the catalog is said by the policy cases or a generated
// sweep (with the embedded rules, and a part of it with every word of
// every enum parameter), and no text of their answers keeps a placeholder.
func TestMessagesSaid(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	said := map[string]bool{}
	testHookSay = func(id string) { said[id] = true }
	defer func() { testHookSay = nil }()
	cases, errs := loadPolicyCases(os.DirFS(casesDir), casesDir, rs.Documents())
	for _, err := range errs {
		t.Error(err)
	}
	var ins []Input
	for _, c := range cases {
		in, err := Decode(c.Input)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		ins = append(ins, in)
	}
	const n, variantN = 6000, 600
	sweep := sweepInputs(n)
	ins = append(ins, sweep...)
	// More enrollments to stop than the answer lists.
	crowd := Input{AsOf: "2026-11-22"}
	for i := range MaxOverlapsListed + 2 {
		crowd.Enrollments = append(crowd.Enrollments, res("r"+strconv.Itoa(i), "440300", "2026-01", "2026-12", ""))
	}
	ins = append(ins, crowd)
	// Years of continuous resident insurance that have earned the
	// incentive's rise: what a break does to it, for every enum word.
	earned := Input{AsOf: "2030-06-01", Enrollments: []Enrollment{res("r", "410100", "2025-01", "2030-12", "")}}
	ins = append(ins, earned)
	run := func(what string, rs *RuleSet, ins []Input) {
		for i, in := range ins {
			out, err := rs.Evaluate(in)
			if err != nil {
				t.Fatalf("%s: input %d: %v", what, i, err)
			}
			checkTexts(t, out)
			if t.Failed() {
				t.Fatalf("%s: input %d: %+v", what, i, in)
			}
		}
	}
	run("embedded rules", rs, ins)
	variants := enumVariants(t)
	names := make([]string, 0, len(variants))
	for name := range variants {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		run(name, variants[name], append(sweep[:variantN:variantN], earned))
	}
	c, _ := messages()
	var never []string
	for id := range c {
		if !said[id] {
			never = append(never, id)
		}
	}
	sort.Strings(never)
	if len(never) > 0 {
		t.Errorf("the policy cases and %d generated inputs never say %s", n, strings.Join(never, ", "))
	}
}

// The embedded catalog passes the strict load (its keys are not searched
// again on every start).
func TestEmbeddedMessagesAreStrict(t *testing.T) {
	if _, err := loadMessages(messagesJSON); err != nil {
		t.Fatalf("the embedded messages fail the strict load: %v", err)
	}
}
