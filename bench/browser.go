package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"yibao/internal/headless"
)

// The phone: Slow 4G (Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbps
// down; made by the loopback server, see shaped) and a CPU 4× slower than
// this machine's.
const (
	rttMs     = 150
	downBps   = 1.6e6
	cpuFactor = 4
)

// probe runs in every document before its own scripts. It records when the
// first element with data-computed="true" appears (performance.now(), i.e.
// milliseconds since navigation start) and keeps the Go wasm instance's
// memory, and it times keystrokes: from the keydown event to the moment the
// three result cards are computed again.
const probe = `(() => {
  const b = window.__bench = { first: 0, input: 0, mem: null, t0: 0, t1: 0, armed: false };
  const allComputed = () => document.querySelectorAll(
    '#coverage[data-computed="true"], #waiting[data-computed="true"], #duplicates[data-computed="true"]').length === 3;
  // The first input possible: a life event's button (or, once the form has
  // rows, the add button) on the screen with nothing over it.
  const tappable = () => {
    const e = document.getElementById("event-quit") || document.getElementById("add-enrollment");
    if (!e || !document.body) return false;
    const r = e.getBoundingClientRect();
    if (!r.width || r.top >= innerHeight) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === e || e.contains(hit));
  };
  const check = () => {
    if (!b.first && document.querySelector('[data-computed="true"]')) b.first = performance.now();
    if (!b.input && tappable()) b.input = performance.now();
    if (b.armed && b.t0 && !b.t1 && allComputed()) b.t1 = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const tick = () => { check(); if (!b.input) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  document.addEventListener("keydown", e => { if (b.armed && !b.t0) b.t0 = e.timeStamp; }, true);
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const f = WebAssembly[name];
    if (!f) continue;
    WebAssembly[name] = async function (...args) {
      const r = await f.apply(this, args);
      const inst = r && (r.instance || r);
      if (inst && inst.exports && inst.exports.mem) b.mem = inst.exports.mem;
      return r;
    };
  }
})()`

// emulateNetworkConditions is the classic command (cdproto no longer
// generates it; Chromium still has it).
type emulateNetworkParams struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

var emulateNetworkConditions = cdp.Command[emulateNetworkParams, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

func call[P, R any](c cdp.Command[P, R], p P) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, c, p)
		return chromedp.Void{}, err
	}
}

// offline cuts the page off the network. Slow 4G itself is shaped by the
// loopback server (see link), not here: emulateNetworkConditions applies
// to the page only and not to its service worker.
func offline() chromedp.Action[chromedp.Void] {
	return call(emulateNetworkConditions, emulateNetworkParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
}

// newChromium starts one headless Chromium with a fresh profile, as a
// 412 × 915 phone screen.
func newChromium(profile string) (context.Context, context.CancelFunc, error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), headless.Options(profile, 412, 915)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return nil, nil, err
	}
	return ctx, func() { cancel(); cancelAlloc() }, nil
}

// wasmTiming reads a field of app.wasm's Resource Timing entry.
const wasmTiming = `(() => { const e = performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")); return e ? e.%s : -1; })()`

// loadRun is one cold load of a page and what follows it.
type loadRun struct {
	Cold, Warm, Offline float64 // ms to the first result
	JSHeap, WasmMem     float64 // bytes after the cold load
	WasmFetch           float64 // ms to download app.wasm on the cold load
	AfterWasm           float64 // ms from app.wasm's last byte to the first result, cold
	Input               float64 // ms to the first input possible (a control tappable), cold
	Keys                []float64
}

func withTimeout(ctx context.Context, d time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	c, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return chromedp.Do(c, steps...)
}

func evalNumber(ctx context.Context, expr string) (float64, error) {
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return chromedp.Run(c, chromedp.Evaluate[float64](expr, chromedp.EvalAwaitPromise))
}

// waitFor polls a JavaScript expression until it is truthy, starting again
// when a navigation replaces the document under the poll.
func waitFor(ctx context.Context, timeout time.Duration, expr string) error {
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return fmt.Errorf("timed out waiting for %s", expr)
		}
		err := withTimeout(ctx, left+5*time.Second, chromedp.Poll[chromedp.Void](expr,
			chromedp.WithPollingTimeout(left), chromedp.WithPollingInterval(20*time.Millisecond)))
		if err == nil {
			return nil
		}
		if strings.Contains(err.Error(), "context with specified id") || strings.Contains(err.Error(), "Execution context was destroyed") {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		return fmt.Errorf("waiting for %s: %w", expr, err)
	}
}

