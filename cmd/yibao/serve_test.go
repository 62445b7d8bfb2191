//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yibao/app/ui"
)

func testSite(t *testing.T, base, ancestors string) http.Handler {
	t.Helper()
	ui.Routes()
	dir := t.TempDir()
	for name, data := range map[string]string{"app.wasm": "\x00asm", "yibao.css": "body{}", "embed.js": "(function(){})();"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := loadSite(dir, "", base)
	if err != nil {
		t.Fatal(err)
	}
	fa, err := parseFrameAncestors(ancestors)
	if err != nil {
		t.Fatal(err)
	}
	s.frameAncestors = fa
	return s.Handler()
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// /embed may be framed by the partners, everything else only by the site;
// the CSP allows wasm and nothing from other origins; wasm is served as
// application/wasm.
func TestServeHeaders(t *testing.T) {
	h := testSite(t, "", "https://hr.example.com http://127.0.0.1:8080")
	embed := get(t, h, "/embed?region=440300")
	if embed.Code != 200 {
		t.Fatalf("/embed: %d", embed.Code)
	}
	csp := embed.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'self' https://hr.example.com http://127.0.0.1:8080"} {
		if !strings.Contains(csp, want) {
			t.Errorf("/embed CSP %q lacks %q", csp, want)
		}
	}
	if xfo := embed.Header().Get("X-Frame-Options"); xfo != "" {
		t.Errorf("/embed sends X-Frame-Options %q, which would forbid the partners", xfo)
	}
	for _, p := range []string{"/", "/rules", "/web/yibao.css"} {
		rec := get(t, h, p)
		if rec.Code != 200 {
			t.Errorf("%s: %d", p, rec.Code)
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.HasSuffix(csp, "frame-ancestors 'self'") || strings.Contains(csp, "example.com") {
			t.Errorf("%s CSP %q: want frame-ancestors 'self' only", p, csp)
		}
		if xfo := rec.Header().Get("X-Frame-Options"); xfo != "SAMEORIGIN" {
			t.Errorf("%s X-Frame-Options %q, want SAMEORIGIN", p, xfo)
		}
	}
	if ct := get(t, h, "/web/app.wasm").Header().Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("app.wasm Content-Type %q", ct)
	}
	// By default only the site itself frames /embed.
	def := get(t, testSite(t, "", "'self'"), "/embed")
	if csp := def.Header().Get("Content-Security-Policy"); !strings.HasSuffix(csp, "frame-ancestors 'self'") || def.Header().Get("X-Frame-Options") != "SAMEORIGIN" {
		t.Errorf("default /embed: CSP %q, X-Frame-Options %q", csp, def.Header().Get("X-Frame-Options"))
	}
}

func TestParseFrameAncestors(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "'self'",
		"'self'":            "'self'",
		"https://a.example": "'self' https://a.example",
		"https://a.example/, https://*.b.example:8443": "'self' https://a.example https://*.b.example:8443",
		"HTTPS://A.Example https://a.example":          "'self' https://a.example",
		"http://127.0.0.1:8080 http://[::1]:9000":      "'self' http://127.0.0.1:8080 http://[::1]:9000",
		"'none'": "'none'",
		"none":   "'none'",
	} {
		got, err := parseFrameAncestors(in)
		if err != nil || got != want {
			t.Errorf("parseFrameAncestors(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	// Each refusal says what is wrong.
	for bad, says := range map[string]string{
		"https://a.example; script-src *": "is not a host name",
		"javascript:alert(1)":             "is not 'self', 'none' or an origin",
		"https://a.example/path":          "has a path: give the origin only, https://a.example",
		"https://a.example/?x=1":          "has a path",
		"https://a.example?x=1":           "has a query or fragment",
		"'none' https://a.example":        "'none' cannot be combined",
		"a.example":                       "write it with its scheme, such as https://a.example",
		"https://a.example\r\nX: y":       "is not",
		"*":                               "would let any site frame /embed",
		"https:":                          "would let any site frame /embed",
		"ftp://a.example":                 "only http and https origins",
		"https://a.example:99999":         "is not a number from 1 to 65535",
		"https://a.example:":              "is not a number from 1 to 65535",
		"https://user@a.example":          "has a user name",
		"https://-a.example":              "is not a host name",
		"https://a..example":              "is not a host name",
		"https://a.*.example":             "is not a host name",
		"https://例子.中国":                   "xn--",
		"'unsafe-inline'":                 "is not 'self', 'none' or an origin",
	} {
		got, err := parseFrameAncestors(bad)
		if err == nil {
			t.Errorf("parseFrameAncestors(%q) = %q, want an error", bad, got)
		} else if !strings.Contains(err.Error(), says) {
			t.Errorf("parseFrameAncestors(%q): %v; want it to say %q", bad, err, says)
		}
	}
}

// The security headers are on every response: the redirect of the bare
// sub-path, the 404s outside it, the 405s.
func TestServeHeadersEverywhere(t *testing.T) {
	h := testSite(t, "/tools/yibao", "https://hr.example.com")
	check := func(what string, rec *httptest.ResponseRecorder, embed bool) {
		t.Helper()
		csp := rec.Header().Get("Content-Security-Policy")
		want := "frame-ancestors 'self'"
		if embed {
			want += " https://hr.example.com"
		}
		if !strings.HasPrefix(csp, "default-src 'self'") || !strings.HasSuffix(csp, want) {
			t.Errorf("%s: CSP %q, want %q at its end", what, csp, want)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", what, rec.Header())
		}
		if xfo := rec.Header().Get("X-Frame-Options"); embed != (xfo == "") {
			t.Errorf("%s: X-Frame-Options %q", what, xfo)
		}
	}
	redirect := get(t, h, "/tools/yibao")
	if redirect.Code != http.StatusMovedPermanently {
		t.Fatalf("/tools/yibao: %d", redirect.Code)
	}
	check("the redirect", redirect, false)
	outside := get(t, h, "/other")
	if outside.Code != 404 {
		t.Fatalf("/other: %d", outside.Code)
	}
	check("a 404 outside the base", outside, false)
	check("/tools/yibao/embed", get(t, h, "/tools/yibao/embed"), true)
	check("/embed outside the base", get(t, h, "/embed"), false)
	check("/tools/yibao/rules", get(t, h, "/tools/yibao/rules"), false)
}

// Only GET and HEAD: everything else gets 405 with an Allow header, and
// the security headers.
func TestServeMethods(t *testing.T) {
	for _, base := range []string{"", "/tools/yibao"} {
		h := testSite(t, base, "'self'")
		for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions, "PROPFIND"} {
			for _, p := range []string{"/", "/embed", "/web/app.wasm", "/app-worker.js"} {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(m, base+p, strings.NewReader("x=1")))
				if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
					t.Errorf("%s %s%s: %d, Allow %q", m, base, p, rec.Code, rec.Header().Get("Allow"))
				}
				if rec.Header().Get("Content-Security-Policy") == "" || !strings.Contains(rec.Body.String(), "GET and HEAD only") {
					t.Errorf("%s %s%s: headers %v, body %q", m, base, p, rec.Header(), rec.Body)
				}
			}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, base+"/", nil))
		if rec.Code != 200 {
			t.Errorf("HEAD %s/: %d", base, rec.Code)
		}
	}
}

