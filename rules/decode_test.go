package rules

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Bad input, as in the contract: the error names the first offending field.
func TestDecodeErrors(t *testing.T) {
	ok := `{"id":"a","region":"440300","scheme":"employee","from":"2020-01"}`
	tests := []struct {
		name  string
		input string
		field string
	}{
		{"empty", ``, "input"},
		{"whitespace", "  \n", "input"},
		{"truncated", `{"asOf":"2026-11-22","enrollments":[{"id":"a"`, "input"},
		{"not an object", `[1,2]`, "input"},
		{"a string", `"hello"`, "input"},
		{"missing asOf", `{}`, "asOf"},
		{"asOf a number", `{"asOf":20261122}`, "asOf"},
		{"asOf impossible day", `{"asOf":"2026-02-29"}`, "asOf"},
		{"asOf month 13", `{"asOf":"2026-13-01"}`, "asOf"},
		{"asOf wrong format", `{"asOf":"22/11/2026"}`, "asOf"},
		{"enrollments an object", `{"asOf":"2026-11-22","enrollments":{}}`, "enrollments"},
		{"enrollment a number", `{"asOf":"2026-11-22","enrollments":[1]}`, "enrollments[0]"},
		{"unknown region", `{"asOf":"2026-11-22","enrollments":[` + ok + `,{"id":"b","region":"999999","scheme":"employee","from":"2020-01"}]}`, "enrollments[1].region"},
		{"region too short", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"4403","scheme":"employee","from":"2020-01"}]}`, "enrollments[0].region"},
		{"region a number", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":440300,"scheme":"employee","from":"2020-01"}]}`, "enrollments[0].region"},
		{"unknown scheme", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"commercial","from":"2020-01"}]}`, "enrollments[0].scheme"},
		{"missing from", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee"}]}`, "enrollments[0].from"},
		{"from a date, not a month", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2020-01-01"}]}`, "enrollments[0].from"},
		{"to before from", `{"asOf":"2026-11-22","enrollments":[` + ok + `,{"id":"b","region":"440300","scheme":"employee","from":"2024-06","to":"2024-01"}]}`, "enrollments[1].to"},
		{"paidOn impossible", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"resident","from":"2025-01","paidOn":"2024-11-31"}]}`, "enrollments[0].paidOn"},
		{"duplicate id", `{"asOf":"2026-11-22","enrollments":[` + ok + `,` + ok + `]}`, "enrollments[1].id"},
		{"backpaid on a resident year", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"resident","from":"2025-01","backpaid":2}]}`, "enrollments[0].backpaid"},
		{"backpaid month outside", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","to":"2025-06","backpaid":["2024-12"]}]}`, "enrollments[0].backpaid[0]"},
		{"backpaid a string", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","backpaid":"two"}]}`, "enrollments[0].backpaid"},
		{"person an array", `{"asOf":"2026-11-22","person":[]}`, "person"},
		{"retired a string", `{"asOf":"2026-11-22","person":{"retired":"yes"}}`, "person.retired"},
		{"unknown group", `{"asOf":"2026-11-22","person":{"groups":["vip"]}}`, "person.groups[0]"},
		{"birth after asOf", `{"asOf":"2026-11-22","person":{"birthDate":"2027-01-01"}}`, "person.birthDate"},
		{"unknown residence", `{"asOf":"2026-11-22","person":{"residence":"000000"}}`, "person.residence"},
		{"plan without payOn", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"resident"}}`, "plan.payOn"},
		{"plan extraYears negative", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05","extraYears":-1}}`, "plan.extraYears"},
		{"plan extraYears a fraction", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05","extraYears":1.5}}`, "plan.extraYears"},
		{"plan unknown scheme", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"x","payOn":"2026-12-05"}}`, "plan.scheme"},
		{"unknown kind", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2020-01","kind":"part-time"}]}`, "enrollments[0].kind"},
		{"kind on a resident year", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"resident","from":"2025-01","kind":"unit"}]}`, "enrollments[0].kind"},
		{"plan kind military", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"employee","payOn":"2026-12-05","kind":"military"}}`, "plan.kind"},
		{"unknown sex", `{"asOf":"2026-11-22","person":{"sex":"x"}}`, "person.sex"},
		{"groups a string", `{"asOf":"2026-11-22","person":{"groups":"student"}}`, "person.groups"},
		{"group a number", `{"asOf":"2026-11-22","person":{"groups":[1]}}`, "person.groups[0]"},
		{"second group an object", `{"asOf":"2026-11-22","person":{"groups":["student",{}]}}`, "person.groups[1]"},
		{"backpaid more months than the span", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","to":"2025-12","backpaid":13}]}`, "enrollments[0].backpaid"},
		{"backpaid negative", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","backpaid":-1}]}`, "enrollments[0].backpaid"},
		{"backpaid month a number", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","backpaid":["2025-01",202502]}]}`, "enrollments[0].backpaid[1]"},
		{"an automatic id given to another", `{"asOf":"2026-11-22","enrollments":[{"id":"#2","region":"440300","scheme":"employee","from":"2020-01","to":"2020-03"},{"region":"440300","scheme":"employee","from":"2021-01"}]}`, "enrollments[0].id"},
		{"an automatic id of no enrollment", `{"asOf":"2026-11-22","enrollments":[{"id":"#9","region":"440300","scheme":"employee","from":"2020-01"}]}`, "enrollments[0].id"},
		{"id not UTF-8", "{\"asOf\":\"2026-11-22\",\"enrollments\":[{\"id\":\"a\xff\",\"region\":\"440300\",\"scheme\":\"employee\",\"from\":\"2020-01\"}]}", "enrollments[0].id"},
		{"ids differing in invalid bytes", "{\"asOf\":\"2026-11-22\",\"enrollments\":[{\"id\":\"a\",\"region\":\"440300\",\"scheme\":\"employee\",\"from\":\"2020-01\"},{\"id\":\"a\xfe\",\"region\":\"440300\",\"scheme\":\"employee\",\"from\":\"2020-01\"}]}", "enrollments[1].id"},
		{"asOf twice", `{"asOf":"2026-11-22","asOf":"2025-01-01"}`, "asOf"},
		{"asOf twice, escaped", `{"asOf":"2026-11-22","as\u004ff":"2026-11-22"}`, "asOf"},
		{"enrollments twice", `{"asOf":"2026-11-22","enrollments":[],"enrollments":[` + ok + `]}`, "enrollments"},
		{"person key twice", `{"asOf":"2026-11-22","person":{"residence":"310000","groups":[],"residence":"440300"}}`, "person.residence"},
		{"enrollment key twice", `{"asOf":"2026-11-22","enrollments":[` + ok + `,{"id":"b","region":"440300","scheme":"employee","from":"2020-01","from":"2021-01"}]}`, "enrollments[1].from"},
		{"plan key twice", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05","payOn":"2026-12-06"}}`, "plan.payOn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.input))
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("want a *FieldError, got %v", err)
			}
			if fe.Field != tt.field || fe.Message == "" || fe.Zh == "" {
				t.Errorf("got field %q message %q; want field %q", fe.Field, fe.Message, tt.field)
			}
		})
	}
}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct{ name, input string }{
		{"contract example", `{"asOf":"2026-11-22","person":{"birthDate":"1990-05-01","retired":false,"groups":[],"residence":"310000","workRegion":"310000"},"enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06"},{"id":"home","region":"360100","scheme":"resident","from":"2025-01","to":"2025-12","paidOn":"2024-11-20"}],"plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05","extraYears":0}}`},
		{"only asOf", `{"asOf":"2026-11-22"}`},
		{"nulls", `{"asOf":"2026-11-22","person":null,"enrollments":null,"plan":null}`},
		{"leap day", `{"asOf":"2028-02-29"}`},
		{"municipality district code", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"310100","scheme":"employee","from":"2020-01"}]}`},
		{"numeric id, no id", `{"asOf":"2026-11-22","enrollments":[{"id":7,"region":"440300","scheme":"employee","from":"2020-01","to":"2020-03"},{"region":"440300","scheme":"employee","from":"2021-01"}]}`},
		{"unknown keys are ignored", `{"asOf":"2026-11-22","note":"x","person":{"hukou":"x"}}`},
		{"an enrollment's own automatic id", `{"asOf":"2026-11-22","enrollments":[{"region":"440300","scheme":"employee","from":"2020-01","to":"2020-03"},{"id":"#2","region":"440300","scheme":"employee","from":"2021-01"}]}`},
		{"ids like automatic ids but not", `{"asOf":"2026-11-22","enrollments":[{"id":"#02","region":"440300","scheme":"employee","from":"2020-01","to":"2020-03"},{"id":"#a","region":"440300","scheme":"employee","from":"2021-01"},{"id":"#","region":"440300","scheme":"employee","from":"2022-01"}]}`},
		{"the same key in two objects", `{"asOf":"2026-11-22","person":{"residence":"310000"},"plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05"},"enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2020-01"},{"id":"b","region":"440300","scheme":"employee","from":"2021-01"}]}`},
		{"keys inside strings and unknown values", `{"asOf":"2026-11-22","note":{"asOf":1,"asOf":2},"x":["asOf","{\"asOf\":"],"enrollments":[{"id":"a\",\"id\":\"}{","region":"440300","scheme":"employee","from":"2020-01","to":"2020-03","backpaid":[ "2020-01" ] , "z" : -1.5e3 }]}`},
		{"backpaid as many months as the span", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","to":"2025-12","backpaid":12}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := Decode([]byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Evaluate(in); err != nil {
				t.Fatal(err)
			}
		})
	}
	in, _ := Decode([]byte(`{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"310100","scheme":"employee","from":"2020-01"}]}`))
	if in.Enrollments[0].Region != "310000" {
		t.Errorf("310100 should stand for 310000, got %s", in.Enrollments[0].Region)
	}
}

// Evaluate re-checks a hand-built Input.
// Check, on an Input built by hand, rejects what Decode rejects, with the
// same field; a checked Case always evaluates.
func TestCheckAgreesWithDecode(t *testing.T) {
	bad := []Input{
		{AsOf: "2026-11-22", Enrollments: []Enrollment{{ID: "a", Region: "440300", Scheme: Employee, From: "2026-13"}}},
		{AsOf: "2026-11-22", Enrollments: []Enrollment{{ID: "a", Region: "440300", Scheme: Employee, From: "2020-01", Kind: "x"}}},
		{AsOf: "2026-11-22", Person: &Person{Sex: "x"}},
		{AsOf: "2026-11-22", Plan: &Plan{Region: "310000", Scheme: Employee, PayOn: "2026-12-05", Kind: KindMilitary}},
		{AsOf: "2026-11-22", Enrollments: []Enrollment{{ID: "a", Region: "440300", Scheme: Employee, From: "2025-01", To: "2025-12", BackpaidFirst: 13}}},
		{AsOf: "2026-11-22", Enrollments: []Enrollment{{ID: "#2", Region: "440300", Scheme: Employee, From: "2020-01"}, {Region: "440300", Scheme: Employee, From: "2021-01"}}},
		{AsOf: "2026-11-22", Person: &Person{Groups: []string{GroupStudent, "x"}}},
	}
	for _, in := range bad {
		data, err := jsonMarshal(in)
		if err != nil {
			t.Fatal(err)
		}
		_, derr := Decode(data)
		_, cerr := Check(in)
		var df, cf *FieldError
		if !errors.As(derr, &df) || !errors.As(cerr, &cf) || df.Field != cf.Field {
			t.Errorf("%s: Decode %v, Check %v", data, derr, cerr)
		}
	}
	c, err := Check(Input{AsOf: "2026-11-22"})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := Default()
	if out := rs.EvaluateCase(c); out.Coverage.Status != StatusNone || c.Input().Person == nil {
		t.Errorf("empty case: %+v", out.Coverage)
	}
}

// The messages say what is wrong in the terms of the input.
func TestDecodeErrorMessages(t *testing.T) {
	tests := []struct{ input, field, says string }{
		{`{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2025-01","to":"2025-12","backpaid":13}]}`,
			"enrollments[0].backpaid", "13 months is more than the enrollment's 12 (2025-01 to 2025-12)"},
		{`{"asOf":"2026-11-22","enrollments":[{"id":"#2","region":"440300","scheme":"employee","from":"2020-01"},{"region":"440300","scheme":"employee","from":"2021-01"}]}`,
			"enrollments[0].id", `"#2" is the automatic id of enrollments[1]`},
		{"{\"asOf\":\"2026-11-22\",\"enrollments\":[{\"id\":\"a\xff\",\"region\":\"440300\",\"scheme\":\"employee\",\"from\":\"2020-01\"}]}",
			"enrollments[0].id", `must be valid UTF-8 text, got "a\xff"`},
		{`{"asOf":"2026-11-22","person":{"groups":["student",2]}}`, "person.groups[1]", "must be a group name (a string), got a number"},
		{`{"asOf":"2026-11-22","plan":{"region":"310000","region":"440300"}}`, "plan.region", `the key "region" is given twice`},
		{`{"asOf":"2026-11-22","":1,"":2}`, "input", `the key "" is given twice`},
	}
	for _, tt := range tests {
		_, err := Decode([]byte(tt.input))
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(fe.Message, tt.says) {
			t.Errorf("%s: got %v; want %s: …%s…", tt.input, err, tt.field, tt.says)
		}
	}
}

