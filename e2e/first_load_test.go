//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// TestTapBeforeTheAppRuns holds app.wasm back, as a slow link does: the
// prerendered first screen shows at once under a thin progress line (no
// full-screen blocker), and a life event tapped then shows its first
// question at once (prerendered, web/boot.js). What is answered there, and
// 下一步, reach the app once it runs: the next question shows, and the
// answer is the app's.
func TestTapBeforeTheAppRuns(t *testing.T) {
	b, release := openHoldingWasm(t, "event-baby")
	// The loader is a line at the top: the tap lands on the button.
	if hit := eval[string](t, b, `(r => document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2).id)(document.getElementById("event-baby").getBoundingClientRect())`); hit != "event-baby" {
		t.Fatalf("before the app runs, a tap on 生孩子了 lands on %q: the loader covers the page", hit)
	}
	if h := eval[float64](t, b, `document.getElementById("app-wasm-loader").getBoundingClientRect().height`); h > 60 {
		t.Errorf("the loader is %.0f px high, want a thin line", h)
	}
	// 上一步 on a first question goes back to the life events.
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-duplicate")))
	b.poll(t, 10*time.Second, `(f => f && !f.hidden && f.getBoundingClientRect().height > 0)(document.getElementById("pre-duplicate-flow")) && document.activeElement.id === "pre-duplicate-ev-aRegion"`)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.CSS(`#pre-duplicate-flow [data-pre="back"]`)))
	b.poll(t, 10*time.Second, `document.getElementById("pre-duplicate-flow").hidden && document.activeElement.id === "event-duplicate"`)

	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-baby")))
	b.poll(t, 10*time.Second, `!document.getElementById("pre-baby-flow").hidden && document.getElementById("event-baby").getBoundingClientRect().height === 0 && document.activeElement.id === "pre-baby-ev-birth"`)
	b.do(t, 10*time.Second, chromedp.SendKeys(chromedp.ID("pre-baby-ev-birth"), "2026-11-20\r"))
	b.poll(t, 10*time.Second, `document.querySelector('#pre-baby-flow [data-pre="next"]').classList.contains("pending")`)
	if eval[bool](t, b, `document.getElementById("life-event") !== null`) {
		t.Fatal("the app ran before app.wasm was released")
	}
	release()
	// The app takes the day and 下一步: its second question, where.
	b.poll(t, 90*time.Second, `document.getElementById("ev-region") !== null && document.getElementById("app-wasm-loader") === null`)
	if p := eval[string](t, b, `document.querySelector("#life-event .flow-progress").textContent`); !strings.HasPrefix(p, "第2步") {
		t.Errorf("after 下一步 before the app ran, the app shows %q, want its second step", p)
	}
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("flow-back")))
	b.poll(t, 10*time.Second, `(e => e !== null && e.value === "2026-11-20")(document.getElementById("ev-birth"))`)
}

// TestRegionTypedBeforeTheAppRuns: a place typed into a life event's first
// question before app.wasm runs is in the app's box once it runs, with
// the list to pick from open (a typed name is never taken as a pick).
func TestRegionTypedBeforeTheAppRuns(t *testing.T) {
	b, release := openHoldingWasm(t, "event-quit")
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-quit")))
	b.poll(t, 10*time.Second, `document.activeElement.id === "pre-quit-ev-region"`)
	b.do(t, 10*time.Second, chromedp.SendKeys(chromedp.ID("pre-quit-ev-region"), "深圳"))
	release()
	b.poll(t, 90*time.Second, `(e => e !== null && e.value === "深圳" && document.activeElement === e)(document.getElementById("ev-region"))`)
	b.poll(t, 10*time.Second, `[...document.querySelectorAll("#ev-region-list [role=option]")].some(o => o.dataset.code === "440300")`)
	if p := eval[string](t, b, `document.querySelector("#life-event .flow-progress").textContent`); !strings.HasPrefix(p, "第1步") {
		t.Errorf("a place typed, not picked, moved the flow on: %q", p)
	}
}

// TestTypeBeforeTheAppRuns: what a person types into the prerendered form
// while app.wasm loads is kept, and the app takes it as typed once it runs.
func TestTypeBeforeTheAppRuns(t *testing.T) {
	b, release := openHoldingWasm(t, "asOf")
	b.do(t, 60*time.Second,
		chromedp.Evaluate[chromedp.Void](`document.getElementById("asOf").select()`),
		chromedp.SendKeys(chromedp.ID("asOf"), "2026-11-30"),
	)
	if eval[bool](t, b, `document.getElementById("life-event") !== null`) {
		t.Fatal("the app ran before app.wasm was released")
	}
	release()
	b.waitComputed(t) // the app's page: the summary awaits the first input
	b.poll(t, 10*time.Second, `document.getElementById("asOf").value === "2026-11-30"`)
	// The app has it, not only the box: it is saved as the form's date.
	b.poll(t, 10*time.Second, savedDocJS("yibao.input")+`.includes('"asOf":"2026-11-30"')`)
}

