//go:build browser

package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// beforeEveryPage runs a script in every document the browser loads from
// now on, before the page's own scripts.
func beforeEveryPage(t *testing.T, b *browser, src string) {
	t.Helper()
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
}

// setSaved writes a raw value into the page's local storage (JSON's null
// removes it).
func setSaved(t *testing.T, b *browser, key string, raw *string) {
	t.Helper()
	if raw == nil {
		b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`localStorage.removeItem(`+jsString(key)+`)`))
		return
	}
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`localStorage.setItem(`+jsString(key)+`, `+jsString(*raw)+`)`))
}

// savedInput is the input saved under key, "" if none.
func savedInput(t *testing.T, b *browser, key string) string {
	t.Helper()
	return eval[string](t, b, savedDocJS(key))
}

// mine is a person's own saved input, in the format before versioning (no
// "v"), which the app must still read.
var mine = []byte(`{"asOf":"2026-11-22","enrollments":[{"id":"mine","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06"}]}`)

// F2: where reading window.localStorage throws, both pages still compute,
// and the calculator says, once, that nothing is saved.
func TestBlockedStorage(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	beforeEveryPage(t, b, `Object.defineProperty(window, "localStorage", { configurable: true,
		get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", "SecurityError"); } });`)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `(document.getElementById("storage-notice") || { textContent: "" }).textContent.includes("本浏览器禁止本地存储，填写的内容不会保存")`)
	// The form works, in memory.
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-0-region")))
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("storage-notice-ok")))
	b.poll(t, 10*time.Second, `document.getElementById("storage-notice") === null`)
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-1-region")))
	time.Sleep(saveSettles)
	if eval[bool](t, b, `document.getElementById("storage-notice") !== null`) {
		t.Errorf("the notice came back after it was dismissed")
	}

	b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(srv.URL+"/embed?region=440300"))
	b.waitComputed(t)
}

// F9: a save the browser refuses (quota full) is told once.
func TestRefusedSave(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	beforeEveryPage(t, b, `(() => { const set = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (String(k).startsWith("yibao.input")) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
			return set.call(this, k, v);
		}; })();`)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	if eval[bool](t, b, `document.getElementById("storage-notice") !== null`) {
		t.Fatalf("a notice before anything was saved")
	}
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-0-region")))
	b.poll(t, 10*time.Second, `(document.getElementById("storage-notice") || { textContent: "" }).textContent.includes("无法保存到本机")`)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("storage-notice-ok")))
	b.poll(t, 10*time.Second, `document.getElementById("storage-notice") === null`)
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-1-region")))
	time.Sleep(saveSettles)
	if eval[bool](t, b, `document.getElementById("storage-notice") !== null`) {
		t.Errorf("the notice came back after it was dismissed")
	}
}

// F3: a share link does not erase the saved input: it is kept aside and
// offered back; a link that is not an input object is refused.
func TestLinkKeepsSavedData(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	setSaved(t, b, "yibao.input", oldFormat(mine))
	wantMine := expected(t, mine)

	// JSON null, an array: "the link could not be read", the saved input
	// stays and shows.
	for _, frag := range []string{"bnVsbA", "W10"} {
		b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(srv.URL+"/#input="+frag))
		b.waitComputed(t)
		b.poll(t, 10*time.Second, `[...document.querySelectorAll(".error")].some(e => e.textContent.includes("这个链接里的信息无法读取"))`)
		waitCards(t, b, wantMine)
		if got := savedInput(t, b, "yibao.input"); !jsonEqual([]byte(got), mine) {
			t.Fatalf("#input=%s: saved %s, want %s", frag, got, mine)
		}
	}

	// Someone else's link: shown and saved, what was saved kept aside.
	link := readAll(t, filepath.Join("testdata", "share", firstShare(t)))
	b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(shareURL(srv.URL, link)))
	b.waitComputed(t)
	b.waitSaved(t, link)
	b.poll(t, 10*time.Second, `(document.getElementById("link-notice") || { textContent: "" }).textContent.includes("已另存")`)
	b.waitSavedAt(t, "yibao.input.beforeLink", mine)
	// Still offered after a reload, until used.
	b.reload(t)
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `document.getElementById("restore-saved") !== null`)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("restore-saved")))
	waitCards(t, b, wantMine)
	b.waitSavedAt(t, "yibao.input", mine)
	b.poll(t, 10*time.Second, `localStorage.getItem("yibao.input.beforeLink") === null && document.getElementById("link-notice") === null`)

	// The same link as what is saved: nothing to keep, nothing said.
	setSaved(t, b, "yibao.input", oldFormat(link))
	b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Navigate(shareURL(srv.URL, link)))
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `(JSON.parse(localStorage.getItem("yibao.input")) || {}).v === 2`)
	if eval[bool](t, b, `document.getElementById("link-notice") !== null || localStorage.getItem("yibao.input.beforeLink") !== null`) {
		t.Errorf("a link equal to the saved input was kept aside")
	}

	// A link pasted into the address bar of the open page (a fragment
	// change: go-app's OnNav) keeps the saved input aside too.
	setSaved(t, b, "yibao.input", oldFormat(mine))
	b.reload(t)
	b.waitComputed(t)
	waitCards(t, b, wantMine)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, link)))
	b.waitSaved(t, link)
	b.waitSavedAt(t, "yibao.input.beforeLink", mine)
	b.poll(t, 10*time.Second, `document.getElementById("restore-saved") !== null`)
}

