package rules

import (
	"strings"
	"testing"

	json "github.com/goccy/go-json"
)

// Builders for table tests.

func emp(id, region, from, to string) Enrollment {
	return Enrollment{ID: id, Region: region, Scheme: Employee, From: from, To: to}
}

func res(id, region, from, to, paidOn string) Enrollment {
	return Enrollment{ID: id, Region: region, Scheme: Resident, From: from, To: to, PaidOn: paidOn}
}

func plan(region, scheme, payOn string, extra int) *Plan {
	return &Plan{Region: region, Scheme: scheme, PayOn: payOn, ExtraYears: extra}
}

func input(asOf string, person *Person, plan *Plan, es ...Enrollment) Input {
	return Input{AsOf: asOf, Person: person, Enrollments: es, Plan: plan}
}

// evaluate runs an input through JSON, Decode and Evaluate, as the command
// line does, so that every table test also exercises the decoder.
func evaluate(t *testing.T, in Input) Output {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := Decode(b)
	if err != nil {
		t.Fatalf("Decode(%s): %v", b, err)
	}
	out, err := Evaluate(dec)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	checkExplained(t, out)
	return out
}

// checkExplained asserts that every conclusion carries sourced explanations.
func checkExplained(t *testing.T, out Output) {
	t.Helper()
	check := func(what string, steps []Step) {
		if len(steps) == 0 {
			t.Errorf("%s: no explain steps", what)
		}
		for i, s := range steps {
			if s.Rule == "" || s.Zh == "" || s.En == "" || s.Source == "" {
				t.Errorf("%s.explain[%d] incomplete: %+v", what, i, s)
			}
		}
	}
	check("coverage", out.Coverage.Explain)
	check("duplicates", out.Duplicates.Explain)
	if out.Waiting != nil {
		check("waiting", out.Waiting.Explain)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// ruleSetWith loads the embedded rules with extra text inserted after the
// first occurrence of anchor + `,"values":[` in national.json.
func ruleSetWith(t *testing.T, param, value string) *RuleSet {
	t.Helper()
	docs, nat, reg := documentsJSON, nationalJSON, regionsJSON
	s := string(nat)
	i := strings.Index(s, param)
	j := strings.Index(s[i:], `"values": [`)
	if i < 0 || j < 0 {
		t.Fatalf("parameter %s not found", param)
	}
	at := i + j + len(`"values": [`)
	s = s[:at] + value + s[at:]
	rs, err := Load(docs, []byte(s), reg)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
