//go:build browser

package e2e

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// lifeEventSteps are the taps and keys of one life event's questions.
func runSteps(t *testing.T, b *browser, what string, steps []chromedp.Action[chromedp.Void]) {
	t.Helper()
	for i, step := range steps {
		ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
		err := chromedp.Do(ctx, step)
		cancel()
		if err != nil {
			b.fail(t, "%s, step %d: %v", what, i, err)
		}
	}
}

// pickRegion types into a region question and picks the first suggestion
// with Enter.
func pickRegion(id, typed, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		settled(focusedInView(id)),
		chromedp.SendKeys(chromedp.ID(id), typed),
		chromedp.WaitVisible(chromedp.ID(id+"-opt-0")),
		chromedp.SendKeys(chromedp.ID(id), kb.Enter),
		settled(`document.getElementById(`+jsString(id)+`).value.startsWith(`+jsString(name)+`) && document.getElementById(`+jsString(id+"-list")+`) === null`),
		domQuiet(), // the list has closed: the buttons below moved up
	)
}

// next presses 下一步, once the page has settled (a click aimed while an
// error line or a list goes away would land where the button was), and
// waits for the question after it (or the answer).
func next(then string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(domQuiet(), chromedp.Click(chromedp.ID("flow-next")), settled(then))
}

// choose taps a choice and waits until the page has settled.
func choose(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Click(chromedp.CSS(`label[for="`+id+`"]`)),
		settled(`document.getElementById(`+jsString(id)+`).checked`), domQuiet())
}

// finishLifeEvent checks what a finished life event left: the answer of
// `yibao eval` on the saved input, which is want with today's date, and
// next steps that name a place and a date.
func finishLifeEvent(t *testing.T, b *browser, want, place string) {
	t.Helper()
	finishLifeEventDated(t, b, want, place, true)
}

// finishLifeEventDated is finishLifeEvent where the next steps may have no
// date (stopping a duplicate, or filing for care elsewhere, has no deadline
// of its own).
func finishLifeEventDated(t *testing.T, b *browser, want, place string, dated bool) {
	t.Helper()
	b.waitComputed(t)
	b.poll(t, 10*time.Second, `document.getElementById("life-event") === null && localStorage.getItem("yibao.input") !== null`)
	today := eval[string](t, b, `document.getElementById("asOf").value`)
	input := []byte(strings.ReplaceAll(want, "TODAY", today))
	saved := eval[string](t, b, savedDocJS("yibao.input"))
	if !jsonEqual([]byte(saved), input) {
		t.Errorf("the life event filled %s, want %s", saved, input)
	}
	waitCards(t, b, expected(t, input))
	steps := eval[string](t, b, `document.getElementById("next-steps").textContent`)
	// By when: a day, or a time limit for a transfer (a move has no deadline).
	if !strings.Contains(steps, place) || dated && !regexp.MustCompile(`20\d\d年\d{1,2}月|\d+个工作日`).MatchString(steps) {
		t.Errorf("the next steps name no place (%s) or no date:\n%s", place, steps)
	}
	if f := eval[bool](t, b, focusedInView("coverage-h")); !f {
		t.Errorf("the answer's heading has not the focus, in view")
	}
}

