package ui

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// englishPersonas are life events whose answers name regions in every part
// of the page: a move from 深圳 to 成都 (a transfer), a person who quit in
// 深圳 and joins 成都's resident scheme (a transfer, a payment to make, a
// deadline), one who quit with no plan (the waiting card's "if you enroll
// today"), and enrollments in both places at once (what to stop).
var englishPersonas = []struct {
	name, event string
	given       form.Answers
	wants       []string // lines of the page
}{
	{"moved", "moved", form.Answers{"oldRegion": "440300", "oldFrom": "2018-07", "oldTo": "2025-12", "newRegion": "510100", "newFrom": "2026-01"},
		[]string{"From Shenzhen 深圳市 to Chengdu 成都市: transfer", "Chengdu 成都市: local rules are included; the rest follows the national rules.", "#1 Shenzhen", "#2 Chengdu: Covered Jan 2026 – Dec 2026"}},
	{"quit, resident in 成都", "quit", form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "resident", "nextRegion": "510100"},
		[]string{"1 Dec 2026: pay the Resident scheme in Chengdu 成都市; covered from 1 Jan 2027.", "Plan Chengdu"}},
	{"quit, no plan", "quit", form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "none"},
		[]string{"Enrolling today (assumed, Shenzhen 深圳市)"}},
	{"both at once", "duplicate", form.Answers{"aRegion": "440300", "aScheme": "employee", "aFrom": "2022-03", "bRegion": "510100", "bScheme": "resident", "bFrom": "2020-01", "residence": "440300"},
		[]string{"#2 Chengdu 成都市 Resident scheme"}},
}

// In English, the calculator names every region by its pinyin (Shenzhen
// 深圳市, #1 Shenzhen): no Chinese is left on the page where an English
// reader cannot read it, except
//   - elements in lang="zh-…" (the switch to Chinese, 中文, and the
//     citations: a document is cited by its number and title as printed);
//   - a region's Chinese name right after its pinyin, which the person will
//     see at the counter and in the apps;
//   - the Chinese terms the English texts give on purpose, beside their
//     English, for the same reason (转移接续, 医保电子凭证…): those of the
//     engine's English messages (rules/data/messages.json) and the few of
//     the page's own (uiTerms).
func TestEnglishPageNamesRegionsInPinyin(t *testing.T) {
	allowed := engineTerms(t)
	for _, w := range uiTerms {
		allowed[w] = true
	}
	// Where to find the payment record names the apps' menus as they
	// read (首页 → 缴费记录).
	for _, w := range hanRuns(form.RecordPaths.En) {
		allowed[w] = true
	}
	for _, p := range englishPersonas {
		t.Run(p.name, func(t *testing.T) {
			f := form.LifeEventOf(p.event).Form(p.given, "2026-12-01")
			c := &calculator{lang: form.En, session: session{form: f}, ready: true}
			c.recompute()
			if !c.res.Computed {
				t.Fatalf("not computed: %v", c.res.Errors)
			}
			// The page, and the result image's text, which is drawn from
			// the same answer.
			image := imageAlt(resultImageLines(form.En, &c.res.Out, f.AsOf, c.labels()))
			text := englishText(t, load(t, c)) + "\n" + image
			for _, line := range strings.Split(text, "\n") {
				for _, run := range hanRuns(withoutPinyinedNames(line)) {
					if !allowed[run] {
						t.Errorf("Chinese without pinyin in English (%s): %q", run, line)
						break
					}
				}
			}
			lines := strings.Split(text, "\n")
			for _, w := range p.wants {
				if !slices.ContainsFunc(lines, func(ln string) bool { return strings.HasPrefix(ln, w) }) {
					t.Errorf("no line begins %q:\n%s", w, text)
				}
			}
		})
	}
}

// uiTerms are the Chinese words the page's own English keeps beside their
// English: the names of an app and a WeChat menu item as the person will
// see them, and a term of the form's.
var uiTerms = []string{"国家医保服务平台", "发送给朋友", "在浏览器中打开", "大病保险", "修复"}

