package form

import (
	"strings"
	"testing"
)

// TestLifeEvents fills the form from each life event's answers, as the
// issue's personas would give them, and checks the input the engine gets
// and that it answers it without a field error.
func TestLifeEvents(t *testing.T) {
	tests := []struct {
		name  string
		event string
		today string
		given Answers // what the person typed; the rest keep their defaults
		want  string  // the input document
		steps int     // questions asked
	}{
		{"quit 深圳, resident in 成都", "quit", "2026-08-20",
			Answers{"region": "440300", "from": "2019.1", "to": "2026-06", "next": "resident", "nextRegion": "510100"},
			`{"asOf":"2026-08-20","person":{"residence":"510100"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-01","to":"2026-06","kind":"unit"}],"plan":{"region":"510100","scheme":"resident","payOn":"2026-08-20"}}`, 6},
		{"quit, not decided: no plan, the last month by default", "quit", "2026-08-20",
			Answers{"region": "440300", "from": "2019-01", "next": "none"},
			`{"asOf":"2026-08-20","person":{"residence":"440300"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-01","to":"2026-07","kind":"unit"}]}`, 5},
		{"quit 深圳, not decided, back home in 成都", "quit", "2026-08-20",
			Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "none", "residence": "510100"},
			`{"asOf":"2026-08-20","person":{"residence":"510100"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-01","to":"2026-06","kind":"unit"}]}`, 5},
		{"quit, a new job elsewhere", "quit", "2026-08-20",
			Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "job", "nextRegion": "310000", "payOn": "2026-09-01"},
			`{"asOf":"2026-08-20","person":{"workRegion":"310000"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-01","to":"2026-06","kind":"unit"}],"plan":{"region":"310000","scheme":"employee","payOn":"2026-09-01","kind":"unit"}}`, 6},
		{"baby in 武汉, paid late", "baby", "2026-07-13",
			Answers{"birth": "2026-03-10", "region": "420100", "paid": "no"},
			`{"asOf":"2026-07-13","person":{"birthDate":"2026-03-10","groups":["newborn"],"residence":"420100"},"enrollments":[],"plan":{"region":"420100","scheme":"resident","payOn":"2026-07-13"}}`, 4},
		{"baby, already paid", "baby", "2026-11-22",
			Answers{"birth": "20260910", "region": "320100", "paid": "yes", "paidOn": "2026-10-08"},
			`{"asOf":"2026-11-22","person":{"birthDate":"2026-09-10","groups":["newborn"],"residence":"320100"},"enrollments":[{"id":"e1","region":"320100","scheme":"resident","from":"2026-09","to":"2026-12","paidOn":"2026-10-08"}]}`, 4},
		{"郑州 resident stopped in 2024", "resume", "2026-12-01",
			Answers{"scheme": "resident", "region": "410100", "firstYear": "2018", "lastYear": "2023"},
			`{"asOf":"2026-12-01","person":{"residence":"410100"},"enrollments":[{"id":"e1","region":"410100","scheme":"resident","from":"2018-01","to":"2023-12"}],"plan":{"region":"410100","scheme":"resident","payOn":"2026-12-01"}}`, 7},
		{"employee resumes as a flexible worker", "resume", "2026-12-01",
			Answers{"scheme": "employee", "region": "330100", "kind": "unit", "from": "2015-03", "to": "2026-02"},
			`{"asOf":"2026-12-01","enrollments":[{"id":"e1","region":"330100","scheme":"employee","from":"2015-03","to":"2026-02","kind":"unit"}],"plan":{"region":"330100","scheme":"employee","payOn":"2026-12-01","kind":"flexible"}}`, 8},
		{"上海 worker still enrolled in 南昌", "duplicate", "2026-12-01",
			Answers{"aRegion": "310000", "aScheme": "employee", "aFrom": "2022-03", "bRegion": "360100", "bScheme": "resident", "bFrom": "2020-01", "residence": "310000"},
			`{"asOf":"2026-12-01","person":{"residence":"310000","workRegion":"310000"},"enrollments":[{"id":"e1","region":"310000","scheme":"employee","from":"2022-03"},{"id":"e2","region":"360100","scheme":"resident","from":"2020-01"}]}`, 7},
		{"北京 retiree living in 海南", "retiree", "2026-12-01",
			Answers{"region": "110000", "from": "1988-07", "to": "2024-06", "sex": "male", "residence": "460100"},
			`{"asOf":"2026-12-01","person":{"retired":true,"residence":"460100","sex":"male"},"enrollments":[{"id":"e1","region":"110000","scheme":"employee","from":"1988-07","to":"2024-06"}]}`, 5},
		{"杭州 flexible worker missed four months", "flexgap", "2026-10-10",
			Answers{"region": "330100", "from": "2021-01", "gapFrom": "2026-06"},
			`{"asOf":"2026-10-10","enrollments":[{"id":"e1","region":"330100","scheme":"employee","from":"2021-01","to":"2026-05","kind":"flexible"}],"plan":{"region":"330100","scheme":"employee","payOn":"2026-10-10","kind":"flexible"}}`, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := LifeEventOf(tt.event)
			if e == nil {
				t.Fatalf("no life event %q", tt.event)
			}
			done := e.Complete(tt.given, tt.today)
			if n := len(e.Steps(done)); n != tt.steps {
				t.Errorf("%d questions asked, want %d", n, tt.steps)
			}
			for _, q := range e.Steps(done) {
				if p := q.Problem(done[q.Key]); p.Zh != "" {
					t.Errorf("%s = %q: %s", q.Key, done[q.Key], p.Zh)
				}
			}
			f := e.Form(tt.given, tt.today)
			if got := string(f.JSON()); got != tt.want {
				t.Errorf("input\n got %s\nwant %s", got, tt.want)
			}
			res := Evaluate(f)
			if !res.Computed {
				t.Fatalf("not answered: %v", res.Errors)
			}
		})
	}
}

