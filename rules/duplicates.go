package rules

import (
	"sort"
	"strconv"
	"strings"
)

// MaxOverlapsListed bounds the overlaps listed in the answer; the decision
// still considers every enrollment.
const MaxOverlapsListed = 200

// dupIval is an enrollment as duplicates see it: the months in which its
// record is paid and in force (“参保缴费状态正常”).
type dupIval struct {
	s        *span
	from, to Month
}

// dupIvals lists the enrollments for duplicates, sorted by first month: a
// resident year paid outside its window counts from its payment month
// (the months before it were never paid), an employee enrollment still
// being paid and a retiree's continue.
func (e *engine) dupIvals() []dupIval {
	out := make([]dupIval, len(e.h.spans))
	for i := range e.h.spans {
		s := &e.h.spans[i]
		iv := dupIval{s: s, from: s.from, to: s.through()}
		if s.scheme == Resident && !s.paidOn.IsZero() && s.from.Year() == s.to.Year() {
			if _, wTo, _ := e.window(s.region, s.from.Year()); s.paidOn.After(wTo) {
				if pm := monthOfDate(s.paidOn); pm > iv.from && pm <= iv.to {
					iv.from = pm
				}
			}
		}
		out[i] = iv
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].from < out[j].from })
	return out
}

// keepWhich finds the enrollments paid for the same months (重复参保) and
// decides which to keep, per 医保发〔2020〕33号 (重复参保处理原则). The
// decision is taken on the month that matters: the latest duplicated month
// up to asOf, or else the first duplicated month to come.
func (e *engine) keepWhich() DuplicatesAnswer {
	d := DuplicatesAnswer{Overlaps: []Overlap{}, Stop: []string{}, Actions: []Action{}, Explain: []Step{}}
	add := func(rule, zh, en, src string) {
		d.Explain = append(d.Explain, Step{Rule: rule, Zh: zh, En: en, Source: src})
	}
	ivs := e.dupIvals()
	now := monthOfDate(e.asOf)
	var active []int
	maxPos := -1
	past, future := Month(-1), Month(-1)
	for i := range ivs {
		iv := &ivs[i]
		if maxPos >= 0 && ivs[maxPos].to >= iv.from {
			end := min(ivs[maxPos].to, iv.to)
			switch {
			case iv.from <= now:
				past = max(past, min(end, now))
			case future < 0 || iv.from < future:
				future = iv.from
			}
		}
		if len(d.Overlaps) < MaxOverlapsListed {
			kept := active[:0]
			for _, j := range active {
				a := &ivs[j]
				if a.to < iv.from {
					continue
				}
				kept = append(kept, j)
				if len(d.Overlaps) < MaxOverlapsListed {
					kind := "sameScheme"
					if a.s.scheme != iv.s.scheme {
						kind = "crossScheme"
					}
					d.Overlaps = append(d.Overlaps, Overlap{A: a.s.id, B: iv.s.id, From: iv.from.String(), To: overlapEnd(a, iv, now).String(), Kind: kind})
				}
			}
			active = append(kept, i)
		}
		if maxPos < 0 || iv.to > ivs[maxPos].to {
			maxPos = i
		}
	}
	src := e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
	if past < 0 && future < 0 {
		add("duplicates.none", "没有同一时间段内两条及以上参保缴费记录：未重复参保。",
			"No two enrollments are paid for the same months: no duplicate enrollment.", src)
		return d
	}
	m := past
	if m < 0 {
		m = future
	}
	add("duplicates.definition", "重复参保是指同一参保人在同一时间段内有两条及以上参保缴费状态正常的参保信息记录，原则上不允许重复参保。",
		"Duplicate enrollment means two or more paid enrollment records for the same months; it is not allowed in principle.", src)
	var set []*span
	for i := range ivs {
		if iv := &ivs[i]; iv.from <= m && iv.to >= m {
			set = append(set, iv.s)
		}
	}
	keep, rule := e.choose(set, m)
	d.Keep = strp(keep.id)
	names := make([]string, 0, len(set))
	for _, s := range set {
		names = append(names, s.id+"（"+regionName(s.region)+schemeText(s.scheme).Zh+"）")
	}
	switch {
	case m < now:
		add("duplicates.overlap", m.String()+"曾重复参保："+strings.Join(names, "、")+"；重复期间已结束。", "Duplicate enrollment, ended in "+m.String()+": "+idsOf(set)+".", src)
	case m > now:
		add("duplicates.overlap", "自"+m.String()+"起将重复参保："+strings.Join(names, "、")+"（如已预缴下一年度）。", "Duplicate enrollment from "+m.String()+" (a year paid ahead): "+idsOf(set)+".", src)
	default:
		add("duplicates.overlap", m.String()+"重复参保："+strings.Join(names, "、")+"。", "Duplicate enrollment in "+m.String()+": "+idsOf(set)+".", src)
	}
	d.Explain = append(d.Explain, rule)
	for _, s := range set {
		if s == keep {
			continue
		}
		a, stop := e.action(s, keep, m)
		if stop {
			d.Stop = append(d.Stop, s.id)
		}
		d.Actions = append(d.Actions, a)
	}
	for _, a := range d.Actions {
		d.Explain = append(d.Explain, Step{Rule: "duplicates.action", Zh: a.Zh, En: a.En, Source: a.Source})
	}
	add("duplicates.years", "重复缴费期间的缴费年限只计算一次，不重复计算；职工医保个人账户余额随关系转移接续合并。",
		"Contribution years of the duplicated months count once; an employee personal-account balance moves with the transfer and is merged.",
		e.rs.citeDoc("shbxf", "第三十二条")+"；"+e.rs.citeDoc("ybbf2021-43", "第二条"))
	if len(d.Overlaps) > len(set)*(len(set)-1)/2 {
		add("duplicates.past", "较早的重复参保期间已结束：如期间未享受待遇，可按参保地规定申请退还重复缴纳的个人缴费。",
			"Earlier duplicate periods have ended: where no benefits were used, the duplicate individual contributions may be refundable under local rules.",
			src)
	}
	return d
}

