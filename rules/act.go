package rules

import (
	"sort"
	"strconv"
)

// Acting on the answer: transfer steps, deadlines and the
// continuous-enrollment incentive.

// transfer lists the steps to move an enrollment between regions
// (医保办发〔2021〕43号; retirees file for care elsewhere instead, 第二条).
func (e *engine) transfer(dup *DuplicatesAnswer) *TransferAnswer {
	n := len(e.h.spans)
	if n == 0 {
		return nil
	}
	stopped := map[string]bool{}
	for _, id := range dup.Stop {
		stopped[id] = true
	}
	var from *span
	to, toScheme := "", ""
	switch {
	case e.retired():
		// A retiree living away from the insuring region files for care there.
		for i := range e.h.spans {
			if s := &e.h.spans[i]; s.retiree {
				from = s
			}
		}
		to = e.in.Person.Residence
		if to == "" && e.in.Plan != nil {
			to = e.in.Plan.Region // where the retiree thought of enrolling: where they live
		}
		if from == nil || to == "" || sameArea(from.region, to) {
			return nil
		}
		toScheme = Employee
	case e.in.Plan != nil:
		for i := range e.h.spans {
			if s := &e.h.spans[i]; !stopped[s.id] && (from == nil || s.end > from.end) {
				from = s
			}
		}
		to, toScheme = e.in.Plan.Region, e.in.Plan.Scheme
	case n >= 2:
		// The latest move between enrollments that are kept and follow each
		// other; overlapping records are duplicates, not a move.
		var last *span
		for i := n - 1; i >= 0; i-- {
			if s := &e.h.spans[i]; !stopped[s.id] {
				last = s
				break
			}
		}
		if last == nil {
			return nil
		}
		from = e.h.before(last.from, last)
		if from == nil || stopped[from.id] || from.end >= last.from {
			return nil
		}
		to, toScheme = last.region, last.scheme
	}
	if from == nil || from.region == to {
		return nil
	}
	days := e.rs.get("transfer.workingDays", to, e.asOf)
	src := e.rs.cite(days.v)
	t := &TransferAnswer{From: from.region, FromName: regionName(from.region), To: to, ToName: regionName(to),
		FromScheme: from.scheme, ToScheme: toScheme, Kind: "transfer", WorkingDays: days.v.num}
	fromZh, toZh := t.FromName, t.ToName
	fromEn, toEn := regionNameEn(from.region), regionNameEn(to)
	if e.retired() {
		t.Kind = "filing"
		t.Steps = []Text{
			{"退休人员的医保关系不办理转移接续，仍在原参保地（" + fromZh + "）享受待遇。", "A retiree's insurance does not transfer: benefits stay with " + fromEn + "."},
			{"在" + toZh + "长期居住就医的，办理异地就医备案（异地长期居住），备案后在" + toZh + "定点医疗机构直接结算。", "Living in " + toEn + ": file for care in another region (异地就医备案, long-term residence), then settle bills directly at designated hospitals there."},
			{"备案可在国家医保服务平台 App、参保地医保公众号/小程序或经办窗口办理，一般即时办结。", "File in the national 医保服务平台 app, the insuring region's official account or mini program, or at the counter; usually done at once."},
		}
		t.Materials = []Text{{"有效身份证件或医保电子凭证；异地居住证明或个人承诺书（按参保地要求）。", "ID card or the medical-insurance e-voucher; proof of residence elsewhere or a personal pledge, as the insuring region asks."}}
		t.Channels = channels()
		t.DoNot = []Text{{"不要在新居住地重新参保：退休人员重复参保不能重复享受待遇。", "Do not enroll again where you now live: a retiree cannot get benefits twice."}}
		t.Explain = []Step{{Rule: "transfer.retiree", Zh: "转移接续办法适用于职工医保参保人员（不含退休人员）和居民医保参保人员；退休人员异地居住就医办理异地就医备案。",
			En: "The transfer rules cover employees (not retirees) and residents; retirees living elsewhere file for care in another region.", Source: e.rs.citeDoc("ybbf2021-43", "第二条")}}
		return t
	}
	if from.scheme == Resident && toScheme == Resident {
		e.residentMove(t, from)
		return t
	}
	maxGap := e.rs.get("employee.backpayMaxGapMonths", to, e.asOf)
	deadline := (from.to + Month(maxGap.v.num) + 1).Last()
	t.Steps = []Text{
		{"先在" + fromZh + "停保（中止参保）：单位参保的由原单位办理减员；以个人身份参保的由本人在" + fromZh + "医保经办机构或线上办理停保。", "First stop the enrollment in " +
			fromEn + " (中止参保): the former employer deregisters you, or you stop it yourself online or at a " + fromEn + " counter if you paid as an individual."},
		{"在" + toZh + "参保缴费：" + enrollHowZh(toScheme) + "。", "Enroll and pay in " + toEn + ": " + enrollHowEn(toScheme) + "."},
		{"申请转移接续：在国家医保服务平台 App“关系转移接续”、转入地或转出地医保经办窗口提出申请，无需开具纸质参保凭证。", "Apply for the transfer (转移接续) in the national 医保服务平台 app, or at the counter of either region; no paper certificate is needed."},
		{"办理时限：转出地10个工作日内转出，转入地5个工作日内转入，共" + strconv.Itoa(int(days.v.num)) + "个工作日；职工医保个人账户余额随之划转。", "Time limit: 10 working days to transfer out and 5 to transfer in, " + strconv.Itoa(int(days.v.num)) + " in all; an employee personal-account balance moves with it."},
		{"完成后缴费年限累计计算。", "Afterwards the contribution years add up."},
	}
	t.Materials = []Text{
		{"有效身份证件（居民身份证）或医保电子凭证。", "ID card, or the medical-insurance e-voucher (医保电子凭证)."},
		{"在新单位参保的，由单位提供劳动关系信息；灵活就业人员按转入地要求办理登记。", "With a new employer, the employer provides the employment details; flexible workers register as the new region asks."},
	}
	t.Channels = channels()
	t.DoNot = []Text{
		{"不要在新参保地先参保、再停原参保地：会形成重复参保，多缴的费用退费手续繁琐。", "Do not enroll in the new region before stopping the old one: that is duplicate enrollment, and refunds are slow."},
		{"已退休的不要办理转移接续：在居住地办理异地就医备案。", "Retirees do not transfer: they file for care where they live (异地就医备案)."},
	}
	if !deadline.Before(e.asOf) {
		t.DoNot = append(t.DoNot, Text{"中断缴费不要超过" + strconv.Itoa(maxGap.v.num) + "个月（" + formatDate(deadline) + "前在新参保地接续缴费）：否则不能补缴追溯，要设待遇等待期。", "Do not stay unpaid for more than " + strconv.Itoa(maxGap.v.num) + " months (resume in the new region by " + formatDate(deadline) + "): after that back-pay is not allowed and a waiting period applies."})
	}
	t.Explain = []Step{
		{Rule: "transfer.steps", Zh: "从" + fromZh + "（" + schemeText(from.scheme).Zh + "）到" + toZh + "（" + schemeText(toScheme).Zh + "）：按基本医疗保险关系转移接续办法办理，统一规范、跨省通办。",
			En: "From " + fromEn + " (" + from.scheme + ") to " + toEn + " (" + toScheme + "): the national transfer rules apply, the same everywhere and available across provinces.", Source: e.rs.citeDoc("ybbf2021-43", "第三条")},
		{Rule: "transfer.time", Zh: "转出地10个工作日、转入地5个工作日，共" + strconv.Itoa(int(days.v.num)) + "个工作日。", En: "10 + 5 working days: " + strconv.Itoa(int(days.v.num)) + " in all.", Source: src},
		{Rule: "transfer.years", Zh: "个人跨统筹地区就业的，其基本医疗保险关系随本人转移，缴费年限累计计算。", En: "Moving to work in another region, the insurance moves with the person and the years add up.", Source: e.rs.citeDoc("shbxf", "第三十二条")},
	}
	return t
}