func TestEvaluateChecksInput(t *testing.T) {
	_, err := Evaluate(Input{AsOf: "2026-11-22", Enrollments: []Enrollment{{ID: "a", Region: "440300", Scheme: Employee, From: "2026-13"}}})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "enrollments[0].from" {
		t.Fatalf("got %v", err)
	}
}

// manyEnrollments builds n one-month employee enrollments, ten a month
// (so each overlaps nine others), alternating regions.
func manyEnrollments(n int) string {
	var b strings.Builder
	b.WriteString(`{"asOf":"2026-11-22","person":{"workRegion":"440300"},"enrollments":[`)
	start := monthOf(2026, 11) - Month(n/10) + 1
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		region := "440300"
		if i%2 == 1 {
			region = "310000"
		}
		m := start + Month(i/10)
		fmt.Fprintf(&b, `{"id":"e%d","region":"%s","scheme":"employee","from":"%s","to":"%s"}`, i, region, m, m)
	}
	b.WriteString(`],"plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05"}}`)
	return b.String()
}

func TestTenThousandEnrollments(t *testing.T) {
	out := answerWithin(t, []byte(manyEnrollments(10000)), 2*time.Second)
	if !out.Coverage.Active || len(out.Duplicates.Overlaps) == 0 || out.Duplicates.Keep == nil {
		t.Errorf("unexpected answer: active %v overlaps %d", out.Coverage.Active, len(out.Duplicates.Overlaps))
	}
}

