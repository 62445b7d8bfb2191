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
		"'none'": "'none'",
		"*":      "'self' *",
	} {
		got, err := parseFrameAncestors(in)
		if err != nil || got != want {
			t.Errorf("parseFrameAncestors(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"https://a.example; script-src *", "javascript:alert(1)", "https://a.example/path", "'none' https://a.example", "a.example", "https://a.example\r\nX: y"} {
		if got, err := parseFrameAncestors(bad); err == nil {
			t.Errorf("parseFrameAncestors(%q) = %q, want an error", bad, got)
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