// openHoldingWasm opens the calculator on a phone with app.wasm held back
// (holdWasm), once the prerendered element with the id shows.
func openHoldingWasm(t *testing.T, id string) (b *browser, release func()) {
	t.Helper()
	srv := startServer(t, webDir, "")
	b = newBrowser(t, srv.URL)
	release = holdWasm(t, b)
	b.do(t, 60*time.Second, phone(), chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID(id)))
	return b, release
}

// holdWasm holds back every request for app.wasm, as a slow link does,
// until the function it returns is called.
func holdWasm(t *testing.T, b *browser) (release func()) {
	t.Helper()
	if _, err := chromedp.Call(b.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var held []fetch.RequestID
	released := false
	paused := chromedp.Events(b.ctx, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			mu.Lock()
			if released {
				mu.Unlock()
				_, _ = chromedp.Call(b.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			held = append(held, ev.RequestID)
			mu.Unlock()
		}
	}()
	return func() {
		t.Helper()
		mu.Lock()
		released = true
		ids := held
		mu.Unlock()
		if len(ids) == 0 {
			t.Fatal("app.wasm was never requested")
		}
		for _, id := range ids {
			if _, err := chromedp.Call(b.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// paintProbe records, before any page script, when the app first replaces
// the prerendered page (go-app swaps the body's first element) and the
// times of the largest-contentful-paint entries.
const paintProbe = `(() => {
  const p = window.__paint = { replaced: 0, lcp: [] };
  new PerformanceObserver(l => {
    for (const e of l.getEntries()) p.lcp.push(Math.round(e.startTime));
  }).observe({ type: "largest-contentful-paint", buffered: true });
  document.addEventListener("DOMContentLoaded", () => {
    const first = document.body.firstElementChild;
    new MutationObserver((ms, o) => {
      if (document.body.firstElementChild !== first) { p.replaced = performance.now(); o.disconnect(); }
    }).observe(document.body, { childList: true });
  });
})()`

// TestPrerenderedPagePaintedFirst checks that the browser has painted the
// prerendered page, and counted it as the largest contentful paint, before
// the app builds the page again (ui.AwaitFirstPaint). Otherwise, on a fast
// link, the app's copy of the page becomes the largest contentful paint, at
// a time that depends on app.wasm: Lighthouse's simulated Slow 4G then
// reports it 10 s late. Three cold loads, each in a new browser, at full
// speed, as Lighthouse observes a page before it simulates a phone.
func TestPrerenderedPagePaintedFirst(t *testing.T) {
	srv := startServer(t, webDir, "")
	for run := range 3 {
		t.Run(fmt.Sprintf("load%d", run+1), func(t *testing.T) {
			b := newBrowser(t, srv.URL)
			beforeEveryPage(t, b, paintProbe)
			b.do(t, 60*time.Second, phone(), chromedp.Navigate(srv.URL+"/"))
			b.poll(t, 90*time.Second, `window.__paint.replaced > 0 && window.__paint.lcp.length > 0`)
			replaced := eval[float64](t, b, `window.__paint.replaced`)
			lcp := eval[[]float64](t, b, `window.__paint.lcp`)
			t.Logf("the app replaced the prerendered page at %.0f ms; largest contentful paints at %v ms", replaced, lcp)
			if lcp[0] >= replaced {
				t.Fatalf("the app replaced the prerendered page (at %.0f ms) before the browser counted its largest contentful paint (at %v ms)", replaced, lcp)
			}
		})
	}
}

// TestEngineReadiedOnFirstTap checks when a blank page reads the rules:
// not while it loads, but soon after the first tap, while the question
// that tap opened is on the screen (ui.warmOnFirstInput), so that the
// answer at the end of the questions does not wait for them.
func TestEngineReadiedOnFirstTap(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, phone(), chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	time.Sleep(time.Second)
	if eval[bool](t, b, `document.documentElement.hasAttribute("data-engine")`) {
		t.Fatal("the blank page readied the engine before anyone tapped")
	}
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-quit")))
	b.poll(t, 10*time.Second, `document.documentElement.getAttribute("data-engine") === "ready"`)
	if !eval[bool](t, b, `document.getElementById("life-event") !== null && document.querySelector('[data-computed="true"]') === null`) {
		t.Error("the engine was readied, but the page no longer shows the life event's first question with no answer")
	}
}
