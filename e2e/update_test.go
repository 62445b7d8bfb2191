//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestUpdateBanner installs the app, deploys a new version on the same
// origin, and checks that the page offers the update, that taking it loads
// the new version, and that the old cache is gone.
func TestUpdateBanner(t *testing.T) {
	dirA := filepath.Join(t.TempDir(), "web")
	if err := copyDir(dirA, webDir); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(webDir, "app.wasm"), filepath.Join(dirA, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, dirA, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	b.poll(t, 60*time.Second, `navigator.serviceWorker.controller !== null`)
	// The first install is not an update.
	time.Sleep(500 * time.Millisecond)
	if eval[bool](t, b, `document.querySelector("#update-banner button") !== null`) {
		t.Errorf("the update banner shows on the first visit")
	}
	oldVersion := eval[string](t, b, `goappGetenv("GOAPP_VERSION")`)

	// Deploy a new version on the same origin.
	srv.stop()
	dirB := filepath.Join(t.TempDir(), "web")
	if err := copyDir(dirB, dirA); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(dirA, "app.wasm"), filepath.Join(dirB, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(dirB, "yibao.css")
	data, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(data, "\n/* v2 */\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	startServer(t, dirB, srv.addr)

	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`goappTryUpdate()`))
	b.do(t, 60*time.Second, chromedp.WaitVisible(chromedp.CSS("#update-banner button")))
	if text := eval[string](t, b, `document.querySelector("#update-banner button").textContent`); text != "有新版本，点击更新" {
		t.Errorf("banner says %q", text)
	}
	if _, err := chromedp.Run(b.ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS("#update-banner button")))); err != nil {
		b.fail(t, "tapping the banner: %v", err)
	}
	b.poll(t, 60*time.Second, `typeof goappGetenv === "function" && goappGetenv("GOAPP_VERSION") !== `+jsString(oldVersion))
	b.waitComputed(t)
	newVersion := eval[string](t, b, `goappGetenv("GOAPP_VERSION")`)
	if !strings.Contains(eval[string](t, b, `document.querySelector("footer").textContent`), newVersion) {
		t.Errorf("the footer does not show the new version %s", newVersion)
	}
	if eval[bool](t, b, `document.querySelector("#update-banner button") !== null`) {
		t.Errorf("the banner still shows after the update")
	}
	keys := eval[[]string](t, b, `caches.keys()`)
	if len(keys) != 1 || keys[0] != "yibao-"+newVersion {
		t.Errorf("caches after the update: %v, want only yibao-%s", keys, newVersion)
	}
	t.Logf("updated %s → %s", oldVersion, newVersion)
}
