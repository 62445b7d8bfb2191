package ui

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestSavedRoundTrip(t *testing.T) {
	f, err := Parse([]byte(`{"asOf":"2026-11-22","enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-03","to":"2024-06"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	raw := EncodeSaved(f, true, false)
	if !strings.Contains(raw, `"v":2`) || !strings.Contains(raw, `"input":{"asOf":"2026-11-22"`) {
		t.Errorf("saved %s: want version 2 with the input as an object", raw)
	}
	g, s, err := DecodeSaved(raw)
	if err != nil || !s.AsOfAuto || s.Link || !SameInput(f, g) {
		t.Errorf("decodeSaved(%s) = %+v, %+v, %v", raw, g, s, err)
	}
}

// Values of the earlier formats (0: no version, 1: the input as a string
// of JSON) are read, and saved again as version 2.
func TestSavedEarlierFormats(t *testing.T) {
	for _, raw := range []string{
		`{"input":"{\"asOf\":\"2026-01-01\"}","asOfAuto":false}`,
		`{"v":1,"input":"{\"asOf\":\"2026-01-01\"}","asOfAuto":false}`,
		`{"v":2,"input":{"asOf":"2026-01-01"},"asOfAuto":false}`,
	} {
		g, s, err := DecodeSaved(raw)
		if err != nil || g.AsOf != "2026-01-01" || s.AsOfAuto {
			t.Errorf("decodeSaved(%s) = %+v, %+v, %v", raw, g, s, err)
		}
		if again := EncodeSaved(g, s.AsOfAuto, false); !strings.Contains(again, `"v":2`) {
			t.Errorf("saved again as %s", again)
		}
	}
}

func TestUnreadableSaved(t *testing.T) {
	for _, raw := range []string{
		``, `{not json`, `"a string"`, `42`, `null`, `[]`, `{}`,
		`{"input":123}`, `{"input":"{bad"}`, `{"input":"null"}`, `{"input":"[1]"}`,
		`{"input":"{\"enrollments\":\"x\"}"}`,
		`{"v":3,"input":{}}`, // a newer format: kept, not read
		`{"v":2,"input":"{}"}`, `{"v":2,"input":null}`, `{"v":2}`, `{"v":1,"input":{}}`,
		`{"v":-1,"input":"{}"}`,
	} {
		if f, _, err := DecodeSaved(raw); err == nil {
			t.Errorf("decodeSaved(%s) = %+v, want an error", raw, f)
		}
	}
}

// A link or a saved value must be an input object: JSON null once read as
// an empty form and saved over the person's data.
func TestInputMustBeAnObject(t *testing.T) {
	for _, doc := range []string{`null`, ` null `, `[]`, `"x"`, `1`, `true`, ``} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("parseInput(%q) accepted", doc)
		}
	}
	if _, err := Parse([]byte(` {}`)); err != nil {
		t.Errorf("parseInput({}): %v", err)
	}
}

func TestSameInput(t *testing.T) {
	a, _ := Parse([]byte(`{"asOf":"2026-11-22","enrollments":[{"region":"440300","scheme":"employee","from":"2019.3","to":"2024-06"}]}`))
	b, _ := Parse([]byte(`{"enrollments":[{"to":"2024-06","from":"2019-03","scheme":"employee","region":"440300"}],"asOf":"2026-11-22"}`))
	if !SameInput(a, b) {
		t.Errorf("the same input, typed differently, differs")
	}
	b.AsOf = "2026-11-23"
	if SameInput(a, b) {
		t.Errorf("different dates are the same input")
	}
}

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
			c.lang = En
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
	var f State
	f.AsOf = "2026-11-22"
	for range maxLinkEnrollments + 1 {
		f.Enrollments = append(f.Enrollments, Enrollment{Region: "440300", Scheme: "employee", From: "2020-01", To: "2020-01"})
	}
	c := &calculator{}
	c.load(&url.URL{Fragment: ShareFragment(f)})
	if c.linkTooBig != maxLinkEnrollments+1 || !c.linkError || len(c.form.Enrollments) != 0 {
		t.Fatalf("linkTooBig %d, linkError %v, %d enrollments loaded", c.linkTooBig, c.linkError, len(c.form.Enrollments))
	}
	c.lang = Zh
	html := app.HTMLString(elem("div", "", c.actions()...))
	if !strings.Contains(html, "这个链接有"+strconv.Itoa(maxLinkEnrollments+1)+"条参保记录") {
		t.Errorf("the refusal does not say the link's size: %s", html)
	}
	f.Enrollments = f.Enrollments[:maxLinkEnrollments]
	c.load(&url.URL{Fragment: ShareFragment(f)})
	if c.linkTooBig != 0 || c.linkError || len(c.form.Enrollments) != maxLinkEnrollments {
		t.Errorf("a link at the limit: linkTooBig %d, linkError %v, %d enrollments", c.linkTooBig, c.linkError, len(c.form.Enrollments))
	}
}
