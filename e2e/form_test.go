//go:build browser

package e2e

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// typeInto replaces the text of a field by typing, as a person would, and
// waits for the page to settle: the answers, and the field's own error
// while the text was incomplete, move what lies below, and a click aimed
// at once would land where a button was.
func typeInto(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector(`+jsString(sel)+`).select()`),
		chromedp.SendKeys(chromedp.CSS(sel), kb.Delete+text),
		domQuiet(),
	)
}

// domQuiet waits until the document has not changed for 150 ms.
func domQuiet() chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`new Promise(resolve => {
		const done = () => { o.disconnect(); resolve(true); };
		let t = setTimeout(done, 150);
		const o = new MutationObserver(() => { clearTimeout(t); t = setTimeout(done, 150); });
		o.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
	})`, chromedp.EvalAwaitPromise)
}

func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// TestTypeRestoreShareClear fills the form by typing, checks the answer
// against `yibao eval`, reloads and finds the data again, shares it, and
// clears it (with undo).
func TestTypeRestoreShareClear(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	// A fresh blank form shows no verdict before anything is typed: the
	// summary says what to do first, and no card claims an answer.
	if awaiting := eval[bool](t, b, `document.querySelector('#summary[data-awaiting="true"]') !== null && document.querySelectorAll('[data-computed="true"]').length === 0 && !document.body.textContent.includes("现在不能报销")`); !awaiting {
		t.Errorf("the fresh blank form shows a verdict: %q", eval[string](t, b, `document.getElementById("summary").textContent`))
	}

	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.ID("add-enrollment")),
		chromedp.WaitVisible(chromedp.ID("enr-0-region")),
		settled(focusedInView("enr-0-region")), // adding a row moves the focus to it
		chromedp.SendKeys(chromedp.ID("enr-0-region"), "深圳"),
		chromedp.WaitVisible(chromedp.ID("enr-0-region-opt-0")),
		chromedp.SendKeys(chromedp.ID("enr-0-region"), kb.Enter),
		settled(`document.getElementById("enr-0-region").value.startsWith("深圳市")`),
		typeInto("#enr-0-from", "2019.3"), // read as 2019-03
		typeInto("#enr-0-to", "2024-06"),
		chromedp.Click(chromedp.ID("add-enrollment")),
		chromedp.WaitVisible(chromedp.ID("enr-1-region")),
		// The new row carries the region over, selected: typing replaces it.
		settled(focusedInView("enr-1-region") + ` && (e => e.value.startsWith("深圳市") && e.selectionStart === 0 && e.selectionEnd === e.value.length)(document.getElementById("enr-1-region"))`),
		chromedp.SendKeys(chromedp.ID("enr-1-region"), "nc"), // pinyin initials
		chromedp.WaitVisible(chromedp.ID("enr-1-region-opt-0")),
		chromedp.SendKeys(chromedp.ID("enr-1-region"), kb.Enter),
		settled(`document.getElementById("enr-1-region").value.startsWith("南昌市")`),
		chromedp.Click(chromedp.CSS(`label[for="enr-1-scheme-resident"]`)),
		chromedp.WaitVisible(chromedp.ID("enr-1-paidOn")),
		typeInto("#enr-1-from", "2025-01"),
		typeInto("#enr-1-to", "2025-12"),
		typeInto("#enr-1-paidOn", "20241120"),
		typeInto("#asOf", "2026-11-22"),
		chromedp.SendKeys(chromedp.ID("asOf"), kb.Tab),
	}
	for i, step := range steps {
		ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
		err := chromedp.Do(ctx, step)
		cancel()
		if err != nil {
			b.fail(t, "filling the form, step %d: %v", i, err)
		}
	}
	input := []byte(`{"asOf":"2026-11-22","enrollments":[
		{"id":"e1","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06"},
		{"id":"e2","region":"360100","scheme":"resident","from":"2025-01","to":"2025-12","paidOn":"2024-11-20"}]}`)
	want := expected(t, input)
	b.waitComputed(t)
	// Wait for the typed answer, not the one of an earlier keystroke.
	waitCards(t, b, want)
	b.waitSavedAt(t, "yibao.input", input) // saved in the task after the answer's
	if v := eval[string](t, b, `document.getElementById("enr-0-from").value`); v != "2019-03" {
		t.Errorf("from field after leaving it: %q, want 2019-03", v)
	}

	// Reload: the data and the answer come back.
	b.reload(t)
	b.waitComputed(t)
	if got := b.cards(t); got != want {
		t.Errorf("after reload: cards %+v, want %+v", got, want)
	}
	for sel, v := range map[string]string{
		"#enr-0-from": "2019-03", "#enr-0-to": "2024-06", "#enr-1-paidOn": "2024-11-20", "#asOf": "2026-11-22",
	} {
		// The boxes take their text just after the render that computed
		// the cards: wait for it rather than read once.
		_ = chromedp.Do(b.ctx, settled(`document.querySelector(`+jsString(sel)+`).value === `+jsString(v)))
		if got := eval[string](t, b, `document.querySelector(`+jsString(sel)+`).value`); got != v {
			t.Errorf("after reload %s = %q, want %q", sel, got, v)
		}
	}
	if got := eval[string](t, b, `document.getElementById("enr-0-region").value`); !strings.HasPrefix(got, "深圳市") {
		t.Errorf("after reload the region shows %q, want 深圳市…", got)
	}

	// Share: the link carries the same input.
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("share")), chromedp.WaitVisible(chromedp.ID("share-url")))
	link := eval[string](t, b, `document.getElementById("share-url").value`)
	if !strings.HasPrefix(link, srv.URL+"/#input=") {
		t.Fatalf("share link %q", link)
	}
	if strings.Contains(link, "=") && strings.HasSuffix(link, "=") {
		t.Errorf("share link has base64 padding: %q", link)
	}
	b.do(t, 60*time.Second, chromedp.Navigate("about:blank"), chromedp.Evaluate[chromedp.Void](`0`))
	b.do(t, 60*time.Second, chromedp.Navigate(link))
	b.waitComputed(t)
	if got := b.cards(t); got != want {
		t.Errorf("from the share link: cards %+v, want %+v", got, want)
	}

	// A slow phone typing fast loses no character (go-app handles events
	// late; the text boxes never have their text rewritten while focused).
	if _, err := chromedp.Call(b.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 8}); err != nil {
		t.Fatal(err)
	}
	b.do(t, 30*time.Second, typeInto("#enr-1-to", "2025-11"), typeInto("#enr-0-from", "2018年12月"),
		chromedp.SendKeys(chromedp.ID("enr-0-from"), kb.Tab))
	b.poll(t, 20*time.Second, `document.getElementById("enr-0-from").value === "2018-12" && document.getElementById("enr-1-to").value === "2025-11"`)
	if _, err := chromedp.Call(b.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 1}); err != nil {
		t.Fatal(err)
	}
	b.poll(t, 20*time.Second, `(() => { const d = JSON.parse(`+savedDocJS("yibao.input")+`);
		return d.enrollments[0].from === "2018-12" && d.enrollments[1].to === "2025-11"; })()`)
	b.do(t, 30*time.Second, typeInto("#enr-1-to", "2025-12"), typeInto("#enr-0-from", "2019-03"),
		chromedp.SendKeys(chromedp.ID("enr-0-from"), kb.Tab))
	waitCards(t, b, want)

	// Clear, then undo.
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("clear")), chromedp.WaitVisible(chromedp.ID("undo")))
	if n := eval[int](t, b, `document.querySelectorAll(".enrollment").length`); n != 0 {
		t.Errorf("after clear: %d enrollments", n)
	}
	time.Sleep(saveSettles) // none may follow 清空
	if v := eval[bool](t, b, `localStorage.getItem("yibao.input") === null`); !v {
		t.Errorf("after clear the input is still saved")
	}
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("undo")))
	waitCards(t, b, want)
}

// focusedInView is a JavaScript expression: the element with this id has
// the focus and lies inside the window (to the pixel: the browser may
// scroll it to a fraction of one past the edge).
func focusedInView(id string) string {
	return `(e => e !== null && document.activeElement === e && (r => r.top >= 0 && r.bottom <= innerHeight + 1)(e.getBoundingClientRect()))(document.getElementById(` + jsString(id) + `))`
}

// settled waits until the page shows what the last action did, as a person
// looks before tapping again (on a busy machine the page can lag behind).
func settled(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))
}

// waitCards waits until the cards say want (or fails with what they say).
func waitCards(t *testing.T, b *browser, want cards) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := b.cards(t)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("cards %+v, want %+v", got, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestQuickEditsKeepEachOther: go-app handles every event that arrives
// between two frames before it renders again. Edits made then, in one row,
// in another row, in the person and in the plan, all stay: none is undone
// by the next, whose editor has not rendered the first yet.
func TestQuickEditsKeepEachOther(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, readAll(t, "testdata/share/01_contract_example.json"))))
	b.waitComputed(t)
	// One task of the page: no frame comes between the events.
	b.do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`(() => {
		const edit = (id, text) => {
			const e = document.getElementById(id);
			e.value = text;
			e.dispatchEvent(new Event("input", { bubbles: true }));
			e.dispatchEvent(new Event("change", { bubbles: true }));
		};
		edit("enr-0-from", "2018.1");
		edit("enr-0-to", "2024-05");
		edit("enr-1-to", "2025-11");
		edit("person-birthDate", "1985.7.9");
		edit("plan-payOn", "2026-12-06");
	})()`))
	want := []byte(`{"asOf":"2026-11-22","person":{"birthDate":"1985-07-09","residence":"310000","workRegion":"310000"},
		"enrollments":[{"id":"sz","region":"440300","scheme":"employee","from":"2018-01","to":"2024-05"},
			{"id":"home","region":"360100","scheme":"resident","from":"2025-01","to":"2025-11","paidOn":"2024-11-20"}],
		"plan":{"region":"310000","scheme":"resident","payOn":"2026-12-06"}}`)
	b.waitSaved(t, want)
	// The boxes show the edits once the page has rendered them.
	b.poll(t, 10*time.Second, `[["enr-0-from", "2018-01"], ["enr-0-to", "2024-05"], ["enr-1-to", "2025-11"], ["person-birthDate", "1985-07-09"], ["plan-payOn", "2026-12-06"]]
		.every(([id, v]) => document.getElementById(id).value === v)`)
	waitCards(t, b, expected(t, want))
}

// TestEmbedAddAndRemoveRows: in the embed, adding a row moves the focus
// to its first month, filled in after the row before; the rows before keep
// what they show. Removing the first row shows the second in its place
// (go-app reuses the first row's boxes for it) with nothing of the first.
func TestEmbedAddAndRemoveRows(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(srv.URL+"/embed?region=440300&scheme=employee"))
	b.waitComputed(t)
	b.do(t, 30*time.Second,
		chromedp.Click(chromedp.ID("add-enrollment")),
		settled(focusedInView("enr-0-from")+` && document.getElementById("enr-0-region").value.startsWith("深圳市")`),
		typeInto("#enr-0-from", "2020-01"),
		typeInto("#enr-0-to", "2024-12"),
		chromedp.Click(chromedp.ID("add-enrollment")),
		settled(focusedInView("enr-1-from")+` && document.getElementById("enr-1-from").value === "2025-01"`),
	)
	values := func(ids ...string) []string {
		t.Helper()
		return eval[[]string](t, b, `[`+strings.Join(ids, ",")+`].map(id => document.getElementById(id).value)`)
	}
	if got, want := values(`"enr-0-from"`, `"enr-0-to"`, `"enr-1-to"`), []string{"2020-01", "2024-12", ""}; !slices.Equal(got, want) {
		t.Errorf("after adding a row: %q, want %q", got, want)
	}
	if got := values(`"enr-0-region"`, `"enr-1-region"`); !strings.HasPrefix(got[0], "深圳市") || !strings.HasPrefix(got[1], "深圳市") {
		t.Errorf("after adding a row the regions show %q, want 深圳市… twice", got)
	}
	b.do(t, 30*time.Second,
		chromedp.Focus(chromedp.ID("enr-1-region")),
		chromedp.SendKeys(chromedp.ID("enr-1-region"), "nc"),
		chromedp.WaitVisible(chromedp.ID("enr-1-region-opt-0")),
		chromedp.SendKeys(chromedp.ID("enr-1-region"), kb.Enter),
		settled(`document.getElementById("enr-1-region").value.startsWith("南昌市")`),
		chromedp.Click(chromedp.CSS(`#enrollment-0 .remove`)),
		settled(`document.querySelectorAll(".enrollment").length === 1`),
		domQuiet(),
	)
	if got := values(`"enr-0-region"`); !strings.HasPrefix(got[0], "南昌市") {
		t.Errorf("after removing the first row the region shows %q, want 南昌市…", got[0])
	}
	if got, want := values(`"enr-0-from"`, `"enr-0-to"`), []string{"2025-01", ""}; !slices.Equal(got, want) {
		t.Errorf("after removing the first row: %q, want %q", got, want)
	}
	// 删除 says what it removed, with the focus on 撤销, which puts the row
	// back where it was; the next edit ends the offer.
	b.poll(t, 10*time.Second, `document.activeElement !== null && document.activeElement.id === "undo-remove" &&
		document.getElementById("removed-note").textContent.includes("#1 深圳市 职工医保 2020-01")`)
	b.do(t, 30*time.Second,
		chromedp.Click(chromedp.ID("undo-remove")),
		settled(`document.querySelectorAll(".enrollment").length === 2 && document.getElementById("removed-note") === null`),
		domQuiet(),
	)
	if got, want := values(`"enr-0-from"`, `"enr-0-to"`, `"enr-1-from"`), []string{"2020-01", "2024-12", "2025-01"}; !slices.Equal(got, want) {
		t.Errorf("after 撤销: %q, want %q", got, want)
	}
	b.poll(t, 10*time.Second, focusedInView("enr-0-region"))
	b.do(t, 30*time.Second,
		chromedp.Click(chromedp.CSS(`#enrollment-1 .remove`)),
		settled(`document.getElementById("removed-note") !== null`),
		typeInto("#enr-0-to", "2024-11"),
		settled(`document.getElementById("removed-note") === null`),
	)
}

