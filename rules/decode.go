package rules

import (
	"bytes"
	"strconv"

	json "github.com/goccy/go-json"
)

// FieldError is an input error that names the offending field, as in the
// contract: {"field":"enrollments[1].from","message":"…"}.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	// Zh is the message in Chinese, for the web app.
	Zh string `json:"zh,omitempty"`
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

func fieldErr(field, en, zh string) *FieldError {
	return &FieldError{Field: field, Message: en, Zh: zh}
}

// MaxEnrollments bounds the enrollments in one input.
const MaxEnrollments = 100000

// Decode parses an input document and checks every field. The error, if
// any, is a *FieldError naming the first offending field.
func Decode(data []byte) (Input, error) {
	var in Input
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return in, fieldErr("input", "empty input: expected a JSON object", "输入为空：应为一个 JSON 对象")
	}
	if !json.Valid(data) {
		return in, syntaxError(data)
	}
	top, err := object(data, "input")
	if err != nil {
		return in, err
	}
	if err := requireString(top, "asOf", "", &in.AsOf); err != nil {
		return in, err
	}
	asOf, ok := parseDate(in.AsOf)
	if !ok {
		return in, badDate("asOf", in.AsOf)
	}
	if raw, ok := top["person"]; ok && !isNull(raw) {
		p, err := decodePerson(raw, asOf)
		if err != nil {
			return in, err
		}
		in.Person = p
	}
	if raw, ok := top["enrollments"]; ok && !isNull(raw) {
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return in, fieldErr("enrollments", "must be an array of enrollments", "应为参保记录的数组")
		}
		if len(items) > MaxEnrollments {
			return in, fieldErr("enrollments", "too many enrollments (at most "+strconv.Itoa(MaxEnrollments)+")", "参保记录过多")
		}
		in.Enrollments = make([]Enrollment, len(items))
		seen := make(map[string]int, len(items))
		for i, item := range items {
			path := "enrollments[" + strconv.Itoa(i) + "]"
			e, err := decodeEnrollment(item, path)
			if err != nil {
				return in, err
			}
			if e.ID == "" {
				e.ID = "#" + strconv.Itoa(i+1)
			}
			if j, dup := seen[e.ID]; dup {
				return in, fieldErr(path+".id", "id "+strconv.Quote(e.ID)+" is also used by enrollments["+strconv.Itoa(j)+"]; ids must be unique", "编号与其他参保记录重复")
			}
			seen[e.ID] = i
			in.Enrollments[i] = e
		}
	}
	if raw, ok := top["plan"]; ok && !isNull(raw) {
		p, err := decodePlan(raw)
		if err != nil {
			return in, err
		}
		in.Plan = p
	}
	return in, nil
}

