package form

import (
	"strings"
	"testing"
)

func TestSavedRoundTrip(t *testing.T) {
	f, err := Parse([]byte(`{"asOf":"2026-11-22","enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	raw := EncodeSaved(f, true, false)
	if !strings.Contains(raw, `"v":2`) || !strings.Contains(raw, `"input":{"asOf":"2026-11-22"`) {
		t.Errorf("saved %s: want version 2 with the input as an object", raw)
	}
	g, s, err := DecodeSaved(raw)
	if err != nil || !s.AsOfAuto || s.Link || !SameInput(f, g) {
		t.Errorf("DecodeSaved(%s) = %+v, %+v, %v", raw, g, s, err)
	}
}

// Values of the earlier formats (0: no version, 1: the input as a string
// of JSON) are read, and saved again as version 2.
func TestSavedEarlierFormats(t *testing.T) {
	for _, raw := range []string{
		`{"input":"{\"asOf\":\"2026-01-01\"}","asOfAuto":false}`,
		`{"v":1,"input":"{\"asOf\":\"2026-01-01\"}","asOfAuto":false}`,
		`{"v":2,"input":{"asOf":"2026-01-01"},"asOfAuto":false}`,
	} {
		g, s, err := DecodeSaved(raw)
		if err != nil || g.AsOf != "2026-01-01" || s.AsOfAuto {
			t.Errorf("DecodeSaved(%s) = %+v, %+v, %v", raw, g, s, err)
		}
		if again := EncodeSaved(g, s.AsOfAuto, false); !strings.Contains(again, `"v":2`) {
			t.Errorf("saved again as %s", again)
		}
	}
}

func TestUnreadableSaved(t *testing.T) {
	for _, raw := range []string{
		``, `{not json`, `"a string"`, `42`, `null`, `[]`, `{}`,
		`{"input":123}`, `{"input":"{bad"}`, `{"input":"null"}`, `{"input":"[1]"}`,
		`{"input":"{\"enrollments\":\"x\"}"}`,
		`{"v":3,"input":{}}`, // a newer format: kept, not read
		`{"v":2,"input":"{}"}`, `{"v":2,"input":null}`, `{"v":2}`, `{"v":1,"input":{}}`,
		`{"v":-1,"input":"{}"}`,
	} {
		if f, _, err := DecodeSaved(raw); err == nil {
			t.Errorf("DecodeSaved(%s) = %+v, want an error", raw, f)
		}
	}
}

// A link or a saved value must be an input object: JSON null once read as
// an empty form and saved over the person's data.
func TestInputMustBeAnObject(t *testing.T) {
	for _, doc := range []string{`null`, ` null `, `[]`, `"x"`, `1`, `true`, ``} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("Parse(%q) accepted", doc)
		}
	}
	if _, err := Parse([]byte(` {}`)); err != nil {
		t.Errorf("Parse({}): %v", err)
	}
}

func TestSameInput(t *testing.T) {
	a, _ := Parse([]byte(`{"asOf":"2026-11-22","enrollments":[{"region":"440300","scheme":"employee","from":"2019.3","to":"2024-06"}]}`))
	b, _ := Parse([]byte(`{"enrollments":[{"to":"2024-06","from":"2019-03","scheme":"employee","region":"440300"}],"asOf":"2026-11-22"}`))
	if !SameInput(a, b) {
		t.Errorf("the same input, typed differently, differs")
	}
	b.AsOf = "2026-11-23"
	if SameInput(a, b) {
		t.Errorf("different dates are the same input")
	}
}
