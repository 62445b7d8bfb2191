package form

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"yibao/rules"
)

var contractExample = readContractExample("testdata/contract-example.json")

// readContractExample reads the example input of the contract
// (../shared/contract.md), which the tests of app/ui read too.
func readContractExample(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return strings.TrimSpace(string(b))
}

func TestNormalizeMonthAndDate(t *testing.T) {
	months := map[string]string{
		"2019-03": "2019-03", "2019-3": "2019-03", "2019.3": "2019-03", "2019/03": "2019-03",
		"201903": "2019-03", "2019年3月": "2019-03", " 2019-03 ": "2019-03", "": "",
		"2019-13": "2019-13", "2019-012": "2019-012", "abc": "abc", "20": "20",
	}
	for in, want := range months {
		if got := NormalizeMonth(in); got != want {
			t.Errorf("NormalizeMonth(%q) = %q, want %q", in, got, want)
		}
	}
	days := map[string]string{
		"2026-11-22": "2026-11-22", "20261122": "2026-11-22", "2026.11.2": "2026-11-02",
		"2026年11月22日": "2026-11-22", "2026/1/5": "2026-01-05", "2026-02-30": "2026-02-30",
		"2024-02-29": "2024-02-29", "2025-02-29": "2025-02-29", "202": "202",
	}
	for in, want := range days {
		if got := NormalizeDate(in); got != want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// The form keeps an input document intact: reading it and writing it again
// gives the same document (fields left out equal their zero values).
func TestInputRoundTrip(t *testing.T) {
	for _, doc := range []string{
		contractExample,
		`{"asOf":"2026-02-01","enrollments":[{"id":"hz","region":"330100","scheme":"employee","from":"2024-01","backpaid":2}]}`,
		`{"asOf":"2026-02-01","enrollments":[{"id":"a","region":"440100","scheme":"employee","from":"2025-03","backpaid":["2025-03","2025-04"]}]}`,
		`{"asOf":"2026-02-01","enrollments":[]}`,
		`{"asOf":"2026-02-01","person":{"groups":["student","newborn"]},"enrollments":[],"plan":{"region":"420100","scheme":"resident","payOn":"2026-09-20","extraYears":2}}`,
	} {
		f, err := Parse([]byte(doc))
		if err != nil {
			t.Fatalf("Parse(%s): %v", doc, err)
		}
		if got := f.JSON(); !sameDoc(t, got, []byte(doc)) {
			t.Errorf("round trip:\n got %s\nwant %s", got, doc)
		}
	}
	if _, err := Parse([]byte(`{"asOf": 5}`)); err == nil {
		t.Errorf("Parse accepted a number for asOf")
	}
	if _, err := Parse([]byte(`{"asOf":"2026-01-01","enrollments":[{"backpaid":"x"}]}`)); err == nil {
		t.Errorf("Parse accepted a string for backpaid")
	}
}

// sameDoc compares two JSON documents, dropping false, 0, "" and empty lists.
func sameDoc(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(dropZero(x), dropZero(y))
}

func dropZero(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			if e = dropZero(e); e != nil {
				out[k] = e
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(v) == 0 {
			return nil
		}
		for i := range v {
			v[i] = dropZero(v[i])
		}
		return v
	case bool:
		if !v {
			return nil
		}
	case float64:
		if v == 0 {
			return nil
		}
	case string:
		if v == "" {
			return nil
		}
	}
	return v
}

// What people type is normalised before it reaches the engine.
func TestFormNormalisesWhatIsTyped(t *testing.T) {
	f := State{AsOf: "20261122", Enrollments: []Enrollment{
		{ID: "e1", Region: "440300", Scheme: "employee", From: "2019.3", To: "2024年6月", Backpaid: "2019-3，2019/4"},
		{ID: "e2", Region: "360100", Scheme: "resident", From: "2025-1", To: "2025-12", PaidOn: "2024.11.20"},
	}}
	want := `{"asOf":"2026-11-22","enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06","backpaid":["2019-03","2019-04"]},{"id":"e2","region":"360100","scheme":"resident","from":"2025-01","to":"2025-12","paidOn":"2024-11-20"}]}`
	if got := f.JSON(); !bytes.Equal(got, []byte(want)) {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}
	if errs := f.check(); len(errs) != 0 {
		t.Errorf("check: %v", errs)
	}
}

// Errors name the contract's field path, so that the form shows each next
// to its field.
func TestCheckNamesFields(t *testing.T) {
	f := State{AsOf: "2026-13-01", BirthDate: "x", Enrollments: []Enrollment{
		{ID: "e1", Scheme: "employee", From: "", To: "2024-13", Backpaid: "5000"},
		{ID: "e2", Region: "360100", Scheme: "resident", From: "2025-01", PaidOn: "2024-02-30"},
	}, HasPlan: true}
	errs := f.check()
	for _, path := range []string{"asOf", "person.birthDate", "enrollments[0].region", "enrollments[0].from",
		"enrollments[0].to", "enrollments[0].backpaid", "enrollments[1].paidOn", "plan.region", "plan.payOn"} {
		if _, ok := errs[path]; !ok {
			t.Errorf("no error for %s (got %v)", path, errs)
		}
	}
	if len(errs) != 9 {
		t.Errorf("%d errors, want 9: %v", len(errs), errs)
	}
	if FieldPath("enrollments[1].backpaid[0]") != "enrollments[1].backpaid" || FieldPath("plan.payOn") != "plan.payOn" {
		t.Errorf("FieldPath: %q %q", FieldPath("enrollments[1].backpaid[0]"), FieldPath("plan.payOn"))
	}
}

// The browser's answer is the engine's answer on the same JSON, as in
// `yibao eval`.
func TestEvaluateIsTheEngine(t *testing.T) {
	f, err := Parse([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	res := Evaluate(f)
	if !res.Computed {
		t.Fatalf("not computed: %v", res.Errors)
	}
	in, err := rules.Decode([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	for i := range in.Enrollments {
		in.Enrollments[i].Label = rowLabel(i) // the form names its rows
	}
	want, err := rules.Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(res.Out)
	b, _ := json.Marshal(want)
	if !bytes.Equal(a, b) {
		t.Errorf("the form's answer differs from the engine's:\n%s\n%s", a, b)
	}
	// An error the engine finds (a region that does not exist) comes back
	// with its field path.
	f.Enrollments[1].Region = "999999"
	res = Evaluate(f)
	if res.Computed {
		t.Fatalf("computed an unknown region")
	}
	if _, ok := res.Errors["enrollments[1].region"]; !ok {
		t.Errorf("errors %v, want one on enrollments[1].region", res.Errors)
	}
}

func TestShareFragment(t *testing.T) {
	f, err := Parse([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	frag := ShareFragment(f)
	if bytes.ContainsAny([]byte(frag[len("input="):]), "=+/") {
		t.Errorf("fragment is not base64url without padding: %s", frag)
	}
	data, err := InputFromFragment("#" + frag)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, f.JSON()) {
		t.Errorf("fragment round trip: %s", data)
	}
	// Padding, the standard alphabet, other parameters and escaping are
	// accepted, since messengers rewrite links.
	for _, frag := range []string{
		"input=eyJhIjoxfQ==", "input=eyJhIjoxfQ", "lang=en&input=eyJhIjoxfQ", "input=eyJhIjoxfQ%3D%3D",
	} {
		data, err := InputFromFragment(frag)
		if err != nil || string(data) != `{"a":1}` {
			t.Errorf("InputFromFragment(%q) = %q, %v", frag, data, err)
		}
	}
	// The standard alphabet's "+" and "/", and "+" turned into a space.
	raw := []byte(`{"a":"??>>~~"}`)
	std := base64.StdEncoding.EncodeToString(raw)
	if !strings.ContainsAny(std, "+/") {
		t.Fatalf("%s has neither + nor /: the case tests nothing", std)
	}
	for _, frag := range []string{"input=" + std, "input=" + strings.ReplaceAll(std, "+", " ")} {
		if data, err := InputFromFragment(frag); err != nil || !bytes.Equal(data, raw) {
			t.Errorf("InputFromFragment(%q) = %q, %v", frag, data, err)
		}
	}
	if _, err := InputFromFragment("top"); err != ErrNoInput {
		t.Errorf("a fragment without input: %v", err)
	}
	if _, err := InputFromFragment("input=***"); err == nil {
		t.Errorf("bad base64 accepted")
	}
	if got := ShareLink("http://localhost:8000/", State{AsOf: "2026-01-01"}); got[:len("http://localhost:8000/#input=")] != "http://localhost:8000/#input=" {
		t.Errorf("ShareLink: %s", got)
	}
}

// While a field is half typed the last answer stays, marked stale; a
// complete input replaces it, and an empty form has none.
func TestResultKeepsTheLastAnswerWhileTyping(t *testing.T) {
	full, err := Parse([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	answered := Evaluate(full)
	half := full.Clone()
	half.Enrollments[0].To = "2024-0"
	empty := State{AsOf: full.AsOf}
	cases := []struct {
		name          string
		prev          Result
		form          State
		computed      bool
		stale         bool
		keepsPrevious bool
	}{
		{"complete input", Result{}, full, true, false, false},
		{"half-typed month after an answer", answered, half, false, true, true},
		{"half-typed month with no answer before", Result{}, half, false, false, false},
		{"still half typed: the stale answer stays", answered.Then(Evaluate(half), half), half, false, true, true},
		{"completed again", answered.Then(Evaluate(half), half), full, true, false, false},
		{"form cleared: answered afresh, nothing stale", answered, empty, true, false, false},
		{"no enrollments and a half-typed day: nothing stale", answered, State{AsOf: "2026-1"}, false, false, false},
	}
	for _, c := range cases {
		got := c.prev.Then(Evaluate(c.form), c.form)
		if got.Computed != c.computed || got.Stale != c.stale {
			t.Errorf("%s: computed %v stale %v, want %v %v", c.name, got.Computed, got.Stale, c.computed, c.stale)
		}
		if c.keepsPrevious && got.Out.Coverage.Status != answered.Out.Coverage.Status {
			t.Errorf("%s: the previous answer was not kept", c.name)
		}
		if c.stale && len(got.Errors) == 0 {
			t.Errorf("%s: a stale answer without the errors that make it stale", c.name)
		}
	}
}

// Editing one enrollment copies the form: the one on screen is unchanged
// until the new one replaces it.
func TestEditAndRemoveEnrollment(t *testing.T) {
	f := State{Enrollments: []Enrollment{{ID: "a"}, {ID: "b"}, {ID: "c"}}}
	ids := func(f State) string {
		s := ""
		for _, e := range f.Enrollments {
			s += e.ID
		}
		return s
	}
	setID := func(e *Enrollment) { e.ID = "x" }
	cases := []struct {
		name string
		got  State
		want string
	}{
		{"edit the second", f.EditEnrollment(1, setID), "axc"},
		{"edit out of range", f.EditEnrollment(3, setID), "abc"},
		{"edit a negative index", f.EditEnrollment(-1, setID), "abc"},
		{"remove the first", f.WithoutEnrollment(0), "bc"},
		{"remove the last", f.WithoutEnrollment(2), "ab"},
		{"remove out of range", f.WithoutEnrollment(5), "abc"},
		{"put back as the second", f.WithEnrollmentAt(1, Enrollment{ID: "x"}), "axbc"},
		{"put back first", f.WithEnrollmentAt(0, Enrollment{ID: "x"}), "xabc"},
		{"put back past the end", f.WithEnrollmentAt(7, Enrollment{ID: "x"}), "abcx"},
		{"put back at a negative index", f.WithEnrollmentAt(-2, Enrollment{ID: "x"}), "xabc"},
	}
	for _, c := range cases {
		if got := ids(c.got); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	if ids(f) != "abc" {
		t.Errorf("the original form changed: %s", ids(f))
	}
}

// The form reaches the engine without JSON (State.Input); Decode of
// the form's JSON must give the same Input, or the same field error.
func TestInputIsWhatDecodeReads(t *testing.T) {
	files, err := filepath.Glob("../../e2e/testdata/share/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no share examples: %v", err)
	}
	type tc struct {
		name string
		form State
	}
	var cases []tc
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cases = append(cases, tc{filepath.Base(name), f})
	}
	base := cases[0].form
	edit := func(name string, change func(f *State)) {
		f := base.Clone()
		change(&f)
		cases = append(cases, tc{name, f})
	}
	edit("backpaid count, typed loosely", func(f *State) {
		f.Enrollments[0].Backpaid = " 3 "
	})
	edit("backpaid list with Chinese commas", func(f *State) {
		f.Enrollments[0].Backpaid = "2019.3，2019.4"
	})
	edit("backpaid count out of range", func(f *State) {
		f.Enrollments[0].Backpaid = "1201"
	})
	edit("backpaid count before a bad from", func(f *State) {
		f.Enrollments[0].From, f.Enrollments[0].Backpaid = "2019-13", "2"
	})
	edit("no person", func(f *State) {
		f.BirthDate, f.Residence, f.WorkRegion, f.Groups, f.Retired = "", "", "", nil, false
	})
	edit("unknown region", func(f *State) { f.Enrollments[1].Region = "999999" })
	edit("duplicate ids", func(f *State) { f.Enrollments[1].ID = f.Enrollments[0].ID })
	edit("months typed as 2019.3", func(f *State) { f.Enrollments[0].From = "2019.3" })
	edit("plan without a day", func(f *State) { f.Plan.PayOn = "" })
	for _, c := range cases {
		got, gotErr := c.form.Input()
		if gotErr == nil {
			_, gotErr = rules.Evaluate(got)
		}
		want, wantErr := rules.Decode(c.form.JSON())
		if wantErr == nil {
			_, wantErr = rules.Evaluate(want)
		}
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: error %v, Decode gives %v", c.name, gotErr, wantErr)
			continue
		}
		// The form labels its rows for the explanations; the document
		// carries no labels.
		for i := range got.Enrollments {
			if got.Enrollments[i].Label != rowLabel(i) {
				t.Errorf("%s: row %d labelled %q, want %q", c.name, i, got.Enrollments[i].Label, rowLabel(i))
			}
			got.Enrollments[i].Label = ""
		}
		if gotErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ninput  %+v\nDecode %+v", c.name, got, want)
		}
	}
}

// Every field rules.Decode reads survives the form, the share link and the
// saved copy: the document read back decodes to the same Input.
func TestEveryFieldSurvivesTheForm(t *testing.T) {
	doc := []byte(`{"asOf":"2026-11-22",
		"person":{"birthDate":"1960-05-01","retired":true,"groups":["student","veteran"],"residence":"460100","workRegion":"110000","studyRegion":"420100","sex":"female"},
		"enrollments":[
			{"id":"army","region":"320500","scheme":"employee","kind":"military","from":"1980-01","to":"1985-12"},
			{"id":"job","region":"110000","scheme":"employee","kind":"unit","from":"1986-01","to":"2015-06","backpaid":2},
			{"id":"flex","region":"110000","scheme":"employee","kind":"flexible","from":"2015-07","to":"2019-12","backpaid":["2016-01","2016-02"]},
			{"id":"ui","region":"110000","scheme":"employee","kind":"unemployment","from":"2020-01","to":"2020-06"},
			{"id":"res","region":"460100","scheme":"resident","from":"2021-01","to":"2021-12","paidOn":"2021-03-01"}],
		"plan":{"region":"110000","scheme":"employee","payOn":"2026-12-05","extraYears":2,"kind":"flexible"}}`)
	want, err := rules.Decode(doc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	// Through the share fragment and back, then as the engine's Input.
	f2, err := Parse(f.JSON())
	if err != nil {
		t.Fatal(err)
	}
	got, err := rules.Decode(f2.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the input:\n got %+v\nwant %+v", got, want)
	}
	built, err := f2.Input()
	if err != nil {
		t.Fatal(err)
	}
	for i := range want.Enrollments {
		want.Enrollments[i].Label = rowLabel(i) // as the form names its rows
	}
	wantOut, _ := rules.Evaluate(want)
	gotOut, _ := rules.Evaluate(built)
	if !reflect.DeepEqual(gotOut, wantOut) {
		t.Errorf("the form's Input answers differently from the document's")
	}
}

// A numeric id, which rules.Decode (and so yibao eval) accepts, survives a
// saved or shared input too (issue 14: it made the whole input unreadable).
func TestNumericIDRoundTrips(t *testing.T) {
	f, err := Parse([]byte(`{"asOf":"2026-11-22","enrollments":[{"id":3,"region":"440300","scheme":"employee","from":"2020-01","to":"2024-06"}]}`))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(f.Enrollments) != 1 || f.Enrollments[0].ID != "3" {
		t.Fatalf("enrollments %+v; want one with id \"3\"", f.Enrollments)
	}
	again, err := Parse(f.JSON())
	if err != nil || again.Enrollments[0].ID != "3" {
		t.Errorf("round trip: %v, %+v", err, again.Enrollments)
	}
	if _, err := Parse([]byte(`{"enrollments":[{"id":true}]}`)); err == nil {
		t.Error("an id that is neither a string nor a number is accepted")
	}
}
