//go:build browser

package e2e

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axe-core, pinned: the npm registry's tarball and its integrity (the
// registry's dist.integrity), checked before use.
const (
	axeVersion   = "4.14.1"
	axeTarball   = "https://registry.npmjs.org/axe-core/-/axe-core-" + axeVersion + ".tgz"
	axeIntegrity = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
)

// axeScript is axe.min.js, from the user's cache or downloaded once into
// it (make test installs what it lacks).
func axeScript(t *testing.T) string {
	t.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	cached := filepath.Join(dir, "yibao", "axe-core-"+axeVersion+".min.js")
	if b, err := os.ReadFile(cached); err == nil {
		return string(b)
	}
	js, err := downloadAxe()
	if err != nil {
		t.Fatalf("axe-core %s: %v", axeVersion, err)
	}
	if err := os.MkdirAll(filepath.Dir(cached), 0o755); err == nil {
		_ = os.WriteFile(cached, js, 0o644)
	}
	return string(js)
}

func downloadAxe() ([]byte, error) {
	client := &http.Client{Timeout: 2 * time.Minute}
	resp, err := client.Get(axeTarball)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", axeTarball, resp.Status)
	}
	tgz, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	sum := sha512.Sum512(tgz)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != axeIntegrity {
		return nil, fmt.Errorf("%s: integrity %s, want %s", axeTarball, got, axeIntegrity)
	}
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, errors.New("no package/axe.min.js in the tarball")
		}
		if err != nil {
			return nil, err
		}
		if h.Name == "package/axe.min.js" {
			return io.ReadAll(tr)
		}
	}
}

// axeViolations runs axe-core (WCAG 2.1 A and AA) on the page as it is and
// gives each violation as "rule (impact): target…".
func axeViolations(t *testing.T, b *browser, script string) []string {
	t.Helper()
	quoted, _ := json.Marshal(script) // a JavaScript string literal
	b.do(t, 20*time.Second, chromedp.Evaluate[chromedp.Void](`window.axe || (0, eval)(`+string(quoted)+`), 0`))
	return eval[[]string](t, b, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
		.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 4).map(n => n.target.join(" ")).join(", ")))`)
}

// TestAccessibility runs axe-core on every page and state a person meets:
// the first screen, a life event's question, a computed answer, an answer
// dimmed while a date is half typed, /embed and /rules, in both languages.
func TestAccessibility(t *testing.T) {
	script := axeScript(t)
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	check := func(state string) {
		t.Helper()
		if v := axeViolations(t, b, script); len(v) > 0 {
			t.Errorf("%s: %d axe violations:\n  %s", state, len(v), strings.Join(v, "\n  "))
		}
	}
	b.do(t, 60*time.Second,
		phone(),
		chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	check("first screen")
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-quit")), chromedp.WaitVisible(chromedp.ID("ev-region")))
	check("a life event's first question")
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true)`), domQuiet())
	check("computed, every fold open")
	// The live region speaks once the person pauses, not at each key: when
	// the visible summary changes, the live one still says the answer
	// before, and says the new one a moment later.
	b.poll(t, 10*time.Second, `document.getElementById("summary-live").textContent === document.getElementById("summary").textContent`)
	before := eval[string](t, b, `document.getElementById("summary-live").textContent`)
	liveThen := eval[string](t, b, `new Promise(resolve => {
		const summary = document.getElementById("summary"), old = summary.textContent;
		new MutationObserver((_, o) => {
			if (summary.textContent !== old) { o.disconnect(); resolve(document.getElementById("summary-live").textContent); }
		}).observe(summary, {subtree: true, childList: true, characterData: true});
		const box = document.getElementById("enr-0-from");
		box.focus(); box.value = "2019"; box.dispatchEvent(new Event("input", {bubbles: true}));
	})`)
	if liveThen != before {
		t.Errorf("the live summary followed a keystroke at once: %q, want %q until a pause", liveThen, before)
	}
	b.poll(t, 10*time.Second, `document.querySelector("#coverage.stale") !== null && document.getElementById("summary-live").textContent === document.getElementById("summary").textContent`)
	check("dimmed while a month is half typed")
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("lang-switch")))
	b.poll(t, 10*time.Second, `document.documentElement.lang === "en"`)
	check("English")
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/embed?region=440300"))
	b.poll(t, 60*time.Second, `document.querySelector('#coverage[data-computed]') !== null`)
	check("/embed")
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/rules"), chromedp.WaitVisible(chromedp.ID("documents")))
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true)`), domQuiet())
	check("/rules, every fold open")
}