// firstResult waits for the probe's first result and returns it.
func firstResult(ctx context.Context) (float64, error) {
	if err := waitFor(ctx, 3*time.Minute, `window.__bench && window.__bench.first > 0`); err != nil {
		return na, err
	}
	return evalNumber(ctx, `window.__bench.first`)
}

// reload reloads the page and returns the new document's first result.
func reloadFirst(ctx context.Context) (float64, error) {
	if err := withTimeout(ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.__bench.old = true`)); err != nil {
		return na, err
	}
	if err := withTimeout(ctx, 2*time.Minute, chromedp.Reload()); err != nil {
		return na, err
	}
	if err := waitFor(ctx, time.Minute, `window.__bench && !window.__bench.old && window.__bench.first > 0`); err != nil {
		return na, err
	}
	return evalNumber(ctx, `window.__bench.first`)
}

// measureLoad does one cold load of url in a new Chromium with a fresh
// profile (empty cache, no service worker), then a warm reload once the service worker
// controls the page, then an offline reload; keys > 0 also times that many
// keystrokes (yibao only).
func measureLoad(profile, url string, keys int) (loadRun, error) {
	r := loadRun{WasmFetch: na, AfterWasm: na, Input: na, Cold: na, Warm: na, Offline: na, JSHeap: na, WasmMem: na}
	defer os.RemoveAll(profile)
	// newChromium opens the tab on ctx itself: a tab opened under a
	// timeout's context stops listening to its events when that context
	// ends.
	ctx, stop, err := newChromium(profile)
	if err != nil {
		return r, err
	}
	defer stop()
	err = withTimeout(ctx, 30*time.Second,
		call(network.Enable, network.EnableParams{}),
		call(performance.Enable, performance.EnableParams{}),
		call(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}),
		call(emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpuFactor}),
	)
	if err != nil {
		return r, fmt.Errorf("set up: %w", err)
	}
	// Navigate returns at the load event; the wasm may still be loading.
	if err := withTimeout(ctx, 3*time.Minute, chromedp.Navigate(url)); err != nil {
		return r, fmt.Errorf("navigate: %w", err)
	}
	if r.Cold, err = firstResult(ctx); err != nil {
		return r, fmt.Errorf("cold load: %w", err)
	}
	if v, err := evalNumber(ctx, fmt.Sprintf(wasmTiming, "duration")); err == nil {
		r.WasmFetch = v
	}
	if v, err := evalNumber(ctx, `window.__bench.input`); err == nil && v > 0 {
		r.Input = v
	}
	if v, err := evalNumber(ctx, fmt.Sprintf(wasmTiming, "responseEnd")); err == nil && v > 0 {
		r.AfterWasm = r.Cold - v
	}
	// Memory once the app runs and has settled, after a garbage collection.
	if err := waitFor(ctx, 2*time.Minute, `navigator.serviceWorker.controller !== null`); err != nil {
		return r, fmt.Errorf("service worker: %w", err)
	}
	time.Sleep(500 * time.Millisecond)
	if err := withTimeout(ctx, 30*time.Second, call(heapprofiler.CollectGarbage, cdp.Empty{})); err == nil {
		c, cancelM := context.WithTimeout(ctx, 30*time.Second)
		m, err := chromedp.Run(c, func(ctx context.Context, t *chromedp.Target) (*performance.GetMetricsResult, error) {
			res, err := cdp.Call(ctx, t, performance.GetMetrics, cdp.Empty{})
			return &res, err
		})
		cancelM()
		if err == nil {
			for _, x := range m.Metrics {
				if x.Name == "JSHeapUsedSize" {
					r.JSHeap = x.Value
				}
			}
		}
	}
	if v, err := evalNumber(ctx, `window.__bench.mem ? window.__bench.mem.buffer.byteLength : -1`); err == nil && v >= 0 {
		r.WasmMem = v
	}
	if r.Warm, err = reloadFirst(ctx); err != nil {
		return r, fmt.Errorf("warm reload: %w", err)
	}
	if err := withTimeout(ctx, 10*time.Second, offline()); err != nil {
		return r, err
	}
	if r.Offline, err = reloadFirst(ctx); err != nil {
		return r, fmt.Errorf("offline reload: %w", err)
	}
	if keys > 0 {
		if r.Keys, err = measureKeys(ctx, keys); err != nil {
			return r, fmt.Errorf("keystrokes: %w", err)
		}
	}
	return r, nil
}

// measureBigForm opens url (a large input) in a new Chromium at 4× CPU
// and times n keystrokes as measureKeys does.
func measureBigForm(profile, url string, n int) ([]float64, error) {
	defer os.RemoveAll(profile)
	ctx, stop, err := newChromium(profile)
	if err != nil {
		return nil, err
	}
	defer stop()
	err = withTimeout(ctx, 30*time.Second,
		call(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}),
		call(emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpuFactor}),
	)
	if err != nil {
		return nil, fmt.Errorf("set up: %w", err)
	}
	if err := withTimeout(ctx, 3*time.Minute, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("navigate: %w", err)
	}
	if _, err := firstResult(ctx); err != nil {
		return nil, fmt.Errorf("first result: %w", err)
	}
	return measureKeys(ctx, n)
}

// measureKeys types into the "to" month of the first enrollment: Backspace
// makes the month incomplete (the cards grey out, keeping the last answer), then one digit
// completes it again; each sample is the time from that digit's keydown to
// the three cards computed again.
func measureKeys(ctx context.Context, n int) ([]float64, error) {
	const field = `document.getElementById("enr-0-to")`
	if err := waitFor(ctx, 30*time.Second, field+` !== null`); err != nil {
		return nil, err
	}
	var out []float64
	for i := range n {
		digit := string(rune('5' + i%2)) // 2024-05, 2024-06, …
		err := withTimeout(ctx, 30*time.Second,
			chromedp.Evaluate[chromedp.Void](`(() => { const e = `+field+`; e.focus(); e.setSelectionRange(e.value.length, e.value.length); })()`),
			chromedp.KeyEvent(kb.Backspace),
		)
		if err != nil {
			return out, err
		}
		if err := waitFor(ctx, 30*time.Second, `document.querySelectorAll('[data-computed="true"]').length === 0 || !`+field+`.value.match(/^\d{4}-\d{2}$/)`); err != nil {
			return out, err
		}
		time.Sleep(300 * time.Millisecond) // let the greyed cards render
		if err := withTimeout(ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`Object.assign(window.__bench, { t0: 0, t1: 0, armed: true })`)); err != nil {
			return out, err
		}
		down, up := keyPress(rune(digit[0]))
		if err := withTimeout(ctx, 10*time.Second, call(input.DispatchKeyEvent, down)); err != nil {
			return out, err
		}
		if err := waitFor(ctx, 30*time.Second, `window.__bench.t1 > 0`); err != nil {
			return out, err
		}
		if err := withTimeout(ctx, 10*time.Second, call(input.DispatchKeyEvent, up)); err != nil {
			return out, err
		}
		v, err := evalNumber(ctx, `(() => { const b = window.__bench; b.armed = false; return b.t1 - b.t0; })()`)
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// keyPress is a printable key as a keyboard sends it: one keyDown that
// carries its text (the page gets keydown, keypress and input in one
// task, as Puppeteer's keyboard.press sends it), and the keyUp, sent once
// the result is there as a finger lifts later. chromedp.KeyEvent sends the
// text in a second message (char), and the round trip between the two
// (5–15 ms at 4× CPU) was the harness's, timed as the app's.
func keyPress(r rune) (down, up input.DispatchKeyEventParams) {
	var char input.DispatchKeyEventParams
	for _, k := range kb.Encode(r) {
		switch k.Type {
		case kb.KeyDown:
			down = *k
		case kb.KeyChar:
			char = *k
		case kb.KeyUp:
			up = *k
		}
	}
	down.Text, down.UnmodifiedText = char.Text, char.UnmodifiedText
	return down, up
}

// checkChromium says where to get Chromium when it is missing.
func checkChromium() error {
	if _, err := os.Stat(headless.Chromium()); err != nil {
		return errors.New("no Chromium at " + headless.Chromium() + " (apt-get install chromium, or set YIBAO_CHROMIUM)")
	}
	return nil
}