// engineTerms are the runs of Chinese in the engine's English messages.
func engineTerms(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("../../rules/data/messages.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Messages []struct{ En string } `json:"messages"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	terms := map[string]bool{}
	for _, m := range doc.Messages {
		for _, r := range hanRuns(m.En) {
			terms[r] = true
		}
	}
	if len(terms) < 3 {
		t.Fatalf("messages.json: %d Chinese terms in English, want a few", len(terms))
	}
	return terms
}

// englishText is the text of a page, one line per element, leaving out
// elements whose lang is Chinese, scripts and styles; attributes people read
// (aria-label, placeholder, alt, title, value) count as text.
func englishText(t *testing.T, page string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	var b strings.Builder
	skip := 0 // depth inside an element left out
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			for _, a := range x.Attr {
				if a.Name.Local == "lang" && strings.HasPrefix(a.Value, "zh") {
					skip = 1
				}
			}
			if x.Name.Local == "script" || x.Name.Local == "style" {
				skip = 1
			}
			if skip > 0 {
				continue
			}
			for _, a := range x.Attr {
				switch a.Name.Local {
				case "aria-label", "placeholder", "alt", "title", "value":
					b.WriteString(a.Value + "\n")
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
			}
			b.WriteString("\n")
		case xml.CharData:
			if skip == 0 {
				b.Write(x)
			}
		}
	}
	var lines []string
	for _, ln := range strings.Split(b.String(), "\n") {
		if ln = strings.Join(strings.Fields(ln), " "); ln != "" {
			lines = append(lines, ln)
		}
	}
	return strings.Join(lines, "\n")
}

// withoutPinyinedNames is s with each region's Chinese name taken out where
// its pinyin comes right before it ("Shenzhen 深圳市", "Guangdong 广东省").
func withoutPinyinedNames(s string) string {
	for _, r := range rules.Regions() {
		s = strings.ReplaceAll(s, upperFirst(r.Pinyin)+" "+r.Name, upperFirst(r.Pinyin))
	}
	return s
}

var hanRun = regexp.MustCompile(`\p{Han}+`)

// hanRuns are the runs of Chinese characters in s.
func hanRuns(s string) []string { return hanRun.FindAllString(s, -1) }

// A region found by a district says which, in English with the district's
// pinyin first; in Chinese as before.
func TestRegionPickerViaInEnglish(t *testing.T) {
	for _, tt := range []struct {
		l    form.Lang
		want string
	}{
		{form.En, "Shanghai 上海市\n(Pudong 浦东新区)"},
		{form.Zh, "上海市\n（浦东新区）"},
	} {
		p := &regionPicker{ID: "r", Label: "Region", Lang: tt.l, editing: true, focused: true, query: "浦东"}
		if text := englishText(t, load(t, p)); !strings.Contains(text, tt.want) {
			t.Errorf("%s: the suggestion lacks %q:\n%s", tt.l.HTMLLang(), tt.want, text)
		}
	}
}

// The rules page names its regions in English as the calculator does: the
// headings, the list of regions with national rules only, and whose rule a
// value is.
func TestRulesPageNamesRegionsInEnglish(t *testing.T) {
	p := &rulesPage{}
	p.OnInit()
	p.lang = form.En
	p.region, p.applied = "130100", appliedRules("130100")
	text := englishText(t, load(t, &rendered{page: p}))
	for _, want := range []string{"\nJiangsu 江苏省\n", "\nSuzhou 苏州市\n", "\nprovincial rule (Hebei 河北省)\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("English rules page lacks %q", want)
		}
	}
	i := strings.Index(text, "Regions with national rules only")
	if i < 0 {
		t.Fatalf("no list of regions with national rules only:\n%s", text)
	}
	list := strings.Split(text[i:], "\n")[2] // after the heading and its note
	if runs := hanRuns(withoutPinyinedNames(list)); len(runs) > 0 || !strings.Contains(list, ", ") {
		t.Errorf("regions with national rules only, %q: Chinese without pinyin %v", list, runs)
	}
}

// rendered renders a page as it is, without its OnInit (which would read
// the language saved on the device).
type rendered struct {
	app.Compo
	page interface{ Render() app.UI }
}

func (c *rendered) Render() app.UI { return c.page.Render() }
