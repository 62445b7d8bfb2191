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
