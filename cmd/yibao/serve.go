//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/ui"
	"yibao/internal/webfiles"
)

// version names the build; the Makefile sets it with
// -ldflags "-X main.version=…" (git describe and a hash of the rules data).
// The site's version adds a hash of every file the browser loads, so that a
// new build is an update for installed apps and a restart is not.
var version string

// site is the web app ready to serve: the go-app handler and the directory
// of static files (web/, with app.wasm).
type site struct {
	dir     string
	version string
	handler *app.Handler
	// base is the sub-path the site is served under ("" at the root).
	base string
	// manifest is go-app's manifest with the scope of base (see
	// ui.Manifest); nil at the root, where go-app's own is right.
	manifest []byte
	// frameAncestors is the frame-ancestors source list of /embed.
	frameAncestors string
	// hostless says the site has no -domain: its pages lose the og: tags
	// go-app writes without a host (ui.DropHostlessOG).
	hostless bool
}

func loadSite(webDir, domain, base string) (*site, error) {
	if real, err := filepath.EvalSymlinks(webDir); err == nil {
		webDir = real
	}
	st, err := os.Stat(filepath.Join(webDir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%s/app.wasm is missing: build it first (make build)", webDir)
	}
	sum, err := hashDir(webDir)
	if err != nil {
		return nil, err
	}
	sum.Write([]byte(ui.WorkerTemplate()))
	v := version
	if v == "" {
		v = "dev"
	}
	v += "-" + hex.EncodeToString(sum.Sum(nil))[:10]
	s := &site{
		dir:            webDir,
		version:        v,
		handler:        ui.Handler(ui.Build{Version: v, WasmSize: st.Size(), Domain: domain, Base: base}),
		base:           base,
		frameAncestors: "'self'",
		hostless:       domain == "",
	}
	if base != "" {
		rec := httptest.NewRecorder()
		s.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/manifest.webmanifest", nil))
		if s.manifest, err = ui.Manifest(rec.Body.Bytes(), base); err != nil {
			return nil, fmt.Errorf("manifest: %v", err)
		}
	}
	return s, nil
}

// hashDir hashes the names and contents of the files the browser may load
// from dir (not the precompressed copies, which follow from them).
func hashDir(dir string) (hash.Hash, error) {
	h := sha256.New()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || webfiles.Precompressed(p) || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, name)
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return h, nil
}

// contentSecurityPolicy keeps every request on the page's own origin; wasm
// needs 'wasm-unsafe-eval' to compile. frame-ancestors is added per page
// (framePolicy).
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
	"font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// framePolicy gives the frame-ancestors source list of a path, and the
// X-Frame-Options that agrees with it ("" for none): /embed may be framed
// by the partners of -frame-ancestors, everything else only by the site
// itself. X-Frame-Options cannot name other origins, so it is left out
// where partners may frame the page (browsers that know CSP ignore it
// anyway when frame-ancestors is present).
func (s *site) framePolicy(p string) (ancestors, xfo string) {
	ancestors = "'self'"
	if p == "/embed" || p == "/embed.html" {
		ancestors = s.frameAncestors
	}
	switch ancestors {
	case "'self'":
		return ancestors, "SAMEORIGIN"
	case "'none'":
		return ancestors, "DENY"
	}
	return ancestors, ""
}

// Handler serves the site at its base: the site itself at the root, or
// under the sub-path with the prefix stripped (go-app's handler knows only
// the unprefixed routes, go-app issue #971). Every response carries the
// security headers (the redirect of the bare sub-path and the 404s
// outside it too), methods other than GET and HEAD get 405, and text is
// labelled UTF-8.
func (s *site) Handler() http.Handler {
	var inner http.Handler = s
	if s.base != "" {
		mux := http.NewServeMux()
		mux.Handle(s.base+"/", http.StripPrefix(s.base, s))
		mux.Handle(s.base, http.RedirectHandler(s.base+"/", http.StatusMovedPermanently))
		inner = mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if s.base != "" {
			rest, ok := strings.CutPrefix(p, s.base)
			if !ok || !strings.HasPrefix(rest, "/") {
				rest = "" // outside the base nothing is /embed
			}
			p = rest
		}
		s.securityHeaders(w.Header(), p)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method "+r.Method+" is not allowed: this site answers GET and HEAD only", http.StatusMethodNotAllowed)
			return
		}
		inner.ServeHTTP(&utf8Writer{ResponseWriter: w}, r)
	})
}

