//go:build browser

package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"yibao/internal/headless"
	"yibao/internal/webfiles"
)

// Paths filled by TestMain.
var (
	repoRoot string
	binPath  string // the yibao command
	webDir   string // web/ with a fresh app.wasm
	workDir  string
)

func TestMain(m *testing.M) {
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e setup:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	wd, err := os.Getwd()
	if err != nil {
		return 0, err
	}
	repoRoot = filepath.Dir(wd)
	if _, err := os.Stat(headless.Chromium()); err != nil {
		return 0, fmt.Errorf("no Chromium at %s: install Debian's chromium (make test-browser does) or set YIBAO_CHROMIUM", headless.Chromium())
	}
	workDir, err = os.MkdirTemp("", "yibao-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(workDir)
	binPath = filepath.Join(workDir, "yibao")
	webDir = filepath.Join(workDir, "web")
	if err := goBuild(nil, "-ldflags=-X main.version=e2e", "-o", binPath, "./cmd/yibao"); err != nil {
		return 0, err
	}
	if err := copyDir(webDir, filepath.Join(repoRoot, "web")); err != nil {
		return 0, err
	}
	gcflags, err := os.ReadFile(filepath.Join(repoRoot, "cmd", "yibao", "wasm-gcflags.txt"))
	if err != nil {
		return 0, err
	}
	args := append([]string{"-trimpath", "-ldflags=-s -w"}, strings.Fields(string(gcflags))...)
	if err := goBuild([]string{"GOOS=js", "GOARCH=wasm"}, append(args, "-o", filepath.Join(webDir, "app.wasm"), "./cmd/yibao")...); err != nil {
		return 0, err
	}
	return m.Run(), nil
}

func goBuild(env []string, args ...string) error {
	cmd := exec.Command("go", append([]string{"build"}, args...)...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go build %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// copyDir copies web/ without app.wasm and the compressed copies.
func copyDir(dst, src string) error { return webfiles.CopySources(dst, src, true) }

// server is one `yibao serve` process.
type server struct {
	URL  string
	addr string
	cmd  *exec.Cmd
	log  *bytes.Buffer
}

// freeAddr finds a free loopback port.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// startServer serves dir on addr ("" for a free port) until the test ends,
// with more `yibao serve` flags if given.
func startServer(t *testing.T, dir, addr string, flags ...string) *server {
	t.Helper()
	if addr == "" {
		addr = freeAddr(t)
	}
	s := &server{URL: "http://" + addr, addr: addr, log: &bytes.Buffer{}}
	// -compress=false: the tests do not wait for brotli 11 (serve_test.go
	// covers the compressed copies).
	s.cmd = exec.Command(binPath, append([]string{"serve", "-addr", addr, "-web", dir, "-compress=false"}, flags...)...)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(s.URL + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server on %s did not start: %v\n%s", addr, err, s.log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *server) stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Kill()
	s.cmd.Wait()
	s.cmd = nil
}

// browser is one headless Chromium with a fresh profile, recording every
// request its page makes.
type browser struct {
	ctx    context.Context
	origin string
	// partners are the origins of partner pages that embed the app (set
	// before navigating): a partner's page may load from the partners'
	// origins and from the app's; the app's documents (the embeds
	// included) only from the app's origin.
	partners []string

	mu       sync.Mutex
	requests []request
	errors   []string
	console  []string
}

// request is one recorded request: its URL and the URL of the document
// that made it.
type request struct{ url, doc string }

func newBrowser(t *testing.T, origin string) *browser {
	t.Helper()
	profile := t.TempDir()
	opts := headless.Options(profile, 1280, 900)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	b := &browser{ctx: ctx, origin: origin}
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatal(err)
	}
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.requests = append(b.requests, request{url: ev.Request.URL, doc: ev.DocumentURL})
			b.mu.Unlock()
		}
	}()
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			b.mu.Lock()
			b.errors = append(b.errors, msg)
			b.mu.Unlock()
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, fmt.Sprintf("%s: %.500s", m.Type, m.Text))
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() { b.checkRequests(t) })
	return b
}

