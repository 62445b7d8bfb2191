//go:build browser

package e2e

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestSubPathStatic builds the static site for /tools/yibao/ (yibao dist
// -base) and serves it with a plain file server under that sub-path only.
// The app computes there, its worker and manifest are scoped to the
// sub-path, the partner page's embeds (embed.js found by a relative src)
// load from it, and after that one visit the calculator and /embed open and
// compute with the network off.
func TestSubPathStatic(t *testing.T) {
	const base = "/tools/yibao"
	dist := filepath.Join(t.TempDir(), "dist")
	// The compressed copies are TestDistStatic's business (and take most
	// of a dist's time).
	out, err := exec.Command(binPath, "dist", "-o", dist, "-web", webDir, "-base", base, "-compress=false").CombinedOutput()
	if err != nil {
		t.Fatalf("yibao dist: %v\n%s", err, out)
	}
	t.Logf("%s", out)
	for _, f := range []string{"index.html", "embed.html", "rules.html", "app-worker.js", "manifest.webmanifest", "web/app.wasm", "web/embed.js", "web/partner-demo.html"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			t.Errorf("dist lacks %s", f)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dist, "index.html"))
	if !strings.Contains(string(index), `src="`+base+`/app.js"`) || !strings.Contains(string(index), `href="`+base+`/manifest.webmanifest"`) {
		t.Errorf("index.html does not load from %s/", base)
	}

	mux := http.NewServeMux()
	mux.Handle(base+"/", http.StripPrefix(base, http.FileServer(http.Dir(dist))))
	origin := serveLoopback(t, "", mux)
	app := origin + base

	b := newBrowser(t, origin)
	input := readAll(t, "testdata/share/01_contract_example.json")
	want := expected(t, input)
	b.do(t, 60*time.Second, chromedp.Navigate(app+"/#input="+shareURL("", input)[len("/#input="):]))
	b.waitComputed(t)
	if got := b.cards(t); got != want {
		t.Errorf("sub-path: cards %+v, want %+v", got, want)
	}
	b.waitSaved(t, input)
	b.poll(t, 60*time.Second, `navigator.serviceWorker.controller !== null`)
	type setup struct {
		Scope, ManifestScope, StartURL, RulesHref string
		Cached                                    []string
	}
	got := eval[setup](t, b, `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		const m = await (await fetch(document.querySelector('link[rel="manifest"]').href)).json();
		const keys = await caches.keys();
		const c = await caches.open(keys[0]);
		return { scope: reg.scope, manifestScope: m.scope, startURL: m.start_url,
		         rulesHref: document.querySelector('.foot a').getAttribute("href"),
		         cached: (await c.keys()).map((r) => new URL(r.url).pathname).sort() };
	})()`)
	if got.Scope != app+"/" || got.ManifestScope != base+"/" || got.StartURL != base+"/" || got.RulesHref != base+"/rules" {
		t.Errorf("sub-path setup: %+v", got)
	}
	for _, p := range []string{base + "/", base + "/embed", base + "/rules", base + "/web/app.wasm", base + "/app.js"} {
		if !contains(got.Cached, p) {
			t.Errorf("%s is not precached: %v", p, got.Cached)
		}
	}

	// The partner page under the sub-path: embed.js finds the base from its
	// own src, and the two embeds load /embed (through the worker: the file
	// server knows only embed.html) and report their heights.
	b.do(t, 30*time.Second, chromedp.Navigate(app+"/web/partner-demo.html"))
	b.poll(t, 90*time.Second, `(() => {
		const f = [...document.querySelectorAll("[data-yibao] iframe")];
		return f.length === 2 && f.every((x) => x.src.startsWith(location.origin + "`+base+`/embed?") && x.style.height !== "640px");
	})()`)
	framePoll(t, b, "region=440300", frameComputed, 60*time.Second)

	// Offline: the calculator (the saved input), and /embed with a query.
	if _, err := chromedp.Call(b.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: new(true),
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true}},
	}); err != nil {
		t.Fatalf("network emulation: %v", err)
	}
	b.do(t, 60*time.Second, chromedp.Navigate(app+"/"))
	b.waitComputed(t)
	if got := b.cards(t); got != want {
		t.Errorf("sub-path offline: cards %+v, want %+v", got, want)
	}
	b.do(t, 60*time.Second, chromedp.Navigate(app+"/embed?region=310000&lang=en"))
	b.waitComputed(t)
	if ok := eval[bool](t, b, `document.getElementById("embed").dataset.region === "310000" && document.documentElement.lang === "en"`); !ok {
		t.Errorf("offline /embed did not take its query")
	}
}
