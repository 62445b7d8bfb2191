package ui

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// load mounts a component in go-app's test engine and returns its HTML.
func load(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

func computedCalculator(t *testing.T, doc string) *calculator {
	t.Helper()
	f, err := form.Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := &calculator{lang: form.Zh, session: session{form: f}, ready: true}
	c.recompute()
	c.touchErrors() // as loading a link or the saved data does
	return c
}

// The prerendered page (what the server sends before the wasm runs) shows
// the empty form and never claims to have computed anything.
func TestPrerenderedCalculator(t *testing.T) {
	html := load(t, &calculator{})
	for _, want := range []string{`id="coverage"`, `id="waiting"`, `id="duplicates"`, `id="add-enrollment"`, `aria-live="polite"`, "正在准备计算"} {
		if !strings.Contains(html, want) {
			t.Errorf("prerendered page lacks %s", want)
		}
	}
	for _, bad := range []string{"data-computed", "data-active", "data-keep"} {
		if strings.Contains(html, bad) {
			t.Errorf("prerendered page carries %s", bad)
		}
	}
}

// A blank form that came from no link shows no verdict: before the
// person has typed anything, "not covered" would read as one on them. A
// link's blank input is answered, as the contract has every link's.
func TestBlankFormAwaitsInput(t *testing.T) {
	c := &calculator{lang: form.Zh}
	c.load(&url.URL{})
	if !c.res.Awaiting || c.res.Computed {
		t.Fatalf("a fresh blank form: awaiting %v, computed %v", c.res.Awaiting, c.res.Computed)
	}
	html := load(t, c)
	for _, bad := range []string{"现在不能报销", "没有参保", "需要填写或修改", "data-computed"} {
		if strings.Contains(html, bad) {
			t.Errorf("a fresh blank form says %q", bad)
		}
	}
	if !strings.Contains(html, "选一件发生的事") {
		t.Errorf("the summary does not say what to do first")
	}
	linked := &calculator{lang: form.Zh}
	linked.load(&url.URL{Fragment: form.ShareFragment(form.State{AsOf: "2026-11-22"})})
	if !linked.res.Computed || linked.res.Out.Coverage.Active {
		t.Errorf("a link's blank input: computed %v, %+v", linked.res.Computed, linked.res.Out.Coverage)
	}
	e := &embed{}
	e.setUp(&url.URL{})
	if !e.res.Awaiting {
		t.Errorf("a blank embed without a region shows a verdict")
	}
	e.setUp(&url.URL{RawQuery: "region=440300"})
	if !e.res.Computed {
		t.Errorf("an embed with a region: not computed (%v)", e.res.Errors)
	}
}

// The form renders one editor per enrollment, with its values, and the
// three cards the engine's answer.
func TestCalculatorRendersFormAndAnswer(t *testing.T) {
	c := computedCalculator(t, contractExample)
	if !c.res.Computed {
		t.Fatalf("not computed: %v", c.res.Errors)
	}
	html := load(t, c)
	for _, want := range []string{
		`id="enr-0-region"`, `value="深圳市 · 广东省"`, `id="enr-0-from"`, `value="2019-03"`,
		`id="enr-1-paidOn"`, `value="2024-11-20"`, // resident: the payment day
		`id="enr-0-backpaid"`, // employee: the back-paid months
		`id="plan-payOn"`, `value="2026-12-05"`,
		"2026年11月22日能报销吗？", "已断保，不能报销", "等待 3 个月", "2027年4月1日", "没有重复参保",
		`class="tl"`, "依据与计算过程", "规则版本 " + c.res.Out.Rules.Version,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(html, `class="enrollment"`); n != 2 {
		t.Errorf("%d enrollment editors, want 2", n)
	}
	// The card's heading, found by its place in the tree.
	card := &coverageCard{Lang: form.Zh, Computed: true, AsOf: "2026-11-22", Answer: c.res.Out.Coverage, Labels: c.labels()}
	load(t, card)
	if err := app.TestMatch(card, app.TestUIDescriptor{
		Path:     app.TestPath(0, 0),
		Expected: app.Elem("h2").ID("coverage-h").Attr("tabindex", "-1").Text("2026年11月22日能报销吗？"),
	}); err != nil {
		t.Error(err)
	}
}

// English throughout when switched.
func TestCalculatorInEnglish(t *testing.T) {
	c := computedCalculator(t, contractExample)
	c.lang = form.En
	html := load(t, c)
	for _, want := range []string{"Covered on 22 Nov 2026?", "Lapsed: not covered", "3 months&#39; wait", "Enrollment 1", "中文"} {
		if !strings.Contains(html, want) {
			t.Errorf("English page lacks %s", want)
		}
	}
}

// Errors are shown next to their field, tied to it for screen readers, and
// nothing is claimed as computed.
func TestCalculatorShowsErrorsAtFields(t *testing.T) {
	c := computedCalculator(t, `{"asOf":"2026-11-22","enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-13"}]}`)
	if c.res.Computed {
		t.Fatal("computed a bad month")
	}
	html := load(t, c)
	for _, want := range []string{`id="enr-0-from-err"`, "年月格式应为 2019-03", `aria-describedby="enr-0-from-err"`, "还有 1 处需要填写或修改"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// A row just added shows no error before the person has left a field
	// of it; the summary counts what is missing, without red.
	fresh := &calculator{lang: form.Zh, ready: true}
	fresh.form.AsOf = "2026-11-22"
	fresh.form.AddEnrollment("", "employee")
	fresh.res = form.Evaluate(fresh.form)
	if len(fresh.res.Errors) == 0 {
		t.Fatal("an empty row has no errors")
	}
	html = load(t, fresh)
	if strings.Contains(html, `class="error"`) || strings.Contains(html, `-err"`) {
		t.Errorf("a row not yet typed in shows errors")
	}
	if !strings.Contains(html, "处需要填写") {
		t.Errorf("the summary does not count what is missing")
	}
	left := &calculator{lang: form.Zh, ready: true, session: fresh.session, touched: map[string]bool{"enr-0-region": true}}
	if html = load(t, left); !strings.Contains(html, `id="enr-0-region-err"`) {
		t.Errorf("the region, left empty, shows no error")
	}
	if fieldID("enrollments[1].backpaid[0]") != "enr-1-backpaid" || fieldID("plan.payOn") != "plan-payOn" || fieldID("asOf") != "asOf" || fieldID("person.birthDate") != "person-birthDate" {
		t.Errorf("fieldID: %q %q %q %q", fieldID("enrollments[1].backpaid[0]"), fieldID("plan.payOn"), fieldID("asOf"), fieldID("person.birthDate"))
	}
	// An engine error on a field the form does not show goes above the cards.
	c2 := &calculator{lang: form.Zh, session: session{form: c.form, res: form.Result{Errors: form.Errors{"enrollments": form.Text{Zh: "太多了", En: "too many"}}}}, ready: true}
	if html := load(t, c2); !strings.Contains(html, `role="alert"`) || !strings.Contains(html, "太多了") {
		t.Errorf("a general error is not shown")
	}
}

func TestCards(t *testing.T) {
	keep := "work"
	dup := &duplicatesCard{Lang: form.Zh, Computed: true, Labels: map[string]string{"work": "#1 深圳市 职工医保", "home": "#2 南昌市 居民医保"},
		Answer: rules.DuplicatesAnswer{Keep: &keep, Stop: []string{"home"},
			Overlaps: []rules.Overlap{{A: "work", B: "home", From: "2026-01", To: "2026-06", Kind: "crossScheme"}},
			Actions:  []rules.Action{{Enrollment: "home", Zh: "办理停保", En: "Stop it", Source: "医保发〔2020〕33号"}}}}
	html := load(t, dup)
	for _, want := range []string{"保留 #1 深圳市 职工医保", "停保：#2 南昌市 居民医保", "2026年1月 – 2026年6月", "职工与居民", "办理停保", "医保发〔2020〕33号"} {
		if !strings.Contains(html, want) {
			t.Errorf("duplicates card lacks %s", want)
		}
	}
	if got := dup.attrs(); got[0] != [2]string{"data-keep", "work"} {
		t.Errorf("attrs %v", got)
	}
	none := &duplicatesCard{Lang: form.Zh, Computed: true}
	if got := none.attrs(); got[0] != [2]string{"data-keep", ""} {
		t.Errorf("no overlap: attrs %v", got)
	}
	w := &waitingCard{Lang: form.Zh, Computed: true}
	if got := w.attrs(); got[0][1] != "" || got[1][1] != "" {
		t.Errorf("no waiting: attrs %v", got)
	}
	if html := load(t, w); !strings.Contains(html, "无需等待") {
		t.Errorf("waiting card without an answer: %s", html)
	}
	cov := &coverageCard{Lang: form.Zh}
	if got := cov.attrs(); got[0] != [2]string{"data-active", ""} {
		t.Errorf("not computed: attrs %v", got)
	}
}

func TestRegionPicker(t *testing.T) {
	p := &regionPicker{ID: "r", Label: "参保地", Value: "440300", Lang: form.Zh}
	html := load(t, p)
	for _, want := range []string{`value="深圳市 · 广东省"`, `role="combobox"`, `aria-expanded="false"`, `<label for="r">参保地</label>`} {
		if !strings.Contains(html, want) {
			t.Errorf("picker lacks %s", want)
		}
	}
	p = &regionPicker{ID: "r", Label: "参保地", Value: "440300", Lang: form.Zh, editing: true, focused: true, query: "nc"}
	html = load(t, p)
	for _, want := range []string{`role="listbox"`, "南昌市", "aria-expanded", `id="r-opt-0"`} {
		if !strings.Contains(html, want) {
			t.Errorf("picker with a query lacks %s", want)
		}
	}
	// Left without a pick, the text stays and asks for one; nothing is
	// picked and no list covers the next field.
	p = &regionPicker{ID: "r", Label: "参保地", Value: "440300", Lang: form.Zh, editing: true, query: "nc"}
	html = load(t, p)
	for _, want := range []string{`value="nc"`, "请从列表中选择", `aria-describedby="r-err"`} {
		if !strings.Contains(html, want) {
			t.Errorf("picker left unpicked lacks %s: %s", want, html)
		}
	}
	if strings.Contains(html, `role="listbox"`) {
		t.Errorf("picker left unpicked shows its list")
	}
}

// A county-level city directly under its province is offered, picked and
// shown by its own name (仙桃市 · 湖北省), never as the province's
// 省直辖县级行政区划 it is listed under.
func TestRegionPickerCountyLevelCity(t *testing.T) {
	for _, tt := range []struct {
		l           form.Lang
		value, text string
	}{
		{form.Zh, `value="仙桃市 · 湖北省"`, "仙桃市 · 湖北省"},
		{form.En, `value="Xiantao 仙桃市 · Hubei"`, "Xiantao 仙桃市 · Hubei"},
	} {
		html := load(t, &regionPicker{ID: "r", Label: "参保地", Value: "429004", Lang: tt.l})
		if !strings.Contains(html, tt.value) {
			t.Errorf("%s: the picked city shows otherwise: %s", tt.l.HTMLLang(), html)
		}
		html = load(t, &regionPicker{ID: "r", Label: "参保地", Lang: tt.l, editing: true, focused: true, query: "仙桃"})
		if !strings.Contains(html, tt.text) || !strings.Contains(html, `data-code="429004"`) || strings.Contains(html, "直辖") || strings.Contains(html, "zhixia") {
			t.Errorf("%s: the suggestion for 仙桃 is not 仙桃市: %s", tt.l.HTMLLang(), html)
		}
	}
}

// A link naming a district by its code (a partner's page in 浦东) is
// answered for its 统筹地区, as yibao eval answers it, and shows the
// district with it: no raw code, no 未知地区代码.
func TestLinkWithDistrictCode(t *testing.T) {
	doc := `{"asOf":"2026-12-01","enrollments":[{"id":"e1","region":"310115","scheme":"employee","from":"2020-01"}]}`
	for _, tt := range []struct {
		l     form.Lang
		wants []string
	}{
		{form.Zh, []string{`value="上海市（浦东新区）"`, "#1 上海市 职工医保"}},
		{form.En, []string{`value="Shanghai 上海市 (Pudong 浦东新区)"`, "#1 Shanghai 上海市 Employee scheme"}},
	} {
		c := computedCalculator(t, doc)
		c.lang = tt.l
		if cov := c.res.Out.Coverage; !c.res.Computed || !cov.Active || cov.Region != "310000" {
			t.Fatalf("not answered for 上海: %v %+v", c.res.Errors, cov)
		}
		html := load(t, c)
		for _, w := range tt.wants {
			if !strings.Contains(html, w) {
				t.Errorf("%s: the page lacks %s", tt.l.HTMLLang(), w)
			}
		}
		if strings.Contains(html, "未知地区代码") || strings.Contains(englishText(t, html), "310115") {
			t.Errorf("%s: the district's code shows raw, or as unknown", tt.l.HTMLLang())
		}
	}
}

func TestRulesPage(t *testing.T) {
	p := &rulesPage{}
	p.OnInit()
	html := load(t, p)
	if p.catalog.Err != "" {
		t.Fatalf("rules data: %s", p.catalog.Err)
	}
	if len(p.catalog.Docs) == 0 || len(p.catalog.Params) == 0 {
		t.Fatalf("rules page lists %d documents and %d parameters", len(p.catalog.Docs), len(p.catalog.Params))
	}
	for _, d := range p.catalog.Docs {
		if !strings.Contains(html, d.Number) {
			t.Errorf("rules page lacks document %s", d.Number)
		}
	}
	for _, prm := range p.catalog.Params {
		if !strings.Contains(html, prm.Name) {
			t.Errorf("rules page lacks parameter %s", prm.Name)
		}
		for _, v := range prm.Values {
			if v.From == "" || v.Source == "" {
				t.Errorf("parameter %s has a value without a date or a source: %+v", prm.Name, v)
			}
		}
	}
	if !strings.Contains(html, "规则版本 "+p.catalog.Version) || p.catalog.Version == "" {
		t.Errorf("rules page lacks the version")
	}
}

// Picking a city on the rules page shows the rules that apply there, each
// with its level, trust and linked source; the national table counts the
// provinces with a local value; Chinese mode shows the Chinese notes only.
func TestRulesPageForACity(t *testing.T) {
	p := &rulesPage{}
	p.OnInit()
	p.lang = form.Zh
	p.region, p.applied = "130100", appliedRules("130100")
	html := load(t, p)
	for _, want := range []string{`id="applied"`, "本省规定（河北省）", "转载", `href="http`, `rel="noopener noreferrer"`, "<q", `id="coverage"`, " / 31"} {
		if !strings.Contains(html, want) {
			t.Errorf("rules page for 石家庄 lacks %s", want)
		}
	}
	if strings.Contains(html, "No trusted local text found") || strings.Contains(html, "Local rules recorded") {
		t.Error("Chinese mode shows the English part of a note")
	}
	q := &rulesPage{}
	q.OnInit()
	q.lang = form.Zh
	q.region, q.applied = "640100", appliedRules("640100")
	if html := load(t, q); !strings.Contains(html, "本地细则未找到") {
		t.Error("a city without local rules must say so")
	}
}

// The waiting card names an exempt group for people ("新生儿"), never by
// its id (issue 13: "免等待 newborn").
func TestWaitingCardNamesTheExemptGroup(t *testing.T) {
	out := answerFor(t, `{"asOf":"2026-04-01","person":{"birthDate":"2026-03-10","groups":["newborn"]},"plan":{"region":"640100","scheme":"resident","payOn":"2026-04-02"}}`)
	if out.Waiting == nil || out.Waiting.Exempt == nil {
		t.Fatalf("no exempt answer: %+v", out.Waiting)
	}
	html := load(t, &waitingCard{Lang: form.Zh, Computed: true, Answer: out.Waiting, Coverage: out.Coverage.Status})
	if !strings.Contains(html, "新生儿") || strings.Contains(html, ">newborn<") {
		t.Errorf("the exempt group is not named for people: %s", html)
	}
}

// contractExample is the example input of the contract, kept with the
// form's tests.
var contractExample = func() string {
	b, err := os.ReadFile("../form/testdata/contract-example.json")
	if err != nil {
		panic(err)
	}
	return strings.TrimSpace(string(b))
}()

// The full form speaks plainly: which scheme is which, in the words people
// use, and where to find the payment record next to the enrollments.
func TestFormPlainWords(t *testing.T) {
	c := computedCalculator(t, `{"asOf":"2026-12-01","enrollments":[{"id":"e1","region":"440300","scheme":"employee","from":"2019-01","to":"2026-06"}],"plan":{"region":"510100","scheme":"resident","payOn":"2026-12-01"}}`)
	html := load(t, c)
	for _, want := range []string{"单位交或灵活就业交的＝职工医保；每年交一次的＝居民医保", "去哪里查我的缴费记录", "国家医保服务平台App", "从哪个月开始", "补缴以前断缴的年数"} {
		if !strings.Contains(html, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
	for _, jargon := range []string{">险种<", "开始年月", "补缴修复断保年数", "每多缴 1 年"} {
		if strings.Contains(html, jargon) {
			t.Errorf("the form still says %q", jargon)
		}
	}
}

// TestWaitOf: English waits, one and several.
func TestWaitOf(t *testing.T) {
	for _, c := range []struct {
		n          int
		unit, want string
	}{{1, "month", "1 month's wait"}, {3, "month", "3 months' wait"}, {1, "day", "1 day's wait"}, {90, "day", "90 days' wait"}} {
		if got := waitOf(c.n, c.unit); got != c.want {
			t.Errorf("waitOf(%d, %q) = %q, want %q", c.n, c.unit, got, c.want)
		}
	}
}
