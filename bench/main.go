// Command bench is the page-load part of `make bench`: it builds yibao and
// the baseline (bench/baseline, a go-app hello world with goccy/go-json)
// the same way, serves both the same way from loopback, loads them in
// headless Chromium as a mid-range phone on Slow 4G would, and prints one
// table, which it also writes to bench/latest.md. The engine figures come
// from the `go test -bench` outputs the Makefile writes first.
//
//	go run ./bench -native bench/tmp/native.txt -wasm bench/tmp/wasm.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"yibao/internal/wasmnames"
	"yibao/internal/webfiles"
)

func main() {
	native := flag.String("native", "bench/tmp/native.txt", "`go test -bench` output of ./rules/, native")
	wasm := flag.String("wasm", "bench/tmp/wasm.txt", "`go test -bench` output of ./rules/, GOOS=js GOARCH=wasm")
	out := flag.String("o", "bench/latest.md", "where to write the table")
	runs := flag.Int("runs", 5, "cold loads of each app")
	keys := flag.Int("keys", 9, "keystrokes timed on each yibao load")
	tmp := flag.String("tmp", "bench/tmp", "scratch directory")
	flag.StringVar(&reuse, "reuse", "", "a kept scratch directory whose sites to load again (skips the builds; for debugging)")
	flag.BoolVar(&keep, "keep", false, "keep the scratch directory")
	flag.Parse()
	if err := run(*native, *wasm, *out, *tmp, *runs, *keys); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// hundredEnrollments is an input of 100 employee enrollments of four
// months each, in turn in five regions, from 1990: a long working life
// typed row by row.
func hundredEnrollments() string {
	regions := [...]string{"440300", "310000", "510100", "330100", "420100"}
	var b strings.Builder
	b.WriteString(`{"asOf":"2026-11-22","enrollments":[`)
	for i := range 100 {
		if i > 0 {
			b.WriteString(",")
		}
		from := 1990*12 + i*4
		to := from + 3
		fmt.Fprintf(&b, `{"id":"e%d","region":"%s","scheme":"employee","from":"%04d-%02d","to":"%04d-%02d"}`,
			i+1, regions[i%len(regions)], from/12, from%12+1, to/12, to%12+1)
	}
	b.WriteString(`]}`)
	return b.String()
}

// contractExample is the README's worked example: yibao's first result is
// measured on its share link, the page someone opens from a link.
const contractExample = `{"asOf":"2026-11-22","person":{"birthDate":"1990-05-01","residence":"310000","workRegion":"310000"},` +
	`"enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06"},` +
	`{"id":"home","region":"360100","scheme":"resident","from":"2025-01","to":"2025-12","paidOn":"2024-11-20"}],` +
	`"plan":{"region":"310000","scheme":"resident","payOn":"2026-12-05","extraYears":0}}`

var (
	reuse string
	keep  bool
)

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

func run(nativeOut, wasmOut, outFile, tmpRoot string, runs, keys int) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(tmpRoot, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(tmpRoot, "pageload-")
	if err != nil {
		return err
	}
	tmp, _ = filepath.Abs(tmp)
	if reuse != "" {
		os.Remove(tmp)
		tmp = reuse
	} else if keep {
		logf("keeping %s", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	start := time.Now()
	ySite := filepath.Join(tmp, "yibao-site")
	bSite := filepath.Join(tmp, "baseline-site")
	gcflags, err := wasmGCFlags(root)
	if err != nil {
		return err
	}
	pkgs, basePkgs, plainBr := []wasmnames.Size(nil), []wasmnames.Size(nil), na
	if reuse == "" {
		if pkgs, basePkgs, plainBr, err = buildSites(root, tmp, ySite, bSite, gcflags); err != nil {
			return err
		}
	}
	yW, bW := filepath.Join(ySite, "web", "app.wasm"), filepath.Join(bSite, "web", "app.wasm")

	// Engine.
	nat, wsm := map[string]float64{}, map[string]float64{}
	if f, err := os.Open(nativeOut); err == nil {
		nat, _ = benchNsPerOp(f)
		f.Close()
	} else {
		logf("no native benchmark output (%v)", err)
	}
	if f, err := os.Open(wasmOut); err == nil {
		wsm, _ = benchNsPerOp(f)
		f.Close()
	} else {
		logf("no wasm benchmark output (%v)", err)
	}
	get := func(m map[string]float64, k string) float64 {
		if v, ok := m[k]; ok {
			return v / 1e3
		}
		return na
	}

	// Page loads.
	if err := checkChromium(); err != nil {
		return err
	}
	yURL, err := serveSite(ySite)
	if err != nil {
		return err
	}
	bURL, err := serveSite(bSite)
	if err != nil {
		return err
	}
	share := yURL + "/#input=" + base64URL(contractExample)
	var yr, br []loadRun
	for i := range runs {
		for _, app := range []string{"yibao", "baseline"} {
			url, k := share, keys
			if app == "baseline" {
				url, k = bURL+"/", 0
			}
			if i > 0 {
				k = 0 // keystrokes on the first load only
			}
			r, err := measureLoad(filepath.Join(tmp, fmt.Sprintf("profile-%s-%d", app, i)), url, k)
			if err != nil {
				return fmt.Errorf("%s, load %d: %w", app, i+1, err)
			}
			logf("%-8s load %d: first result %.0f ms cold (app.wasm fetched in %.0f ms), %.0f ms warm, %.0f ms offline; JS heap %.1f MB, wasm memory %.1f MB",
				app, i+1, r.Cold, r.WasmFetch, r.Warm, r.Offline, r.JSHeap/1e6, r.WasmMem/1e6)
			if app == "yibao" {
				yr = append(yr, r)
			} else {
				br = append(br, r)
			}
		}
	}
	pick := func(rs []loadRun, f func(loadRun) float64) float64 {
		var v []float64
		for _, r := range rs {
			v = append(v, f(r))
		}
		return median(v)
	}
	// Lighthouse's mobile audit of both first screens, median of three,
	// alternating between the apps so that the machine's load weighs on both.
	lh := map[string]lighthouseScores{}
	if bin, err := installLighthouse(filepath.Join(root, "bench", "tmp", "lighthouse")); err != nil {
		logf("no Lighthouse figures: %v", err)
	} else {
		apps := []struct{ name, dir, url string }{{name: "yibao", dir: ySite}, {name: "baseline", dir: bSite}}
		for i := range apps {
			if apps[i].url, err = servePlain(apps[i].dir); err != nil {
				return err
			}
		}
		runs := map[string][]lighthouseScores{}
		for i := range 3 {
			for _, app := range apps {
				s, err := lighthouse(bin, app.url+"/", filepath.Join(tmp, fmt.Sprintf("lighthouse-%s-%d.json", app.name, i)))
				if err != nil {
					return err
				}
				logf("%-8s Lighthouse mobile, run %d: %+v", app.name, i+1, s)
				runs[app.name] = append(runs[app.name], s)
			}
		}
		for _, app := range apps {
			med := func(f func(lighthouseScores) float64) float64 {
				var v []float64
				for _, r := range runs[app.name] {
					v = append(v, f(r))
				}
				return median(v)
			}
			lh[app.name] = lighthouseScores{
				Performance:   med(func(s lighthouseScores) float64 { return s.Performance }),
				Accessibility: med(func(s lighthouseScores) float64 { return s.Accessibility }),
				TBT:           med(func(s lighthouseScores) float64 { return s.TBT }),
				TTI:           med(func(s lighthouseScores) float64 { return s.TTI }),
			}
			logf("%-8s Lighthouse mobile: %+v", app.name, lh[app.name])
		}
	}
	lhFig := func(app string, f func(lighthouseScores) float64) float64 {
		if s, ok := lh[app]; ok {
			return f(s)
		}
		return na
	}
	var keyTimes []float64
	for _, r := range yr {
		keyTimes = append(keyTimes, r.Keys...)
	}
	// Keystrokes in a form of 100 enrollments (issue 14: the cost of the
	// rows and lanes must not make typing slow).
	bigKeys, err := measureBigForm(filepath.Join(tmp, "profile-yibao-100"), yURL+"/#input="+base64URL(hundredEnrollments()), keys)
	if err != nil {
		return fmt.Errorf("yibao, 100 enrollments: %w", err)
	}
	logf("yibao    100 enrollments: keystrokes %v ms", bigKeys)

	natEval := get(nat, "Evaluate40Years")
	rows := []row{
		{Figure: "app.wasm raw", Unit: bytesUnit, Yibao: fileSize(yW), Baseline: fileSize(bW)},
		{Figure: "app.wasm gzip -9", Unit: bytesUnit, Yibao: fileSize(yW + ".gz"), Baseline: fileSize(bW + ".gz")},
		{Figure: "app.wasm brotli 11", Unit: bytesUnit, Yibao: fileSize(yW + ".br"), Baseline: fileSize(bW + ".br"), Target: target{Kind: maxValue, Value: 1.85e6}},
		{Figure: "app.wasm brotli 11, built without the -gcflags", Unit: bytesUnit, Yibao: plainBr, Baseline: na},
		{Figure: fmt.Sprintf("first result, cold load, Slow 4G, 4× CPU (median of %d)", runs), Unit: msUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.Cold }), Baseline: pick(br, func(r loadRun) float64 { return r.Cold }),
			Target: target{Kind: maxRatio, Value: 1.15}},
		{Figure: fmt.Sprintf("first input possible (a control tappable), cold, Slow 4G, 4× CPU (median of %d)", runs), Unit: msUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.Input }), Baseline: na, Target: target{Kind: maxValue, Value: 1500}},
		{Figure: "app.wasm download, cold", Unit: msUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.WasmFetch }), Baseline: pick(br, func(r loadRun) float64 { return r.WasmFetch })},
		{Figure: "first result after app.wasm's last byte, cold", Unit: msUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.AfterWasm }), Baseline: pick(br, func(r loadRun) float64 { return r.AfterWasm })},
		{Figure: "first result, warm reload (service worker)", Unit: msUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.Warm }), Baseline: pick(br, func(r loadRun) float64 { return r.Warm }),
			Target: target{Kind: maxValue, Value: 1500}},
		{Figure: "first result, offline reload", Unit: msUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.Offline }), Baseline: pick(br, func(r loadRun) float64 { return r.Offline }),
			Target: target{Kind: maxValue, Value: 1500}},
		{Figure: fmt.Sprintf("keystroke → updated results, 4× CPU (median of %d)", len(keyTimes)), Unit: msUnit,
			Yibao: median(keyTimes), Baseline: na, Target: target{Kind: maxValue, Value: 50}},
		{Figure: fmt.Sprintf("keystroke → updated results, 100 enrollments, 4× CPU (median of %d)", len(bigKeys)), Unit: msUnit,
			Yibao: median(bigKeys), Baseline: na, Target: target{Kind: maxValue, Value: 50}},
		{Figure: "engine per evaluation, native", Unit: usUnit, Yibao: natEval, Baseline: na, Target: target{Kind: maxValue, Value: 50}},
		{Figure: "engine per evaluation, wasm (node)", Unit: usUnit, Yibao: get(wsm, "Evaluate40Years"), Baseline: na,
			Target: target{Kind: maxRatioRef, Value: 10, Ref: natEval, RefName: "native"}},
		{Figure: "decode + evaluate, wasm (node)", Unit: usUnit, Yibao: get(wsm, "DecodeEvaluate40Years"), Baseline: na},
		{Figure: "rules and messages read and checked at start, wasm (node)", Unit: usUnit, Yibao: get(wsm, "LoadEmbedded"), Baseline: na},
		{Figure: "Lighthouse mobile Performance (median of 3)", Unit: countUnit,
			Yibao: lhFig("yibao", func(s lighthouseScores) float64 { return s.Performance }), Baseline: lhFig("baseline", func(s lighthouseScores) float64 { return s.Performance }),
			Target: target{Kind: minBaseline}},
		{Figure: "Lighthouse mobile Accessibility", Unit: countUnit,
			Yibao: lhFig("yibao", func(s lighthouseScores) float64 { return s.Accessibility }), Baseline: lhFig("baseline", func(s lighthouseScores) float64 { return s.Accessibility }),
			Target: target{Kind: minValue, Value: 100}},
		{Figure: "Lighthouse Total Blocking Time", Unit: msUnit,
			Yibao: lhFig("yibao", func(s lighthouseScores) float64 { return s.TBT }), Baseline: lhFig("baseline", func(s lighthouseScores) float64 { return s.TBT })},
		{Figure: "Lighthouse Time to Interactive", Unit: msUnit,
			Yibao: lhFig("yibao", func(s lighthouseScores) float64 { return s.TTI }), Baseline: lhFig("baseline", func(s lighthouseScores) float64 { return s.TTI })},
		{Figure: "JS heap used after load", Unit: bytesUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.JSHeap }), Baseline: pick(br, func(r loadRun) float64 { return r.JSHeap })},
		{Figure: "wasm memory after load", Unit: bytesUnit,
			Yibao: pick(yr, func(r loadRun) float64 { return r.WasmMem }), Baseline: pick(br, func(r loadRun) float64 { return r.WasmMem })},
	}
	table := markdown(rows)
	fmt.Print(table)
	report := renderReport(table, pkgs, basePkgs, runs, time.Since(start), gcflags)
	if err := os.WriteFile(outFile, []byte(report), 0o644); err != nil {
		return err
	}
	logf("wrote %s in %s", outFile, time.Since(start).Round(time.Second))
	return nil
}