// firstShare names the first share input of testdata/share.
func firstShare(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "share", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no share inputs: %v", err)
	}
	return filepath.Base(files[0])
}

// F9: saved data the app cannot read is kept, verbatim, and told about;
// the first edit does not destroy it.
func TestUnreadableSavedData(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	for _, raw := range []string{`{not json`, `null`, `{"input":123}`, `{"v":99,"input":"{}"}`, `{"input":"null"}`} {
		setSaved(t, b, "yibao.input", &raw)
		setSaved(t, b, "yibao.input.unreadable", nil)
		b.reload(t)
		b.waitComputed(t)
		b.poll(t, 10*time.Second, `(document.getElementById("unreadable-notice") || { textContent: "" }).textContent.includes("无法读取")`)
		b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-0-region")))
		b.poll(t, 10*time.Second, `(JSON.parse(localStorage.getItem("yibao.input")) || {}).v === 2`)
		if got := eval[string](t, b, `localStorage.getItem("yibao.input.unreadable")`); got != raw {
			t.Errorf("kept %q, want %q", got, raw)
		}
	}
}

// F17: the undo of 清空 survives the next tap and a reload, until used or
// dismissed.
func TestUndoClearSurvives(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	setSaved(t, b, "yibao.input", oldFormat(mine))
	b.reload(t)
	b.waitComputed(t)
	want := expected(t, mine)
	waitCards(t, b, want)

	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("clear")), chromedp.WaitVisible(chromedp.ID("undo")))
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-0-region")))
	if !eval[bool](t, b, `document.getElementById("undo") !== null`) {
		t.Fatalf("the undo button is gone after the next tap")
	}
	// The form holds an incomplete row now: no answer to wait for.
	b.reload(t)
	b.poll(t, 60*time.Second, `document.getElementById("undo") !== null`)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("undo")))
	waitCards(t, b, want)
	b.waitSavedAt(t, "yibao.input", mine)
	b.poll(t, 10*time.Second, `localStorage.getItem("yibao.input.undo") === null && document.getElementById("undo") === null`)

	// Dismissed: gone for good.
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("clear")), chromedp.WaitVisible(chromedp.ID("undo-dismiss")))
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("undo-dismiss")))
	b.poll(t, 10*time.Second, `document.getElementById("undo") === null && localStorage.getItem("yibao.input.undo") === null`)
	b.reload(t)
	b.waitComputed(t)
	if eval[bool](t, b, `document.getElementById("undo") !== null`) {
		t.Errorf("a dismissed undo came back after a reload")
	}
}

// F10: a tab is told when another tab changed the saved input, and can
// load it.
func TestTwoTabs(t *testing.T) {
	srv := startServer(t, webDir, "")
	a := newBrowser(t, srv.URL)
	a.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	a.waitComputed(t)
	setSaved(t, a, "yibao.input", oldFormat(mine))
	a.reload(t)
	a.waitComputed(t)

	ctx, cancel := chromedp.NewContext(a.ctx) // a second tab, same profile
	defer cancel()
	b := &browser{ctx: ctx, origin: a.origin}
	// A tab in the background gets no animation frames (go-app renders in
	// them): the tab acted on comes to the front.
	front := func(x *browser) {
		t.Helper()
		if _, err := chromedp.Call(x.ctx, page.BringToFront, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
	}
	front(b)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `document.querySelectorAll(".enrollment").length === 1`)
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-1-region")))

	front(a)
	a.poll(t, 20*time.Second, `(document.getElementById("other-tab-notice") || { textContent: "" }).textContent.includes("已在另一个标签页修改")`)
	a.do(t, 10*time.Second, chromedp.Click(chromedp.ID("load-other-tab")))
	a.poll(t, 10*time.Second, `document.querySelectorAll(".enrollment").length === 2 && document.getElementById("other-tab-notice") === null`)

	// Keeping this tab's data saves it over the other's.
	front(b)
	b.do(t, 20*time.Second, chromedp.Click(chromedp.ID("add-enrollment")), chromedp.WaitVisible(chromedp.ID("enr-2-region")))
	front(a)
	a.poll(t, 20*time.Second, `document.getElementById("keep-this-tab") !== null`)
	a.do(t, 10*time.Second, chromedp.Click(chromedp.ID("keep-this-tab")))
	a.poll(t, 10*time.Second, `JSON.parse(`+savedDocJS("yibao.input")+`).enrollments.length === 2`)
	front(b)
	b.poll(t, 20*time.Second, `document.getElementById("other-tab-notice") !== null`)
}

