//go:build browser

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A person who left a job and gave no plan is not covered: the waiting card
// shows the ways back if they enroll today, never a green "no wait".
func TestNotCoveredIsNeverNoWait(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := readAll(t, "testdata/share/15_lapsed_no_plan.json")
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `(() => {
		const w = document.getElementById("waiting");
		return !w.classList.contains("tone-good") && w.textContent.includes("如果今天参保缴费") &&
			w.textContent.includes("灵活就业") && w.textContent.includes("成都市") && !w.textContent.includes("无需等待");
	})()`)
	if want, got := expected(t, input), b.cards(t); got != want {
		t.Errorf("cards %+v, yibao eval %+v", got, want)
	}
}

// The same history paying on 20 January: in 河北 the 2026 window runs to 28
// February and benefits start on the payment day (the provincial notice,
// a reprint); in 上海 the window closed on 25 December, so a 3-month wait
// (the city's window from a press report). Each card says so at its top.
func TestSamePaymentTwoProvinces(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	for _, tt := range []struct {
		file, headline, trust, basis string
	}{
		{"testdata/share/19_hebei_pays_20_january.json", "无等待期", "reprint", "河北省医疗保障局"},
		{"testdata/share/20_shanghai_pays_20_january.json", "等待 3 个月", "press", "媒体报道，未见原文"},
	} {
		input := readAll(t, tt.file)
		b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
		b.waitComputed(t)
		b.poll(t, 10*time.Second, `(() => {
			const w = document.getElementById("waiting");
			const basis = w.querySelector(".basis");
			return w.querySelector(".headline").textContent.includes(`+jsString(tt.headline)+`) &&
				basis !== null && basis.dataset.trust === `+jsString(tt.trust)+` &&
				basis.textContent.includes(`+jsString(tt.basis)+`) && basis.querySelector("a[href^='http']") !== null;
		})()`)
		if want, got := expected(t, input), b.cards(t); got != want {
			t.Errorf("%s: cards %+v, yibao eval %+v", tt.file, got, want)
		}
	}
}
