package ui

import "strconv"

// lifeEvent is one answer to the first screen's question, 发生了什么？: a
// few plain questions, one per screen, whose answers fill the form (and so
// the one rules.Input the engine gets). Each asks what its answer needs,
// with the usual case offered as the default, so that nobody has to find
// an optional section of the form to get a right answer.
type lifeEvent struct {
	id        string
	title     bi
	questions []question
	// fill writes the answers into an empty form whose AsOf is set.
	fill func(f *formState, a answers)
}

// questionKind is what a question takes.
type questionKind uint8

const (
	askRegion questionKind = iota // a region, picked from the list
	askMonth                      // a month: 2024-03
	askDate                       // a day: 2026-12-01
	askYear                       // a year: 2024
	askChoice                     // one of choices
)

// question is one screen of a life event.
type question struct {
	key     string
	kind    questionKind
	text    bi // the question itself
	hint    bi
	choices []option
	// def is the answer offered before the person gives one ("" for none).
	def func(a answers, today string) string
	// when says whether the question applies to the answers before it
	// (nil: always).
	when func(a answers) bool
	// records says the answer is in the person's payment record: the
	// screen shows where to look it up.
	records bool
}

// answers are a life event's answers by question key, as typed.
type answers map[string]string

// applies reports whether q is asked, given the answers so far.
func (q *question) applies(a answers) bool { return q.when == nil || q.when(a) }

// value is the answer to q: what was typed, else its default.
func (q *question) value(a answers, today string) string {
	if v, ok := a[q.key]; ok {
		return v
	}
	if q.def != nil {
		return q.def(a, today)
	}
	return ""
}

// problem says what is wrong with v as an answer to q ("" when it will do).
func (q *question) problem(v string) bi {
	switch q.kind {
	case askRegion:
		if v == "" {
			return bi{"请从列表中选择一个地方", "Pick a place from the list"}
		}
	case askMonth:
		if !validMonth(normalizeMonth(v)) {
			return bi{"请填年月，如 2024-03", "Enter a month, e.g. 2024-03"}
		}
	case askDate:
		if !validDate(normalizeDate(v)) {
			return bi{"请填日期，如 2026-12-01", "Enter a day, e.g. 2026-12-01"}
		}
	case askYear:
		if n, err := strconv.Atoi(v); err != nil || n < 1950 || n > 2100 {
			return bi{"请填四位年份，如 2024", "Enter a year, e.g. 2024"}
		}
	case askChoice:
		for _, o := range q.choices {
			if o.value == v {
				return bi{}
			}
		}
		return bi{"请选一项", "Choose one"}
	}
	return bi{}
}

// lifeEventOf finds a life event by id.
func lifeEventOf(id string) *lifeEvent {
	for i := range lifeEvents {
		if lifeEvents[i].id == id {
			return &lifeEvents[i]
		}
	}
	return nil
}

// steps are the questions event e asks, given the answers so far.
func (e *lifeEvent) steps(a answers) []*question {
	var qs []*question
	for i := range e.questions {
		if q := &e.questions[i]; q.applies(a) {
			qs = append(qs, q)
		}
	}
	return qs
}

// complete is the answers with every applying question answered (defaults
// filled in) and written as the contract wants them.
func (e *lifeEvent) complete(a answers, today string) answers {
	out := answers{}
	for i := range e.questions {
		q := &e.questions[i]
		if !q.applies(out) {
			continue
		}
		v := q.value(a, today)
		switch q.kind {
		case askMonth:
			v = normalizeMonth(v)
		case askDate:
			v = normalizeDate(v)
		}
		out[q.key] = v
	}
	return out
}

// form is the form that event e's answers fill, on day today.
func (e *lifeEvent) form(a answers, today string) formState {
	f := formState{AsOf: today}
	e.fill(&f, e.complete(a, today))
	return f
}

// addRow adds an enrollment row.
func (f *formState) addRow(region, scheme, kind, from, to string) {
	f.Enrollments = append(f.Enrollments, formEnrollment{ID: f.nextID(), Region: region, Scheme: scheme, Kind: kind, From: from, To: to})
}

// planNext sets the plan from a "what next" answer: a new job (unit), the
// employee scheme as a flexible worker, or the resident scheme; "none"
// leaves no plan.
func (f *formState) planNext(next, region, payOn string) {
	switch next {
	case "job":
		f.HasPlan, f.Plan = true, formPlan{Region: region, Scheme: "employee", Kind: "unit", PayOn: payOn}
		f.WorkRegion = region
	case "flexible":
		f.HasPlan, f.Plan = true, formPlan{Region: region, Scheme: "employee", Kind: "flexible", PayOn: payOn}
	case "resident":
		f.HasPlan, f.Plan = true, formPlan{Region: region, Scheme: "resident", PayOn: payOn}
		f.Residence = region
	}
}