func enrollHowZh(scheme string) string {
	if scheme == Employee {
		return "就业的由新单位办理职工医保参保；灵活就业人员按当地规定以个人身份参加职工医保"
	}
	return "按当地规定在集中参保期（或持居住证）参加城乡居民医保"
}

func enrollHowEn(scheme string) string {
	if scheme == Employee {
		return "a new employer enrolls you in employee insurance; flexible workers join as individuals under local rules"
	}
	return "join resident insurance in the enrollment window (with a residence permit where needed), under local rules"
}

func channels() []Text {
	return []Text{
		{"国家医保服务平台 App（“关系转移接续”“异地就医备案”）", "The national 医保服务平台 app (transfers, filing for care elsewhere)"},
		{"各省医保公共服务平台、当地医保公众号/小程序或政务 App", "The province's medical-insurance service platform, the local bureau's official account or mini program, or the local government app"},
		{"转入地或转出地医保经办机构窗口", "The medical-insurance counter of either region"},
	}
}

// deadlines lists the dates to act by: back-pay without a wait, the
// enrollment window, the newborn window.
func (e *engine) deadlines(out *Output) []Deadline {
	ds := []Deadline{}
	seen := map[string]bool{}
	add := func(d Deadline) {
		if key := d.Kind + d.Date; !seen[key] && d.Date >= formatDate(e.asOf) {
			seen[key] = true
			ds = append(ds, d)
		}
	}
	stopped := map[string]bool{}
	for _, id := range out.Duplicates.Stop {
		stopped[id] = true
	}
	w := out.Waiting
	if w != nil && w.BackpayDeadline != nil && (w.BackpayAllowed || len(w.Shorten) > 0) {
		add(Deadline{Kind: "backpay", Date: *w.BackpayDeadline, Region: w.Region,
			Zh:     *w.BackpayDeadline + "前接续缴费并补缴：中断不超过3个月，不设等待期，待遇可追溯。",
			En:     "Resume paying and back-pay by " + *w.BackpayDeadline + ": within 3 months there is no wait and benefits are retroactive.",
			Source: e.rs.citeDoc("ybbf2021-43", "第十一条")})
	}
	if w != nil {
		// Every option with a deadline is a deadline too: the card and the
		// calendar say what the waiting answer offers, no more.
		for _, o := range w.Shorten {
			if o.Deadline != nil && o.Kind != "backpay" {
				add(Deadline{Kind: o.Kind, Date: *o.Deadline, Region: w.Region, Zh: o.Zh, En: o.En, Source: o.Source})
			}
		}
	}
	if n := len(e.h.spans); n > 0 && !e.retired() {
		last := &e.h.spans[e.h.prefix[n-1]]
		if last.scheme == Employee && last.to < monthOfDate(e.asOf) && !stopped[last.id] {
			maxGap := e.rs.get("employee.backpayMaxGapMonths", last.region, e.asOf)
			if d := (last.to + Month(maxGap.v.num) + 1).Last(); !d.Before(e.asOf) {
				add(Deadline{Kind: "backpay", Date: formatDate(d), Region: last.region,
					Zh:     formatDate(d) + "前接续缴费并补缴：中断不超过" + strconv.Itoa(maxGap.v.num) + "个月，不设等待期，待遇可追溯。",
					En:     "Resume paying and back-pay by " + formatDate(d) + ": within " + strconv.Itoa(maxGap.v.num) + " months there is no wait and benefits are retroactive.",
					Source: e.rs.cite(maxGap.v)})
			}
		}
	}
	if region := e.residentRegion(stopped); region != "" {
		for y := e.asOf.Year(); y <= e.asOf.Year()+2; y++ {
			from, to, p := e.window(region, y)
			if to.Before(e.asOf) {
				continue
			}
			if from.After(e.asOf) {
				add(Deadline{Kind: "windowOpens", Date: formatDate(from), Region: region,
					Zh:     regionName(region) + strconv.Itoa(int(y)) + "年度居民医保集中参保期" + formatDate(from) + "开始。",
					En:     "The " + strconv.Itoa(int(y)) + " resident enrollment window in " + regionNameEn(region) + " opens on " + formatDate(from) + ".",
					Source: e.rs.cite(p.v)})
			}
			add(Deadline{Kind: "windowEnds", Date: formatDate(to), Region: region,
				Zh:     regionName(region) + strconv.Itoa(int(y)) + "年度居民医保集中参保期" + formatDate(to) + "截止：在此之前缴费不设等待期（连续参保时），" + strconv.Itoa(int(y)) + "年1月1日起享受待遇。",
				En:     "The " + strconv.Itoa(int(y)) + " resident enrollment window in " + regionNameEn(region) + " closes on " + formatDate(to) + ": pay before then for no wait (if continuously insured), with benefits from 1 January " + strconv.Itoa(int(y)) + ".",
				Source: e.rs.cite(p.v)})
			break
		}
	}
	if birth, ok := e.birth(); ok && !e.retired() {
		region := e.residentRegion(stopped)
		if region == "" {
			region = e.anyRegion()
		}
		if region != "" {
			nw := e.rs.get("newborn.window", region, birth)
			if last := e.newbornLastDay(region, birth); !last.Before(e.asOf) {
				add(Deadline{Kind: "newborn", Date: formatDate(last), Region: region,
					Zh:     "新生儿在" + formatDate(last) + "前参保缴费，不设等待期，自出生之日起享受待遇。",
					En:     "Enroll the newborn by " + formatDate(last) + ": no waiting period, benefits from the day of birth.",
					Source: e.rs.cite(nw.v)})
			}
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Date < ds[j].Date })
	return ds
}