// securityHeaders sets the headers every response of the site carries;
// p is the path without the site's base.
func (s *site) securityHeaders(hdr http.Header, p string) {
	ancestors, xfo := s.framePolicy(p)
	hdr.Set("Content-Security-Policy", contentSecurityPolicy+"; frame-ancestors "+ancestors)
	if xfo != "" {
		hdr.Set("X-Frame-Options", xfo)
	}
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
}

// ServeHTTP serves the site at the root, without the headers of Handler.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	switch {
	case strings.HasPrefix(r.URL.Path, "/web/"):
		s.serveStatic(w, r)
		return
	case r.URL.Path == "/app.wasm" || r.URL.Path == "/goapp.wasm":
		r2 := *r
		u := *r.URL
		u.Path = "/web/app.wasm"
		r2.URL = &u
		s.serveStatic(w, &r2)
		return
	case s.manifest != nil && (r.URL.Path == "/manifest.webmanifest" || r.URL.Path == "/manifest.json"):
		hdr.Set("Cache-Control", "no-cache")
		hdr.Set("Content-Type", "application/manifest+json")
		w.Write(s.manifest)
		return
	}
	if !s.hostless {
		s.handler.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		body = ui.DropHostlessOG(body)
		rec.Header().Del("Content-Length")
	}
	for k, v := range rec.Header() {
		hdr[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}

// utf8Writer adds charset=utf-8 to the text types that lack it (go-app
// sends its pages as plain "text/html"), before the header is written.
type utf8Writer struct {
	http.ResponseWriter
	done bool
}

func (w *utf8Writer) label() {
	if w.done {
		return
	}
	w.done = true
	hdr := w.ResponseWriter.Header()
	ct := hdr.Get("Content-Type")
	typ, params, _ := strings.Cut(ct, ";")
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "text/html", "text/css", "text/javascript", "application/javascript", "text/plain":
		if !strings.Contains(strings.ToLower(params), "charset=") {
			hdr.Set("Content-Type", strings.TrimSpace(typ)+"; charset=utf-8")
		}
	}
}

func (w *utf8Writer) WriteHeader(code int) {
	w.label()
	w.ResponseWriter.WriteHeader(code)
}