func syntaxError(data []byte) error {
	var v any
	err := json.Unmarshal(data, &v)
	msg := "not valid JSON"
	if err != nil {
		msg += ": " + err.Error()
	}
	if bytes.Count(data, []byte("{")) > bytes.Count(data, []byte("}")) || bytes.Count(data, []byte("[")) > bytes.Count(data, []byte("]")) {
		msg = "truncated JSON: the input ends before the object is closed"
	}
	return fieldErr("input", msg, "不是有效的 JSON")
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// object decodes a JSON object into its raw members.
func object(raw json.RawMessage, path string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, fieldErr(path, "must be a JSON object", "应为 JSON 对象")
	}
	return m, nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// optString reads an optional string member; JSON null counts as absent.
func optString(m map[string]json.RawMessage, key, path string, dst *string) error {
	raw, ok := m[key]
	if !ok || isNull(raw) {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fieldErr(join(path, key), "must be a string, got "+kindOf(raw), "应为字符串")
	}
	return nil
}

func requireString(m map[string]json.RawMessage, key, path string, dst *string) error {
	if err := optString(m, key, path, dst); err != nil {
		return err
	}
	if *dst == "" {
		return fieldErr(join(path, key), "is required", "必填")
	}
	return nil
}

func kindOf(raw json.RawMessage) string {
	s := bytes.TrimSpace(raw)
	if len(s) == 0 {
		return "nothing"
	}
	switch s[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func badDate(field, v string) *FieldError {
	return fieldErr(field, "must be a date that exists, as YYYY-MM-DD, got "+strconv.Quote(v), "应为存在的日期（YYYY-MM-DD）")
}

func badMonth(field, v string) *FieldError {
	return fieldErr(field, "must be a month, as YYYY-MM, got "+strconv.Quote(v), "应为月份（YYYY-MM）")
}

// checkRegion validates a region code and returns its 统筹地区 code (a
// municipality's district code stands for the municipality).
func checkRegion(field, code string) (string, error) {
	r, ok := LookupRegion(code)
	if !ok {
		return "", fieldErr(field, "unknown region "+strconv.Quote(code)+": use a 6-digit GB/T 2260 province or city code such as 440300", "未知地区代码")
	}
	if r.Alias != "" {
		return r.Alias, nil
	}
	return r.Code, nil
}

func checkScheme(field, s string) error {
	if s != Employee && s != Resident {
		return fieldErr(field, "unknown scheme "+strconv.Quote(s)+": use \"employee\" (职工医保) or \"resident\" (城乡居民医保)", "参保类型应为 employee 或 resident")
	}
	return nil
}

func decodePerson(raw json.RawMessage, asOf Date) (*Person, error) {
	m, err := object(raw, "person")
	if err != nil {
		return nil, err
	}
	p := &Person{}
	if err := optString(m, "birthDate", "person", &p.BirthDate); err != nil {
		return nil, err
	}
	if p.BirthDate != "" {
		b, ok := parseDate(p.BirthDate)
		if !ok {
			return nil, badDate("person.birthDate", p.BirthDate)
		}
		if b.After(asOf) {
			return nil, fieldErr("person.birthDate", "is after asOf", "出生日期晚于查询日期")
		}
	}
	if r, ok := m["retired"]; ok && !isNull(r) {
		if json.Unmarshal(r, &p.Retired) != nil {
			return nil, fieldErr("person.retired", "must be true or false, got "+kindOf(r), "应为 true 或 false")
		}
	}
	if r, ok := m["groups"]; ok && !isNull(r) {
		if json.Unmarshal(r, &p.Groups) != nil {
			return nil, fieldErr("person.groups", "must be an array of group names", "应为人群类别数组")
		}
		for i, g := range p.Groups {
			if !knownGroup(g) {
				return nil, fieldErr("person.groups["+strconv.Itoa(i)+"]", "unknown group "+strconv.Quote(g)+": use newborn, lowIncome, veteran or student", "未知人群类别")
			}
		}
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"residence", &p.Residence}, {"workRegion", &p.WorkRegion}, {"studyRegion", &p.StudyRegion}} {
		if err := optString(m, f.key, "person", f.dst); err != nil {
			return nil, err
		}
		if *f.dst != "" {
			code, err := checkRegion("person."+f.key, *f.dst)
			if err != nil {
				return nil, err
			}
			*f.dst = code
		}
	}
	return p, nil
}

func decodeEnrollment(raw json.RawMessage, path string) (Enrollment, error) {
	var e Enrollment
	m, err := object(raw, path)
	if err != nil {
		return e, err
	}
	if r, ok := m["id"]; ok && !isNull(r) {
		// Accept numbers as ids too: partners' tools often number rows.
		if json.Unmarshal(r, &e.ID) != nil {
			var n json.Number
			if json.Unmarshal(r, &n) != nil {
				return e, fieldErr(path+".id", "must be a string, got "+kindOf(r), "应为字符串")
			}
			e.ID = n.String()
		}
	}
	if err := requireString(m, "region", path, &e.Region); err != nil {
		return e, err
	}
	if e.Region, err = checkRegion(path+".region", e.Region); err != nil {
		return e, err
	}
	if err := requireString(m, "scheme", path, &e.Scheme); err != nil {
		return e, err
	}
	if err := checkScheme(path+".scheme", e.Scheme); err != nil {
		return e, err
	}
	if err := requireString(m, "from", path, &e.From); err != nil {
		return e, err
	}
	from, ok := parseMonth(e.From)
	if !ok {
		return e, badMonth(path+".from", e.From)
	}
	if err := optString(m, "to", path, &e.To); err != nil {
		return e, err
	}
	to := Month(-1)
	if e.To != "" {
		if to, ok = parseMonth(e.To); !ok {
			return e, badMonth(path+".to", e.To)
		}
		if to < from {
			return e, fieldErr(path+".to", "is before from ("+e.To+" < "+e.From+")", "结束月份早于开始月份")
		}
	}
	if err := optString(m, "paidOn", path, &e.PaidOn); err != nil {
		return e, err
	}
	if e.PaidOn != "" {
		if _, ok := parseDate(e.PaidOn); !ok {
			return e, badDate(path+".paidOn", e.PaidOn)
		}
	}
	if r, ok := m["backpaid"]; ok && !isNull(r) {
		bp, err := decodeBackpaid(r, path+".backpaid", from, to)
		if err != nil {
			return e, err
		}
		if len(bp) > 0 && e.Scheme != Employee {
			return e, fieldErr(path+".backpaid", "applies to employee enrollments only (resident years are paid whole)", "补缴仅适用于职工医保")
		}
		e.Backpaid = bp
	}
	return e, nil
}

// decodeBackpaid reads a count of months at the start of the enrollment, or
// a list of months inside it.
func decodeBackpaid(raw json.RawMessage, field string, from, to Month) (Months, error) {
	var n int
	if json.Unmarshal(raw, &n) == nil {
		if n < 0 {
			return nil, fieldErr(field, "must not be negative", "不能为负数")
		}
		if to >= 0 && n > int(to-from)+1 {
			return nil, fieldErr(field, "is more months than the enrollment has", "补缴月数超过参保月数")
		}
		if n > 1200 {
			return nil, fieldErr(field, "is more than 100 years of months", "补缴月数过大")
		}
		out := make(Months, n)
		for i := range out {
			out[i] = (from + Month(i)).String()
		}
		return out, nil
	}
	var list []string
	if json.Unmarshal(raw, &list) != nil {
		return nil, fieldErr(field, "must be a number of months or an array of months (YYYY-MM), got "+kindOf(raw), "应为补缴月数或月份数组")
	}
	for i, s := range list {
		m, ok := parseMonth(s)
		f := field + "[" + strconv.Itoa(i) + "]"
		if !ok {
			return nil, badMonth(f, s)
		}
		if m < from || (to >= 0 && m > to) {
			return nil, fieldErr(f, s+" is outside the enrollment's months", "补缴月份不在该参保记录的起止月份内")
		}
	}
	return Months(list), nil
}

func decodePlan(raw json.RawMessage) (*Plan, error) {
	m, err := object(raw, "plan")
	if err != nil {
		return nil, err
	}
	p := &Plan{}
	if err := requireString(m, "region", "plan", &p.Region); err != nil {
		return nil, err
	}
	if p.Region, err = checkRegion("plan.region", p.Region); err != nil {
		return nil, err
	}
	if err := requireString(m, "scheme", "plan", &p.Scheme); err != nil {
		return nil, err
	}
	if err := checkScheme("plan.scheme", p.Scheme); err != nil {
		return nil, err
	}
	if err := requireString(m, "payOn", "plan", &p.PayOn); err != nil {
		return nil, err
	}
	if _, ok := parseDate(p.PayOn); !ok {
		return nil, badDate("plan.payOn", p.PayOn)
	}
	if r, ok := m["extraYears"]; ok && !isNull(r) {
		if json.Unmarshal(r, &p.ExtraYears) != nil {
			return nil, fieldErr("plan.extraYears", "must be a whole number of years, got "+kindOf(r), "应为整数年")
		}
		if p.ExtraYears < 0 || p.ExtraYears > 100 {
			return nil, fieldErr("plan.extraYears", "must be between 0 and 100", "应在 0 到 100 之间")
		}
	}
	return p, nil
}

// Months is a list of months (YYYY-MM). In JSON input it may also be given
// as a count of months from the start of the enrollment.
type Months []string

// Contains reports whether the list has month m.
func (ms Months) Contains(m string) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}