// buildSites builds both apps with the same flags and writes their static
// sites, compressed alike; it returns yibao's code size by package and the
// brotli size of app.wasm built without wasmGCFlags.
func buildSites(root, tmp, ySite, bSite string, wasmGCFlags []string) ([]wasmnames.Size, []wasmnames.Size, float64, error) {
	// Build both apps with the same flags.
	logf("building yibao and the baseline (%s)", strings.Join(wasmBuildArgs(true, wasmGCFlags), " "))
	yWeb := filepath.Join(tmp, "yibao-web")
	if err := webfiles.CopySources(yWeb, filepath.Join(root, "web"), true); err != nil {
		return nil, nil, na, err
	}
	yWasm := filepath.Join(yWeb, "app.wasm")
	if err := buildWasm(root, "./cmd/yibao", yWasm, true, wasmGCFlags); err != nil {
		return nil, nil, na, err
	}
	yBin := filepath.Join(tmp, "yibao")
	bBin := filepath.Join(tmp, "baseline")
	if err := goCmd(root, nil, "build", "-ldflags=-X main.version=bench", "-o", yBin, "./cmd/yibao"); err != nil {
		return nil, nil, na, err
	}
	if err := goCmd(root, nil, "build", "-o", bBin, "./bench/baseline"); err != nil {
		return nil, nil, na, err
	}
	bWasm := filepath.Join(tmp, "baseline.wasm")
	if err := buildWasm(root, "./bench/baseline", bWasm, true, wasmGCFlags); err != nil {
		return nil, nil, na, err
	}
	if err := runCmd(bBin, "-o", bSite, "-wasm-size", fmt.Sprint(int64(fileSize(bWasm)))); err != nil {
		return nil, nil, na, err
	}
	for _, icon := range []string{"icon-192.png", "icon-512.png", "icon-maskable.png", "icon.svg"} { // the same icons
		b, err := os.ReadFile(filepath.Join(root, "web", icon))
		if err != nil {
			return nil, nil, na, err
		}
		if err := os.WriteFile(filepath.Join(bSite, "web", icon), b, 0o644); err != nil {
			return nil, nil, na, err
		}
	}
	if err := os.Rename(bWasm, filepath.Join(bSite, "web", "app.wasm")); err != nil {
		return nil, nil, na, err
	}
	// yibao's static site (`yibao dist`), then the same compression for
	// both sites.
	if err := runCmd(yBin, "dist", "-o", ySite, "-web", yWeb); err != nil {
		return nil, nil, na, err
	}
	logf("compressing (brotli 11, gzip 9)")
	errc := make(chan error, 2)
	go func() { errc <- compressSite(ySite) }()
	go func() { errc <- compressSite(bSite) }()
	for range 2 {
		if err := <-errc; err != nil {
			return nil, nil, na, err
		}
	}

	// Sizes by package, from builds with the name section.
	var sizes [2][]wasmnames.Size
	for i, pkg := range []string{"./cmd/yibao", "./bench/baseline"} {
		named := filepath.Join(tmp, fmt.Sprintf("named-%d.wasm", i))
		if err := buildWasm(root, pkg, named, false, wasmGCFlags); err != nil {
			return nil, nil, na, err
		}
		data, err := os.ReadFile(named)
		if err != nil {
			return nil, nil, na, err
		}
		if sizes[i], err = wasmnames.Packages(data); err != nil {
			return nil, nil, na, err
		}
	}
	// The same app built without the -gcflags, as `make build` did before.
	plain := filepath.Join(tmp, "plain.wasm")
	if err := buildWasm(root, "./cmd/yibao", plain, true, nil); err != nil {
		return nil, nil, na, err
	}
	plainBr, err := webfiles.Compress(plain) // the same settings as the sites
	if err != nil {
		return nil, nil, na, err
	}
	return sizes[0], sizes[1], float64(plainBr), nil
}

