package ui

import (
	"strings"
	"testing"

	"yibao/app/form"
	"yibao/rules"
)

func answerFor(t *testing.T, doc string) rules.Output {
	t.Helper()
	in, err := rules.Decode([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	out, err := rules.Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The next-steps card shows deadlines with a calendar button, the transfer
// steps, the incentive, and whether local rules are known.
func TestNextStepsCard(t *testing.T) {
	out := answerFor(t, `{"asOf":"2026-11-22","enrollments":[
		{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-10"},
		{"id":"cd","region":"510100","scheme":"resident","from":"2025-01","to":"2026-12"}],
		"plan":{"region":"320500","scheme":"employee","payOn":"2026-12-05"}}`)
	html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: out})
	for _, want := range []string{
		`id="transfer"`, "从成都市到苏州市：转移接续", "15个工作日", "国家医保服务平台",
		`id="incentive"`, `data-years="2"`, "苏州市：已收录当地规定",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("card lacks %s", want)
		}
	}
	if strings.Contains(html, "已提高0元") {
		t.Error("the incentive says it has risen by 0 yuan")
	}
	// A person taking a job needs no resident window; one renewing does.
	if strings.Contains(html, `data-kind="windowEnds"`) {
		t.Errorf("an employee plan shows the resident window: %s", html)
	}
	renew := answerFor(t, `{"asOf":"2026-11-22","enrollments":[
		{"id":"cd","region":"510100","scheme":"resident","from":"2025-01","to":"2026-12"}]}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: renew})
	for _, want := range []string{`id="deadlines"`, `id="add-to-calendar"`, `data-kind="windowEnds"`, `data-date="2026-12-31"`} {
		if !strings.Contains(html, want) {
			t.Errorf("renewal card lacks %s", want)
		}
	}
	national := answerFor(t, `{"asOf":"2026-11-22","plan":{"region":"640100","scheme":"resident","payOn":"2026-12-05"}}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: national})
	if !strings.Contains(html, "按国家规定，当地细则请以当地医保部门为准") {
		t.Errorf("a region without local rules must say so: %s", html)
	}
	html = load(t, &nextStepsCard{Lang: form.En, Computed: false})
	if strings.Contains(html, `id="deadlines"`) {
		t.Error("nothing before the answer is computed")
	}
}

// The rules page groups regions by province and lists the national-only
// ones apart.
func TestRulesPageGroupsRegions(t *testing.T) {
	html := load(t, &rulesPage{})
	for _, want := range []string{`id="regions-local"`, `id="regions-national"`, `data-code="320500"`, `data-status="local"`, "按国家规定的地区", "广东省"} {
		if !strings.Contains(html, want) {
			t.Errorf("rules page lacks %s", want)
		}
	}
	if i, j := strings.Index(html, `data-code="320000"`), strings.Index(html, `data-code="320500"`); i < 0 || j < i {
		t.Error("Suzhou should follow Jiangsu")
	}
}