// TestLifeEventQuestions checks every question of every event: a text in
// both languages, choices for a choice, and defaults that are valid answers.
func TestLifeEventQuestions(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range LifeEvents {
		if seen[e.ID] || e.Title.Zh == "" || e.Title.En == "" || e.fill == nil {
			t.Errorf("event %q: duplicate id, missing title or fill", e.ID)
		}
		seen[e.ID] = true
		keys := map[string]bool{}
		for _, q := range e.questions {
			if keys[q.Key] {
				t.Errorf("%s.%s asked twice", e.ID, q.Key)
			}
			keys[q.Key] = true
			if q.Text.Zh == "" || q.Text.En == "" || strings.Contains(q.Text.Zh, "{") {
				t.Errorf("%s.%s: no text", e.ID, q.Key)
			}
			if (q.Kind == AskChoice) != (len(q.Choices) > 0) {
				t.Errorf("%s.%s: choices only for a choice", e.ID, q.Key)
			}
			if q.def != nil && q.Kind != AskRegion {
				if v := q.def(Answers{"scheme": "employee"}, "2026-01-01"); q.Problem(v).Zh != "" {
					t.Errorf("%s.%s: default %q is not an answer", e.ID, q.Key, v)
				}
			}
		}
	}
	if monthBefore("2026-01-15") != "2025-12" {
		t.Errorf("monthBefore(2026-01-15) = %q", monthBefore("2026-01-15"))
	}
}

// TestQuitUndecidedWaysBack: a man who left a job in 深圳 and has not
// decided what next is offered the resident scheme where he now lives
// (成都), not where the job was.
func TestQuitUndecidedWaysBack(t *testing.T) {
	f := LifeEventOf("quit").Form(Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "none", "residence": "510100"}, "2026-08-20")
	res := Evaluate(f)
	if !res.Computed || res.Out.Waiting == nil {
		t.Fatalf("not answered: %v", res.Errors)
	}
	resident := 0
	for _, w := range res.Out.Waiting.Ways {
		if w.Scheme == "resident" {
			resident++
			if w.Region != "510100" {
				t.Errorf("the resident way back is in %s, want 510100 (where he lives)", w.Region)
			}
		}
	}
	if resident != 1 {
		t.Errorf("%d resident ways back, want 1: %+v", resident, res.Out.Waiting.Ways)
	}
}