// checkRequests fails the test if any request left the page's origin.
func (b *browser) checkRequests(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.requests) == 0 {
		t.Errorf("no request was recorded: the recorder is broken")
	}
	onOrigin := func(u, origin string) bool { return strings.HasPrefix(u, origin+"/") || u == origin }
	for _, r := range b.requests {
		u := r.url
		if onOrigin(u, b.origin) || strings.HasPrefix(u, "data:") ||
			strings.HasPrefix(u, "blob:") || strings.HasPrefix(u, "about:") {
			continue
		}
		fromPartner, toPartner := false, false
		for _, p := range b.partners {
			fromPartner = fromPartner || onOrigin(r.doc, p)
			toPartner = toPartner || onOrigin(u, p)
		}
		if fromPartner && toPartner {
			continue
		}
		t.Errorf("a request left the origin %s: %s (from %s)", b.origin, u, r.doc)
	}
	for _, e := range b.errors {
		t.Errorf("uncaught exception in the page: %s", e)
	}
}

// fail saves a screenshot and the page's state, then fails the test.
func (b *browser) fail(t *testing.T, format string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		artifact(t, "failure-"+strings.ReplaceAll(t.Name(), "/", "_")+".png", shot)
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById("summary") || {}).textContent + " | errors: " +
			[...document.querySelectorAll(".error")].map(e => (e.id || "") + ": " + e.textContent).join("; ") +
			" | active: " + (document.activeElement && document.activeElement.id) + " | url: " + location.href`))
	b.mu.Lock()
	console := strings.Join(b.console, "\n  ")
	b.mu.Unlock()
	t.Fatalf(format+"\npage: %s %v\nconsole:\n  %s", append(args, state, err, console)...)
}

// do runs steps with a time limit.
func (b *browser) do(t *testing.T, timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fail(t, "browser: %v", err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into T.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitComputed waits until the browser has computed the three answers, or
// says it awaits the first input (a blank form of no link: form.Result.
// Awaiting in app/form), and, on the calculator, rendered the form (on a
// phone the form comes one paint after the answers: firstScreen in app/ui).
func (b *browser) waitComputed(t *testing.T) {
	t.Helper()
	b.poll(t, 90*time.Second, `(document.querySelectorAll('#coverage[data-computed="true"], #waiting[data-computed="true"], #duplicates[data-computed="true"]').length === 3 ||
			document.querySelector('#summary[data-awaiting="true"]') !== null) &&
		(document.querySelector("form.col-form") === null || document.querySelector("form.col-form > .intro-slot") !== null)`)
}

// savedDocJS is a JavaScript expression for the input document saved under
// key, as JSON text ("" if none): format 2 keeps it as an object, the
// earlier formats as a string.
func savedDocJS(key string) string {
	return `((s) => !s || s.input === undefined ? "" : typeof s.input === "string" ? s.input : JSON.stringify(s.input))(JSON.parse(localStorage.getItem(` + jsString(key) + `)))`
}

// waitSaved waits until the page has saved input on the device: a share
// link's input is saved just after the first answer (afterFirstAnswer in
// app/ui).
func (b *browser) waitSaved(t *testing.T, input []byte) {
	t.Helper()
	var saved string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		saved = eval[string](t, b, savedDocJS("yibao.input"))
		if jsonEqual([]byte(saved), input) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page saved %s, want %s", saved, input)
		}
	}
}

// reload reloads the page and waits until the new document has replaced
// the old one (so that no check reads the old page).
func (b *browser) reload(t *testing.T) {
	t.Helper()
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.__yibaoOldPage = true`))
	b.do(t, 60*time.Second, chromedp.Reload())
	b.poll(t, 60*time.Second, `window.__yibaoOldPage === undefined && document.readyState === "complete"`)
}

