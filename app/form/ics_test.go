package form

import (
	"strings"
	"testing"

	"yibao/rules"
)

func TestICSCalendar(t *testing.T) {
	ds := []rules.Deadline{
		{Kind: "backpay", Date: "2027-02-28", Zh: "2027-02-28前接续缴费并补缴；中断不超过3个月，不设等待期。", En: "Back-pay by 2027-02-28.", Source: "医保办发〔2021〕43号 第十一条"},
		{Kind: "windowEnds", Date: "2026-12-31", Zh: "集中参保期截止", En: "Window closes", Source: "local rule; unverified"},
	}
	got := ICS(Zh, ds, "20261123T120000Z", "t1")
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "END:VCALENDAR\r\n",
		"DTSTART;VALUE=DATE:20270228\r\n", "DTEND;VALUE=DATE:20270301\r\n",
		"DTSTART;VALUE=DATE:20261231\r\n", "DTEND;VALUE=DATE:20270101\r\n",
		"SUMMARY:医保补缴截止（免等待期）\r\n", "TRIGGER:-P3D\r\n", "UID:t1-0-backpay@yibao\r\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("calendar lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "BEGIN:VEVENT") != 2 {
		t.Errorf("want 2 events")
	}
	for _, line := range strings.Split(got, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
	if !strings.Contains(got, `\;`) {
		t.Errorf("semicolons in text must be escaped: %s", got)
	}
	en := ICS(En, ds[:1], "20261123T120000Z", "t1")
	if !strings.Contains(en, "SUMMARY:Last day to back-pay medical insurance (no wait)") {
		t.Errorf("English calendar: %s", en)
	}
}

func TestNextDay(t *testing.T) {
	for in, want := range map[string]string{"2028-02-28": "20280229", "2027-02-28": "20270301", "2026-12-31": "20270101", "2026-04-30": "20260501", "2100-02-28": "21000301"} {
		if got := nextDay(in); got != want {
			t.Errorf("nextDay(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestEscapeICS(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain 文字", "plain 文字"},
		{`a\b`, `a\\b`},
		{"a;b,c", `a\;b\,c`},
		{"line1\nline2", `line1\nline2`},
		{"line1\r\nline2", `line1\nline2`},
		{"cr\ronly", "cr\ronly"},
		{"end\r", "end\r"},
	} {
		if got := escapeICS(tc.in); got != tc.want {
			t.Errorf("escapeICS(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReminderText(t *testing.T) {
	ds := []rules.Deadline{
		{Kind: "backpay", Date: "2026-12-31", Zh: "补缴截止", En: "Last day to back-pay"},
		{Kind: "window", Date: "2027-02-28", Zh: "集中参保期最后一天", En: "Last day of the window"},
	}
	if got, want := ReminderText(Zh, ds), "医保提醒（医保连续参保计算器）\n2026年12月31日：补缴截止\n2027年2月28日：集中参保期最后一天"; got != want {
		t.Errorf("zh reminder\n got %q\nwant %q", got, want)
	}
	if got := ReminderText(En, ds[:1]); !strings.Contains(got, "\n") || !strings.Contains(got, "Last day to back-pay") {
		t.Errorf("en reminder %q", got)
	}
}