func (w *utf8Writer) Write(p []byte) (int, error) {
	w.label()
	return w.ResponseWriter.Write(p)
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *utf8Writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// parseFrameAncestors checks the -frame-ancestors flag: the origins of the
// partner sites ("https://hr.example.com", "http://127.0.0.1:8080", a
// subdomain wildcard "https://*.example.org"), or 'self' / 'none',
// separated by spaces or commas. 'self' is always added (yibao's own
// partner page frames /embed), except with 'none'. Anything else is an
// error, so that nothing but origins can reach the header: no paths, no
// other schemes, no "*" or "https:" (which would let any site frame the
// calculator).
func parseFrameAncestors(v string) (string, error) {
	fields := strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	out := []string{"'self'"}
	for _, f := range fields {
		switch f {
		case "'self'", "self":
			continue
		case "'none'", "none":
			if len(fields) > 1 {
				return "", fmt.Errorf("'none' cannot be combined with other sources")
			}
			return "'none'", nil
		}
		o, err := frameOrigin(f)
		if err != nil {
			return "", err
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return strings.Join(out, " "), nil
}

// frameOrigin checks one origin of -frame-ancestors and gives it as the
// header writes it (lower case, without a trailing slash).
func frameOrigin(f string) (string, error) {
	example := func(host string) string {
		if host == "" {
			host = "partner.example.com"
		}
		return "https://" + host
	}
	switch f {
	case "*", "https:", "http:", "https://*", "http://*":
		return "", fmt.Errorf("%q would let any site frame /embed: list the partners' origins, such as %s", f, example(""))
	}
	scheme, rest, ok := strings.Cut(f, "://")
	if !ok {
		if strings.HasPrefix(f, "'") || strings.Contains(f, ":") || strings.ContainsAny(f, ";\"") {
			return "", fmt.Errorf("%q is not 'self', 'none' or an origin such as %s", f, example(""))
		}
		return "", fmt.Errorf("%q is not an origin: write it with its scheme, such as %s", f, example(strings.ToLower(f)))
	}
	scheme = strings.ToLower(scheme)
	if scheme != "https" && scheme != "http" {
		return "", fmt.Errorf("%q: only http and https origins can frame /embed", f)
	}
	hostport, path, _ := strings.Cut(rest, "/")
	if i := strings.IndexAny(hostport, "?#"); i >= 0 {
		return "", fmt.Errorf("%q has a query or fragment: give the origin only, such as %s://%s", f, scheme, strings.ToLower(hostport[:i]))
	}
	if path != "" {
		return "", fmt.Errorf("%q has a path: give the origin only, %s://%s (frame-ancestors cannot name pages)", f, scheme, strings.ToLower(hostport))
	}
	if strings.Contains(hostport, "@") {
		return "", fmt.Errorf("%q has a user name: give the origin only, such as %s", f, example(""))
	}
	host, port := hostport, ""
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.HasSuffix(hostport, "]") {
		host, port = hostport[:i], hostport[i+1:]
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 || port[0] == '0' {
			return "", fmt.Errorf("%q: the port %q is not a number from 1 to 65535", f, port)
		}
	}
	host = strings.ToLower(host)
	if !validHost(host) {
		return "", fmt.Errorf("%q: %q is not a host name (letters, digits, hyphens and dots; an IDN in its xn-- form; \"*.\" only as the first label) nor an IP address", f, host)
	}
	o := scheme + "://" + host
	if port != "" {
		o += ":" + port
	}
	return o, nil
}

// validHost reports whether h (lower case) is a DNS name, possibly with a
// leading "*." wildcard, an IPv4 address or a bracketed IPv6 address.
func validHost(h string) bool {
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		ip, err := netip.ParseAddr(h[1 : len(h)-1])
		return err == nil && ip.Is6() && ip.Zone() == ""
	}
	h = strings.TrimPrefix(h, "*.")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range []byte(label) {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// serveStatic serves web/ like go-app would (no-cache plus an ETag of the
// version), with application/wasm, and a .br or .gz copy of the file when
// one lies beside it, is as new as the file, and the browser takes it.
func (s *site) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + strings.TrimPrefix(r.URL.Path, "/web/"))
	if name == "/" || webfiles.Precompressed(name) {
		http.NotFound(w, r)
		return
	}
	webfiles.ServeFile(w, r, filepath.Join(s.dir, filepath.FromSlash(name)), `"`+s.version+`"`)
}

func serveCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8000", "address to listen on")
	webDir := fs.String("web", "web", "directory of the static files, with app.wasm")
	domain := fs.String("domain", "", "host name of the public site, for the pages' og: tags")
	base := fs.String("base", "", "sub-path to serve the app under, e.g. /tools/yibao (default: the root)")
	compress := fs.Bool("compress", true, "write missing .br and .gz copies of the large files of -web in the background, and send them once ready")
	ancestors := fs.String("frame-ancestors", "'self'", "space-separated origins of the partner sites that may frame /embed, e.g. \"https://a.example https://b.example\"")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: yibao serve [-addr localhost:8000] [-web web] [-base /sub/path] [-frame-ancestors 'https://partner.example']\n\nServes the web app (build web/app.wasm first: make build).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	b, ok := ui.CleanBase(*base)
	if !ok {
		fmt.Fprintf(stderr, "yibao serve: -base %q is not a path such as /tools/yibao\n", *base)
		return 2
	}
	fa, err := parseFrameAncestors(*ancestors)
	if err != nil {
		fmt.Fprintln(stderr, "yibao serve: -frame-ancestors:", err)
		return 2
	}
	s, err := loadSite(*webDir, *domain, b)
	if err != nil {
		fmt.Fprintln(stderr, "yibao serve:", err)
		return 1
	}
	s.frameAncestors = fa
	if *compress {
		go precompress(s.dir, stderr)
	}
	srv := serveLimits.server(*addr, s.Handler())
	fmt.Fprintf(stdout, "yibao %s: serving on http://%s%s/ (/embed may be framed by %s)\n", s.version, *addr, b, fa)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(stderr, "yibao serve:", err)
		return 1
	}
	return 0
}

// precompress writes the missing or outdated .br and .gz copies of the
// large files of dir, for `yibao serve` (which sends the plain files until
// their copies are ready).
func precompress(dir string, log io.Writer) {
	start := time.Now()
	n, err := webfiles.CompressDir(dir)
	if err != nil {
		fmt.Fprintln(log, "yibao serve: compressing:", err)
		return
	}
	if n > 0 {
		fmt.Fprintf(log, "yibao serve: wrote .br and .gz copies of %d file(s) in %s\n", n, time.Since(start).Round(100*time.Millisecond))
	}
}
