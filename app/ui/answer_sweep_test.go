package ui

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"yibao/app/form"
	"yibao/rules"
)

// sweepPersonas are the personas, each asked through its life
// event as on a phone (and on a second day where the answer differs), and
// inputs for the regions that count the wait in days (吉林, 贵州).
var sweepPersonas = []struct {
	name  string
	event string // a life event, or "" for doc
	today string
	given form.Answers
	doc   string // the input, without a life event
}{
	{name: "quit 深圳, resident in 成都", event: "quit", today: "2026-08-20",
		given: form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "resident", "nextRegion": "510100"}},
	{name: "quit 深圳, resident in 成都, in the window", event: "quit", today: "2026-12-01",
		given: form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "resident", "nextRegion": "510100"}},
	{name: "quit 深圳, not decided (enrolling today assumed)", event: "quit", today: "2026-12-01",
		given: form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "none"}},
	{name: "quit 深圳, not decided, outside the window", event: "quit", today: "2026-08-20",
		given: form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "none"}},
	{name: "baby in 武汉", event: "baby", today: "2026-12-01",
		given: form.Answers{"birth": "2026-09-10", "region": "420100", "paid": "no"}},
	{name: "baby in 武汉, paid late", event: "baby", today: "2026-07-13",
		given: form.Answers{"birth": "2026-03-10", "region": "420100", "paid": "no"}},
	{name: "郑州 resident stopped in 2024", event: "resume", today: "2026-12-01",
		given: form.Answers{"scheme": "resident", "region": "410100", "firstYear": "2018", "lastYear": "2023"}},
	{name: "郑州 resident stopped in 2024, in July", event: "resume", today: "2026-07-15",
		given: form.Answers{"scheme": "resident", "region": "410100", "firstYear": "2018", "lastYear": "2023"}},
	{name: "上海 worker still enrolled in 南昌", event: "duplicate", today: "2026-12-01",
		given: form.Answers{"aRegion": "310000", "aScheme": "employee", "aFrom": "2022-03", "bRegion": "360100", "bScheme": "resident", "bFrom": "2020-01", "residence": "310000"}},
	{name: "北京 retiree living in 海南", event: "retiree", today: "2026-12-01",
		given: form.Answers{"region": "110000", "from": "1988-07", "to": "2024-06", "sex": "male", "residence": "460100"}},
	{name: "杭州 flexible worker missed four months", event: "flexgap", today: "2026-10-10",
		given: form.Answers{"region": "330100", "from": "2021-01", "gapFrom": "2026-06"}},
	{name: "杭州 flexible worker missed four months, in December", event: "flexgap", today: "2026-12-01",
		given: form.Answers{"region": "330100", "from": "2021-01", "gapFrom": "2026-08"}},
	{name: "吉林 resident resumes in the window: 120 days", today: "2026-12-01",
		doc: `{"asOf":"2026-12-01","person":{"residence":"220100"},"enrollments":[{"id":"e1","region":"220100","scheme":"resident","from":"2018-01","to":"2023-12"}],"plan":{"region":"220100","scheme":"resident","payOn":"2026-12-01"}}`},
	{name: "吉林 resident, no plan (enrolling today assumed): 90 days", today: "2026-07-01",
		doc: `{"asOf":"2026-07-01","person":{"residence":"220100"},"enrollments":[{"id":"e1","region":"220100","scheme":"resident","from":"2018-01","to":"2024-12"}]}`},
	{name: "吉林 resident resumes through the life event", event: "resume", today: "2026-12-01",
		given: form.Answers{"scheme": "resident", "region": "220100", "firstYear": "2018", "lastYear": "2023"}},
	{name: "贵州 resident pays outside the window: 90 days", today: "2026-07-01",
		doc: `{"asOf":"2026-07-01","person":{"residence":"520100"},"enrollments":[{"id":"e1","region":"520100","scheme":"resident","from":"2018-01","to":"2024-12"}],"plan":{"region":"520100","scheme":"resident","payOn":"2026-07-01"}}`},
	{name: "贵州 resident, no plan (enrolling today assumed)", today: "2026-07-01",
		doc: `{"asOf":"2026-07-01","person":{"residence":"520100"},"enrollments":[{"id":"e1","region":"520100","scheme":"resident","from":"2018-01","to":"2024-12"}]}`},
}

