package rules

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	json "yibao/internal/jsonx"
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

// Bounds of one input. Within them an answer takes memory in proportion to
// the input's size, and time about linear in its enrollments: a count of
// back-paid months is kept as a count, and listed months are bounded in all.
const (
	// MaxInputBytes bounds the JSON that Decode reads (16 MiB: far above
	// MaxEnrollments enrollments).
	MaxInputBytes = 16 << 20
	// MaxEnrollments bounds the enrollments in one input (the contract's
	// 10,000).
	MaxEnrollments = 10000
	// MaxBackpaidMonths bounds the back-paid months of one enrollment, as a
	// count or as a list (a century).
	MaxBackpaidMonths = 1200
	// MaxBackpaidListed bounds the back-paid months listed (as arrays of
	// months) in all the enrollments of one input; counts are not listed.
	MaxBackpaidListed = 100000
)

// Decode parses an input document and checks every field. The error, if
// any, is a *FieldError naming the first offending field.
func Decode(data []byte) (Input, error) {
	var in Input
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return in, fieldErr("input", "empty input: expected a JSON object", "输入为空：应为一个 JSON 对象")
	}
	if len(data) > MaxInputBytes {
		return in, fieldErr("input", "input is larger than "+strconv.Itoa(MaxInputBytes>>20)+" MiB", "输入过大（超过 "+strconv.Itoa(MaxInputBytes>>20)+" MiB）")
	}
	// jsonx.Valid is encoding/json's in both builds (see its comment).
	if !json.Valid(data) {
		return in, syntaxError(data)
	}
	top, err := object(data, "input")
	if err != nil {
		return in, err
	}
	if err := optString(top, "asOf", "", &in.AsOf); err != nil {
		return in, err
	}
	asOf, err := checkAsOf(in.AsOf)
	if err != nil {
		return in, err
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
			return in, tooManyEnrollments(len(items))
		}
		in.Enrollments = make([]Enrollment, len(items))
		ids := make(idSet, len(items))
		listed := 0
		for i, item := range items {
			path := "enrollments[" + strconv.Itoa(i) + "]"
			e, err := decodeEnrollment(item, path)
			if err != nil {
				return in, err
			}
			if err := ids.add(&e, i); err != nil {
				return in, err
			}
			if listed += len(e.Backpaid); listed > MaxBackpaidListed {
				return in, tooManyListed(path)
			}
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

// object decodes a JSON object into its raw members, rejecting a key
// given twice (JSON leaves its meaning open; the input says it once).
func object(raw json.RawMessage, path string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, fieldErr(path, "must be a JSON object", "应为 JSON 对象")
	}
	if key, dup := duplicateKey(raw, len(m)); dup {
		field := path
		switch {
		case key == "":
		case path == "input":
			field = key
		default:
			field = join(path, key)
		}
		return nil, fieldErr(field, "the key "+strconv.Quote(key)+" is given twice: give each field once", "字段 "+strconv.Quote(key)+" 重复出现：每个字段只能给出一次")
	}
	return m, nil
}

