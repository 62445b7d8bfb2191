package rules

import (
	"strings"
	"testing"
)

// An enrollment's label names it in the explanations; its id still names
// it everywhere else in the output.
func TestLabelNamesTheEnrollmentInTexts(t *testing.T) {
	in, err := Decode([]byte(`{"asOf":"2026-12-01","person":{"residence":"310000","workRegion":"310000"},"enrollments":[
		{"id":"e1","label":"#1","region":"310000","scheme":"employee","from":"2022-03"},
		{"id":"e2","label":"#2","region":"360100","scheme":"resident","from":"2020-01"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if in.Enrollments[1].Label != "#2" {
		t.Fatalf("label %q, want #2", in.Enrollments[1].Label)
	}
	out, err := Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	if out.Duplicates.Keep == nil || *out.Duplicates.Keep != "e1" || len(out.Duplicates.Stop) != 1 || out.Duplicates.Stop[0] != "e2" {
		t.Fatalf("keep %v, stop %v: want e1 and [e2] (ids, not labels)", out.Duplicates.Keep, out.Duplicates.Stop)
	}
	act := out.Duplicates.Actions[0]
	if act.Enrollment != "e2" || !strings.Contains(act.Zh, "（#2）") || strings.Contains(act.Zh, "e2") || strings.Contains(act.En, "e2") {
		t.Errorf("action %+v: want the label #2 in the texts and the id e2 in the field", act)
	}
	for _, s := range append(out.Duplicates.Explain, out.Coverage.Explain...) {
		if strings.Contains(s.Zh, "e1") || strings.Contains(s.Zh, "e2") {
			t.Errorf("%s names an id: %s", s.Rule, s.Zh)
		}
	}
	// Without a label, the id names it.
	in.Enrollments[1].Label = ""
	out, _ = Evaluate(in)
	if !strings.Contains(out.Duplicates.Actions[0].Zh, "（e2）") {
		t.Errorf("unlabelled: %s", out.Duplicates.Actions[0].Zh)
	}
}

func TestLabelChecked(t *testing.T) {
	for _, tt := range []struct{ name, label string }{
		{"too long", strings.Repeat("长", MaxLabelRunes+1)},
		{"not UTF-8", "a\xff"},
	} {
		_, err := Decode([]byte(`{"asOf":"2026-12-01","enrollments":[{"id":"e1","label":"` + tt.label + `","region":"310000","scheme":"employee","from":"2022-03"}]}`))
		fe, ok := err.(*FieldError)
		if tt.name == "not UTF-8" && (err == nil || !ok) {
			// encoding/json (app.wasm) reads invalid bytes as U+FFFD: valid.
			continue
		}
		if !ok || fe.Field != "enrollments[0].label" {
			t.Errorf("%s: error %v, want one on enrollments[0].label", tt.name, err)
		}
	}
	if _, err := Evaluate(Input{AsOf: "2026-12-01", Enrollments: []Enrollment{{ID: "e1", Label: "a\xff", Region: "310000", Scheme: "employee", From: "2022-03"}}}); err == nil {
		t.Errorf("a built input with a label that is not UTF-8: no error")
	}
}

// Evaluate never changes the caller's input: a normalised region (an alias)
// or an id given to an enrollment without one is written into a copy.
func TestEvaluateLeavesTheInputAlone(t *testing.T) {
	es := []Enrollment{
		{ID: "a", Region: "440300", Scheme: "employee", From: "2020-01", To: "2024-06"},
		{Region: "110100", Scheme: "employee", From: "2024-07"}, // 北京's prefecture-level code, no id
	}
	in := Input{AsOf: "2026-12-01", Enrollments: es}
	if _, err := Evaluate(in); err != nil {
		t.Fatal(err)
	}
	if es[1].Region != "110100" || es[1].ID != "" || in.Enrollments[1].Region != "110100" {
		t.Errorf("the caller's enrollments changed: %+v", es)
	}
	same := []Enrollment{{ID: "a", Region: "440300", Scheme: "employee", From: "2020-01"}}
	if _, err := Evaluate(Input{AsOf: "2026-12-01", Enrollments: same}); err != nil || same[0].Region != "440300" {
		t.Errorf("an input needing no change: %v, %+v", err, same)
	}
}
