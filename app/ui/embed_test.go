//go:build !wasm

package ui

import (
	"io"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"yibao/app/form"
)

// The partner's query parameters: valid values pass (normalised), anything
// else is ignored, never an error.
func TestParseEmbedParams(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  embedParams
	}{
		{"", embedParams{Lang: form.Zh}},
		{"region=440300&lang=en&theme=%230a7&scheme=employee", embedParams{Region: "440300", Lang: form.En, Theme: "#00aa77", Scheme: "employee"}},
		{"region=310000&theme=0B7A5B", embedParams{Region: "310000", Lang: form.Zh, Theme: "#0b7a5b"}},
		{"region=999999", embedParams{Lang: form.Zh}},              // unknown region
		{"region=44030", embedParams{Lang: form.Zh}},               // not a code
		{"region=%3Cscript%3E", embedParams{Lang: form.Zh}},        // not a code
		{"lang=fr", embedParams{Lang: form.Zh}},                    // unknown language
		{"lang=zh", embedParams{Lang: form.Zh}},                    // explicit Chinese
		{"theme=red", embedParams{Lang: form.Zh}},                  // not hex
		{"theme=%230a", embedParams{Lang: form.Zh}},                // wrong length
		{"theme=%2300aa7788", embedParams{Lang: form.Zh}},          // alpha not accepted
		{"theme=%230a7%3Bcolor%3Ared", embedParams{Lang: form.Zh}}, // injection
		{"theme=%22%3E%3Cscript%3E", embedParams{Lang: form.Zh}},
		{"scheme=both", embedParams{Lang: form.Zh}},
	} {
		q, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := parseEmbedParams(q); got != tc.want {
			t.Errorf("%q: got %+v, want %+v", tc.query, got, tc.want)
		}
	}
}

func TestThemeStyle(t *testing.T) {
	if s := themeStyle(""); s != "" {
		t.Errorf("no theme gives style %q", s)
	}
	s := themeStyle("#00aa77")
	for _, want := range []string{"--primary: #00aa77", "--green: #00aa77", "--green-dark: #007753", "--green-bg: #e0f5ef"} {
		if !strings.Contains(s, want) {
			t.Errorf("style %q lacks %q", s, want)
		}
	}
}

// The embed, computed: the three cards with their contract attributes, the
// plan in the partner's region, no header, the link to the full app with
// the input in its fragment, and the privacy line.
func TestEmbedRendersAnswer(t *testing.T) {
	p := parseEmbedParams(url.Values{"region": {"440300"}, "lang": {"en"}, "theme": {"#0a7"}})
	e := &embed{params: p}
	e.form = e.startForm()
	e.form.AsOf, e.form.Plan.PayOn = "2026-11-22", "2026-11-22"
	e.ready = true
	e.res = form.Evaluate(e.form)
	if !e.res.Computed {
		t.Fatalf("the start form does not compute: %v", e.res.Errors)
	}
	if h := e.fullAppHref(); h != "/" {
		t.Errorf("before the input is encoded the full-app link is %q, want the app's start", h)
	}
	e.setOpenHref() // OnMount does, afterFirstAnswer
	html := load(t, e)
	for _, want := range []string{`id="embed"`, `data-region="440300"`, `--green: #00aa77`, `id="coverage"`, `id="waiting"`, `id="duplicates"`,
		`id="plan-region"`, `value="Shenzhen 深圳市 · Guangdong"`, "Waiting period", `id="open-app"`, `target="_blank"`, `href="/#input=`, "not uploaded"} {
		if !strings.Contains(html, want) {
			t.Errorf("embed lacks %s", want)
		}
	}
	for _, bad := range []string{`id="lang-switch"`, `class="top"`, `class="foot"`, `id="share"`} {
		if strings.Contains(html, bad) {
			t.Errorf("embed has page chrome: %s", bad)
		}
	}
}

// Prerendered by the server (what a static host serves as embed.html, and
// what shows before the wasm runs): language and theme from the query, no
// answer claimed.
func TestEmbedPrerendered(t *testing.T) {
	Routes()
	h := Handler(Build{Version: "test"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/embed?region=440300&lang=en&theme=%23ff0000", nil))
	body, _ := io.ReadAll(rec.Body)
	html := string(body)
	if rec.Code != 200 {
		t.Fatalf("GET /embed: %d", rec.Code)
	}
	for _, want := range []string{`id="embed"`, `data-region="440300"`, "--green: #ff0000", "Getting ready", "My enrollments"} {
		if !strings.Contains(html, want) {
			t.Errorf("prerendered embed lacks %s", want)
		}
	}
	for _, bad := range []string{"data-computed", "data-active"} {
		if strings.Contains(html, bad) {
			t.Errorf("prerendered embed carries %s", bad)
		}
	}
	// Unknown region and bad theme: the plain calculator.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/embed?region=123456&theme=url(x)", nil))
	body, _ = io.ReadAll(rec.Body)
	if html := string(body); strings.Contains(html, "data-region=\"123456\"") || strings.Contains(html, "url(x)") || !strings.Contains(html, "我的参保记录") {
		t.Errorf("bad parameters were not ignored")
	}
}

// Under a sub-path the manifest's scope and start URL are the sub-path.
func TestManifestForBase(t *testing.T) {
	m, err := Manifest([]byte(`{"name":"x","scope":"/","start_url":"/tools/yibao"}`), "/tools/yibao")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"scope": "/tools/yibao/"`, `"start_url": "/tools/yibao/"`, `"name": "x"`} {
		if !strings.Contains(string(m), want) {
			t.Errorf("manifest %s lacks %s", m, want)
		}
	}
	for in, want := range map[string]string{"": "", "/": "", "tools/yibao/": "/tools/yibao", "/a/b": "/a/b", "/a/../b": "!", "/a b": "!", "/a//b": "!"} {
		got, ok := CleanBase(in)
		if !ok {
			got = "!"
		}
		if got != want {
			t.Errorf("CleanBase(%q) = %q, want %q", in, got, want)
		}
	}
}