// duplicateKey returns the first key that the members of the JSON object
// raw (valid JSON) repeat; n is the number of distinct keys, so that an
// object without duplicates is only counted, not collected.
func duplicateKey(raw []byte, n int) (string, bool) {
	var seen map[string]bool
	for pass := 0; pass < 2; pass++ {
		count := 0
		i := bytes.IndexByte(raw, '{') + 1
		for {
			i = skipSpace(raw, i)
			if i >= len(raw) || raw[i] != '"' {
				break
			}
			end := stringEnd(raw, i)
			if pass == 1 {
				key := string(raw[i+1 : end-1])
				if bytes.IndexByte(raw[i:end], '\\') >= 0 {
					json.Unmarshal(raw[i:end], &key)
				}
				if seen[key] {
					return key, true
				}
				seen[key] = true
			}
			count++
			i = skipSpace(raw, end)
			i = valueEnd(raw, skipSpace(raw, i+1)) // past ':' and the value
			i = skipSpace(raw, i)
			if i < len(raw) && raw[i] == ',' {
				i++
			}
		}
		if count == n {
			return "", false
		}
		seen = make(map[string]bool, count)
	}
	return "", false
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string starting at b[i].
func stringEnd(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// valueEnd returns the index just past the JSON value starting at b[i].
func valueEnd(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			i = stringEnd(b, i)
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the object or array holding a scalar
			}
			if depth--; depth == 0 {
				return i + 1
			}
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
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

// checkRegion validates a region code and returns its 统筹地区 code: a
// municipality's prefecture-level code (110100) stands for the
// municipality, and a county-level division's code (310115 浦东新区,
// 320583 昆山市) for the region it belongs to, as the region search finds
// it by its name (see LookupArea). The field is path+key, joined only on
// error.
func checkRegion(path, key, code string) (string, error) {
	r, ok := LookupArea(code)
	if !ok {
		return "", fieldErr(path+key, "unknown region "+strconv.Quote(code)+": use a 6-digit GB/T 2260 province or city code such as 440300", "未知地区代码")
	}
	if r.Alias != "" {
		return r.Alias, nil
	}
	return r.Code, nil
}

func checkScheme(path, key, s string) error {
	if s != Employee && s != Resident {
		return fieldErr(path+key, "unknown scheme "+strconv.Quote(s)+": use \"employee\" (职工医保) or \"resident\" (城乡居民医保)", "参保类型应为 employee 或 resident")
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
	if r, ok := m["retired"]; ok && !isNull(r) {
		if json.Unmarshal(r, &p.Retired) != nil {
			return nil, fieldErr("person.retired", "must be true or false, got "+kindOf(r), "应为 true 或 false")
		}
	}
	if r, ok := m["groups"]; ok && !isNull(r) {
		var items []json.RawMessage
		if json.Unmarshal(r, &items) != nil {
			return nil, fieldErr("person.groups", "must be an array of group names, got "+kindOf(r), "应为人群类别数组")
		}
		p.Groups = make([]string, len(items))
		for i, item := range items {
			if json.Unmarshal(item, &p.Groups[i]) != nil {
				return nil, fieldErr("person.groups["+strconv.Itoa(i)+"]", "must be a group name (a string), got "+kindOf(item), "应为人群类别名称（字符串）")
			}
		}
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"residence", &p.Residence}, {"workRegion", &p.WorkRegion}, {"studyRegion", &p.StudyRegion}, {"sex", &p.Sex}} {
		if err := optString(m, f.key, "person", f.dst); err != nil {
			return nil, err
		}
	}
	return p, checkPerson(p, asOf)
}

func decodeEnrollment(raw json.RawMessage, path string) (Enrollment, error) {
	var e Enrollment
	m, err := object(raw, path)
	if err != nil {
		return e, err
	}
	if r, ok := m["id"]; ok && !isNull(r) {
		// The raw text is checked: encoding/json (app.wasm) turns invalid
		// bytes into U+FFFD, goccy/go-json (natively) keeps them.
		if !utf8.Valid(r) {
			return e, invalidID(path, string(bytes.Trim(bytes.TrimSpace(r), `"`)))
		}
		// Accept numbers as ids too: partners' tools often number rows.
		if json.Unmarshal(r, &e.ID) != nil {
			var n json.Number
			if json.Unmarshal(r, &n) != nil {
				return e, fieldErr(path+".id", "must be a string, got "+kindOf(r), "应为字符串")
			}
			e.ID = n.String()
		}
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"region", &e.Region}, {"scheme", &e.Scheme}, {"from", &e.From}, {"to", &e.To}, {"paidOn", &e.PaidOn}, {"kind", &e.Kind}, {"label", &e.Label}} {
		if err := optString(m, f.key, path, f.dst); err != nil {
			return e, err
		}
	}
	if r, ok := m["backpaid"]; ok && !isNull(r) {
		if err := decodeBackpaid(r, path+".backpaid", &e); err != nil {
			return e, err
		}
	}
	return e, checkEnrollment(&e, path)
}

// decodeBackpaid reads a count of months at the start of the enrollment
// (kept as a count, in BackpaidFirst), or a list of months.
func decodeBackpaid(raw json.RawMessage, field string, e *Enrollment) error {
	if json.Unmarshal(raw, &e.BackpaidFirst) == nil {
		return checkBackpaidCount(e.BackpaidFirst, field)
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return fieldErr(field, "must be a number of months or an array of months (YYYY-MM), got "+kindOf(raw), "应为补缴月数或月份数组")
	}
	if len(items) > MaxBackpaidMonths {
		return fieldErr(field, "lists "+strconv.Itoa(len(items))+" months: at most "+strconv.Itoa(MaxBackpaidMonths), "补缴月份过多（最多 "+strconv.Itoa(MaxBackpaidMonths)+" 个）")
	}
	e.Backpaid = make(Months, len(items))
	for i, item := range items {
		if json.Unmarshal(item, &e.Backpaid[i]) != nil {
			return fieldErr(field+"["+strconv.Itoa(i)+"]", "must be a month as a string (YYYY-MM), got "+kindOf(item), "应为月份（YYYY-MM）")
		}
	}
	return nil
}

func checkBackpaidCount(n int, field string) error {
	if n < 0 || n > MaxBackpaidMonths {
		return fieldErr(field, "must be a count of months from 0 to "+strconv.Itoa(MaxBackpaidMonths)+", got "+strconv.Itoa(n), "补缴月数应在 0 到 "+strconv.Itoa(MaxBackpaidMonths)+" 之间")
	}
	return nil
}

func tooManyEnrollments(n int) *FieldError {
	return fieldErr("enrollments", strconv.Itoa(n)+" enrollments: at most "+strconv.Itoa(MaxEnrollments), "参保记录过多（最多 "+strconv.Itoa(MaxEnrollments)+" 条）")
}

func tooManyListed(path string) *FieldError {
	return fieldErr(path+".backpaid", "more than "+strconv.Itoa(MaxBackpaidListed)+" back-paid months listed in all the enrollments: give leading months as a count", "所有参保记录列出的补缴月份合计超过 "+strconv.Itoa(MaxBackpaidListed)+" 个：开头连续的补缴月份请填写月数")
}

// MarshalJSON writes the enrollment as Decode reads it: BackpaidFirst as
// "backpaid": n.
func (e Enrollment) MarshalJSON() ([]byte, error) {
	type plain Enrollment
	if e.BackpaidFirst == 0 {
		return json.Marshal(plain(e))
	}
	return json.Marshal(struct {
		plain
		Backpaid int `json:"backpaid"`
	}{plain(e), e.BackpaidFirst})
}

// BackpaidCount is what "backpaid": n means in an enrollment starting in
// month from, expanded: its first n months. field names the field in the
// error; an unreadable from gives no months. Decode keeps a count as a
// count (Enrollment.BackpaidFirst); this is for callers that need the
// months.
func BackpaidCount(n int, from, field string) (Months, error) {
	if err := checkBackpaidCount(n, field); err != nil {
		return nil, err
	}
	start, ok := parseMonth(from)
	if !ok {
		return nil, nil
	}
	out := make(Months, n)
	for i := range out {
		out[i] = (start + Month(i)).String()
	}
	return out, nil
}

func decodePlan(raw json.RawMessage) (*Plan, error) {
	m, err := object(raw, "plan")
	if err != nil {
		return nil, err
	}
	p := &Plan{}
	for _, f := range []struct {
		key string
		dst *string
	}{{"region", &p.Region}, {"scheme", &p.Scheme}, {"payOn", &p.PayOn}, {"kind", &p.Kind}} {
		if err := optString(m, f.key, "plan", f.dst); err != nil {
			return nil, err
		}
	}
	if r, ok := m["extraYears"]; ok && !isNull(r) {
		if json.Unmarshal(r, &p.ExtraYears) != nil {
			return nil, fieldErr("plan.extraYears", "must be a whole number of years, got "+kindOf(r), "应为整数年")
		}
	}
	return p, checkPlan(p)
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
