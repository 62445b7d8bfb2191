//go:build !wasm

package ui

import (
	"io"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"yibao/app/form"
)

func prerendered(t *testing.T, path string) string {
	t.Helper()
	Routes()
	rec := httptest.NewRecorder()
	Handler(Build{Version: "test"}).ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != 200 {
		t.Fatalf("GET %s: %d", path, rec.Code)
	}
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}

// TestPrerenderedFlagsOff: a boolean attribute that is off is left out of
// the prerendered HTML. go-app writes it as checked="false", which HTML
// reads as on: until app.wasm ran, every box of 我的情况 was ticked, both
// optional sections were open and the repair years read 10.
func TestPrerenderedFlagsOff(t *testing.T) {
	on := regexp.MustCompile(`\s(checked|open|selected|hidden|disabled|required|multiple|readonly)(="[^"]*")?[\s>]`)
	for _, path := range []string{"/", "/?lang=en", "/embed", "/rules"} {
		html := prerendered(t, path)
		for _, m := range on.FindAllStringSubmatch(html, -1) {
			if m[2] != "" && m[2] != `="true"` {
				t.Errorf("%s: %s%s is written, and reads as on", path, m[1], m[2])
			}
		}
		for _, id := range []string{"person-retired", "plan-on"} {
			tag := regexp.MustCompile(`<input[^>]*id="` + id + `"[^>]*>`).FindString(html)
			if path == "/" && (tag == "" || strings.Contains(tag, "checked")) {
				t.Errorf("%s: the box %s is %q, want it unticked", path, id, tag)
			}
		}
	}
	if html := prerendered(t, "/"); regexp.MustCompile(`<details[^>]*id="(situation|plan)"[^>]*\sopen`).MatchString(html) {
		t.Errorf("a blank form's optional sections are prerendered open")
	}
}

// TestPrerenderedFirstSteps: the prerendered first screen carries, hidden,
// the first question of every life event, for web/boot.js to show when an
// event is tapped before app.wasm runs: the box's id is the app's with
// pre-<event>- before it, and each box has its label.
func TestPrerenderedFirstSteps(t *testing.T) {
	html := prerendered(t, "/")
	for i := range form.LifeEvents {
		ev := &form.LifeEvents[i]
		q := ev.Steps(ev.Complete(form.Answers{}, form.Today()))[0]
		pre := "pre-" + ev.ID + "-"
		section := regexp.MustCompile(`(?s)<section[^>]*id="` + pre + `flow"[^>]*>.*?</section>`).FindString(html)
		if section == "" {
			t.Errorf("%s: no prerendered first step", ev.ID)
			continue
		}
		open := section[:strings.Index(section, ">")]
		if !strings.Contains(open, " hidden") || !strings.Contains(open, `data-event="`+ev.ID+`"`) {
			t.Errorf("%s: the first step is not hidden or names no event: %s", ev.ID, open)
		}
		box := pre + "ev-" + q.Key
		if q.Kind == form.AskChoice {
			box += "-" + q.Choices[0].Value
		}
		if !strings.Contains(section, `id="`+box+`"`) || !strings.Contains(section, `for="`+box+`"`) {
			t.Errorf("%s: the first step has no labelled box %s", ev.ID, box)
		}
		if !strings.Contains(section, q.Text.Zh) || !strings.Contains(section, ev.Title.Zh) {
			t.Errorf("%s: the first step does not ask %q", ev.ID, q.Text.Zh)
		}
		for _, pre := range []string{`data-pre="back"`, `data-pre="next"`} {
			if !strings.Contains(section, pre) {
				t.Errorf("%s: the first step lacks its button %s", ev.ID, pre)
			}
		}
	}
	if strings.Count(html, `id="life-event"`) != 0 {
		t.Error("the prerendered page opens a life event")
	}
}
