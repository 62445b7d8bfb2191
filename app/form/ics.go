package form

import (
	"strconv"
	"strings"
	"time"

	"yibao/rules"
)

// ICS builds an iCalendar file (RFC 5545) with one all-day event
// per deadline, each with a reminder three days before. It is made in the
// browser, offline; stamp is the creation time (UTC, 20261123T120000Z) and
// uid a per-file prefix, both passed in so that the output is testable.
func ICS(l Lang, ds []rules.Deadline, stamp, uid string) string {
	var b strings.Builder
	// The lines are written by one loop each: a call of line per line,
	// written out, costs a lot of code (see elems.go).
	lines := func(ls ...string) {
		for _, s := range ls {
			b.WriteString(foldICS(s))
			b.WriteString("\r\n")
		}
	}
	lines("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//yibao//medical insurance deadlines//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH")
	for i, d := range ds {
		day := strings.ReplaceAll(d.Date, "-", "")
		if len(day) != 8 {
			continue
		}
		summary := escapeICS(l.NameOf(deadlineTitles, d.Kind, l.Pick("医保办理截止", "Medical insurance deadline")))
		lines("BEGIN:VEVENT",
			"UID:"+uid+"-"+strconv.Itoa(i)+"-"+d.Kind+"@yibao",
			"DTSTAMP:"+stamp,
			"DTSTART;VALUE=DATE:"+day,
			"DTEND;VALUE=DATE:"+nextDay(d.Date),
			"SUMMARY:"+summary,
			"DESCRIPTION:"+escapeICS(l.Pick(d.Zh, d.En)+"\n"+l.Pick("依据：", "Source: ")+d.Source),
			"BEGIN:VALARM",
			"ACTION:DISPLAY",
			"DESCRIPTION:"+summary,
			"TRIGGER:-P3D",
			"END:VALARM",
			"END:VEVENT")
	}
	lines("END:VCALENDAR")
	return b.String()
}

// deadlineTitles are the calendar events' titles, by the deadline's kind.
var deadlineTitles = []Named{
	{"backpay", Text{"医保补缴截止（免等待期）", "Last day to back-pay medical insurance (no wait)"}},
	{"windowOpens", Text{"居民医保集中参保期开始", "Resident insurance enrollment window opens"}},
	{"windowEnds", Text{"居民医保集中参保期截止", "Resident insurance enrollment window closes"}},
	{"newborn", Text{"新生儿参保截止（免等待期）", "Last day to enroll the newborn (no wait)"}},
	{"payCurrentYear", Text{"缴纳当年度居民医保截止（切换参保）", "Last day to pay resident insurance for this year (switching schemes)"}},
	{"payInWindow", Text{"在集中参保期内缴费截止", "Last day to pay in the enrollment window"}},
}

// escapeICS escapes a TEXT value (RFC 5545 §3.3.11).
func escapeICS(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n', c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			b.WriteString(`\n`)
			if c == '\r' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// foldICS folds a content line at 75 octets, never inside a UTF-8
// character (RFC 5545 §3.1).
func foldICS(s string) string {
	if len(s) <= 75 {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		size := len(string(r))
		if n+size > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	return b.String()
}

// nextDay returns the day after a YYYY-MM-DD date as YYYYMMDD (the
// exclusive end of an all-day event).
func nextDay(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return strings.ReplaceAll(date, "-", "")
	}
	return t.AddDate(0, 0, 1).Format("20060102")
}

// ReminderText is the deadlines as plain text, one per line, for where a
// calendar file cannot be opened (WeChat): "2026年12月31日：…".
func ReminderText(l Lang, ds []rules.Deadline) string {
	var b strings.Builder
	b.WriteString(l.Pick("医保提醒（医保连续参保计算器）", "Medical insurance reminders (yibao)"))
	for _, d := range ds {
		b.WriteString("\n" + l.FormatDay(d.Date) + l.Pick("：", ": ") + l.Pick(d.Zh, d.En))
	}
	return b.String()
}
