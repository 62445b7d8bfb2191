package form

import "strconv"

// LifeEvent is one answer to the first screen's question, 发生了什么？: a
// few plain questions, one per screen, whose answers fill the form (and so
// the one rules.Input the engine gets). Each asks what its answer needs,
// with the usual case offered as the default, so that nobody has to find
// an optional section of the form to get a right answer.
type LifeEvent struct {
	ID        string
	Title     Text
	questions []Question
	// fill writes the answers into an empty form whose AsOf is set.
	fill func(f *State, a Answers)
}

// QuestionKind is what a question takes.
type QuestionKind uint8

const (
	AskRegion QuestionKind = iota // a region, picked from the list
	AskMonth                      // a month: 2024-03
	AskDate                       // a day: 2026-12-01
	AskYear                       // a year: 2024
	AskChoice                     // one of choices
)

// Question is one screen of a life event.
type Question struct {
	Key     string
	Kind    QuestionKind
	Text    Text // the question itself
	Hint    Text
	Choices []Option
	// def is the answer offered before the person gives one ("" for none).
	def func(a Answers, today string) string
	// when says whether the question applies to the answers before it
	// (nil: always).
	when func(a Answers) bool
	// Records says the answer is in the person's payment record: the
	// screen shows where to look it up.
	Records bool
}

// Answers are a life event's Answers by question key, as typed.
type Answers map[string]string

// applies reports whether q is asked, given the answers so far.
func (q *Question) applies(a Answers) bool { return q.when == nil || q.when(a) }

// Value is the answer to q: what was typed, else its default.
func (q *Question) Value(a Answers, today string) string {
	if v, ok := a[q.Key]; ok {
		return v
	}
	if q.def != nil {
		return q.def(a, today)
	}
	return ""
}

// Problem says what is wrong with v as an answer to q ("" when it will do).
func (q *Question) Problem(v string) Text {
	switch q.Kind {
	case AskRegion:
		if v == "" {
			return Text{"请从列表中选择一个地方", "Pick a place from the list"}
		}
	case AskMonth:
		if !validMonth(NormalizeMonth(v)) {
			return Text{"请填年月，如 2024-03", "Enter a month, e.g. 2024-03"}
		}
	case AskDate:
		if !validDate(NormalizeDate(v)) {
			return Text{"请填日期，如 2026-12-01", "Enter a day, e.g. 2026-12-01"}
		}
	case AskYear:
		if n, err := strconv.Atoi(v); err != nil || n < 1950 || n > 2100 {
			return Text{"请填四位年份，如 2024", "Enter a year, e.g. 2024"}
		}
	case AskChoice:
		for _, o := range q.Choices {
			if o.Value == v {
				return Text{}
			}
		}
		return Text{"请选一项", "Choose one"}
	}
	return Text{}
}

// LifeEventOf finds a life event by id.
func LifeEventOf(id string) *LifeEvent {
	for i := range LifeEvents {
		if LifeEvents[i].ID == id {
			return &LifeEvents[i]
		}
	}
	return nil
}

// Steps are the questions event e asks, given the answers so far.
func (e *LifeEvent) Steps(a Answers) []*Question {
	var qs []*Question
	for i := range e.questions {
		if q := &e.questions[i]; q.applies(a) {
			qs = append(qs, q)
		}
	}
	return qs
}

// Complete is the answers with every applying question answered (defaults
// filled in) and written as the contract wants them.
func (e *LifeEvent) Complete(a Answers, today string) Answers {
	out := Answers{}
	for i := range e.questions {
		q := &e.questions[i]
		if !q.applies(out) {
			continue
		}
		v := q.Value(a, today)
		switch q.Kind {
		case AskMonth:
			v = NormalizeMonth(v)
		case AskDate:
			v = NormalizeDate(v)
		}
		out[q.Key] = v
	}
	return out
}

