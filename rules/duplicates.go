package rules

import (
	"strconv"
	"strings"
)

// MaxOverlapsListed bounds the overlaps listed in the answer; the decision
// still considers every enrollment.
const MaxOverlapsListed = 200

// KeepWhich finds the enrollments paid for the same months (重复参保) and
// decides which to keep, per 医保发〔2020〕33号 (重复参保处理原则).
func (e *engine) keepWhich() DuplicatesAnswer {
	d := DuplicatesAnswer{Overlaps: []Overlap{}, Stop: []string{}, Actions: []Action{}, Explain: []Step{}}
	add := func(rule, zh, en, src string) {
		d.Explain = append(d.Explain, Step{Rule: rule, Zh: zh, En: en, Source: src})
	}
	spans := e.h.spans
	var active []int
	maxPos := -1
	found := false
	var bestFrom, bestTo Month
	for i := range spans {
		s := &spans[i]
		if maxPos >= 0 && spans[maxPos].to >= s.from {
			end := min(spans[maxPos].to, s.to)
			if !found || end > bestTo || (end == bestTo && s.from > bestFrom) {
				found, bestFrom, bestTo = true, s.from, end
			}
		}
		if len(d.Overlaps) < MaxOverlapsListed {
			kept := active[:0]
			for _, j := range active {
				a := &spans[j]
				if a.to < s.from {
					continue
				}
				kept = append(kept, j)
				if len(d.Overlaps) < MaxOverlapsListed {
					kind := "sameScheme"
					if a.scheme != s.scheme {
						kind = "crossScheme"
					}
					d.Overlaps = append(d.Overlaps, Overlap{A: a.id, B: s.id, From: s.from.String(), To: min(a.to, s.to).String(), Kind: kind})
				}
			}
			active = append(kept, i)
		}
		if maxPos < 0 || s.to > spans[maxPos].to {
			maxPos = i
		}
	}
	src := e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
	if !found {
		add("duplicates.none", "没有同一时间段内两条及以上参保缴费记录：未重复参保。",
			"No two enrollments are paid for the same months: no duplicate enrollment.", src)
		return d
	}
	add("duplicates.definition", "重复参保是指同一参保人在同一时间段内有两条及以上参保缴费状态正常的参保信息记录，原则上不允许重复参保。",
		"Duplicate enrollment means two or more paid enrollment records for the same months; it is not allowed in principle.", src)
	// The decision is about the latest overlap: the enrollments paid in its last month.
	var set []*span
	for i := range spans {
		if s := &spans[i]; s.from <= bestTo && s.to >= bestTo {
			set = append(set, s)
		}
	}
	keep, rule := e.choose(set, bestTo)
	d.Keep = strp(keep.id)
	names := make([]string, 0, len(set))
	for _, s := range set {
		names = append(names, s.id+"（"+regionName(s.region)+schemeZh(s.scheme)+"）")
	}
	add("duplicates.overlap", bestFrom.String()+"至"+bestTo.String()+"重复参保："+strings.Join(names, "、")+"。", "Duplicate enrollment from "+
		bestFrom.String()+" to "+bestTo.String()+": "+idsOf(set)+".", src)
	d.Explain = append(d.Explain, rule)
	for _, s := range set {
		if s == keep {
			continue
		}
		d.Stop = append(d.Stop, s.id)
		d.Actions = append(d.Actions, e.action(s, keep, bestTo))
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

func idsOf(set []*span) string {
	ids := make([]string, len(set))
	for i, s := range set {
		ids[i] = s.id
	}
	return strings.Join(ids, ", ")
}

// choose applies the retention principles of 医保发〔2020〕33号: student →
// place of study; employee vs resident → employee when continuous ≥ 1 year;
// employee → place of work; resident → place of residence.
func (e *engine) choose(set []*span, m Month) (*span, Step) {
	src := e.rs.citeDoc("ybf2020-33", "重复参保处理原则")
	p := e.in.Person
	if p == nil {
		p = &Person{}
	}
	if e.inGroup(GroupStudent) {
		place := p.StudyRegion
		if place == "" {
			place = p.Residence
		}
		if s := matchRegion(set, place); s != nil {
			return s, Step{Rule: "duplicates.student", Zh: "学生重复参保，原则上保留学籍地（" + regionName(place) + "）参保关系：保留" + s.id + "。",
				En: "A student keeps the enrollment where they study (" + regionNameEn(place) + "): keep " + s.id + ".", Source: src}
		}
	}
	var emps, ress []*span
	for _, s := range set {
		if s.scheme == Employee {
			emps = append(emps, s)
		} else {
			ress = append(ress, s)
		}
	}
	if len(emps) > 0 && len(ress) > 0 {
		minYears := e.rs.get("duplicates.employeeKeepMinYears", emps[0].region, m.First())
		months := 0
		if start, ok := runStart(e.h.emp, m); ok {
			months = int(m-start) + 1
		}
		if months >= 12*minYears.v.num {
			k := e.byPlace(emps, p.WorkRegion)
			return k, Step{Rule: "duplicates.crossScheme", Zh: "跨制度重复参保，职工医保已连续参保" + strconv.Itoa(int(months)) + "个月（≥" + strconv.Itoa(int(minYears.v.num)) + "年）：原则上保留职工医保参保关系（" + k.id + "）。",
				En: "Enrolled in both schemes with " + strconv.Itoa(int(months)) + " continuous employee months (≥ " + strconv.Itoa(int(minYears.v.num)) + " year): keep employee insurance (" + k.id + ").", Source: e.rs.cite(minYears.v)}
		}
		k := e.byPlace(ress, p.Residence)
		return k, Step{Rule: "duplicates.crossScheme.short", Zh: "跨制度重复参保，但职工医保连续参保仅" + strconv.Itoa(int(months)) + "个月（不足" + strconv.Itoa(int(minYears.v.num)) + "年）：保留职工医保的条件未满足，保留居民医保参保关系（" + k.id + "）。若为单位在职职工，职工医保依法应当参加，请与单位和参保地确认。",
			En: "Enrolled in both schemes, but only " + strconv.Itoa(int(months)) + " continuous employee months (< " + strconv.Itoa(int(minYears.v.num)) + " year): the condition for keeping employee insurance is not met, so keep resident insurance (" + k.id + "). Employees of a unit must be in employee insurance by law: confirm with the employer and the local bureau.", Source: e.rs.cite(minYears.v)}
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
	k := e.byPlace(ress, p.Residence)
	why, whyEn := "未填写常住地，按最近开始的参保记录", "no residence given: the most recent enrollment"
	if p.Residence != "" && matchRegion(ress, p.Residence) != nil {
		why, whyEn = "常住地为"+regionName(p.Residence), "residence "+regionNameEn(p.Residence)
	}
	return k, Step{Rule: "duplicates.resident", Zh: "重复参加居民医保，原则上保留常住地参保关系（" + why + "）：保留" + k.id + "。",
		En: "Enrolled twice in resident insurance: keep the place of residence (" + whyEn + "): keep " + k.id + ".", Source: src}
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

// action says what happens to an enrollment that is not kept.
func (e *engine) action(s, keep *span, m Month) Action {
	a := Action{Enrollment: s.id, Region: s.region}
	name := regionName(s.region)
	if s.scheme == Employee && m < monthOfDate(e.asOf) {
		a.Refund = "personalAccount"
		a.Zh = name + "的职工医保（" + s.id + "）与" + keep.id + "的重复期间已于" + m.String() + "结束：重复期间划入个人账户的资金随转移接续合并，缴费年限不重复计算。"
		a.En = "The employee insurance in " + regionNameEn(s.region) + " (" + s.id + ") no longer overlaps " + keep.id + " (the overlap ended in " + m.String() + "): personal-account money for those months is merged through the transfer, and years are not counted twice."
		a.Source = e.rs.citeDoc("ybbf2021-43", "第二条") + "；" + e.rs.citeDoc("shbxf", "第三十二条")
		return a
	}
	if s.scheme == Employee {
		a.Refund = "personalAccount"
		a.Zh = "停止" + name + "的职工医保（" + s.id + "）：单位办理减员或个人办理停保；重复期间划入个人账户的资金随转移接续合并，缴费年限不重复计算。先停保，再在保留地（" + regionName(keep.region) + "）续保。"
		a.En = "Stop the employee insurance in " + regionNameEn(s.region) + " (" + s.id + "): the employer deregisters or the person stops paying; personal-account money for the duplicated months is merged through the transfer, and years are not counted twice. Stop first, then continue where you keep coverage (" + regionNameEn(keep.region) + ")."
		a.Source = e.rs.citeDoc("ybbf2021-43", "第二条") + "；" + e.rs.citeDoc("shbxf", "第三十二条")
		return a
	}
	refund := e.rs.get("duplicates.residentRefund", s.region, m.First())
	a.Refund = refund.v.word
	a.Source = e.rs.cite(refund.v)
	stop := "停止" + name + "的城乡居民医保（" + s.id + "）"
	stopEn := "Stop the resident insurance in " + regionNameEn(s.region) + " (" + s.id + ")"
	if now := monthOfDate(e.asOf); m < now {
		// The duplicate is over: nothing to stop, only the duplicated months to settle.
		stop = name + "的城乡居民医保（" + s.id + "）与" + keep.id + "的重复期间已于" + m.String() + "结束，无需停保"
		stopEn = "The resident insurance in " + regionNameEn(s.region) + " (" + s.id + ") no longer overlaps " + keep.id + " (the overlap ended in " + m.String() + "): nothing to stop"
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
	return a
}