// monthBefore is the month before today's ("2026-12-01" → "2026-11").
func monthBefore(today string) string {
	i, ok := monthIndex(today[:min(7, len(today))])
	if !ok {
		return ""
	}
	return monthString(i - 1)
}

// thisMonth is today's month.
func thisMonth(today string) string { return today[:min(7, len(today))] }

func todayDef(_ answers, today string) string     { return today }
func lastMonthDef(_ answers, today string) string { return monthBefore(today) }
func thisMonthDef(_ answers, today string) string { return thisMonth(today) }

// sameAs offers the answer to another question.
func sameAs(key string) func(a answers, today string) string {
	return func(a answers, _ string) string { return a[key] }
}

func answerIs(key string, values ...string) func(a answers) bool {
	return func(a answers) bool {
		for _, v := range values {
			if a[key] == v {
				return true
			}
		}
		return false
	}
}

func answerIsNot(key, value string) func(a answers) bool {
	return func(a answers) bool { return a[key] != value }
}

// What the questions say, shared by several events.
var (
	nextChoices = []option{
		{"job", bi{"找到了新工作，新单位交", "A new job: the employer pays"}},
		{"flexible", bi{"自己交职工医保（灵活就业）", "Pay the employee scheme myself (flexible work)"}},
		{"resident", bi{"交居民医保（每年交一次）", "Join the resident scheme (paid once a year)"}},
		{"none", bi{"还没想好", "Not decided yet"}},
	}
	plainSchemeChoices = []option{
		{"employee", bi{"单位交或灵活就业自己交的（职工医保）", "Paid by an employer or as a flexible worker (employee scheme)"}},
		{"resident", bi{"每年交一次的（居民医保）", "Paid once a year (resident scheme)"}},
	}
	payOnQuestion = bi{"打算哪天交？新工作填单位开始交的日子", "When will you pay? For a new job, the day the employer starts paying"}
	whereNext     = bi{"在哪里交？", "Where?"}
)