// overlapEnd is the last month two records are both in force; when both
// continue with no end, the current month (or the overlap's first).
func overlapEnd(a, b *dupIval, now Month) Month {
	if end := min(a.to, b.to); end != noEnd {
		return end
	}
	return max(now, b.from)
}

func idsOf(set []*span) string {
	ids := make([]string, len(set))
	for i, s := range set {
		ids[i] = s.id
	}
	return strings.Join(ids, ", ")
}

// choose applies the retention principles of 医保发〔2020〕33号 in order:
// student → place of study; employee vs resident → employee (continuous
// ≥ 1 year, and always for a unit employee or a retiree: 社会保险法
// 第二十三条); employee → place of work; resident → the year that pays
// benefits now, then place of residence.
func (e *engine) choose(set []*span, m Month) (*span, Step) {
	src := e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
	p := e.in.Person
	if p == nil {
		p = &Person{}
	}
	var emps, ress []*span
	for _, s := range set {
		if s.scheme == Employee {
			emps = append(emps, s)
		} else {
			ress = append(ress, s)
		}
	}
	if e.inGroup(GroupStudent) && len(emps) == 0 {
		if s := matchRegion(set, p.StudyRegion); s != nil {
			return s, Step{Rule: "duplicates.student", Zh: "学生重复参保，原则上保留学籍地（" + regionName(p.StudyRegion) + "）参保关系：保留" + s.id + "。大中专学生入学当年重复参加居民医保的除外，可不终止另一处参保关系。",
				En: "A student keeps the enrollment where they study (" + regionNameEn(p.StudyRegion) + "): keep " + s.id + ". In the year a college student enters school, a second resident enrollment may be kept.", Source: src}
		}
	}
	if len(emps) > 0 && len(ress) > 0 {
		return e.chooseAcrossSchemes(emps, ress, m, p)
	}
	if len(emps) > 0 {
		k := e.byPlace(emps, p.WorkRegion)
		why, whyEn := "未填写就业地，按最近开始的参保记录", "no place of work given: the most recent enrollment"
		if p.WorkRegion != "" && matchRegion(emps, p.WorkRegion) != nil {
			why, whyEn = "就业地为"+regionName(p.WorkRegion), "place of work "+regionNameEn(p.WorkRegion)
		}
		return k, Step{Rule: "duplicates.employee", Zh: "重复参加职工医保，原则上保留就业地参保关系（" + why + "）：保留" + k.id + "。",
			En: "Enrolled twice in employee insurance: keep the place of work (" + whyEn + "): keep " + k.id + ".", Source: src}
	}
	if k := e.payingNow(ress, m); k != nil {
		// 医保办发〔2021〕43号: moving within the year, the current year stays
		// where it was paid; the new place is joined for the next year.
		return k, Step{Rule: "duplicates.moveWithinYear", Zh: "同一年度两处居民医保，" + k.id + "（" + regionName(k.region) + "）正在享受待遇、另一处仍在等待期：当年度保留" + k.id + "，按新居住地规定参加下一年度居民医保。",
			En: "Two resident enrollments in the same year; " + k.id + " (" + regionNameEn(k.region) + ") pays benefits now while the other is still waiting: keep " + k.id + " for this year and join the new place for next year.", Source: e.rs.citeDoc("ybbf2021-43", "第十一条") + "；" + src}
	}
	k := e.byPlace(ress, p.Residence)
	why, whyEn := "未填写常住地，按最近开始的参保记录", "no residence given: the most recent enrollment"
	if p.Residence != "" && matchRegion(ress, p.Residence) != nil {
		why, whyEn = "常住地为"+regionName(p.Residence), "residence "+regionNameEn(p.Residence)
	}
	if e.inGroup(GroupStudent) && p.StudyRegion == "" {
		why += "；学生应保留学籍地参保关系，请填写学籍地"
		whyEn += "; a student keeps the place of study: give it"
	}
	return k, Step{Rule: "duplicates.resident", Zh: "重复参加居民医保，原则上保留常住地参保关系（" + why + "）：保留" + k.id + "。",
		En: "Enrolled twice in resident insurance: keep the place of residence (" + whyEn + "): keep " + k.id + ".", Source: src}
}