// Form is the Form that event e's answers fill, on day today.
func (e *LifeEvent) Form(a Answers, today string) State {
	f := State{AsOf: today}
	e.fill(&f, e.Complete(a, today))
	return f
}

// addRow adds an enrollment row.
func (f *State) addRow(region, scheme, kind, from, to string) {
	f.Enrollments = append(f.Enrollments, Enrollment{ID: f.nextID(), Region: region, Scheme: scheme, Kind: kind, From: from, To: to})
}

// planNext sets the plan from a "what next" answer: a new job (unit), the
// employee scheme as a flexible worker, or the resident scheme; "none"
// leaves no plan.
func (f *State) planNext(next, region, payOn string) {
	switch next {
	case "job":
		f.HasPlan, f.Plan = true, Plan{Region: region, Scheme: "employee", Kind: "unit", PayOn: payOn}
		f.WorkRegion = region
	case "flexible":
		f.HasPlan, f.Plan = true, Plan{Region: region, Scheme: "employee", Kind: "flexible", PayOn: payOn}
	case "resident":
		f.HasPlan, f.Plan = true, Plan{Region: region, Scheme: "resident", PayOn: payOn}
		f.Residence = region
	}
}

// monthBefore is the month before today's ("2026-12-01" → "2026-11").
func monthBefore(today string) string {
	i, ok := MonthIndex(today[:min(7, len(today))])
	if !ok {
		return ""
	}
	return MonthString(i - 1)
}

// thisMonth is today's month.
func thisMonth(today string) string { return today[:min(7, len(today))] }

func todayDef(_ Answers, today string) string     { return today }
func lastMonthDef(_ Answers, today string) string { return monthBefore(today) }
func thisMonthDef(_ Answers, today string) string { return thisMonth(today) }

// sameAs offers the answer to another question.
func sameAs(key string) func(a Answers, today string) string {
	return func(a Answers, _ string) string { return a[key] }
}

func answerIs(key string, values ...string) func(a Answers) bool {
	return func(a Answers) bool {
		for _, v := range values {
			if a[key] == v {
				return true
			}
		}
		return false
	}
}

func answerIsNot(key, value string) func(a Answers) bool {
	return func(a Answers) bool { return a[key] != value }
}

// What the questions say, shared by several events.
var (
	nextChoices = []Option{
		{"job", Text{"找到了新工作，新单位交", "A new job: the employer pays"}},
		{"flexible", Text{"自己交职工医保（灵活就业）", "Pay the employee scheme myself (flexible work)"}},
		{"resident", Text{"交居民医保（每年交一次）", "Join the resident scheme (paid once a year)"}},
		{"none", Text{"还没想好", "Not decided yet"}},
	}
	plainSchemeChoices = []Option{
		{"employee", Text{"单位交或灵活就业自己交的（职工医保）", "Paid by an employer or as a flexible worker (employee scheme)"}},
		{"resident", Text{"每年交一次的（居民医保）", "Paid once a year (resident scheme)"}},
	}
	residenceHint = Text{"居民医保在常住地或户籍地交", "The resident scheme is joined where you live or are registered"}
	payOnQuestion = Text{"打算哪天交？新工作填单位开始交的日子", "When will you pay? For a new job, the day the employer starts paying"}
	whereNext     = Text{"在哪里交？", "Where?"}
)

