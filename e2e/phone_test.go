//go:build browser

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPhone390 renders the calculator as a 390-px phone: no horizontal
// scrolling, tap targets of at least 44 px, and screenshots kept in
// e2e/artifacts/ to look at.
func TestPhone390(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := readAll(t, "testdata/share/01_contract_example.json")
	b.do(t, 60*time.Second,
		phone(),
		chromedp.Navigate(shareURL(srv.URL, input)),
	)
	b.waitComputed(t)
	// Open the explanations of the first card, as a reader would.
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector("#coverage details.explain")?.setAttribute("open", "")`))
	// The steps are built when the list opens.
	b.poll(t, 10*time.Second, `document.querySelector("#coverage details.explain li") !== null`)

	check := func(label string) {
		wide := eval[int](t, b, `document.documentElement.scrollWidth`)
		if wide > 390 {
			offenders := eval[[]string](t, b, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 391).slice(0, 8).map(e => e.tagName + "#" + e.id + "." + e.className)`)
			t.Errorf("%s: the page is %d px wide on a 390-px phone: %v", label, wide, offenders)
		}
		small := eval[[]string](t, b, `[...document.querySelectorAll("button, .field-input, summary, .check, .seg-option span, .suggestions .option")]
			.filter(e => e.offsetParent !== null)
			.map(e => [e, e.getBoundingClientRect()])
			.filter(([e, r]) => r.height < 44 || r.width < 44)
			.map(([e, r]) => e.tagName + "#" + e.id + " " + Math.round(r.width) + "x" + Math.round(r.height))`)
		if len(small) > 0 {
			t.Errorf("%s: tap targets under 44 px: %s", label, strings.Join(small, ", "))
		}
		// The Tab key goes the way the eye reads: down the page, and left
		// to right within a row.
		jumps := eval[[]string](t, b, `(() => { scrollTo(0, 0);
			const els = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex='0']")]
				.filter(e => e.checkVisibility() && !e.disabled);
			const out = [];
			for (let i = 1; i < els.length; i++) {
				const a = els[i-1].getBoundingClientRect(), b = els[i].getBoundingClientRect();
				const sameRow = Math.abs(b.top - a.top) < Math.min(a.height, b.height) / 2;
				if (sameRow ? b.left < a.left - 1 : b.top < a.top - 1) out.push(els[i-1].tagName + "#" + els[i-1].id + " → " + els[i].tagName + "#" + els[i].id);
			}
			return out; })()`)
		if len(jumps) > 0 {
			t.Errorf("%s: the tab order jumps back up or left: %s", label, strings.Join(jumps, ", "))
		}
		// Every point of a button takes the tap: nothing lies over it (a
		// label once covered most of 删除).
		covered := eval[[]string](t, b, `[...document.querySelectorAll("button")]
			.filter(e => e.offsetParent !== null)
			.flatMap(e => { e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
				return [[.5, .5], [.2, .5], [.8, .5], [.5, .2], [.5, .8]].map(([x, y]) => {
					const hit = document.elementFromPoint(r.left + x * r.width, r.top + y * r.height);
					return hit === null || e.contains(hit) ? "" : e.tagName + "#" + e.id + "." + e.className + " under " + hit.tagName + "." + hit.className;
				}); })
			.filter(s => s !== "")`)
		if len(covered) > 0 {
			t.Errorf("%s: buttons partly covered: %s", label, strings.Join(covered, ", "))
		}
	}
	check("zh")
	// Down in the form, the summary stays at the top of the screen; a tap
	// on it brings the coverage card up to just below it, focused.
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.getElementById("enr-0-from").scrollIntoView({block: "center"})`))
	b.poll(t, 5*time.Second, `(r => r.top >= -1 && r.top < 2 && r.height > 0)(document.querySelector(".layout > .summary").getBoundingClientRect())`)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.CSS("#summary a")))
	b.poll(t, 5*time.Second, `document.activeElement !== null && document.activeElement.id === "coverage-h" &&
		(s => (c => c.top >= s.bottom - 1 && c.top < innerHeight / 2)(document.getElementById("coverage").getBoundingClientRect()))(document.querySelector(".layout > .summary").getBoundingClientRect())`)
	// The timeline's labels are at least 12 CSS px, and it has a text in words.
	if small := eval[float64](t, b, `(() => { const svg = document.querySelector("#timeline svg"); const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		return Math.min(...[...svg.querySelectorAll("text")].map(e => parseFloat(getComputedStyle(e).fontSize) * scale)); })()`); small < 12 {
		t.Errorf("timeline labels of %.1f px, want at least 12", small)
	}
	if n := eval[int](t, b, `document.querySelectorAll("#tl-alt li").length`); n < 2 {
		t.Errorf("the timeline in words has %d lines", n)
	}
	if lang := eval[string](t, b, `document.documentElement.lang`); lang != "zh-CN" {
		t.Errorf("html lang %q, want zh-CN", lang)
	}
	shot, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "phone-390-zh.png", shot)
	first, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "phone-390-zh-first-screen.png", first)

	// English.
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("lang-switch")))
	b.poll(t, 10*time.Second, `document.documentElement.lang === "en"`)
	check("en")
	shot, err = chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "phone-390-en.png", shot)

	// 长辈版: large text, kept across a reload, and the page still fits.
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("text-size")))
	b.poll(t, 10*time.Second, `document.documentElement.classList.contains("large") && document.getElementById("text-size").getAttribute("aria-pressed") === "true"`)
	b.reload(t)
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `document.documentElement.classList.contains("large") && getComputedStyle(document.documentElement).fontSize === "20px"`)
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0), 0`))
	shot, err = chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "phone-390-large-text.png", shot)
	check("large text")
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("text-size")))
	b.poll(t, 10*time.Second, `!document.documentElement.classList.contains("large")`)

	// The first screen of a blank calculator: the life events, then a
	// question.
	// The storage is cleared from another page of the origin: the app, if
	// it ran, could still save (a link's input is saved 0.3 s after it shows).
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/web/icon.svg"), chromedp.Evaluate[chromedp.Void](`localStorage.clear(), 0`),
		chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("event-quit")))
	first, err = chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "phone-390-life-events.png", first)
	check("first screen")
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-baby")), chromedp.WaitVisible(chromedp.ID("ev-birth")))
	check("a question")

	// The rules page.
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/rules"), chromedp.WaitVisible(chromedp.ID("documents")))
	check("rules")
	shot, err = chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	artifact(t, "phone-390-rules.png", shot)
}
