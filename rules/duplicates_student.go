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
	return Action{Enrollment: other.id, Region: other.region, Refund: "none",
		Zh:     "大中专学生入学当年重复参加居民医保的，不必终止：" + regionName(other.region) + "的居民医保（" + other.id + "）当年度继续有效；" + m.Year1() + "起只在学籍地（" + regionName(keep.region) + "）参保，不要再在" + regionName(other.region) + "缴费。",
		En:     "In the year a student enters college, a second resident enrollment need not be ended: the one in " + regionNameEn(other.region) + " (" + other.id + ") stays in force this year; from " + m.Year1() + " enroll only where you study (" + regionNameEn(keep.region) + ") and do not pay in " + regionNameEn(other.region) + " again.",
		Source: e.rs.citeDoc("ybf2020-33", "重复参保处理原则")}, true
}
