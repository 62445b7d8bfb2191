package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// data/unverified.json keeps what aggregator or AI-written pages say, and
// findings without a verbatim quote: never values, never computed with, and
// not embedded in the app. Each note names a region code, a topic and a
// value, and where it was seen.

// unverified is a finding from a source not trusted enough to compute with.
type unverified struct {
	Topic string `json:"topic"`
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
	Quote string `json:"quote,omitempty"`
	Note  string `json:"note,omitempty"`
}

type unverifiedFile struct {
	About   string                  `json:"about"`
	Regions map[string][]unverified `json:"regions"`
}

// checkUnverified requires of each note a topic, a value and where it was
// seen: a page, a quote or both (some were read in copies without an
// address).
func checkUnverified(where string, notes []unverified) error {
	for i, n := range notes {
		at := fmt.Sprintf("%s[%d]", where, i)
		switch {
		case n.Topic == "" || n.Value == "":
			return fmt.Errorf("%s: topic and value are required", at)
		case n.URL != "" && !isWebAddress(n.URL):
			return fmt.Errorf("%s.url: %q is not an http(s) address", at, n.URL)
		case n.URL == "" && strings.TrimSpace(n.Quote) == "":
			return fmt.Errorf("%s: a url or a quote is required", at)
		}
	}
	return nil
}

func TestUnverifiedNotes(t *testing.T) {
	data, err := os.ReadFile("data/unverified.json")
	if err != nil {
		t.Fatal(err)
	}
	var f unverifiedFile
	if err := decodeStrict("unverified.json", data, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Regions) == 0 {
		t.Fatal("no notes")
	}
	for code, notes := range f.Regions {
		if reg, ok := LookupRegion(code); !ok || reg.Alias != "" {
			t.Errorf("unverified.json: regions.%s: not a region code", code)
		}
		if err := checkUnverified("unverified.json: regions."+code, notes); err != nil {
			t.Error(err)
		}
	}
	for _, bad := range []string{`"topic": "", "value": "x", "url": "https://a.example/"`, `"topic": "t", "value": "x", "url": "ftp://a"`, `"topic": "t", "value": "x"`} {
		var notes []unverified
		if err := decodeStrict("note", []byte(`[{`+bad+`}]`), &notes); err != nil {
			t.Fatal(err)
		}
		if checkUnverified("x", notes) == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

// The notes are not in the app: the engine never reads them.
func TestUnverifiedNotShipped(t *testing.T) {
	if strings.Contains(string(regionsJSON), `"unverified"`) {
		t.Error("regions.json carries unverified notes: they belong in data/unverified.json")
	}
}
