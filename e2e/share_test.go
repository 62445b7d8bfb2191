//go:build browser

package e2e

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	goqr "github.com/piglig/go-qr"
)

// TestShareLinksMatchCLI opens the contract's #input= link for every input
// in testdata/share and checks that the three cards carry what `yibao eval`
// answers for the same input.
func TestShareLinksMatchCLI(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "share", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) < 10 {
		t.Fatalf("only %d share inputs: want at least 10", len(files))
	}
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	for _, f := range files {
		input := readAll(t, f)
		want := expected(t, input)
		// about:blank first: a link that differs only by its fragment would
		// not load the page again.
		b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(shareURL(srv.URL, input)))
		b.waitComputed(t)
		got := b.cards(t)
		if got != want {
			t.Errorf("%s: cards %+v, yibao eval %+v", filepath.Base(f), got, want)
		} else {
			t.Logf("%s: %+v", filepath.Base(f), got)
		}
		// The link's input is what the page now holds (and saves).
		b.waitSaved(t, input)
	}
}

// TestAddressCarriesTheInput: the address keeps the current input as a
// share link once the person pauses (WeChat's 发送给朋友 sends the address),
// a reload of it changes nothing and offers nothing back, and 清空 empties it.
func TestAddressCarriesTheInput(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.waitSaved(t, input)
	addressInput := `(() => { const h = location.hash; if (!h.startsWith("#input=")) return ""; const b = h.slice(7).replace(/-/g, "+").replace(/_/g, "/"); return new TextDecoder().decode(Uint8Array.from(atob(b), c => c.charCodeAt(0))); })()`
	b.poll(t, 10*time.Second, addressInput+` !== ""`)
	if got := eval[string](t, b, addressInput); !jsonEqual([]byte(got), input) {
		t.Errorf("the address carries %s, want %s", got, input)
	}
	if note := eval[string](t, b, `(document.getElementById("address-note") || {}).textContent || ""`); !strings.Contains(note, "网址带着你填写的内容") {
		t.Errorf("the page does not say that its address carries the data: %q", note)
	}
	// A tap on the summary goes to the answer and keeps the address.
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`), chromedp.Click(chromedp.CSS("#summary a")))
	b.poll(t, 5*time.Second, `document.activeElement !== null && document.activeElement.id === "coverage-h"`)
	if got := eval[string](t, b, addressInput); !jsonEqual([]byte(got), input) {
		t.Errorf("after a tap on the summary the address carries %q, want the input", got)
	}
	// An edit: the address follows once the person pauses, and so does the
	// timeline (drawn after a pause, not at each key): it now starts in 2018.
	if eval[bool](t, b, `document.querySelector("#timeline svg").textContent.includes("2018")`) {
		t.Fatal("the timeline shows 2018 before the edit")
	}
	b.do(t, 10*time.Second, typeInto("#enr-0-from", "2018-01"))
	b.poll(t, 10*time.Second, addressInput+`.includes('"from":"2018-01"')`)
	b.poll(t, 10*time.Second, `document.querySelector("#timeline svg").textContent.includes("2018")`)
	saved := eval[string](t, b, savedDocJS("yibao.input"))
	// A reload of that address is the same data: nothing is set aside.
	b.reload(t)
	b.waitComputed(t)
	if got := eval[string](t, b, savedDocJS("yibao.input")); !jsonEqual([]byte(got), []byte(saved)) {
		t.Errorf("after a reload of the address the saved input is %s, want %s", got, saved)
	}
	if kept := eval[bool](t, b, `localStorage.getItem("yibao.input.beforeLink") !== null`); kept {
		t.Errorf("reloading the page's own address set the saved data aside as if another link replaced it")
	}
	// 清空 empties the address too.
	b.do(t, 10*time.Second, domQuiet(), chromedp.Click(chromedp.ID("clear")))
	b.poll(t, 10*time.Second, `location.hash === ""`)
}

// TestResultImage: the result image is made on the device as an <img> to
// long-press (WeChat), with the answers as its text alternative and a QR
// code that reads back as the share link.
func TestResultImage(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	b.do(t, 60*time.Second,
		phone(),
		chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	b.waitSaved(t, input)
	b.do(t, 10*time.Second, domQuiet(), chromedp.Click(chromedp.ID("make-image")))
	b.poll(t, 20*time.Second, `(e => e !== null && e.src.startsWith("data:image/png;base64,") && e.complete && e.naturalWidth > 0)(document.getElementById("result-image"))`)
	src := eval[string](t, b, `document.getElementById("result-image").src`)
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, "data:image/png;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the image is not a PNG: %v", err)
	}
	artifact(t, "result-image.png", data)
	if w := img.Bounds().Dx(); w != 750 {
		t.Errorf("image %d px wide, want 750", w)
	}
	link, err := goqr.Decode(img)
	if err != nil {
		t.Fatalf("the QR code does not read: %v", err)
	}
	if want := shareURL(srv.URL, input); !strings.HasPrefix(link, srv.URL+"/#input=") {
		t.Errorf("the QR code reads %q, want a share link like %q", link, want)
	}
	frag, _ := strings.CutPrefix(link, srv.URL+"/#input=")
	got, err := base64.RawURLEncoding.DecodeString(frag)
	if err != nil || !jsonEqual(got, input) {
		t.Errorf("the QR code's link carries %s (%v), want %s", got, err, input)
	}
	alt := eval[string](t, b, `document.getElementById("result-image").alt`)
	for _, want := range []string{"能报销吗", "待遇等待期", "重复参保", "仅供参考"} {
		if !strings.Contains(alt, want) {
			t.Errorf("the image's text alternative lacks %s: %q", want, alt)
		}
	}
	// An edit makes the image stale: it goes.
	b.do(t, 10*time.Second, typeInto("#enr-0-from", "2018-01"))
	b.poll(t, 10*time.Second, `document.getElementById("result-image") === null`)
}
