package rules

import "time"

// entryYear: 医保发〔2020〕33号 “除大中专学生入学当年重复参加居民医保情形外，其他
// 重复参加居民医保的，须终止”. A student whose resident enrollment where they
// study starts in the year of the duplicated month (the entry year) keeps
// the other resident year too; from the next year only the place of study.
// The entry year is read from the record: one where they study that starts
// in the course of the year (a whole calendar year says nothing of entry).
func (e *engine) entryYear(keep, other *span, m Month) (Action, bool) {
	if !e.inGroup(GroupStudent) || keep.scheme != Resident || other.scheme != Resident {
		return Action{}, false
	}
	if p := e.in.Person.StudyRegion; p == "" || !sameArea(keep.region, p) || keep.from.Year() != m.Year() || keep.from.Num() == time.January {
		return Action{}, false
	}
	t := say("action.resident/entryYear", "other", regionText(other.region), "id", other.id, "next", m.Year()+1, "keep", regionText(keep.region))
	return Action{Enrollment: other.id, Region: other.region, Refund: "none", Zh: t.Zh, En: t.En,
		Source: e.rs.citeDoc("ybf2020-33", "重复参保处理原则")}, true
}