// poll waits until a JavaScript expression is truthy. A poll that starts
// while a page is still replacing the previous one loses its execution
// context; it is then started again.
func (b *browser) poll(t *testing.T, timeout time.Duration, expr string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		ctx, cancel := context.WithTimeout(b.ctx, left+5*time.Second)
		err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](expr,
			chromedp.WithPollingTimeout(left), chromedp.WithPollingInterval(50*time.Millisecond)))
		cancel()
		if err == nil {
			return
		}
		// A poll that starts while the page reloads (a retry button, a
		// reload) loses its context one way or another: it starts again.
		if msg := err.Error(); strings.Contains(msg, "context with specified id") || strings.Contains(msg, "Execution context was destroyed") ||
			strings.Contains(msg, "Inspected target navigated or closed") {
			if time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
				continue
			}
		}
		b.fail(t, "waiting for %s: %v", expr, err)
	}
}

// cards are the contract's attributes on the three result cards; null
// (absent attribute) reads as "<absent>".
type cards struct {
	Active       string `json:"active"`
	Months       string `json:"months"`
	BenefitsFrom string `json:"benefitsFrom"`
	Keep         string `json:"keep"`
}

func (b *browser) cards(t *testing.T) cards {
	t.Helper()
	return eval[cards](t, b, `(() => {
		const a = (id, name) => { const v = document.getElementById(id).getAttribute(name); return v === null ? "<absent>" : v; };
		return { active: a("coverage", "data-active"), months: a("waiting", "data-months"),
		         benefitsFrom: a("waiting", "data-benefits-from"), keep: a("duplicates", "data-keep") };
	})()`)
}

// expected runs `yibao eval` on an input and gives what the cards must say.
func expected(t *testing.T, input []byte) cards {
	t.Helper()
	cmd := exec.Command(binPath, "eval")
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("yibao eval: %v\n%s\ninput: %s", err, stderr.String(), input)
	}
	var out struct {
		Coverage struct {
			Active bool `json:"active"`
		} `json:"coverage"`
		Waiting *struct {
			Months       int    `json:"months"`
			BenefitsFrom string `json:"benefitsFrom"`
		} `json:"waiting"`
		Duplicates struct {
			Keep *string `json:"keep"`
		} `json:"duplicates"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("yibao eval output: %v\n%s", err, stdout.String())
	}
	c := cards{Active: fmt.Sprint(out.Coverage.Active)}
	if out.Waiting != nil {
		c.Months, c.BenefitsFrom = fmt.Sprint(out.Waiting.Months), out.Waiting.BenefitsFrom
	}
	if out.Duplicates.Keep != nil {
		c.Keep = *out.Duplicates.Keep
	}
	return c
}

// phone makes the tab a 390-px phone (touch, 2× pixels), as the phone
// tests see the app.
func phone() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
}

// shareURL is the contract's link for an input.
func shareURL(origin string, input []byte) string {
	return origin + "/#input=" + base64.RawURLEncoding.EncodeToString(input)
}

// artifact writes a test artifact into e2e/artifacts/.
func artifact(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := filepath.Join(repoRoot, "e2e", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("artifact: %s", p)
	return p
}

// readAll reads a test data file.
func readAll(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSpace(b)
}

// jsonEqual compares two input documents by value, where a field left out
// equals its zero value (false, 0, "", [] or {}), as in the contract.
func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(prune(x))
	ya, _ := json.Marshal(prune(y))
	return bytes.Equal(xa, ya)
}

func prune(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			if p := prune(e); p != nil {
				out[k] = p
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(v) == 0 {
			return nil
		}
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = prune(e)
		}
		return out
	case bool:
		if !v {
			return nil
		}
	case float64:
		if v == 0 {
			return nil
		}
	case string:
		if v == "" {
			return nil
		}
	}
	return v
}