// zeroLine finds a quantity of nothing ("0 个月", "0元", "0 months",
// "¥0"), not a 0 inside a number or a date (2020年, 10个月, 2026-10-01).
var zeroLine = map[form.Lang]*regexp.Regexp{
	form.Zh: regexp.MustCompile(`(?:^|[^\w.])0\s*(?:个月|元|天|年|个工作日)`),
	form.En: regexp.MustCompile(`(?i)(?:(?:^|[^\w.,])0\s*(?:months?|days?|years?|yuan|continuous|working)\b|¥\s*0\b|(?:^|[^\w.,])0-(?:month|day|year))`),
}

var (
	tagRe      = regexp.MustCompile(`(?s)<[^>]*>`)
	summaryRe  = regexp.MustCompile(`(?s)<p [^>]*\bid="summary"[^>]*>\s*<a[^>]*>(.*?)</a>`)
	headlineRe = regexp.MustCompile(`(?s)<section [^>]*\bid="waiting"[^>]*>.*?<p class="headline">\s*<span[^>]*>[^<]*</span>(.*?)</p>`)
	waitNumRe  = regexp.MustCompile(`(\d+)\s*(个月|天|months?|days?)`)
)

// pageLines is the text of a rendered page, one line per element.
func pageLines(h string) []string {
	var lines []string
	for _, l := range strings.Split(html.UnescapeString(tagRe.ReplaceAllString(h, "\n")), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// firstMatch is the text of re's first group in h, unescaped and trimmed.
func firstMatch(re *regexp.Regexp, h string) string {
	m := re.FindStringSubmatch(h)
	if m == nil {
		return ""
	}
	return strings.Join(strings.Fields(html.UnescapeString(m[1])), " ")
}

// The calculator's answer for each persona, in both languages, shows no
// line of a zero quantity, and its summary tells the waiting card's story:
// the card's numbers (data-months, data-wait-days), its headline, and
// whether the answer assumes enrolling today. The result image repeats the
// summary.
func TestPersonaSweep(t *testing.T) {
	for _, p := range sweepPersonas {
		var f form.State
		if p.event != "" {
			e := form.LifeEventOf(p.event)
			if e == nil {
				t.Fatalf("%s: no life event %q", p.name, p.event)
			}
			f = e.Form(p.given, p.today)
		} else {
			var err error
			if f, err = form.Parse([]byte(p.doc)); err != nil {
				t.Fatalf("%s: %v", p.name, err)
			}
		}
		for _, l := range []form.Lang{form.Zh, form.En} {
			t.Run(p.name+"/"+l.HTMLLang(), func(t *testing.T) {
				c := &calculator{lang: l, session: session{form: f}, ready: true}
				c.recompute()
				if !c.res.Computed {
					t.Fatalf("not answered: %v", c.res.Errors)
				}
				h := load(t, c)
				lines := resultImageLines(l, &c.res.Out, f.Normalized().AsOf, c.labels())
				for _, x := range append(pageLines(h), strings.Split(imageAlt(lines), "\n")...) {
					if zeroLine[l].MatchString(x) {
						t.Errorf("a zero line: %q", x)
					}
				}
				summary, head := firstMatch(summaryRe, h), firstMatch(headlineRe, h)
				if summary == "" || head == "" {
					t.Fatalf("no summary (%q) or waiting headline (%q)", summary, head)
				}
				if lines[1].text != summary {
					t.Errorf("the image's summary %q, the page's %q", lines[1].text, summary)
				}
				w := c.res.Out.Waiting
				attrs := map[string]string{}
				for _, a := range (&waitingCard{Computed: true, Answer: w}).attrs() {
					attrs[a[0]] = a[1]
				}
				checkSummaryWait(t, l, summary, head, attrs, w != nil && w.Assumed, w != nil && w.NoBenefits)
			})
		}
	}
}

// checkSummaryWait checks that summary says the wait the waiting card
// shows: its headline and its attributes.
func checkSummaryWait(t *testing.T, l form.Lang, summary, head string, attrs map[string]string, assumed, noBenefits bool) {
	t.Helper()
	months, days := attrs["data-months"], attrs["data-wait-days"]
	if months == "" { // no waiting answer: the summary says nothing of a wait
		if strings.Contains(summary, "等待") || strings.Contains(strings.ToLower(summary), "wait") {
			t.Errorf("no waiting answer, but the summary says %q", summary)
		}
		return
	}
	if !strings.Contains(strings.ToLower(summary), strings.ToLower(head)) {
		t.Errorf("the summary %q does not say the card's headline %q", summary, head)
	}
	none := l.Pick("无等待期", "no waiting period")
	var want string
	switch {
	case noBenefits:
		want = l.Pick("享受不到待遇", "buys no benefits")
	case days != "" && days != "0":
		want = l.Pick("等待 "+days+" 天", days+" days' wait")
	case months == "0":
		want = none
	default:
		want = l.Pick("等待 "+months+" 个月", months+" months' wait")
	}
	if !strings.Contains(strings.ToLower(summary), want) {
		t.Errorf("the summary %q does not say %q (data-months %q, data-wait-days %q)", summary, want, months, days)
	}
	if want != none && strings.Contains(strings.ToLower(summary), none) {
		t.Errorf("the summary %q says %q, the card %q", summary, none, head)
	}
	for _, m := range waitNumRe.FindAllStringSubmatch(summary, -1) {
		if n := m[1]; n != months && n != days {
			t.Errorf("the summary %q says a wait of %s %s, the card data-months %q, data-wait-days %q", summary, n, m[2], months, days)
		}
	}
	if said := strings.Contains(strings.ToLower(summary), l.Pick("如果今天参保", "if you enroll today")); said != assumed {
		t.Errorf("the answer assumes enrolling today: %v; the summary %q", assumed, summary)
	}
}

// An option's line says no zero wait or cost: "无等待期", or the days where
// the region counts days.
func TestOptionLine(t *testing.T) {
	zero, cost := 0, 400
	tests := []struct {
		name   string
		o      rules.Option
		zh, en string
	}{
		{"back-pay, no wait", rules.Option{Kind: "backpay", BenefitsFrom: "2026-07-01"},
			"无等待期，2026年7月1日起享受待遇", "no waiting period, benefits from 1 Jul 2026"},
		{"pay in the window, a wait in days", rules.Option{Kind: "payInWindow", WaitDays: 120, BenefitsFrom: "2027-05-01", Cost: &cost},
			"等待 120 天，2027年5月1日起享受待遇；约 400 元", "wait 120 days, benefits from 1 May 2027; about ¥400"},
		{"repair, a wait in months, no price", rules.Option{Kind: "repair", Months: 3, BenefitsFrom: "2027-04-01", Cost: &zero},
			"等待 3 个月，2027年4月1日起享受待遇", "wait 3 months, benefits from 1 Apr 2027"},
	}
	for _, tt := range tests {
		if got := optionLine(form.Zh, tt.o); got != tt.zh {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.zh)
		}
		if got := optionLine(form.En, tt.o); got != tt.en {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.en)
		}
	}
}

