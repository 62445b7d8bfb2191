package ui

import (
	"html"
	"strings"
	"testing"

	"yibao/app/form"
	"yibao/rules"
)

func kindsAt(ln lane, month string) string {
	i, _ := form.MonthIndex(month)
	for _, s := range ln.Segments {
		if i >= s.From && i <= s.To {
			return s.Kind
		}
	}
	return ""
}

// evaluateForm is the engine's answer to the form.
func evaluateForm(t *testing.T, f form.State) rules.Output {
	t.Helper()
	in, err := f.Input()
	if err != nil {
		t.Fatal(err)
	}
	out, err := rules.Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The drawing is the engine's timeline, labelled from the form.
func TestTimelineModel(t *testing.T) {
	f, err := form.Parse([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	f.Enrollments[0].Backpaid = "2"
	out := evaluateForm(t, f)
	m, ok := buildTimeline(form.Zh, f, &out)
	if !ok {
		t.Fatal("no timeline")
	}
	if got, want := form.MonthString(m.Start), out.Timeline.From.String(); got != want {
		t.Errorf("start %s, want %s", got, want)
	}
	if got, want := form.MonthString(m.End), out.Timeline.To.String(); got != want {
		t.Errorf("end %s, want %s", got, want)
	}
	if len(m.Lanes) != len(out.Timeline.Lanes) {
		t.Fatalf("%d lanes, want %d", len(m.Lanes), len(out.Timeline.Lanes))
	}
	for i, ln := range out.Timeline.Lanes {
		for _, r := range ln.Runs {
			for _, mo := range []string{r.From.String(), r.To.String()} {
				if got := kindsAt(m.Lanes[i], mo); got != r.Kind {
					t.Errorf("lane %s %s: %q, engine says %q", ln.About, mo, got, r.Kind)
				}
			}
		}
	}
	if m.Lanes[0].Label != "合计" || !strings.HasPrefix(m.Lanes[1].Label, "#1 深圳") {
		t.Errorf("labels %q %q", m.Lanes[0].Label, m.Lanes[1].Label)
	}
	if got := kindsAt(m.Lanes[1], "2019-03"); got != monthBackpaid {
		t.Errorf("back-paid month drawn as %q", got)
	}
	svg := timelineSVG(form.Zh, m)
	for _, want := range []string{`role="img"`, "<title", "2020</text>", `class="asof"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	// The drawing in words, for screen readers: a line per lane.
	alt := timelineAlt(form.Zh, m)
	if len(alt) != len(m.Lanes) || !strings.HasPrefix(alt[1], "#1 深圳") || !strings.Contains(alt[1], "2019年3月") {
		t.Errorf("timeline in words: %q", alt)
	}
}

// Without an answer there is nothing to draw; absurd dates stay bounded
// (the engine caps the months).
func TestTimelineBounds(t *testing.T) {
	f := form.State{AsOf: "2026-01-01", Enrollments: []form.Enrollment{
		{ID: "e1", Region: "440300", Scheme: "employee", From: "1900-01", To: "2200-12"},
	}}
	if _, ok := buildTimeline(form.En, f, nil); ok {
		t.Errorf("a timeline without an answer")
	}
	out := evaluateForm(t, f)
	m, ok := buildTimeline(form.En, f, &out)
	if !ok {
		t.Fatal("no timeline")
	}
	if n := m.End - m.Start + 1; n > 1200+24 {
		t.Errorf("%d months drawn", n)
	}
	if len(timelineSVG(form.En, m)) > 200000 {
		t.Errorf("SVG too large")
	}
}

func TestEscapeXML(t *testing.T) {
	for _, in := range []string{"", "深圳市 职工医保", `<a href="x">&'</a>`, "#1 A&B > C"} {
		if got, want := escapeXML(in), html.EscapeString(in); got != want {
			t.Errorf("escapeXML(%q) = %q, html.EscapeString gives %q", in, got, want)
		}
	}
}