// chooseAcrossSchemes: 医保发〔2020〕33号 “跨制度重复参保且连续参加职工医保
// 一年以上（含一年）的，原则上保留职工医保参保关系”. The rule says nothing of
// shorter employee enrollments; a unit employee must be in employee
// insurance (社会保险法 第二十三条), so only a flexible worker under a year
// keeps resident insurance instead.
func (e *engine) chooseAcrossSchemes(emps, ress []*span, m Month, p *Person) (*span, Step) {
	k := e.byPlace(emps, p.WorkRegion)
	for _, s := range emps {
		if s.retiree {
			return s, Step{Rule: "duplicates.retiree", Zh: "退休人员按规定享受职工医保待遇（" + s.id + "），又参加了居民医保：属于跨制度重复参保，保留职工医保参保关系。",
				En: "A retiree draws employee benefits (" + s.id + ") and also holds resident insurance: a cross-scheme duplicate; keep the employee insurance.", Source: e.rs.citeDoc("ybf2020-33", "重复参保处理原则") + "；" + e.rs.citeDoc("shbxf", "第二十七条")}
		}
	}
	minYears := e.rs.get("duplicates.employeeKeepMinYears", k.region, m.First())
	at := min(m, monthOfDate(e.asOf))
	months := 0
	if start, ok := runStart(e.h.emp, at); ok {
		months = int(at-start) + 1
	}
	if months >= 12*minYears.v.num {
		return k, Step{Rule: "duplicates.crossScheme", Zh: "跨制度重复参保，职工医保已连续参保" + strconv.Itoa(months) + "个月（≥" + strconv.Itoa(minYears.v.num) + "年）：原则上保留职工医保参保关系（" + k.id + "）。",
			En: "Enrolled in both schemes with " + strconv.Itoa(months) + " continuous employee months (≥ " + strconv.Itoa(minYears.v.num) + " year): keep employee insurance (" + k.id + ").", Source: e.rs.cite(minYears.v)}
	}
	if k.kind == KindFlexible {
		r := e.byPlace(ress, p.Residence)
		return r, Step{Rule: "duplicates.crossScheme.flexible", Zh: "跨制度重复参保，以灵活就业身份参加的职工医保连续仅" + strconv.Itoa(months) + "个月（不足" + strconv.Itoa(minYears.v.num) + "年）：保留职工医保的条件未满足，可保留一个可享受待遇的参保关系，此处保留居民医保（" + r.id + "）。",
			En: "Enrolled in both schemes, but only " + strconv.Itoa(months) + " continuous months of employee insurance as a flexible worker (< " + strconv.Itoa(minYears.v.num) + " year): keep one enrollment that pays benefits, here resident insurance (" + r.id + ").", Source: e.rs.cite(minYears.v)}
	}
	return k, Step{Rule: "duplicates.crossScheme.unit", Zh: "跨制度重复参保，职工医保连续参保" + strconv.Itoa(months) + "个月（不足" + strconv.Itoa(minYears.v.num) + "年）：在职职工应当参加职工医保，由单位和职工共同缴纳，不能停止；保留职工医保（" + k.id + "），居民医保在职工医保待遇开始后暂停。如为灵活就业，请在参保记录中选择“灵活就业”。",
		En: "Enrolled in both schemes with " + strconv.Itoa(months) + " continuous employee months (< " + strconv.Itoa(minYears.v.num) + " year): an employee must be in employee insurance, paid by the employer and the employee, and cannot stop it; keep employee insurance (" + k.id + ") and suspend the resident enrollment once employee benefits start. If this is flexible employment, say so in the enrollment.", Source: e.rs.citeDoc("shbxf", "第二十三条") + "；" + e.rs.cite(minYears.v)}
}