// A back-dated start (a switch from employee insurance within 3 months)
// takes the payment first: the summary does not say "not covered now" and
// "covered from" a day already past as if both held now.
func TestSummaryBackdatedStart(t *testing.T) {
	f := form.LifeEventOf("quit").Form(form.Answers{"region": "440300", "from": "2019-01", "to": "2026-06", "next": "resident", "nextRegion": "510100"}, "2026-08-20")
	for _, tt := range []struct {
		l         form.Lang
		want, bad string
	}{
		{form.Zh, "缴费后可追溯至2026年7月1日起报销", "；2026年7月1日起可报销"},
		{form.En, "once paid, covered back to 1 Jul 2026", "; covered from 1 Jul 2026"},
	} {
		res := form.Evaluate(f)
		if !res.Computed || res.Out.Waiting == nil || !res.Out.Waiting.Retroactive {
			t.Fatalf("the case is not a back-dated start: %+v", res.Out.Waiting)
		}
		s := answerSummary(tt.l, true, res)
		if !strings.Contains(s, tt.want) || strings.Contains(s, tt.bad) {
			t.Errorf("summary %q, want %q", s, tt.want)
		}
	}
	// A year already paid, whose benefits began before today, takes no
	// payment first.
	paid, err := form.Parse([]byte(`{"asOf":"2026-11-01","enrollments":[{"id":"r0","region":"510100","scheme":"resident","from":"2020-01","to":"2024-12"},{"id":"r1","region":"510100","scheme":"resident","from":"2026-01","to":"2026-12","paidOn":"2025-11-20"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	res := form.Evaluate(paid)
	if text := imageAlt(resultImageLines(form.Zh, &res.Out, "2026-11-01", nil)) + answerSummary(form.Zh, true, res); strings.Contains(text, "缴费后") {
		t.Errorf("a year already paid reads as a payment to make: %s", text)
	}
}
