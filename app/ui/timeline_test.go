package ui

import (
	"html"
	"strings"
	"testing"

	"yibao/rules"
)

func kindsAt(ln lane, month string) string {
	i, _ := monthIndex(month)
	for _, s := range ln.Segments {
		if i >= s.From && i <= s.To {
			return s.Kind
		}
	}
	return ""
}

func TestTimelineModel(t *testing.T) {
	f, err := parseInput([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	keep := "sz"
	out := &rules.Output{
		Waiting: &rules.WaitingAnswer{About: "plan", WaitFrom: "2027-01-01", BenefitsFrom: "2027-04-01", Months: 3},
		Duplicates: rules.DuplicatesAnswer{Keep: &keep, Overlaps: []rules.Overlap{
			{A: "sz", B: "home", From: "2024-03", To: "2024-04"},
		}},
	}
	f.Enrollments[0].Backpaid = "2"
	m, ok := buildTimeline(langZh, f, out)
	if !ok {
		t.Fatal("no timeline")
	}
	if got, want := monthString(m.Start), "2019-01"; got != want {
		t.Errorf("start %s, want %s", got, want)
	}
	if got, want := monthString(m.End), "2027-12"; got != want {
		t.Errorf("end %s, want %s", got, want)
	}
	if len(m.Lanes) != 4 { // all, #1, #2, plan
		t.Fatalf("%d lanes, want 4: %+v", len(m.Lanes), m.Lanes)
	}
	all, sz, plan := m.Lanes[0], m.Lanes[1], m.Lanes[3]
	cases := []struct {
		ln          lane
		month, kind string
	}{
		{all, "2019-03", monthCovered},
		{all, "2024-09", monthGap},
		{all, "2026-06", monthGap},
		{sz, "2019-03", monthBackpaid},
		{sz, "2019-04", monthBackpaid},
		{sz, "2019-05", monthCovered},
		{sz, "2024-03", monthDuplicated},
		{sz, "2024-07", ""},
		{plan, "2027-01", monthWaiting},
		{plan, "2027-03", monthWaiting},
		{plan, "2027-04", monthPlanned},
	}
	for _, c := range cases {
		if got := kindsAt(c.ln, c.month); got != c.kind {
			t.Errorf("%s %s: %q, want %q", c.ln.Label, c.month, got, c.kind)
		}
	}
	if !strings.HasPrefix(sz.Label, "#1 深圳") {
		t.Errorf("label %q", sz.Label)
	}
	svg := timelineSVG(langZh, m)
	for _, want := range []string{`role="img"`, "<title", "2019</text>", "2027</text>", `class="seg k-waiting"`, `class="asof"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}

// Absurd input cannot make the drawing huge or slow.
func TestTimelineBounds(t *testing.T) {
	f := formState{AsOf: "2026-01-01", Enrollments: []formEnrollment{
		{ID: "e1", Region: "440300", Scheme: "employee", From: "0001-01", To: "9999-12", Backpaid: "20241120"},
	}}
	m, ok := buildTimeline(langEn, f, nil)
	if !ok {
		t.Fatal("no timeline")
	}
	if n := m.End - m.Start + 1; n > maxTimelineMonths+24 {
		t.Errorf("%d months drawn", n)
	}
	if len(timelineSVG(langEn, m)) > 200000 {
		t.Errorf("SVG too large")
	}
	if _, ok := buildTimeline(langEn, formState{AsOf: "2026-01-01"}, nil); ok {
		t.Errorf("a timeline without enrollments")
	}
}

func TestEscapeXML(t *testing.T) {
	for _, in := range []string{"", "深圳市 职工医保", `<a href="x">&'</a>`, "#1 A&B > C"} {
		if got, want := escapeXML(in), html.EscapeString(in); got != want {
			t.Errorf("escapeXML(%q) = %q, html.EscapeString gives %q", in, got, want)
		}
	}
}