// payingNow returns the one resident enrollment of set that pays benefits
// in month m while the others are still waiting, or nil.
func (e *engine) payingNow(set []*span, m Month) *span {
	var paying *span
	for _, s := range set {
		w := e.wait(target{about: s.id, region: s.region, scheme: s.scheme, start: s.from, self: s, payDate: singleYearPaidOn(s), quiet: true})
		if w.NoBenefits || w.benefitsFrom.After(m.Last()) {
			continue
		}
		if paying != nil {
			return nil
		}
		paying = s
	}
	if paying == nil || len(set) < 2 {
		return nil
	}
	return paying
}

func singleYearPaidOn(s *span) Date {
	if s.scheme == Resident && s.from.Year() == s.to.Year() {
		return s.paidOn
	}
	return Date{}
}

// byPlace picks the enrollment in place (same city, else same province),
// else the most recently started one.
func (e *engine) byPlace(set []*span, place string) *span {
	if s := matchRegion(set, place); s != nil {
		return s
	}
	return latest(set)
}

func matchRegion(set []*span, place string) *span {
	if place == "" {
		return nil
	}
	var exact, prov []*span
	for _, s := range set {
		switch {
		case s.region == place:
			exact = append(exact, s)
		case ProvinceOf(s.region) == ProvinceOf(place) && (s.region == ProvinceOf(s.region) || place == ProvinceOf(place)):
			prov = append(prov, s)
		}
	}
	if len(exact) > 0 {
		return latest(exact)
	}
	if len(prov) > 0 {
		return latest(prov)
	}
	return nil
}

func latest(set []*span) *span {
	best := set[0]
	for _, s := range set[1:] {
		if s.from > best.from || (s.from == best.from && s.idx > best.idx) {
			best = s
		}
	}
	return best
}

