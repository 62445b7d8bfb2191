package rules

import (
	"strconv"
	"time"
)

// Month is a calendar month counted from year 0: year*12 + (month-1).
type Month int

// Date is a calendar day (UTC midnight); the zero Date means "none".
type Date = time.Time

func monthOf(year int, m time.Month) Month { return Month(year*12 + int(m) - 1) }

// Year is the month's calendar year.
func (m Month) Year() int { return int(m) / 12 }

// Num is the month number, 1–12.
func (m Month) Num() time.Month { return time.Month(int(m)%12 + 1) }

// First is the first day of the month.
func (m Month) First() Date { return dayOf(m.Year(), int(m.Num()), 1) }

// Last is the last day of the month.
func (m Month) Last() Date { return dateOfDays(daysOf((m+1).Year(), int((m+1).Num()), 1) - 1) }

// dayOf is the date y-m-d (a valid day), computed from the count of days
// since 1970 (H. Hinnant's days_from_civil), which is several times
// cheaper than time.Date's normalisation; the engine builds a month's
// first and last day at every step.
func dayOf(y, m, d int) Date { return dateOfDays(daysOf(y, m, d)) }

// daysOf is the count of days from 1970-01-01 to y-m-d.
func daysOf(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// daysIn is the number of days of month m of year y.
func daysIn(y, m int) int {
	ny, nm := y, m+1
	if nm > 12 {
		ny, nm = y+1, 1
	}
	return daysOf(ny, nm, 1) - daysOf(y, m, 1)
}

// dateOfDays is the day that many days after 1970-01-01.
func dateOfDays(days int) Date { return time.Unix(int64(days)*86400, 0).UTC() }

// String formats the month as YYYY-MM.
func (m Month) String() string {
	var buf [16]byte
	return string(appendMonth(buf[:0], m))
}

// appendMonth appends m as YYYY-MM (String) to b.
func appendMonth(b []byte, m Month) []byte {
	y, n := m.Year(), int(m.Num())
	if y >= 0 && y <= 9999 {
		return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-', byte('0'+n/10), byte('0'+n%10))
	}
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	return appendPadded(b, n, 2)
}

// MarshalJSON writes the month as "YYYY-MM".
func (m Month) MarshalJSON() ([]byte, error) {
	return []byte(`"` + m.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM".
func (m *Month) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fieldErr("month", "must be a month (YYYY-MM), got "+string(b), "应为年月（YYYY-MM）")
	}
	v, ok := parseMonth(string(b[1 : len(b)-1]))
	if !ok {
		return fieldErr("month", "must be a month (YYYY-MM), got "+string(b), "应为年月（YYYY-MM）")
	}
	*m = v
	return nil
}

// Index is the month counted from year 0 (year*12 + month-1).
func (m Month) Index() int { return int(m) }

// Year1 is the year after the month's, as text.
func (m Month) Year1() string { return strconv.Itoa(m.Year() + 1) }

func monthOfDate(d Date) Month {
	y, m, _ := d.Date()
	return monthOf(y, m)
}

func yearStart(y int) Date { return dayOf(y, 1, 1) }
func yearEnd(y int) Date   { return dayOf(y, 12, 31) }

// addMonths adds n calendar months to d, clamping to the end of a shorter
// month (2026-11-30 + 3 months = 2027-02-28), as waiting periods are read.
func addMonths(d Date, n int) Date {
	y, m, day := d.Date()
	target := monthOf(y, m) + Month(n)
	if last := target.Last().Day(); day > last {
		day = last
	}
	return dayOf(target.Year(), int(target.Num()), day)
}

func formatDate(d Date) string {
	var buf [16]byte
	return string(appendDate(buf[:0], d))
}

// appendDate appends d as YYYY-MM-DD (formatDate) to b.
func appendDate(b []byte, d Date) []byte {
	y, m, dd := d.Date()
	if y >= 0 && y <= 9999 {
		return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	}
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, int(m), 2)
	b = append(b, '-')
	return appendPadded(b, dd, 2)
}

func appendPadded(b []byte, v, width int) []byte {
	var num [20]byte
	d := strconv.AppendInt(num[:0], int64(v), 10)
	for i := len(d); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

func strp(s string) *string { return &s }

func datep(d Date) *string {
	if d.IsZero() {
		return nil
	}
	return strp(formatDate(d))
}

// parseDate reads YYYY-MM-DD, rejecting days that do not exist.
func parseDate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return dayOf(y, m, d), true
}

// parseMonth reads YYYY-MM.
func parseMonth(s string) (Month, bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	if !ok1 || !ok2 || y < 1900 || y > 2200 || m < 1 || m > 12 {
		return 0, false
	}
	return monthOf(y, time.Month(m)), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