// TestStaleWhileTyping: while a month is half typed the cards keep the
// last answer, greyed and without data-computed, and the summary says so;
// completing the month answers again.
func TestStaleWhileTyping(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second, chromedp.Navigate(shareURL(srv.URL, readAll(t, "testdata/share/01_contract_example.json"))))
	b.waitComputed(t)
	headline := `document.querySelector("#waiting .headline").textContent`
	before := eval[string](t, b, headline)
	b.do(t, 10*time.Second,
		chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById("enr-0-to"); e.focus(); e.setSelectionRange(e.value.length, e.value.length); })()`),
		chromedp.KeyEvent(kb.Backspace),
	)
	b.poll(t, 10*time.Second, `document.querySelectorAll(".result.stale").length === 4`)
	if n := eval[int](t, b, `document.querySelectorAll('[data-computed="true"]').length`); n != 0 {
		t.Errorf("%d cards still say data-computed while the input is incomplete", n)
	}
	if got := eval[string](t, b, headline); got != before {
		t.Errorf("the stale card shows %q, want the last answer %q", got, before)
	}
	if s := eval[string](t, b, `document.getElementById("summary").textContent`); !strings.Contains(s, "修改前的结果") {
		t.Errorf("summary %q does not say the answers are from before the change", s)
	}
	b.do(t, 10*time.Second, chromedp.KeyEvent("6"))
	b.waitComputed(t)
	if n := eval[int](t, b, `document.querySelectorAll(".result.stale").length`); n != 0 {
		t.Errorf("%d cards still stale after the month was completed", n)
	}
}

// TestPayDayPassed opens a plan whose pay day is before the answer's date
// (a life event answered on an earlier day): the checklist dates nothing
// in the past, and one tap moves the payment to the answer's day.
func TestPayDayPassed(t *testing.T) {
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	input := []byte(`{"asOf":"2026-10-11","enrollments":[{"id":"e1","region":"330100","scheme":"employee","kind":"flexible","from":"2021-01","to":"2026-05"}],"plan":{"region":"330100","scheme":"employee","kind":"flexible","payOn":"2026-10-10"}}`)
	b.do(t, 60*time.Second, phone(), chromedp.Navigate(shareURL(srv.URL, input)))
	b.waitComputed(t)
	if steps := eval[string](t, b, `document.getElementById("next-steps").textContent`); !strings.Contains(steps, "已经过去了") || strings.Contains(steps, "2026年10月10日：") {
		t.Fatalf("the checklist of a passed pay day: %s", steps)
	}
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("plan-pay-today")))
	b.poll(t, 10*time.Second, `document.getElementById("next-steps").textContent.includes("2026年10月11日：在杭州市缴纳") && document.querySelector("#next-steps .todo-passed") === null`)
	waitCards(t, b, expected(t, []byte(strings.Replace(string(input), `"payOn":"2026-10-10"`, `"payOn":"2026-10-11"`, 1))))
}