// Every enrollment overlapping every other: the listing is capped, the
// answer still comes fast.
func TestAllOverlapping(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"asOf":"2026-11-22","enrollments":[`)
	for i := 0; i < 10000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"e%d","region":"440300","scheme":"resident","from":"2026-01","to":"2026-12"}`, i)
	}
	b.WriteString(`]}`)
	out := answerWithin(t, []byte(b.String()), 2*time.Second)
	d := out.Duplicates
	if len(d.Overlaps) != MaxOverlapsListed || len(d.Stop) != MaxOverlapsListed || len(d.Actions) != MaxOverlapsListed {
		t.Errorf("overlaps %d stop %d actions %d, want %d each", len(d.Overlaps), len(d.Stop), len(d.Actions), MaxOverlapsListed)
	}
	if want := 9999 - MaxOverlapsListed; d.StopOmitted != want || d.ActionsOmitted != want {
		t.Errorf("stopOmitted %d actionsOmitted %d, want %d", d.StopOmitted, d.ActionsOmitted, want)
	}
	if n := len(d.Explain); n > MaxOverlapsListed+10 {
		t.Errorf("%d explanation steps", n)
	}
	data, err := jsonMarshal(out)
	if err != nil {
		t.Fatal(err)
	}
	// The answer is bounded whatever the number of enrollments (it was
	// 15 MB for these 10,000).
	if len(data) > 1<<20 {
		t.Errorf("the answer is %d bytes", len(data))
	}
	// The sections after duplicates still leave out every enrollment
	// stopped, listed or not.
	if n := len(d.stopped()); n != 9999 {
		t.Errorf("the sections after duplicates leave out %d enrollments, want 9999", n)
	}
}

// answerWithin decodes and evaluates data, failing if that takes longer
// than limit.
func answerWithin(t *testing.T, data []byte, limit time.Duration) Output {
	t.Helper()
	begin := time.Now()
	in, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(begin); d > limit {
		t.Errorf("took %v, more than %v", d, limit)
	} else {
		t.Logf("answered in %v", d)
	}
	return out
}