// residentRegion is where the person's resident insurance is or will be:
// the plan's region for a resident plan, else the latest resident
// enrollment's that is not to be stopped, else the residence; none for a
// retiree or an employee still paying (they need no resident window).
func (e *engine) residentRegion(stopped map[string]bool) string {
	p := e.in.Plan
	if p != nil && p.Scheme == Resident && !e.retired() {
		return p.Region
	}
	if e.retired() || (p != nil && p.Scheme == Employee) {
		return ""
	}
	for i := len(e.h.spans) - 1; i >= 0; i-- {
		s := &e.h.spans[i]
		if s.scheme == Employee && s.open {
			return ""
		}
		if s.scheme == Resident && !stopped[s.id] {
			return s.region
		}
		if s.scheme == Resident {
			return ""
		}
	}
	if p := e.in.Person; p != nil && p.Residence != "" {
		return p.Residence
	}
	return ""
}

func (e *engine) anyRegion() string {
	if p := e.in.Plan; p != nil {
		return p.Region
	}
	if n := len(e.h.spans); n > 0 {
		return e.h.spans[n-1].region
	}
	return ""
}

// incentive applies 国办发〔2024〕38号 参保激励: after 4 continuous resident
// years, each further year raises the 大病保险 cap.
func (e *engine) incentive(dup *DuplicatesAnswer) *IncentiveAnswer {
	stopped := map[string]bool{}
	for _, id := range dup.Stop {
		stopped[id] = true
	}
	years := map[int]bool{}
	last, region := 0, ""
	for i := range e.h.spans {
		s := &e.h.spans[i]
		if s.scheme != Resident || stopped[s.id] {
			continue
		}
		for y := s.from.Year(); y <= s.to.Year(); y++ {
			years[y] = true
		}
		if y := s.to.Year(); y >= last {
			last, region = y, s.region
		}
	}
	if last == 0 {
		return nil
	}
	day := yearStart(last)
	if day.Before(yearStart(2025)) {
		day = yearStart(2025)
	}
	countFrom := e.rs.get("incentive.countFrom", region, day)
	threshold := e.rs.get("incentive.continuousYearsBeforeRise", region, day)
	rise := e.rs.get("incentive.risePerYear", region, day)
	capP := e.rs.get("incentive.capShareOfCeilingPercent", region, day)
	n := 0
	for y := last; y >= countFrom.v.num && years[y]; y-- {
		n++
	}
	a := &IncentiveAnswer{Region: region, ContinuousYears: n, CountFrom: countFrom.v.num,
		YearsBeforeRise: threshold.v.num, RisePerYear: rise.v.num, CapPercent: capP.v.num}
	if n > threshold.v.num {
		a.EarnedRise = (n - threshold.v.num) * rise.v.num
	}
	a.NextRiseYear = last + 1
	if n < threshold.v.num {
		a.NextRiseYear = last + threshold.v.num - n + 1
	}
	if last < countFrom.v.num {
		a.NextRiseYear = countFrom.v.num + threshold.v.num
	}
	src := e.rs.cite(threshold.v)
	a.Explain = []Step{
		{Rule: "incentive.years", Zh: "自" + strconv.Itoa(int(countFrom.v.num)) + "年度起连续参加居民医保" + strconv.Itoa(int(n)) + "年（至" + strconv.Itoa(int(last)) + "年度）。",
			En: strconv.Itoa(int(n)) + " continuous years of resident insurance counted from " + strconv.Itoa(int(countFrom.v.num)) + " (through " + strconv.Itoa(int(last)) + ").", Source: e.rs.cite(countFrom.v)},
		{Rule: "incentive.rise", Zh: "连续参保满" + strconv.Itoa(int(threshold.v.num)) + "年后，每再连续参保1年，大病保险最高支付限额提高不低于" + strconv.Itoa(int(rise.v.num)) + "元（" + levelText(rise.level).Zh + "）；目前已提高" + strconv.Itoa(int(a.EarnedRise)) + "元，" + strconv.Itoa(int(a.NextRiseYear)) + "年度起再提高。",
			En: "After " + strconv.Itoa(int(threshold.v.num)) + " continuous years, each further year raises the 大病保险 cap by at least " + strconv.Itoa(int(rise.v.num)) + " yuan (" + levelText(rise.level).En + " rule); earned so far: " + strconv.Itoa(int(a.EarnedRise)) + " yuan; the next rise comes in " + strconv.Itoa(int(a.NextRiseYear)) + ".", Source: e.rs.cite(rise.v)},
		{Rule: "incentive.cap", Zh: "连续参保激励和零报销激励累计提高总额不超过当地大病保险原封顶线的" + strconv.Itoa(int(capP.v.num)) + "%。",
			En: "All increases together are capped at " + strconv.Itoa(int(capP.v.num)) + "% of the region's original 大病保险 ceiling.", Source: e.rs.cite(capP.v)},
		{Rule: "incentive.break", Zh: "一旦断保：连续参保年数重新计算，已获得的" + strconv.Itoa(int(a.EarnedRise)) + "元提高额度不再保留，再参保时还要经过至少3个月的待遇等待期。",
			En: "A break resets the count of continuous years, the " + strconv.Itoa(int(a.EarnedRise)) + " yuan earned is lost, and enrolling again brings a waiting period of at least 3 months.", Source: src},
	}
	if rise.level == LevelNational {
		a.Explain = append(a.Explain, Step{Rule: "region.national", Zh: "按国家规定，当地细则请以当地医保部门为准。", En: "National rule applied; check the local medical-insurance bureau for the local rule.", Source: e.rs.cite(rise.v)})
	}
	return a
}