// A person who is not covered and gave no plan is never told "no wait":
// the card shows each way back if they enroll today.
func TestWaitingCardNotCovered(t *testing.T) {
	lapsed := answerFor(t, `{"asOf":"2026-08-15","person":{"residence":"510100"},"enrollments":[
		{"id":"sz","region":"440300","scheme":"employee","from":"2019-03","to":"2026-06"}]}`)
	html := load(t, &waitingCard{Lang: form.Zh, Computed: true, Answer: lapsed.Waiting, Coverage: lapsed.Coverage.Status})
	for _, want := range []string{"如果今天参保：", "如果今天参保缴费", "灵活就业人员身份继续参加职工医保", "在成都市参加城乡居民医保"} {
		if !strings.Contains(html, want) {
			t.Errorf("lapsed card lacks %q: %s", want, html)
		}
	}
	if strings.Contains(html, "无需等待") || strings.Contains(html, "tone-good") {
		t.Errorf("a lapsed person sees a green no-wait answer: %s", html)
	}
	none := answerFor(t, `{"asOf":"2026-08-15"}`)
	html = load(t, &waitingCard{Lang: form.Zh, Computed: true, Answer: none.Waiting, Coverage: none.Coverage.Status})
	if strings.Contains(html, "无需等待") || !strings.Contains(html, "尚未参保") {
		t.Errorf("a person with no enrollment sees: %s", html)
	}
	short := answerFor(t, `{"asOf":"2026-06-01","person":{"retired":true,"sex":"male"},"enrollments":[
		{"id":"nj","region":"320100","scheme":"employee","from":"2008-01","to":"2025-12"}]}`)
	html = load(t, &waitingCard{Lang: form.Zh, Computed: true, Answer: short.Waiting, Coverage: short.Coverage.Status})
	if short.Coverage.Status != rules.StatusRetiredShort || strings.Contains(html, "无需等待") || !strings.Contains(html, "先补足缴费年限") {
		t.Errorf("a retiree short of the years sees: %s", html)
	}
	capped := answerFor(t, `{"asOf":"2026-11-01","enrollments":[
		{"id":"a","region":"440300","scheme":"employee","from":"2020-01","to":"2026-06"}],
		"plan":{"region":"310000","scheme":"employee","payOn":"2026-11-01"}}`)
	html = load(t, &waitingCard{Lang: form.Zh, Computed: true, Answer: capped.Waiting, Coverage: capped.Coverage.Status})
	if !strings.Contains(html, "最长等待 6 个月") || !strings.Contains(html, "最晚待遇开始") {
		t.Errorf("the national cap is not shown as an upper bound: %s", html)
	}
}