// LifeEvents are the first screen's choices, in its order; 其他 opens the
// full form.
var LifeEvents = []LifeEvent{
	{
		ID:    "quit",
		Title: Text{"我辞职了", "I left my job"},
		questions: []Question{
			{Key: "region", Kind: AskRegion, Text: Text{"在哪个城市的单位上班？", "Where was the job?"}},
			{Key: "from", Kind: AskMonth, Text: Text{"在那里从哪个月开始交医保？", "Since which month did you pay there?"}, Hint: Text{"记不清就填个大概", "A rough month will do"}, Records: true},
			{Key: "to", Kind: AskMonth, Text: Text{"单位交到哪个月为止？", "Until which month did the employer pay?"}, Hint: Text{"一般是离职的那个月", "Usually the month you left"}, def: lastMonthDef, Records: true},
			{Key: "next", Kind: AskChoice, Text: Text{"接下来打算怎么交医保？", "How will you be insured next?"}, Choices: nextChoices},
			{Key: "nextRegion", Kind: AskRegion, Text: whereNext, def: sameAs("region"), when: answerIsNot("next", "none")},
			{Key: "payOn", Kind: AskDate, Text: payOnQuestion, def: todayDef, when: answerIsNot("next", "none")},
			// Undecided, the answer weighs each way back, the resident
			// scheme among them where the person lives.
			{Key: "residence", Kind: AskRegion, Text: Text{"你现在常住在哪里？", "Where do you live now?"}, Hint: residenceHint, def: sameAs("region"), when: answerIs("next", "none")},
		},
		fill: func(f *State, a Answers) {
			f.addRow(a["region"], "employee", "unit", a["from"], a["to"])
			f.planNext(a["next"], a["nextRegion"], a["payOn"])
			if a["next"] == "none" {
				f.Residence = a["residence"]
			}
		},
	},
	{
		ID:    "moved",
		Title: Text{"换了城市工作", "I took a job in another city"},
		questions: []Question{
			{Key: "oldRegion", Kind: AskRegion, Text: Text{"原来在哪个城市工作？", "Where did you work before?"}},
			{Key: "oldFrom", Kind: AskMonth, Text: Text{"在那里从哪个月开始交医保？", "Since which month did you pay there?"}, Hint: Text{"记不清就填个大概", "A rough month will do"}, Records: true},
			{Key: "oldTo", Kind: AskMonth, Text: Text{"那里交到哪个月为止？", "Until which month was it paid there?"}, def: lastMonthDef, Records: true},
			{Key: "newRegion", Kind: AskRegion, Text: Text{"现在在哪个城市工作？", "Where do you work now?"}},
			{Key: "newFrom", Kind: AskMonth, Text: Text{"新单位从哪个月开始交？", "Since which month does the new employer pay?"}, def: thisMonthDef},
		},
		fill: func(f *State, a Answers) {
			f.addRow(a["oldRegion"], "employee", "unit", a["oldFrom"], a["oldTo"])
			f.addRow(a["newRegion"], "employee", "unit", a["newFrom"], "")
			f.WorkRegion = a["newRegion"]
		},
	},
	{
		ID:    "baby",
		Title: Text{"生孩子了", "I had a baby"},
		questions: []Question{
			{Key: "birth", Kind: AskDate, Text: Text{"宝宝哪天出生的？", "When was the baby born?"}},
			{Key: "region", Kind: AskRegion, Text: Text{"在哪里给宝宝参保？", "Where will the baby be insured?"}, Hint: Text{"一般是父母一方的户籍地或常住地", "Usually where a parent is registered or lives"}},
			{Key: "paid", Kind: AskChoice, Text: Text{"宝宝的居民医保交了吗？", "Has the baby's resident insurance been paid?"}, Choices: []Option{
				{"no", Text{"还没交", "Not yet"}},
				{"yes", Text{"已经交了", "Yes"}},
			}},
			{Key: "paidOn", Kind: AskDate, Text: Text{"哪天交的？", "On which day?"}, def: todayDef, when: answerIs("paid", "yes")},
			{Key: "payOn", Kind: AskDate, Text: Text{"打算哪天交？", "When will you pay?"}, def: todayDef, when: answerIs("paid", "no")},
		},
		fill: func(f *State, a Answers) {
			f.BirthDate, f.Groups, f.Residence = a["birth"], []string{"newborn"}, a["region"]
			if a["paid"] == "yes" {
				born := thisMonth(a["birth"])
				f.addRow(a["region"], "resident", "", born, born[:4]+"-12")
				f.Enrollments[0].PaidOn = a["paidOn"]
				return
			}
			f.HasPlan, f.Plan = true, Plan{Region: a["region"], Scheme: "resident", PayOn: a["payOn"]}
		},
	},
	{
		ID:    "resume",
		Title: Text{"断缴了，想续上", "I stopped paying and want to resume"},
		questions: []Question{
			{Key: "scheme", Kind: AskChoice, Text: Text{"以前交的是哪种医保？", "Which insurance did you pay?"}, Choices: plainSchemeChoices, Records: true},
			{Key: "region", Kind: AskRegion, Text: Text{"在哪里交的？", "Where?"}},
			{Key: "kind", Kind: AskChoice, Text: Text{"是单位交的，还是自己交的？", "Paid by an employer or by yourself?"}, Choices: kindChoices, when: answerIs("scheme", "employee")},
			{Key: "from", Kind: AskMonth, Text: Text{"从哪个月开始交的？", "Since which month?"}, Hint: Text{"记不清就填个大概", "A rough month will do"}, when: answerIs("scheme", "employee"), Records: true},
			{Key: "to", Kind: AskMonth, Text: Text{"最后交到哪个月？", "The last month paid?"}, when: answerIs("scheme", "employee"), Records: true},
			{Key: "firstYear", Kind: AskYear, Text: Text{"从哪一年开始交的？", "Since which year?"}, Hint: Text{"记不清就填个大概", "A rough year will do"}, when: answerIs("scheme", "resident"), Records: true},
			{Key: "lastYear", Kind: AskYear, Text: Text{"最后交的是哪一年？", "The last year paid?"}, when: answerIs("scheme", "resident"), Records: true},
			{Key: "next", Kind: AskChoice, Text: Text{"打算怎么续上？", "How will you resume?"}, Choices: nextChoices[:3], def: func(a Answers, _ string) string {
				if a["scheme"] == "resident" {
					return "resident"
				}
				return "flexible"
			}},
			{Key: "nextRegion", Kind: AskRegion, Text: whereNext, def: sameAs("region")},
			{Key: "payOn", Kind: AskDate, Text: payOnQuestion, def: todayDef},
		},
		fill: func(f *State, a Answers) {
			if a["scheme"] == "resident" {
				f.addRow(a["region"], "resident", "", a["firstYear"]+"-01", a["lastYear"]+"-12")
			} else {
				f.addRow(a["region"], "employee", a["kind"], a["from"], a["to"])
			}
			f.planNext(a["next"], a["nextRegion"], a["payOn"])
		},
	},
	{
		ID:    "duplicate",
		Title: Text{"两个地方都交了", "I pay in two places"},
		questions: []Question{
			{Key: "aRegion", Kind: AskRegion, Text: Text{"第一个地方在哪里？", "The first place?"}},
			{Key: "aScheme", Kind: AskChoice, Text: Text{"那里交的是哪种？", "Which insurance there?"}, Choices: plainSchemeChoices, Records: true},
			{Key: "aFrom", Kind: AskMonth, Text: Text{"那里从哪个月开始交？", "Since which month there?"}, Hint: Text{"记不清就填个大概", "A rough month will do"}, Records: true},
			{Key: "bRegion", Kind: AskRegion, Text: Text{"第二个地方在哪里？", "The second place?"}},
			{Key: "bScheme", Kind: AskChoice, Text: Text{"那里交的是哪种？", "Which insurance there?"}, Choices: plainSchemeChoices, Records: true},
			{Key: "bFrom", Kind: AskMonth, Text: Text{"那里从哪个月开始交？", "Since which month there?"}, Hint: Text{"记不清就填个大概", "A rough month will do"}, Records: true},
			{Key: "residence", Kind: AskRegion, Text: Text{"你现在常住在哪里？", "Where do you live now?"}, Hint: Text{"重复参保时，一般保留常住地或就业地的", "With duplicates, the one where you live or work is usually kept"}, def: sameAs("bRegion")},
		},
		fill: func(f *State, a Answers) {
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
		ID:    "retiree",
		Title: Text{"退休后去外地住", "I retired and live elsewhere"},
		questions: []Question{
			{Key: "region", Kind: AskRegion, Text: Text{"在哪里办的退休（医保关系在哪里）？", "Where did you retire (where is your insurance)?"}},
			{Key: "from", Kind: AskMonth, Text: Text{"从哪个月开始交职工医保？", "Since which month did you pay the employee scheme?"}, Hint: Text{"记不清就填个大概；在别的城市交的年限也算，可以之后在详细信息里添上", "A rough month will do; years paid in other cities count too: add them in the details later"}, Records: true},
			{Key: "to", Kind: AskMonth, Text: Text{"哪个月退休的？", "In which month did you retire?"}},
			{Key: "sex", Kind: AskChoice, Text: Text{"性别（各地对男女的缴费年限要求不同）", "Sex (regions set different years for men and women)"}, Choices: SexOptions},
			{Key: "residence", Kind: AskRegion, Text: Text{"现在住在哪里？", "Where do you live now?"}},
		},
		fill: func(f *State, a Answers) {
			f.Retired, f.Sex, f.Residence = true, a["sex"], a["residence"]
			f.addRow(a["region"], "employee", "", a["from"], a["to"])
		},
	},
	{
		ID:    "flexgap",
		Title: Text{"灵活就业断了几个月", "I missed months as a flexible worker"},
		questions: []Question{
			{Key: "region", Kind: AskRegion, Text: Text{"在哪个城市以灵活就业交职工医保？", "Where do you pay as a flexible worker?"}},
			{Key: "from", Kind: AskMonth, Text: Text{"从哪个月开始交的？", "Since which month?"}, Hint: Text{"记不清就填个大概", "A rough month will do"}, Records: true},
			{Key: "gapFrom", Kind: AskMonth, Text: Text{"从哪个月开始没交？", "The first month not paid?"}, Records: true},
			{Key: "payOn", Kind: AskDate, Text: Text{"打算哪天接着交？", "When will you pay again?"}, def: todayDef},
		},
		fill: func(f *State, a Answers) {
			last := ""
			if i, ok := MonthIndex(a["gapFrom"]); ok {
				last = MonthString(i - 1)
			}
			f.addRow(a["region"], "employee", "flexible", a["from"], last)
			f.planNext("flexible", a["region"], a["payOn"])
		},
	},
}

// kindChoices are who paid an employee enrollment, in plain words.
var kindChoices = []Option{
	{"unit", Text{"单位交的", "An employer"}},
	{"flexible", Text{"自己交的（灵活就业）", "Myself (flexible work)"}},
}

// RecordPaths says where a person finds their payment record: the app's
// path as a hospital's patient guide gives it (hb2h.com/info/12772/103691.htm,
// 2022: 【首页】-【缴费记录】, filtered by 参保地, 险种 and 年度), the
// platform's website, and the city services of WeChat and Alipay, whose
// entries each city names a little differently.
var RecordPaths = Text{
	"去哪里查缴费记录：国家医保服务平台App →「首页」→「缴费记录」，可按参保地、险种和年度筛选（网站 fuwu.nhsa.gov.cn 也可查）；微信 →「我」→「服务」→「城市服务」→ 医保或社保查询；支付宝 →「市民中心」→「社保」。各地入口名称略有不同；也可打医保服务热线 12393。",
	"Where to find your payment record: the 国家医保服务平台 app → 首页 → 缴费记录, filtered by place, scheme and year (also on fuwu.nhsa.gov.cn); WeChat → Me → Services → City services → 医保 or 社保查询; Alipay → 市民中心 → 社保. Cities name these entries a little differently; or call the medical insurance hotline 12393.",
}