// action says what happens to an enrollment that is not kept, and whether
// it is to be stopped (an overlap already over stops nothing).
func (e *engine) action(s, keep *span, m Month) (Action, bool) {
	a := Action{Enrollment: s.id, Region: s.region}
	name, nameEn := regionName(s.region), regionNameEn(s.region)
	now := monthOfDate(e.asOf)
	if s.scheme == Employee {
		a.Refund = "personalAccount"
		a.Source = e.rs.citeDoc("ybbf2021-43", "第二条") + "；" + e.rs.citeDoc("shbxf", "第三十二条")
		if m < now {
			a.Zh = name + "的职工医保（" + s.id + "）与" + keep.id + "的重复期间已于" + m.String() + "结束，无需停保：重复期间划入个人账户的资金随转移接续合并，缴费年限不重复计算。"
			a.En = "The employee insurance in " + nameEn + " (" + s.id + ") no longer overlaps " + keep.id + " (the overlap ended in " + m.String() + "), nothing to stop: personal-account money for those months is merged through the transfer, and years are not counted twice."
			return a, false
		}
		if s.kind == KindFlexible {
			a.Zh = "停止以灵活就业身份在" + name + "缴纳的职工医保（" + s.id + "）：本人在当地医保经办机构或线上办理停保；缴费年限不重复计算。"
			a.En = "Stop the employee insurance you pay as a flexible worker in " + nameEn + " (" + s.id + "): stop it yourself online or at the local counter; years are not counted twice."
			if keep.scheme == Employee {
				a.Zh += "按年度一次性缴纳的，中途随单位参保后可申请退回当年剩余月份的费用。"
				a.En += " Paid for a whole year ahead, the remaining months can be refunded once an employer enrolls you."
			}
			return a, true
		}
		a.Zh = "确认" + name + "原单位已办理减员、停止缴纳职工医保（" + s.id + "）；重复期间划入个人账户的资金随转移接续合并，缴费年限不重复计算。职工医保由单位办理，不要自行中断现单位的参保。"
		a.En = "Check that the former employer in " + nameEn + " has deregistered you, ending the employee insurance there (" + s.id + "); personal-account money for the duplicated months is merged through the transfer, and years are not counted twice. Employee insurance is handled by the employer: do not interrupt your current employer's enrollment."
		return a, true
	}
	refund := e.rs.get("duplicates.residentRefund", s.region, m.First())
	a.Refund = refund.v.word
	a.Source = e.rs.cite(refund.v)
	stop := "停止" + name + "的城乡居民医保（" + s.id + "）"
	stopEn := "Stop the resident insurance in " + nameEn + " (" + s.id + ")"
	stopping := true
	switch {
	case m < now:
		stop = name + "的城乡居民医保（" + s.id + "）与" + keep.id + "的重复期间已于" + m.String() + "结束，无需停保"
		stopEn = "The resident insurance in " + nameEn + " (" + s.id + ") no longer overlaps " + keep.id + " (the overlap ended in " + m.String() + "): nothing to stop"
		stopping = false
	case keep.scheme == Employee && !keep.retiree:
		if start := e.employeeBenefitsStart(keep); start.After(e.asOf) {
			stop = "职工医保（" + keep.id + "）" + formatDate(start) + "起享受待遇，在此之前继续保留" + name + "的城乡居民医保（" + s.id + "），之后暂停"
			stopEn = "Employee benefits (" + keep.id + ") start on " + formatDate(start) + ": keep the resident insurance in " + nameEn + " (" + s.id + ") until then, and suspend it afterwards"
		}
	case keep.retiree:
		stop += "：退休后已按规定享受职工医保待遇，在居住地就医请办理异地就医备案"
		stopEn += ": as a retiree you already draw employee benefits; for care where you live, file for care in another region"
	}
	switch refund.v.word {
	case "none":
		a.Zh = stop + "：按当地规定，已缴纳的居民医保费不予退还；次年起不再在该地缴费。"
		a.En = stopEn + ": under the local rule the contribution already paid is not refunded; do not pay there next year."
	case "nextYearIfUnused":
		a.Zh = stop + "：重复期间未享受待遇的，可在次年申请退还重复期间个人缴纳的费用（财政补助不退）。"
		a.En = stopEn + ": if no benefits were used in the duplicated months, the individual contribution for them can be reclaimed the next year (the government subsidy is not refunded)."
	default:
		a.Zh = stop + "：重复期间未享受待遇的，可申请退还个人缴费部分，财政补助不退；已享受待遇的一般不予退费。"
		a.En = stopEn + ": if no benefits were used in the duplicated months, the individual part can be refunded (not the government subsidy); usually no refund once benefits were used."
	}
	if refund.level == LevelNational {
		a.Zh += "（国家未统一规定退费，当地细则请以当地医保部门为准。）"
		a.En += " (No national refund rule: check the local bureau.)"
	}
	return a, stopping
}

// employeeBenefitsStart is the first day an employee enrollment pays
// benefits (after any wait).
func (e *engine) employeeBenefitsStart(s *span) Date {
	w := e.wait(spanTarget(s))
	if w.benefitsFrom.Before(s.from.First()) {
		return s.from.First()
	}
	return w.benefitsFrom
}