// lifeEvents are the first screen's choices, in its order; 其他 opens the
// full form.
var lifeEvents = []lifeEvent{
	{
		id:    "quit",
		title: bi{"我辞职了", "I left my job"},
		questions: []question{
			{key: "region", kind: askRegion, text: bi{"在哪个城市的单位上班？", "Where was the job?"}},
			{key: "from", kind: askMonth, text: bi{"在那里从哪个月开始交医保？", "Since which month did you pay there?"}, hint: bi{"记不清就填个大概", "A rough month will do"}, records: true},
			{key: "to", kind: askMonth, text: bi{"单位交到哪个月为止？", "Until which month did the employer pay?"}, hint: bi{"一般是离职的那个月", "Usually the month you left"}, def: lastMonthDef, records: true},
			{key: "next", kind: askChoice, text: bi{"接下来打算怎么交医保？", "How will you be insured next?"}, choices: nextChoices},
			{key: "nextRegion", kind: askRegion, text: whereNext, def: sameAs("region"), when: answerIsNot("next", "none")},
			{key: "payOn", kind: askDate, text: payOnQuestion, def: todayDef, when: answerIsNot("next", "none")},
		},
		fill: func(f *formState, a answers) {
			f.addRow(a["region"], "employee", "unit", a["from"], a["to"])
			f.planNext(a["next"], a["nextRegion"], a["payOn"])
		},
	},
	{
		id:    "moved",
		title: bi{"换了城市工作", "I took a job in another city"},
		questions: []question{
			{key: "oldRegion", kind: askRegion, text: bi{"原来在哪个城市工作？", "Where did you work before?"}},
			{key: "oldFrom", kind: askMonth, text: bi{"在那里从哪个月开始交医保？", "Since which month did you pay there?"}, hint: bi{"记不清就填个大概", "A rough month will do"}, records: true},
			{key: "oldTo", kind: askMonth, text: bi{"那里交到哪个月为止？", "Until which month was it paid there?"}, def: lastMonthDef, records: true},
			{key: "newRegion", kind: askRegion, text: bi{"现在在哪个城市工作？", "Where do you work now?"}},
			{key: "newFrom", kind: askMonth, text: bi{"新单位从哪个月开始交？", "Since which month does the new employer pay?"}, def: thisMonthDef},
		},
		fill: func(f *formState, a answers) {
			f.addRow(a["oldRegion"], "employee", "unit", a["oldFrom"], a["oldTo"])
			f.addRow(a["newRegion"], "employee", "unit", a["newFrom"], "")
			f.WorkRegion = a["newRegion"]
		},
	},
	{
		id:    "baby",
		title: bi{"生孩子了", "I had a baby"},
		questions: []question{
			{key: "birth", kind: askDate, text: bi{"宝宝哪天出生的？", "When was the baby born?"}},
			{key: "region", kind: askRegion, text: bi{"在哪里给宝宝参保？", "Where will the baby be insured?"}, hint: bi{"一般是父母一方的户籍地或常住地", "Usually where a parent is registered or lives"}},
			{key: "paid", kind: askChoice, text: bi{"宝宝的居民医保交了吗？", "Has the baby's resident insurance been paid?"}, choices: []option{
				{"no", bi{"还没交", "Not yet"}},
				{"yes", bi{"已经交了", "Yes"}},
			}},
			{key: "paidOn", kind: askDate, text: bi{"哪天交的？", "On which day?"}, def: todayDef, when: answerIs("paid", "yes")},
			{key: "payOn", kind: askDate, text: bi{"打算哪天交？", "When will you pay?"}, def: todayDef, when: answerIs("paid", "no")},
		},
		fill: func(f *formState, a answers) {
			f.BirthDate, f.Groups, f.Residence = a["birth"], []string{"newborn"}, a["region"]
			if a["paid"] == "yes" {
				born := thisMonth(a["birth"])
				f.addRow(a["region"], "resident", "", born, born[:4]+"-12")
				f.Enrollments[0].PaidOn = a["paidOn"]
				return
			}
			f.HasPlan, f.Plan = true, formPlan{Region: a["region"], Scheme: "resident", PayOn: a["payOn"]}
		},
	},
	{
		id:    "resume",
		title: bi{"断缴了，想续上", "I stopped paying and want to resume"},
		questions: []question{
			{key: "scheme", kind: askChoice, text: bi{"以前交的是哪种医保？", "Which insurance did you pay?"}, choices: plainSchemeChoices, records: true},
			{key: "region", kind: askRegion, text: bi{"在哪里交的？", "Where?"}},
			{key: "kind", kind: askChoice, text: bi{"是单位交的，还是自己交的？", "Paid by an employer or by yourself?"}, choices: kindChoices, when: answerIs("scheme", "employee")},
			{key: "from", kind: askMonth, text: bi{"从哪个月开始交的？", "Since which month?"}, hint: bi{"记不清就填个大概", "A rough month will do"}, when: answerIs("scheme", "employee"), records: true},
			{key: "to", kind: askMonth, text: bi{"最后交到哪个月？", "The last month paid?"}, when: answerIs("scheme", "employee"), records: true},
			{key: "firstYear", kind: askYear, text: bi{"从哪一年开始交的？", "Since which year?"}, hint: bi{"记不清就填个大概", "A rough year will do"}, when: answerIs("scheme", "resident"), records: true},
			{key: "lastYear", kind: askYear, text: bi{"最后交的是哪一年？", "The last year paid?"}, when: answerIs("scheme", "resident"), records: true},
			{key: "next", kind: askChoice, text: bi{"打算怎么续上？", "How will you resume?"}, choices: nextChoices[:3], def: func(a answers, _ string) string {
				if a["scheme"] == "resident" {
					return "resident"
				}
				return "flexible"
			}},
			{key: "nextRegion", kind: askRegion, text: whereNext, def: sameAs("region")},
			{key: "payOn", kind: askDate, text: payOnQuestion, def: todayDef},
		},
		fill: func(f *formState, a answers) {
			if a["scheme"] == "resident" {
				f.addRow(a["region"], "resident", "", a["firstYear"]+"-01", a["lastYear"]+"-12")
			} else {
				f.addRow(a["region"], "employee", a["kind"], a["from"], a["to"])
			}
			f.planNext(a["next"], a["nextRegion"], a["payOn"])
		},
	},
	{
		id:    "duplicate",
		title: bi{"两个地方都交了", "I pay in two places"},
		questions: []question{
			{key: "aRegion", kind: askRegion, text: bi{"第一个地方在哪里？", "The first place?"}},
			{key: "aScheme", kind: askChoice, text: bi{"那里交的是哪种？", "Which insurance there?"}, choices: plainSchemeChoices, records: true},
			{key: "aFrom", kind: askMonth, text: bi{"那里从哪个月开始交？", "Since which month there?"}, hint: bi{"记不清就填个大概", "A rough month will do"}, records: true},
			{key: "bRegion", kind: askRegion, text: bi{"第二个地方在哪里？", "The second place?"}},
			{key: "bScheme", kind: askChoice, text: bi{"那里交的是哪种？", "Which insurance there?"}, choices: plainSchemeChoices, records: true},
			{key: "bFrom", kind: askMonth, text: bi{"那里从哪个月开始交？", "Since which month there?"}, hint: bi{"记不清就填个大概", "A rough month will do"}, records: true},
			{key: "residence", kind: askRegion, text: bi{"你现在常住在哪里？", "Where do you live now?"}, hint: bi{"重复参保时，一般保留常住地或就业地的", "With duplicates, the one where you live or work is usually kept"}, def: sameAs("bRegion")},
		},
		fill: func(f *formState, a answers) {
			f.addRow(a["aRegion"], a["aScheme"], "", a["aFrom"], "")
			f.addRow(a["bRegion"], a["bScheme"], "", a["bFrom"], "")
			f.Residence = a["residence"]
			for _, e := range f.Enrollments {
				if e.Scheme == "employee" {
					f.WorkRegion = e.Region
				}
			}
		},
	},
	{
		id:    "retiree",
		title: bi{"退休后去外地住", "I retired and live elsewhere"},
		questions: []question{
			{key: "region", kind: askRegion, text: bi{"在哪里办的退休（医保关系在哪里）？", "Where did you retire (where is your insurance)?"}},
			{key: "from", kind: askMonth, text: bi{"从哪个月开始交职工医保？", "Since which month did you pay the employee scheme?"}, hint: bi{"记不清就填个大概；在别的城市交的年限也算，可以之后在详细信息里添上", "A rough month will do; years paid in other cities count too: add them in the details later"}, records: true},
			{key: "to", kind: askMonth, text: bi{"哪个月退休的？", "In which month did you retire?"}},
			{key: "sex", kind: askChoice, text: bi{"性别（各地对男女的缴费年限要求不同）", "Sex (regions set different years for men and women)"}, choices: sexChoice.options},
			{key: "residence", kind: askRegion, text: bi{"现在住在哪里？", "Where do you live now?"}},
		},
		fill: func(f *formState, a answers) {
			f.Retired, f.Sex, f.Residence = true, a["sex"], a["residence"]
			f.addRow(a["region"], "employee", "", a["from"], a["to"])
		},
	},
	{
		id:    "flexgap",
		title: bi{"灵活就业断了几个月", "I missed months as a flexible worker"},
		questions: []question{
			{key: "region", kind: askRegion, text: bi{"在哪个城市以灵活就业交职工医保？", "Where do you pay as a flexible worker?"}},
			{key: "from", kind: askMonth, text: bi{"从哪个月开始交的？", "Since which month?"}, hint: bi{"记不清就填个大概", "A rough month will do"}, records: true},
			{key: "gapFrom", kind: askMonth, text: bi{"从哪个月开始没交？", "The first month not paid?"}, records: true},
			{key: "payOn", kind: askDate, text: bi{"打算哪天接着交？", "When will you pay again?"}, def: todayDef},
		},
		fill: func(f *formState, a answers) {
			last := ""
			if i, ok := monthIndex(a["gapFrom"]); ok {
				last = monthString(i - 1)
			}
			f.addRow(a["region"], "employee", "flexible", a["from"], last)
			f.planNext("flexible", a["region"], a["payOn"])
		},
	},
}

