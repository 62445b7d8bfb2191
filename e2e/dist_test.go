//go:build browser

package e2e

import (
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestDistStatic writes the static site (yibao dist), serves it with a
// plain file server (no go-app, no rewriting: /rules is only rules.html),
// and checks that it computes, precaches its pages and carries compressed
// copies of the large files.
func TestDistStatic(t *testing.T) {
	dist := filepath.Join(t.TempDir(), "dist")
	out, err := exec.Command(binPath, "dist", "-o", dist, "-web", webDir).CombinedOutput()
	if err != nil {
		t.Fatalf("yibao dist: %v\n%s", err, out)
	}
	t.Logf("%s", out)
	for _, f := range []string{"index.html", "rules.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/yibao.css", "web/icon-192.png", "web/icon-512.png",
		"web/icon-maskable.png", "web/icon.svg", "index.html.br", "app.js.gz"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			t.Errorf("dist lacks %s", f)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dist)), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	origin := "http://" + l.Addr().String()

	b := newBrowser(t, origin)
	input := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	want := expected(t, input)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(origin, input)))
	b.waitComputed(t)
	if got := b.cards(t); got != want {
		t.Errorf("static site: cards %+v, want %+v", got, want)
	}
	b.poll(t, 60*time.Second, `navigator.serviceWorker.controller !== null`)
	cached := eval[[]string](t, b, `caches.keys().then(async (keys) => {
		const c = await caches.open(keys[0]);
		return (await c.keys()).map((r) => new URL(r.url).pathname).sort();
	})`)
	if !contains(cached, "/rules") || !contains(cached, "/") {
		t.Errorf("static site: pages not precached: %v", cached)
	}
	// Offline, /rules comes from the cache although the host only has
	// rules.html.
	srv.Close()
	b.do(t, 60*time.Second, chromedp.Navigate(origin+"/rules"), chromedp.WaitVisible(chromedp.ID("documents")))
}
