//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Same history, two cities: picking 成都 then 苏州 for the plan changes the
// employee waiting period (成都: national maximum 6 months; 苏州: Jiangsu's
// cap of 3 months), and the next-steps card says which rules are local.
func TestChengduAndSuzhouDiffer(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-06"}],
		"plan":{"region":"310000","scheme":"employee","payOn":"2026-12-05"}}`)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	pick := func(query, name string) {
		t.Helper()
		b.do(t, 20*time.Second,
			chromedp.WaitVisible(chromedp.ID("plan-region")),
			chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById("plan-region"); e.focus(); e.select(); })()`),
			chromedp.SendKeys(chromedp.ID("plan-region"), query),
			chromedp.WaitVisible(chromedp.ID("plan-region-opt-0")),
			chromedp.SendKeys(chromedp.ID("plan-region"), kb.Enter),
			settled(`document.getElementById("plan-region").value.startsWith(`+jsString(name)+`)`),
		)
	}
	pick("成都", "成都市")
	b.poll(t, 15*time.Second, `document.getElementById("waiting").dataset.months === "6" && document.getElementById("waiting").dataset.benefitsFrom === "2027-07-01"`)
	b.poll(t, 5*time.Second, `document.getElementById("rules-scope").textContent.includes("按国家规定")`)
	chengdu := b.cards(t)

	pick("苏州", "苏州市")
	b.poll(t, 15*time.Second, `document.getElementById("waiting").dataset.months === "3" && document.getElementById("waiting").dataset.benefitsFrom === "2027-04-01"`)
	b.poll(t, 5*time.Second, `document.getElementById("rules-scope").textContent.includes("已收录当地规定")`)
	suzhou := b.cards(t)
	if chengdu.Months == suzhou.Months {
		t.Errorf("成都 %+v and 苏州 %+v should wait differently", chengdu, suzhou)
	}
	// Both agree with the command line.
	if want := expected(t, []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-06"}],"plan":{"region":"510100","scheme":"employee","payOn":"2026-12-05"}}`)); want.Months != chengdu.Months {
		t.Errorf("成都: page %+v, yibao eval %+v", chengdu, want)
	}
	if want := expected(t, []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-06"}],"plan":{"region":"320500","scheme":"employee","payOn":"2026-12-05"}}`)); want != suzhou {
		t.Errorf("苏州: page %+v, yibao eval %+v", suzhou, want)
	}
}

// The deadlines download as an .ics file made in the browser (no request
// leaves the origin: the recorder allows only blob: besides the origin).
func TestDeadlinesCalendarDownload(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	dir := t.TempDir()
	if _, err := chromedp.Call(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	input := []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-10"}],
		"plan":{"region":"510100","scheme":"resident","payOn":"2026-12-05"}}`)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `document.querySelectorAll("#deadlines li").length >= 2`)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("add-to-calendar")))
	file := filepath.Join(dir, "yibao-deadlines.ics")
	deadline := time.Now().Add(15 * time.Second)
	for {
		data, err := os.ReadFile(file)
		if err == nil && strings.Contains(string(data), "END:VCALENDAR") {
			ics := string(data)
			for _, want := range []string{"DTSTART;VALUE=DATE:20270228", "DTSTART;VALUE=DATE:20261231", "TRIGGER:-P3D"} {
				if !strings.Contains(ics, want) {
					t.Errorf("calendar lacks %s:\n%s", want, ics)
				}
			}
			return
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no calendar downloaded (%v): %v", err, entries)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Inside WeChat, which opens no .ics file, the deadlines come as a text to
// copy, with the way to a browser.
func TestDeadlinesInWeChat(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	const ua = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0 Mobile Safari/537.36 XWEB/1300 MMWEBSDK/20240301 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"
	if _, err := chromedp.Call(b.ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua}); err != nil {
		t.Fatal(err)
	}
	input := []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-10"}],
		"plan":{"region":"510100","scheme":"resident","payOn":"2026-12-05"}}`)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `document.getElementById("reminder-text") !== null`)
	if eval[bool](t, b, `document.getElementById("add-to-calendar") !== null`) {
		t.Errorf("WeChat is offered an .ics file")
	}
	text := eval[string](t, b, `document.getElementById("reminder-text").value`)
	for _, want := range []string{"2026年12月31日", "2027年2月28日"} {
		if !strings.Contains(text, want) {
			t.Errorf("reminder text lacks %s: %q", want, text)
		}
	}
	if hint := eval[string](t, b, `document.querySelector("#deadlines .reminder").innerText`); !strings.Contains(hint, "在浏览器中打开") {
		t.Errorf("no way out to a browser: %q", hint)
	}
}
