package rules

import (
	"errors"
	"fmt"
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

// checkExplained asserts that every conclusion carries explanations, that
// every source in the output (explain steps, options, deadlines, actions)
// cites documents in documents.json, and that no text keeps a placeholder.
func checkExplained(t *testing.T, out Output) {
	t.Helper()
	docs := citedDocuments(t)
	source := func(what, src string) {
		if err := checkCitations(src, docs); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	check := func(what string, steps []Step) {
		if len(steps) == 0 {
			t.Errorf("%s: no explain steps", what)
		}
		for i, s := range steps {
			if s.Rule == "" || s.Zh == "" || s.En == "" || s.Source == "" {
				t.Errorf("%s.explain[%d] incomplete: %+v", what, i, s)
				continue
			}
			source(fmt.Sprintf("%s.explain[%d].source (%s)", what, i, s.Rule), s.Source)
		}
	}
	check("coverage", out.Coverage.Explain)
	check("duplicates", out.Duplicates.Explain)
	for i, a := range out.Duplicates.Actions {
		source(fmt.Sprintf("duplicates.actions[%d].source", i), a.Source)
	}
	if out.Waiting != nil {
		check("waiting", out.Waiting.Explain)
		for i, o := range out.Waiting.Shorten {
			source(fmt.Sprintf("waiting.shorten[%d].source (%s)", i, o.Kind), o.Source)
		}
	}
	if out.Transfer != nil {
		check("transfer", out.Transfer.Explain)
	}
	if out.Incentive != nil {
		check("incentive", out.Incentive.Explain)
	}
	for i, d := range out.Deadlines {
		source(fmt.Sprintf("deadlines[%d].source (%s)", i, d.Kind), d.Source)
	}
	checkTexts(t, out)
}

// unverifiedMark is what RuleSet.cite appends for an unverified document.
const unverifiedMark = "（未核实）"

// citedDocuments returns the documents of the embedded rules.
func citedDocuments(t *testing.T) []Document {
	t.Helper()
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return rs.Documents()
}

// checkCitations reports whether src is one or more citations joined by
// "；", each "<document number> <article>" as RuleSet.cite and citeDoc
// write them, optionally followed by （未核实）, where the number is a
// document's in docs.
func checkCitations(src string, docs []Document) error {
	if src == "" {
		return errors.New("no source")
	}
	for i, c := range strings.Split(src, "；") {
		c = strings.TrimSuffix(c, unverifiedMark)
		var article string
		found := false
		for _, d := range docs {
			// The longest number wins, should one number begin another.
			if rest, ok := strings.CutPrefix(c, d.Number+" "); ok && (!found || len(rest) < len(article)) {
				article, found = rest, true
			}
		}
		switch {
		case !found:
			return fmt.Errorf("source %q: citation %d %q does not start with a document number from documents.json and a space", src, i+1, c)
		case article == "" || strings.TrimSpace(article) != article:
			return fmt.Errorf("source %q: citation %d %q: after the document number, want one space and then the article", src, i+1, c)
		case strings.Contains(article, unverifiedMark):
			return fmt.Errorf("source %q: citation %d %q: %s must come last", src, i+1, c, unverifiedMark)
		case strings.ContainsRune(article, ';'):
			return fmt.Errorf("source %q: citation %d %q: join citations with ；, not ;", src, i+1, c)
		}
		for _, d := range docs {
			if strings.Contains(article, d.Number) {
				return fmt.Errorf("source %q: citation %d %q names a second document: join citations with ；", src, i+1, c)
			}
		}
	}
	return nil
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
