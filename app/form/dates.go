package form

import (
	"strconv"
	"strings"
	"time"
)

// NormalizeMonth turns what a person types for a month into YYYY-MM when it
// can be read ("2019-03", "2019-3", "2019.3", "2019/03", "201903",
// "2019年3月"); otherwise it returns the text trimmed, for the checks to
// report.
func NormalizeMonth(v string) string {
	if validMonth(v) {
		return v // as written already: what a form holds nearly always
	}
	t := strings.TrimSpace(v)
	if t == "" {
		return ""
	}
	parts := splitDateParts(t)
	if len(parts) == 1 && len(parts[0]) == 6 {
		parts = []string{parts[0][:4], parts[0][4:]}
	}
	if len(parts) != 2 || len(parts[0]) != 4 || len(parts[1]) < 1 || len(parts[1]) > 2 {
		return t
	}
	y, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return t
	}
	return pad(y, 4) + "-" + pad(m, 2)
}

// NormalizeDate turns what a person types for a day into YYYY-MM-DD when it
// can be read ("2026-11-22", "2026.11.22", "20261122", "2026年11月22日");
// otherwise it returns the text trimmed.
func NormalizeDate(v string) string {
	if validDate(v) {
		return v
	}
	t := strings.TrimSpace(v)
	if t == "" {
		return ""
	}
	parts := splitDateParts(t)
	if len(parts) == 1 && len(parts[0]) == 8 {
		parts = []string{parts[0][:4], parts[0][4:6], parts[0][6:]}
	}
	if len(parts) != 3 || len(parts[0]) != 4 {
		return t
	}
	y, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	d, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return t
	}
	s := pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
	if !validDate(s) {
		return t
	}
	return s
}

func splitDateParts(t string) []string {
	t = strings.TrimSuffix(strings.TrimSuffix(t, "日"), "号")
	t = strings.TrimSuffix(t, "月")
	return strings.FieldsFunc(t, func(r rune) bool {
		switch r {
		case '-', '.', '/', '年', '月', ' ', '－', '。', '．':
			return true
		}
		return false
	})
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// MonthIndex numbers months (year*12 + month - 1); ok is false for a bad
// month. A day counts as its month ("2024-03-15" is 2024-03).
func MonthIndex(v string) (int, bool) {
	if len(v) < 7 || !validMonth(v[:7]) {
		return 0, false
	}
	return digits(v[:4])*12 + digits(v[5:7]) - 1, true
}

// validMonth reports whether v is a month as the contract writes it, YYYY-MM
// (what time.Parse("2006-01", v) takes, without its cost: the form checks
// each month several times per keystroke).
func validMonth(v string) bool {
	if len(v) != 7 || v[4] != '-' || digits(v[:4]) < 0 {
		return false
	}
	m := digits(v[5:])
	return m >= 1 && m <= 12
}

// validDate reports whether v is a day that exists, written YYYY-MM-DD (what
// time.Parse("2006-01-02", v) takes).
func validDate(v string) bool {
	if len(v) != 10 || v[7] != '-' || !validMonth(v[:7]) {
		return false
	}
	d := digits(v[8:])
	return d >= 1 && d <= daysIn(digits(v[:4]), digits(v[5:7]))
}

// digits is the number s writes in ASCII digits alone, or -1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// daysIn is the number of days of a month of the Gregorian calendar.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// MonthString is the inverse of monthIndex.
func MonthString(i int) string {
	return pad(i/12, 4) + "-" + pad(i%12+1, 2)
}

// Today is the local day in the browser (or on the server).
func Today() string {
	return time.Now().Format("2006-01-02")
}

// FormatDay writes a day for people: "2027年3月1日" or "1 Mar 2027".
func (l Lang) FormatDay(v string) string {
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return v
	}
	if l == En {
		return t.Format("2 Jan 2006")
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// FormatMonth writes a month for people: "2019年3月" or "Mar 2019".
func (l Lang) FormatMonth(v string) string {
	t, err := time.Parse("2006-01", v)
	if err != nil {
		return v
	}
	if l == En {
		return t.Format("Jan 2006")
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月"
}
