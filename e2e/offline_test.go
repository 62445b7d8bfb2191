//go:build browser

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestOffline visits once, then stops the server (and tells Chromium it is
// offline): the calculator, the rules page and a share link still open and
// compute, from the service worker's cache.
func TestOffline(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := readAll(t, "testdata/share/01_contract_example.json")
	want := expected(t, input)

	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.waitSaved(t, input)
	// Our worker claims the page only once everything is precached.
	b.poll(t, 60*time.Second, `navigator.serviceWorker.controller !== null`)
	cached := eval[[]string](t, b, `caches.keys().then(async (keys) => {
		const c = await caches.open(keys[0]);
		return (await c.keys()).map((r) => new URL(r.url).pathname).sort();
	})`)
	t.Logf("precached: %v", cached)
	for _, want := range []string{"/", "/rules", "/embed", "/web/app.wasm", "/app.js", "/wasm_exec.js", "/web/yibao.css", "/web/icon-192.png"} {
		if !contains(cached, want) {
			t.Errorf("%s is not precached", want)
		}
	}

	srv.stop()
	if _, err := chromedp.Call(b.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: new(true),
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true}},
	}); err != nil {
		t.Logf("network emulation: %v (the server is stopped anyway)", err)
	}

	// Reload: the saved input computes again.
	b.reload(t)
	b.waitComputed(t)
	if got := b.cards(t); got != want {
		t.Errorf("offline reload: cards %+v, want %+v", got, want)
	}
	// The rules page with a query string.
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/rules?from=offline"),
		chromedp.WaitVisible(chromedp.ID("documents")))
	// A share link (with a query string) opened offline.
	other := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	want2 := expected(t, other)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/?utm_source=test#input="+shareURL("", other)[len("/#input="):]))
	b.waitComputed(t)
	if got := b.cards(t); got != want2 {
		t.Errorf("offline share link: cards %+v, want %+v", got, want2)
	}
	// An unknown page falls back to the calculator shell.
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/no-such-page"))
	if ok := eval[bool](t, b, `document.documentElement.lang !== ""`); !ok {
		t.Errorf("offline unknown page did not load the app shell")
	}
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}