// F15: a first load that fails says so in the page's language, with a
// retry button that loads the app.
func TestFailedLoadRetry(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	block := func(on bool) {
		if _, err := chromedp.Call(b.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: srv.URL + "/web/app.wasm", Block: on}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	block(true)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.poll(t, 60*time.Second, `document.getElementById("app-wasm-retry") !== null`)
	if got := eval[string](t, b, `document.getElementById("app-wasm-loader-label").textContent`); !strings.Contains(got, "计算器没能加载完成") || strings.Contains(got, "TypeError") {
		t.Errorf("the loader says %q", got)
	}
	block(false)
	b.do(t, 60*time.Second, chromedp.Click(chromedp.ID("app-wasm-retry")))
	b.waitComputed(t)
}

// oldFormat is a saved value in the format before versioning.
func oldFormat(input []byte) *string {
	var v any
	if err := json.Unmarshal(input, &v); err != nil {
		panic(err)
	}
	compact, _ := json.Marshal(v)
	quoted, _ := json.Marshal(string(compact))
	s := `{"input":` + string(quoted) + `,"asOfAuto":false}`
	return &s
}

// saveSettles is how long a test waits for a save that an edit leaves
// for later (app/ui's savePause, 30 ms, after the edit's answer), before it
// looks at what the save did, or that none came.
const saveSettles = 300 * time.Millisecond

// waitSavedAt waits until the input saved under key equals input.
func (b *browser) waitSavedAt(t *testing.T, key string, input []byte) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		saved := savedInput(t, b, key)
		if jsonEqual([]byte(saved), input) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s holds %s, want %s", key, saved, input)
		}
	}
}

// TestHouseholdSideBySide: 我 and 宝宝 each keep their own calculation on
// the device; turning between them, reloading and removing one lose
// nothing of the other.
func TestHouseholdSideBySide(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	mine := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	b.do(t, 60*time.Second,
		phone(),
		chromedp.Navigate(shareURL(srv.URL, mine)))
	b.waitComputed(t)
	b.waitSaved(t, mine)
	want := expected(t, mine)
	savedInput := savedDocJS("yibao.input")
	// Add 宝宝: a blank form, with the life events.
	b.do(t, 10*time.Second, domQuiet(), chromedp.Click(chromedp.ID("person-add")), chromedp.WaitVisible(chromedp.ID("person-new-0")),
		domQuiet(), chromedp.Click(chromedp.ID("person-new-0")))
	b.poll(t, 10*time.Second, `document.getElementById("event-baby") !== null && document.getElementById("person-1").getAttribute("aria-pressed") === "true"`)
	// 宝宝's calculation, from the life event.
	runSteps(t, b, "baby", []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.ID("event-baby")),
		settled(focusedInView("ev-birth")),
		chromedp.SendKeys(chromedp.ID("ev-birth"), "2026-09-10"),
		next(focusedInView("ev-region")),
		pickRegion("ev-region", "武汉", "武汉市"),
		next(`document.getElementById("ev-paid-no") !== null`),
		choose("ev-paid-no"),
		next(focusedInView("ev-payOn")),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
	})
	b.waitComputed(t)
	b.poll(t, 10*time.Second, savedInput+`.includes('"newborn"')`)
	baby := eval[string](t, b, savedInput)
	// Back to 我: my calculation, as it was.
	b.do(t, 10*time.Second, domQuiet(), chromedp.Click(chromedp.ID("person-0")))
	b.poll(t, 10*time.Second, `document.getElementById("person-0").getAttribute("aria-pressed") === "true"`)
	waitCards(t, b, want)
	if got := eval[string](t, b, savedInput); !jsonEqual([]byte(got), mine) {
		t.Errorf("我 after turning back: %s, want %s", got, mine)
	}
	// A reload keeps both and who is on the screen; 宝宝's is there too.
	b.reload(t)
	b.waitComputed(t)
	waitCards(t, b, want)
	b.do(t, 10*time.Second, domQuiet(), chromedp.Click(chromedp.ID("person-1")))
	b.poll(t, 10*time.Second, `document.getElementById("person-1").getAttribute("aria-pressed") === "true"`)
	if got := eval[string](t, b, savedInput); !jsonEqual([]byte(got), []byte(baby)) {
		t.Errorf("宝宝 after a reload: %s, want %s", got, baby)
	}
	waitCards(t, b, expected(t, []byte(baby)))
	// Remove 宝宝 (asked first): 我 comes back, alone.
	b.do(t, 10*time.Second, domQuiet(), chromedp.Click(chromedp.ID("person-remove")), chromedp.WaitVisible(chromedp.ID("person-remove-yes")),
		domQuiet(), chromedp.Click(chromedp.ID("person-remove-yes")))
	b.poll(t, 10*time.Second, `document.getElementById("person-1") === null && document.getElementById("person-0").getAttribute("aria-pressed") === "true"`)
	waitCards(t, b, want)
}