func renderReport(table string, pkgs, basePkgs []wasmnames.Size, runs int, took time.Duration, wasmGCFlags []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# yibao page-load benchmark\n\n`make bench`, %s, %s %s/%s, %d CPUs, %s; took %s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		strings.TrimSpace(chromiumVersion()), took.Round(time.Second))
	b.WriteString(table)
	fmt.Fprintf(&b, `
- **Both apps** are built with `+"`GOOS=js GOARCH=wasm go %s`"+`, written as static sites
  (`+"`yibao dist`"+`; `+"`app.GenerateStaticWebsite`"+` for the baseline), compressed alike (brotli 11,
  window 2^24; gzip 9) and served by one loopback server that sends the `+"`.br`"+` copy with
  `+"`Content-Encoding: br`"+`, `+"`Content-Type: application/wasm`"+` and `+"`Cache-Control: no-cache`"+`.
  `+"`WasmContentLength`"+` is the raw size for both.
- **Baseline**: `+"`bench/baseline`"+`, a go-app v10.1.11 hello world that round-trips a struct
  through goccy/go-json, with the same build-tag split as `+"`cmd/yibao`"+`.
- **First result**: milliseconds from navigation start to the first element with
  `+"`data-computed=\"true\"`"+` (a MutationObserver installed before any page script). For
  yibao that is the first answer card computed by the wasm on the README's worked example,
  opened as a share link (`+"`/#input=…`"+`); for the baseline it is its `+"`<h1 id=result>`"+`,
  rendered by the wasm (the prerendered page lacks the attribute).
- **Cold**: a new headless Chromium with a fresh profile (empty HTTP cache, no service worker),
  `+"`Emulation.setCPUThrottlingRate`"+` %d, %d loads per app, alternating. Slow 4G is made by the
  loopback server: every response waits one round trip (%d ms) and all the responses of a site
  share one %.1f Mbps downlink, the page's and its service worker's precache alike (Chromium's
  network emulation throttles only the page's own requests). Requests are not shaped.
  **Warm**: a reload once the service worker controls the page. **Offline**: a reload with the
  network emulated offline (`+"`Network.emulateNetworkConditions`"+`). Both with 4× CPU.
- **app.wasm download**: the Resource Timing duration of app.wasm on the cold load (yibao
  preloads it from the page's head; the baseline fetches it from app.js). **After app.wasm's
  last byte**: the first result minus its responseEnd: compiling what runs (Chromium compiles
  a wasm function when it is first called), starting Go, computing and building the page.
- **Lighthouse**: `+"`lighthouse@"+lighthouseVersion+"`"+` (installed with npm into bench/tmp), mobile form factor, its
  simulated Slow 4G and 4× CPU, against each first screen served without the link shaping;
  Performance and Accessibility are its scores (0–100), median of three runs, alternating
  between the apps. Its Slow 4G is simulated from a load observed at full speed, on which
  yibao's app starts once the prerendered page is painted (ui.AwaitFirstPaint).
- **First input possible**: from navigation start to the first frame in which a life event's
  button (or the add button) is on the screen with nothing over it: the prerendered page under
  the thin loading line, before app.wasm runs (a tap then is kept for the app, web/boot.js).
- **Keystroke**: Backspace on the first enrollment's "to" month makes the input incomplete (the
  cards grey out, keeping the last answer); the time is from the keydown of the digit that
  completes the month again to the three cards computed again (4× CPU). The digit is pressed as a
  keyboard sends it: one keyDown carrying its text (keydown, keypress and input in one task), the
  keyUp once the cards are computed (`+"`keyPress`"+`). The same is timed on a
  form of 100 enrollments (`+"`hundredEnrollments`"+`: four months each, five regions in turn), opened
  from a share link in a fresh Chromium.
- **Engine**: medians of `+"`go test -bench`"+` in `+"`rules/`"+` (40-year history, 20 enrollments), native
  and under node.
- **Memory**: `+"`Performance.getMetrics`"+` JSHeapUsedSize after a forced GC, and the byte length of
  the Go instance's `+"`WebAssembly.Memory`"+`, once the service worker controls the page.

## Biggest packages in yibao's app.wasm (code bytes, name section)

| package | code |
|---|---:|
`, strings.Join(wasmBuildArgs(true, wasmGCFlags), " "), cpuFactor, runs, rttMs, downBps/1e6)
	total := 0
	for _, p := range pkgs {
		total += p.Bytes
	}
	for _, p := range pkgs[:min(20, len(pkgs))] {
		fmt.Fprintf(&b, "| %s | %s |\n", p.Pkg, groupThousands(int64(p.Bytes)))
	}
	fmt.Fprintf(&b, "| all %d packages | %s |\n", len(pkgs), groupThousands(int64(total)))

	// What yibao adds to the floor, package by package.
	base := map[string]int{}
	baseTotal := 0
	for _, p := range basePkgs {
		base[p.Pkg] = p.Bytes
		baseTotal += p.Bytes
	}
	var added []wasmnames.Size
	for _, p := range pkgs {
		if d := p.Bytes - base[p.Pkg]; d > 0 {
			added = append(added, wasmnames.Size{Pkg: p.Pkg, Bytes: d})
		}
	}
	sort.Slice(added, func(i, j int) bool { return added[i].Bytes > added[j].Bytes })
	if len(basePkgs) > 0 {
		fmt.Fprintf(&b, "\n## What yibao adds to the baseline's code\n\n%s bytes of code in all (the baseline: %s).\n\n| package | added code |\n|---|---:|\n",
			groupThousands(int64(total-baseTotal)), groupThousands(int64(baseTotal)))
		for _, p := range added[:min(10, len(added))] {
			fmt.Fprintf(&b, "| %s | %s |\n", p.Pkg, groupThousands(int64(p.Bytes)))
		}
	}
	return b.String()
}