// residentMove lists the steps of a resident moving to another region:
// 医保办发〔2021〕43号 “居民医保参保人员因户籍或常住地变动跨统筹地区流动，
// 原则上当年度在转入地不再办理转移接续手续，参保人员按转入地规定参加下一年度
// 居民医保” — nothing is stopped, the year paid runs out where it was paid.
func (e *engine) residentMove(t *TransferAnswer, from *span) {
	fromZh, toZh := t.FromName, t.ToName
	fromEn, toEn := regionNameEn(from.region), regionNameEn(t.To)
	next := from.to.Year() + 1
	wFrom, wTo, wp := e.window(t.To, next)
	t.Steps = []Text{
		{"已缴纳的" + fromZh + "居民医保当年度（至" + formatDate(from.to.Last()) + "）继续有效，不需要停保，也不办理当年度的转移接续。", "The resident year already paid in " + fromEn + " (to " + formatDate(from.to.Last()) + ") stays in force: nothing to stop, and no transfer for the current year."},
		{"按" + toZh + "规定参加" + strconv.Itoa(next) + "年度居民医保：在集中参保期（" + formatDate(wFrom) + "至" + formatDate(wTo) + "）内缴费，" + strconv.Itoa(next) + "年1月1日起在" + toZh + "享受待遇。", "Join " + toEn + "'s resident insurance for " + strconv.Itoa(next) + ": pay in its window (" + formatDate(wFrom) + " to " + formatDate(wTo) + "), benefits there from 1 January " + strconv.Itoa(next) + "."},
		{"下一年度不再在" + fromZh + "缴费；连续参保年限按规定累计。", "Do not pay in " + fromEn + " for next year; the continuous years add up under the rules."},
	}
	t.Materials = []Text{{"有效身份证件（居民身份证）或医保电子凭证；" + toZh + "居住证或户籍证明（按当地要求）。", "ID card or the medical-insurance e-voucher; a residence permit or household registration in " + toEn + ", as it asks."}}
	t.Channels = channels()
	t.DoNot = []Text{{"同一年度不要在两地都缴纳居民医保：重复缴费不能重复享受待遇，退费手续繁琐。", "Do not pay resident insurance in both places for the same year: it gives no double benefits and refunds are slow."}}
	t.Explain = []Step{{Rule: "transfer.residentMove", Zh: "居民医保跨统筹地区流动，原则上当年度在转入地不再办理转移接续，按转入地规定参加下一年度居民医保。",
		En: "A resident moving between regions keeps the current year where it was paid and joins the new region for the next year.", Source: e.rs.citeDoc("ybbf2021-43", "第十一条") + "；" + e.rs.cite(wp.v)}}
}

// sameArea reports whether two region codes are the same 统筹地区, or a
// city and its own province given as the place.
func sameArea(a, b string) bool {
	return a == b || (ProvinceOf(a) == ProvinceOf(b) && (a == ProvinceOf(a) || b == ProvinceOf(b)))
}