// The checklist says what the same answer asks: stop the duplicate the
// duplicates card stops, and pay as planned (when, where, from when it
// pays, where to pay, 12393); nothing without an answer that asks it.
func TestNextStepsTodo(t *testing.T) {
	dup := answerFor(t, `{"asOf":"2026-12-01","person":{"residence":"310000","workRegion":"310000"},"enrollments":[
		{"id":"e1","region":"310000","scheme":"employee","from":"2022-03"},
		{"id":"e2","region":"360100","scheme":"resident","from":"2020-01"}]}`)
	html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: dup})
	for _, want := range []string{"要做的事", `class="todo-stop"`, "停止南昌市的城乡居民医保", "在哪里办：到南昌市的医保经办窗口", "申请终止参保", "12393"} {
		if !strings.Contains(html, want) {
			t.Errorf("duplicate: the checklist lacks %s", want)
		}
	}
	if strings.Contains(html, "todo-pay") {
		t.Errorf("duplicate without a plan: a payment to make")
	}
	plan := answerFor(t, `{"asOf":"2026-10-10","enrollments":[{"id":"e1","region":"330100","scheme":"employee","kind":"flexible","from":"2021-01","to":"2026-05"}],
		"plan":{"region":"330100","scheme":"employee","kind":"flexible","payOn":"2026-10-10"}}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: plan, PayOn: "2026-10-10"})
	for _, want := range []string{`class="todo-pay"`, "2026年10月10日：在杭州市缴纳职工医保", "起可报销", "12393"} {
		if !strings.Contains(html, want) {
			t.Errorf("plan: the checklist lacks %s", want)
		}
	}
	if strings.Contains(html, "todo-stop") {
		t.Errorf("plan without duplicates: something to stop")
	}
	// Outside the window 青海 asks the full price: the checklist says how much.
	full := answerFor(t, `{"asOf":"2026-08-03","enrollments":[{"id":"r","region":"630100","scheme":"resident","from":"2020-01","to":"2024-12"}],"plan":{"region":"630100","scheme":"resident","payOn":"2026-08-03"}}`)
	if html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: full, PayOn: "2026-08-03"}); !strings.Contains(html, "按全额（个人缴费加财政补助）：1100元") {
		t.Errorf("full price: the checklist does not say how much")
	}
	// Not covered, no plan: the ways back to choose from. Covered by a
	// resident year, no plan: renew in the window.
	quit := answerFor(t, `{"asOf":"2026-08-20","person":{"residence":"510100"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","kind":"unit","from":"2019-01","to":"2026-06"}]}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: quit})
	for _, want := range []string{`class="todo-ways"`, "选一种方式接着参保", "在深圳市以灵活就业人员身份继续参加职工医保", "在成都市参加城乡居民医保"} {
		if !strings.Contains(html, want) {
			t.Errorf("no plan: the checklist lacks %s", want)
		}
	}
	resident := answerFor(t, `{"asOf":"2026-11-01","enrollments":[{"id":"r","region":"510100","scheme":"resident","from":"2020-01","to":"2026-12"}]}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: resident})
	for _, want := range []string{`class="todo-renew"`, "2026年12月31日前续交下一年度的居民医保。"} {
		if !strings.Contains(html, want) {
			t.Errorf("renewal: the checklist lacks %s", want)
		}
	}
	// An employer's enrollment is the employer's to close: the checklist
	// gives the engine's words and whom to ask, nothing to do oneself.
	job := answerFor(t, `{"asOf":"2026-11-01","person":{"workRegion":"310000"},"enrollments":[{"id":"a","region":"440300","scheme":"employee","kind":"unit","from":"2019-01"},{"id":"b","region":"310000","scheme":"employee","kind":"unit","from":"2026-06"}]}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: job})
	if !strings.Contains(html, "原单位已办理减员") || strings.Contains(html, "办理停止缴费") || strings.Contains(html, "申请终止参保") {
		t.Errorf("employer's enrollment: the checklist tells the person to stop it: %s", html)
	}
	// Employee insurance, living where another region's resident window
	// closes: nothing to renew.
	for _, to := range []string{"2026-11", "2027-06"} {
		emp := answerFor(t, `{"asOf":"2026-11-22","person":{"residence":"510100"},"enrollments":[{"id":"e","region":"440300","scheme":"employee","kind":"unit","from":"2019-03","to":"`+to+`"}]}`)
		if html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: emp}); strings.Contains(html, "todo-renew") {
			t.Errorf("employee insurance to %s: a resident renewal to do", to)
		}
	}
	// A retiree's resident plan is not needed: no payment to make, but
	// what the waiting card says.
	retPlan := answerFor(t, `{"asOf":"2026-05-01","person":{"retired":true,"residence":"460100","sex":"male"},"enrollments":[{"id":"e1","region":"110000","scheme":"employee","from":"1988-07","to":"2024-06"}],"plan":{"region":"460100","scheme":"resident","payOn":"2026-05-01"}}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: retPlan, PayOn: "2026-05-01"})
	if strings.Contains(html, "todo-pay") || !strings.Contains(html, "先不要缴这笔费用。") || !strings.Contains(html, "不需要再参加") {
		t.Errorf("retiree's resident plan: the checklist asks for the payment")
	}
	// A resident moving: the step to take is joining next year there, not
	// the one that says what stays.
	move := answerFor(t, `{"asOf":"2026-12-01","person":{"residence":"510100"},"enrollments":[{"id":"a","region":"440300","scheme":"resident","from":"2019-01","to":"2026-12"}],"plan":{"region":"510100","scheme":"resident","payOn":"2026-12-01"}}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: move, PayOn: "2026-12-01"})
	if move.Transfer == nil || !strings.Contains(html, `class="todo-transfer"`) || !strings.Contains(html, move.Transfer.Steps[move.Transfer.Main].Zh) || move.Transfer.Main == 0 {
		t.Errorf("resident move: the checklist's step is not the one to take: %+v", move.Transfer)
	}
	// A retiree living elsewhere files for care there; a mover transfers:
	// the checklist says so, with where.
	retiree := answerFor(t, `{"asOf":"2026-12-01","person":{"retired":true,"residence":"460100","sex":"male"},"enrollments":[{"id":"e1","region":"110000","scheme":"employee","from":"1988-07","to":"2024-06"}]}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: retiree})
	for _, want := range []string{`class="todo-transfer"`, "退休人员异地居住：异地就医备案。", "办理异地就医备案（异地长期居住）", "在哪里办：国家医保服务平台 App"} {
		if !strings.Contains(html, want) {
			t.Errorf("retiree: the checklist lacks %s", want)
		}
	}
	// Where only the national cap of the wait is known, the payment's day
	// is the latest, as the summary says (benefitsFromText).
	capped := answerFor(t, `{"asOf":"2026-12-01","enrollments":[{"id":"e1","region":"510100","scheme":"employee","kind":"flexible","from":"2019-01","to":"2024-06"}],"plan":{"region":"510100","scheme":"employee","kind":"flexible","payOn":"2026-12-01"}}`)
	if html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: capped, PayOn: "2026-12-01"}); !strings.Contains(html, "，最晚2027年7月1日起可报销。") {
		t.Errorf("national cap: the payment does not say 最晚, as the summary does")
	}
	// A resident plan says about how much, and what to bring.
	chengdu := answerFor(t, `{"asOf":"2026-12-01","person":{"residence":"510100"},"enrollments":[{"id":"e1","region":"440300","scheme":"employee","kind":"unit","from":"2019-01","to":"2026-06"}],"plan":{"region":"510100","scheme":"resident","payOn":"2026-12-01"}}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: chengdu, PayOn: "2026-12-01"})
	for _, want := range []string{"2027年度的个人缴费标准还未收录；2026年度全国标准不低于400元，以当地公布的为准。", "凭有效身份证件或医保电子凭证办理"} {
		if !strings.Contains(html, want) {
			t.Errorf("resident plan: the checklist lacks %s", want)
		}
	}
	xiamen := answerFor(t, `{"asOf":"2026-03-10","enrollments":[],"plan":{"region":"350200","scheme":"resident","payOn":"2026-03-10"}}`)
	if html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: xiamen, PayOn: "2026-03-10"}); !strings.Contains(html, "个人缴费：2026年度450元。") {
		t.Errorf("厦门's own contribution is not said")
	}
	// A plan whose day has passed (a life event answered yesterday): no
	// step dated in the past, but what to do, and a tap to pay today.
	passed := answerFor(t, `{"asOf":"2026-10-11","enrollments":[{"id":"e1","region":"330100","scheme":"employee","kind":"flexible","from":"2021-01","to":"2026-05"}],
		"plan":{"region":"330100","scheme":"employee","kind":"flexible","payOn":"2026-10-10"}}`)
	html = load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: passed, PayOn: "2026-10-10"})
	for _, want := range []string{"todo-passed", "打算缴费的日子（2026年10月10日）已经过去了", `id="plan-pay-today"`, "改成2026年10月11日交"} {
		if !strings.Contains(html, want) {
			t.Errorf("pay day passed: the checklist lacks %s", want)
		}
	}
	if strings.Contains(html, "2026年10月10日：") {
		t.Errorf("pay day passed: a step dated in the past")
	}
	covered := answerFor(t, `{"asOf":"2026-10-10","enrollments":[{"id":"e1","region":"330100","scheme":"employee","from":"2021-01"}]}`)
	if html := load(t, &nextStepsCard{Lang: form.Zh, Computed: true, Answer: covered}); strings.Contains(html, "要做的事") {
		t.Errorf("covered, nothing to do: a checklist")
	}
}

// The result image says what the cards say, with what to stop.
func TestResultImageLines(t *testing.T) {
	dup := answerFor(t, `{"asOf":"2026-12-01","person":{"residence":"310000","workRegion":"310000"},"enrollments":[
		{"id":"e1","label":"#1","region":"310000","scheme":"employee","from":"2022-03"},
		{"id":"e2","label":"#2","region":"360100","scheme":"resident","from":"2020-01"}]}`)
	lines := resultImageLines(form.Zh, &dup, "2026-12-01", map[string]string{"e1": "#1 上海市 职工医保"})
	text := imageAlt(lines)
	for _, want := range []string{"医保连续参保计算器", "2026年12月1日能报销吗？", "待遇等待期", "保留 #1 上海市 职工医保", "停止南昌市的城乡居民医保（#2）"} {
		if !strings.Contains(text, want) {
			t.Errorf("the image lacks %s:\n%s", want, text)
		}
	}
	if f := imageAlt(imageFooter(form.Zh, "v1", false)); !strings.Contains(f, "链接太长") || !strings.Contains(f, "规则版本 v1") {
		t.Errorf("footer without a QR code: %s", f)
	}
}
