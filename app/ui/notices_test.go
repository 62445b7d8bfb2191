package ui

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// The notices render where the calculator's intro goes, in both languages,
// and only when there is something to tell.
func TestCalculatorNotices(t *testing.T) {
	c := computedCalculator(t, `{"asOf":"2026-11-22"}`)
	html := load(t, c)
	if strings.Contains(html, `class="notice"`) {
		t.Errorf("a notice with nothing to tell")
	}
	for _, tc := range []struct {
		n    notices
		en   bool
		want []string
	}{
		{notices{storage: storageMemory}, false, []string{`id="storage-notice"`, "本浏览器禁止本地存储，填写的内容不会保存", `id="storage-notice-ok"`}},
		{notices{storage: storageMemory}, true, []string{"This browser blocks local storage"}},
		{notices{storage: storageRefused}, false, []string{"无法保存到本机"}},
		{notices{storage: storageRefused, storageTold: true}, false, nil},
		{notices{beforeLink: true}, false, []string{`id="link-notice"`, "恢复我保存的内容", `id="restore-saved"`}},
		{notices{unreadable: true}, false, []string{`id="unreadable-notice"`, storageUnreadable}},
		{notices{otherTab: true}, false, []string{`id="other-tab-notice"`, "已在另一个标签页修改", `id="load-other-tab"`}},
	} {
		c := computedCalculator(t, `{"asOf":"2026-11-22"}`)
		c.notes = tc.n
		if tc.en {
			c.lang = form.En
		}
		html := load(t, c)
		if tc.want == nil && strings.Contains(html, `class="notice"`) {
			t.Errorf("%+v: a notice after it was dismissed", tc.n)
		}
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%+v: the page lacks %s", tc.n, w)
			}
		}
	}
}

// A link with more enrollments than the web app renders is refused with
// its size said, and what was there stays (issue 14: a 3,000-row link froze
// the tab).
func TestLinkTooBig(t *testing.T) {
	var f form.State
	f.AsOf = "2026-11-22"
	for range maxLinkEnrollments + 1 {
		f.Enrollments = append(f.Enrollments, form.Enrollment{Region: "440300", Scheme: "employee", From: "2020-01", To: "2020-01"})
	}
	c := &calculator{}
	c.load(&url.URL{Fragment: form.ShareFragment(f)})
	if c.linkTooBig != maxLinkEnrollments+1 || !c.linkError || len(c.form.Enrollments) != 0 {
		t.Fatalf("linkTooBig %d, linkError %v, %d enrollments loaded", c.linkTooBig, c.linkError, len(c.form.Enrollments))
	}
	c.lang = form.Zh
	html := app.HTMLString(elem("div", "", c.actions()...))
	if !strings.Contains(html, "这个链接有"+strconv.Itoa(maxLinkEnrollments+1)+"条参保记录") {
		t.Errorf("the refusal does not say the link's size: %s", html)
	}
	f.Enrollments = f.Enrollments[:maxLinkEnrollments]
	c.load(&url.URL{Fragment: form.ShareFragment(f)})
	if c.linkTooBig != 0 || c.linkError || len(c.form.Enrollments) != maxLinkEnrollments {
		t.Errorf("a link at the limit: linkTooBig %d, linkError %v, %d enrollments", c.linkTooBig, c.linkError, len(c.form.Enrollments))
	}
}

// Every error the form's check finds is shown next to a field of the form.
func TestFormErrorsHaveAField(t *testing.T) {
	f := form.State{AsOf: "2026-13-01", BirthDate: "x", Enrollments: []form.Enrollment{
		{ID: "e1", Scheme: "employee", From: "", To: "2024-13", Backpaid: "5000"},
		{ID: "e2", Region: "360100", Scheme: "resident", From: "2025-01", PaidOn: "2024-02-30"},
	}, HasPlan: true}
	res := form.Evaluate(f)
	if len(res.Errors) == 0 {
		t.Fatal("no errors")
	}
	for path := range res.Errors {
		if !knownField(path) {
			t.Errorf("%s is not shown next to a field", path)
		}
	}
	if answerSummary(form.Zh, true, res) == "" {
		t.Errorf("empty summary for an answer with errors")
	}
}