// Pages, scripts and styles say they are UTF-8 (go-app sends plain
// "text/html"); the wasm and the manifest keep their types.
func TestServeCharset(t *testing.T) {
	for _, base := range []string{"", "/tools/yibao"} {
		h := testSite(t, base, "'self'")
		for p, want := range map[string]string{
			"/":                     "text/html; charset=utf-8",
			"/embed":                "text/html; charset=utf-8",
			"/rules":                "text/html; charset=utf-8",
			"/app.js":               "application/javascript; charset=utf-8",
			"/app-worker.js":        "application/javascript; charset=utf-8",
			"/wasm_exec.js":         "application/javascript; charset=utf-8",
			"/app.css":              "text/css; charset=utf-8",
			"/web/yibao.css":        "text/css; charset=utf-8",
			"/web/embed.js":         "text/javascript; charset=utf-8",
			"/web/app.wasm":         "application/wasm",
			"/manifest.webmanifest": "application/manifest+json",
		} {
			rec := get(t, h, base+p)
			if ct := rec.Header().Get("Content-Type"); rec.Code != 200 || ct != want {
				t.Errorf("%s%s: %d, Content-Type %q, want %q", base, p, rec.Code, ct, want)
			}
		}
	}
}

// Under a sub-path: pages and files under the prefix, the manifest scoped
// to it, the bare prefix redirected, nothing else served.
func TestServeBase(t *testing.T) {
	h := testSite(t, "/tools/yibao", "'self'")
	for _, p := range []string{"/tools/yibao/", "/tools/yibao/rules", "/tools/yibao/embed?region=440300", "/tools/yibao/app.js", "/tools/yibao/web/app.wasm"} {
		if rec := get(t, h, p); rec.Code != 200 {
			t.Errorf("%s: %d", p, rec.Code)
		}
	}
	page := get(t, h, "/tools/yibao/").Body.String()
	for _, want := range []string{`href="/tools/yibao/manifest.webmanifest"`, `src="/tools/yibao/app.js"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	m := get(t, h, "/tools/yibao/manifest.webmanifest").Body.String()
	if !strings.Contains(m, `"scope": "/tools/yibao/"`) || !strings.Contains(m, `"start_url": "/tools/yibao/"`) {
		t.Errorf("manifest not scoped to the sub-path: %s", m)
	}
	w := get(t, h, "/tools/yibao/app-worker.js").Body.String()
	if !strings.Contains(w, `const base = "/tools/yibao";`) || !strings.Contains(w, `"/tools/yibao/web/app.wasm"`) {
		t.Errorf("worker does not know the sub-path:\n%.600s", w)
	}
	if rec := get(t, h, "/tools/yibao"); rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/tools/yibao/" {
		t.Errorf("/tools/yibao: %d %s", rec.Code, rec.Header().Get("Location"))
	}
	if rec := get(t, h, "/"); rec.Code != 404 {
		t.Errorf("/ outside the sub-path: %d", rec.Code)
	}
}

// yibao serve writes the missing .br and .gz copies, sends them with their
// Content-Encoding (and the plain file to a browser that takes neither),
// and never sends a copy older than its file.
func TestServePrecompressed(t *testing.T) {
	ui.Routes()
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(wasm, []byte("\x00asm"+strings.Repeat("yibao ", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	fetch := func(accept string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", accept)
		h.ServeHTTP(rec, req)
		return rec
	}
	if enc := fetch("gzip, br").Header().Get("Content-Encoding"); enc != "" {
		t.Fatalf("Content-Encoding %q before the copies exist", enc)
	}
	precompress(dir, io.Discard)
	cases := []struct {
		name, accept, encoding string
	}{
		{"brotli first", "gzip, deflate, br", "br"},
		{"gzip", "gzip", "gzip"},
		{"brotli refused", "gzip, br;q=0", "gzip"},
		{"neither", "identity", ""},
	}
	for _, c := range cases {
		rec := fetch(c.accept)
		if got := rec.Header().Get("Content-Encoding"); got != c.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", c.name, got, c.encoding)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("%s: Content-Type %q", c.name, ct)
		}
		if c.encoding == "" && rec.Body.Len() != 4+6*2000 {
			t.Errorf("%s: %d bytes, want the plain file", c.name, rec.Body.Len())
		}
		if c.encoding != "" && rec.Body.Len() >= 1000 {
			t.Errorf("%s: %d bytes, not compressed", c.name, rec.Body.Len())
		}
	}
	// A rebuilt app.wasm makes the copies stale: the plain file is sent.
	earlier := time.Now().Add(-time.Hour)
	for _, copy := range []string{wasm + ".br", wasm + ".gz"} {
		if err := os.Chtimes(copy, earlier, earlier); err != nil {
			t.Fatal(err)
		}
	}
	if enc := fetch("br").Header().Get("Content-Encoding"); enc != "" {
		t.Errorf("stale copy sent with Content-Encoding %q", enc)
	}
	precompress(dir, io.Discard)
	if enc := fetch("br").Header().Get("Content-Encoding"); enc != "br" {
		t.Errorf("after compressing again: Content-Encoding %q", enc)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// The page's HTML carries the Chinese loading screen (shown before any
// script runs), and app.js knows app.wasm's real size, so the progress is
// right when the file is sent compressed.
func TestServeLoadingScreen(t *testing.T) {
	h := testSite(t, "", "")
	page := get(t, h, "/").Body.String()
	for _, want := range []string{`id="app-wasm-loader"`, `正在加载计算器 0%`, `/web/yibao.css`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	js := get(t, h, "/app.js").Body.String()
	if !strings.Contains(js, `const goappWasmContentLength = "4";`) {
		t.Errorf("app.js does not carry app.wasm's size (4 bytes): %.300s", js[strings.Index(js, "goappWasmContentLength"):])
	}
	if !strings.Contains(js, `正在加载计算器 {progress}%`) {
		t.Error("app.js lacks the Chinese progress label")
	}
}

// Without -domain the pages carry no og:url or og:image pointing nowhere
// ("https://", "https:///web/icon-512.png"), served or written by dist;
// with one they keep them.
func TestServeOpenGraphNeedsADomain(t *testing.T) {
	ui.Routes()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		domain string
		want   []string
		not    []string
	}{
		{"", []string{`property="og:title"`, `property="og:description"`}, []string{"og:url", "og:image", "https://\""}},
		// go-app writes a tag's attributes in any order.
		{"yibao.example.org", []string{`property="og:url"`, `property="og:image"`, `content="https://yibao.example.org/web/icon-512.png"`}, []string{`content="https://"`, "https:///"}},
	} {
		s, err := loadSite(dir, tt.domain, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/", "/embed", "/rules"} {
			rec := get(t, s.Handler(), path)
			body := rec.Body.String()
			if rec.Code != http.StatusOK {
				t.Fatalf("domain %q, %s: status %d", tt.domain, path, rec.Code)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("domain %q, %s lacks %s", tt.domain, path, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("domain %q, %s has %s", tt.domain, path, n)
				}
			}
		}
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := writeDist(out, dir, "", "", false, false, io.Discard); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "og:url") || !strings.Contains(string(page), "og:title") {
		t.Errorf("dist without a domain: index.html keeps og:url or lost og:title")
	}
}