// TestLifeEventQuit is the man who left a job in 深圳 and joins the
// resident scheme at home in 成都, on a phone, by tapping and typing.
func TestLifeEventQuit(t *testing.T) {
	b := startLifeEvent(t, "quit")
	runSteps(t, b, "quit", []chromedp.Action[chromedp.Void]{
		pickRegion("ev-region", "深圳", "深圳市"),
		next(focusedInView("ev-from")),
		// Nothing is red before the person has typed.
		settled(`document.querySelector("#life-event .error") === null`),
		chromedp.SendKeys(chromedp.ID("ev-from"), "2019.1"),
		chromedp.SendKeys(chromedp.ID("ev-from"), kb.Enter), // Enter is 下一步
		settled(focusedInView("ev-to")),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("ev-to").select()`),
		chromedp.SendKeys(chromedp.ID("ev-to"), kb.Delete+"2026-06"),
		next(`document.getElementById("ev-next-resident") !== null`),
		// 下一步 without a choice says so and stays.
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
		settled(`document.querySelector("#life-event .error") !== null`),
		choose("ev-next-resident"),
		next(focusedInView("ev-nextRegion")),
		// The place offered is the one before (深圳); text typed and not
		// picked is not taken for it: 下一步 asks for a pick and stays.
		chromedp.SendKeys(chromedp.ID("ev-nextRegion"), "cd"),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
		settled(`document.getElementById("ev-nextRegion") !== null && document.getElementById("ev-nextRegion").value === "cd" &&
			document.getElementById("life-event").textContent.includes("请从列表中选择")`),
		// Typing replaces the text; the pick is taken.
		pickRegion("ev-nextRegion", "cd", "成都市"),
		next(focusedInView("ev-payOn")),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")), // 看结果, paying today
	})
	finishLifeEvent(t, b, `{"asOf":"TODAY","person":{"residence":"510100"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","kind":"unit","from":"2019-01","to":"2026-06"}],"plan":{"region":"510100","scheme":"resident","payOn":"TODAY"}}`, "成都")
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err == nil {
		artifact(t, "life-event-quit.png", shot)
	}
}

// TestLifeEventBaby is the mother of a baby born in 武汉 who has not paid
// yet: a day typed, a choice that decides the next question, and 上一步.
func TestLifeEventBaby(t *testing.T) {
	b := startLifeEvent(t, "baby")
	runSteps(t, b, "baby", []chromedp.Action[chromedp.Void]{
		settled(focusedInView("ev-birth")),
		chromedp.SendKeys(chromedp.ID("ev-birth"), "2026-09-10"),
		next(focusedInView("ev-region")),
		// Leaving the box without a pick picks nothing and asks for one.
		chromedp.SendKeys(chromedp.ID("ev-region"), "wh"),
		chromedp.WaitVisible(chromedp.ID("ev-region-opt-0")),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-back")),
		settled(focusedInView("ev-birth") + ` && document.getElementById("ev-birth").value === "2026-09-10"`),
		next(focusedInView("ev-region")),
		pickRegion("ev-region", "武汉", "武汉市"),
		next(`document.getElementById("ev-paid-no") !== null`),
		choose("ev-paid-no"),
		next(focusedInView("ev-payOn")),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
	})
	finishLifeEvent(t, b, `{"asOf":"TODAY","person":{"birthDate":"2026-09-10","groups":["newborn"],"residence":"420100"},"enrollments":[],"plan":{"region":"420100","scheme":"resident","payOn":"TODAY"}}`, "武汉")
}

// startLifeEvent opens the calculator blank on a phone and taps an event.
func startLifeEvent(t *testing.T, event string) *browser {
	t.Helper()
	srv := startServer(t, webDir, "")
	b := newBrowser(t, srv.URL)
	b.do(t, 60*time.Second,
		phone(),
		chromedp.Navigate(srv.URL+"/"))
	b.waitComputed(t)
	b.do(t, 10*time.Second, chromedp.Click(chromedp.ID("event-"+event)))
	return b
}

// typeAnswer types into the current question's box, replacing the answer
// offered, and presses Enter (下一步).
func typeAnswer(id, text, then string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		settled(focusedInView(id)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+jsString(id)+`).select()`),
		chromedp.SendKeys(chromedp.ID(id), kb.Delete+text),
		domQuiet(),
		chromedp.SendKeys(chromedp.ID(id), kb.Enter),
		settled(then),
	)
}

// TestLifeEventMoved is a worker who moved from 深圳 to 上海.
func TestLifeEventMoved(t *testing.T) {
	b := startLifeEvent(t, "moved")
	runSteps(t, b, "moved", []chromedp.Action[chromedp.Void]{
		pickRegion("ev-oldRegion", "深圳", "深圳市"),
		next(focusedInView("ev-oldFrom")),
		typeAnswer("ev-oldFrom", "2018-07", focusedInView("ev-oldTo")),
		typeAnswer("ev-oldTo", "2025-12", focusedInView("ev-newRegion")),
		pickRegion("ev-newRegion", "上海", "上海市"),
		next(focusedInView("ev-newFrom")),
		typeAnswer("ev-newFrom", "2026-01", `document.getElementById("life-event") === null`),
	})
	finishLifeEvent(t, b, `{"asOf":"TODAY","person":{"workRegion":"310000"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","kind":"unit","from":"2018-07","to":"2025-12"},{"id":"e2","region":"310000","scheme":"employee","kind":"unit","from":"2026-01"}]}`, "上海")
}

// TestLifeEventResume is a resident of 郑州 who stopped paying in 2024.
func TestLifeEventResume(t *testing.T) {
	b := startLifeEvent(t, "resume")
	runSteps(t, b, "resume", []chromedp.Action[chromedp.Void]{
		settled(`document.getElementById("ev-scheme-resident") !== null`),
		choose("ev-scheme-resident"),
		next(focusedInView("ev-region")),
		pickRegion("ev-region", "郑州", "郑州市"),
		next(focusedInView("ev-firstYear")),
		typeAnswer("ev-firstYear", "2018", focusedInView("ev-lastYear")),
		typeAnswer("ev-lastYear", "2023", `document.getElementById("ev-next-resident") !== null`),
		next(focusedInView("ev-nextRegion")), // 居民医保 is offered
		next(focusedInView("ev-payOn")),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
	})
	finishLifeEvent(t, b, `{"asOf":"TODAY","person":{"residence":"410100"},"enrollments":[{"id":"e1","region":"410100","scheme":"resident","from":"2018-01","to":"2023-12"}],"plan":{"region":"410100","scheme":"resident","payOn":"TODAY"}}`, "郑州")
}

// TestLifeEventDuplicate is a worker in 上海 still enrolled back home in 南昌.
func TestLifeEventDuplicate(t *testing.T) {
	b := startLifeEvent(t, "duplicate")
	runSteps(t, b, "duplicate", []chromedp.Action[chromedp.Void]{
		pickRegion("ev-aRegion", "上海", "上海市"),
		next(`document.getElementById("ev-aScheme-employee") !== null`),
		choose("ev-aScheme-employee"),
		next(focusedInView("ev-aFrom")),
		typeAnswer("ev-aFrom", "2022-03", focusedInView("ev-bRegion")),
		pickRegion("ev-bRegion", "nc", "南昌市"),
		next(`document.getElementById("ev-bScheme-resident") !== null`),
		choose("ev-bScheme-resident"),
		next(focusedInView("ev-bFrom")),
		typeAnswer("ev-bFrom", "2020-01", focusedInView("ev-residence")),
		pickRegion("ev-residence", "上海", "上海市"),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
	})
	finishLifeEventDated(t, b, `{"asOf":"TODAY","person":{"residence":"310000","workRegion":"310000"},"enrollments":[{"id":"e1","region":"310000","scheme":"employee","from":"2022-03"},{"id":"e2","region":"360100","scheme":"resident","from":"2020-01"}]}`, "停止南昌市", false)
	if keep := eval[string](t, b, `document.getElementById("duplicates").getAttribute("data-keep")`); keep != "e1" {
		t.Errorf("keep %q, want e1 (上海's employee insurance)", keep)
	}
}

// TestLifeEventRetiree is a retiree of 北京 living in 海南.
func TestLifeEventRetiree(t *testing.T) {
	b := startLifeEvent(t, "retiree")
	runSteps(t, b, "retiree", []chromedp.Action[chromedp.Void]{
		pickRegion("ev-region", "北京", "北京市"),
		next(focusedInView("ev-from")),
		typeAnswer("ev-from", "1988-07", focusedInView("ev-to")),
		typeAnswer("ev-to", "2024-06", `document.getElementById("ev-sex-male") !== null`),
		choose("ev-sex-male"),
		next(focusedInView("ev-residence")),
		pickRegion("ev-residence", "海口", "海口市"),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
	})
	// Filing for care elsewhere has no deadline: before seeking care there.
	finishLifeEventDated(t, b, `{"asOf":"TODAY","person":{"retired":true,"residence":"460100","sex":"male"},"enrollments":[{"id":"e1","region":"110000","scheme":"employee","from":"1988-07","to":"2024-06"}]}`, "在海口市", false)
}

// TestLifeEventFlexibleGap is a flexible worker in 杭州 who missed four
// months.
func TestLifeEventFlexibleGap(t *testing.T) {
	b := startLifeEvent(t, "flexgap")
	runSteps(t, b, "flexgap", []chromedp.Action[chromedp.Void]{
		pickRegion("ev-region", "hz", "杭州市"),
		next(focusedInView("ev-from")),
		typeAnswer("ev-from", "2021-01", focusedInView("ev-gapFrom")),
		typeAnswer("ev-gapFrom", "2026-08", focusedInView("ev-payOn")),
		domQuiet(),
		chromedp.Click(chromedp.ID("flow-next")),
	})
	finishLifeEvent(t, b, `{"asOf":"TODAY","enrollments":[{"id":"e1","region":"330100","scheme":"employee","kind":"flexible","from":"2021-01","to":"2026-07"}],"plan":{"region":"330100","scheme":"employee","kind":"flexible","payOn":"TODAY"}}`, "杭州")
}