// kindChoices are who paid an employee enrollment, in plain words.
var kindChoices = []option{
	{"unit", bi{"单位交的", "An employer"}},
	{"flexible", bi{"自己交的（灵活就业）", "Myself (flexible work)"}},
}

// recordPaths says where a person finds their payment record: the app's
// path as a hospital's patient guide gives it (hb2h.com/info/12772/103691.htm,
// 2022: 【首页】-【缴费记录】, filtered by 参保地, 险种 and 年度), the
// platform's website, and the city services of WeChat and Alipay, whose
// entries each city names a little differently.
var recordPaths = bi{
	"去哪里查缴费记录：国家医保服务平台App →「首页」→「缴费记录」，可按参保地、险种和年度筛选（网站 fuwu.nhsa.gov.cn 也可查）；微信 →「我」→「服务」→「城市服务」→ 医保或社保查询；支付宝 →「市民中心」→「社保」。各地入口名称略有不同；也可打医保服务热线 12393。",
	"Where to find your payment record: the 国家医保服务平台 app → 首页 → 缴费记录, filtered by place, scheme and year (also on fuwu.nhsa.gov.cn); WeChat → Me → Services → City services → 医保 or 社保查询; Alipay → 市民中心 → 社保. Cities name these entries a little differently; or call the medical insurance hotline 12393.",
}
