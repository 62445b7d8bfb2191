package form

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	json "yibao/internal/jsonx"

	"yibao/rules"
)

// State is what the form holds: the contract's input as the person
// typed it. Every field is kept as entered (after light normalisation of
// months and days), so that the share link, the saved copy and the engine
// all see the same document.
type State struct {
	AsOf        string
	BirthDate   string
	Retired     bool
	Groups      []string
	Residence   string
	WorkRegion  string
	StudyRegion string
	Sex         string
	Enrollments []Enrollment
	HasPlan     bool
	Plan        Plan
}

// Enrollment is one enrollment row of the form.
type Enrollment struct {
	ID       string
	Region   string
	Scheme   string
	From     string
	To       string
	PaidOn   string
	Backpaid string // a count of months ("3") or months ("2024-01, 2024-02")
	Kind     string // employee: unit, flexible, unemployment or military; "" not said
}

// Plan is the enrollment the person is about to make.
type Plan struct {
	Region     string
	Scheme     string
	PayOn      string
	ExtraYears int
	Kind       string // employee plan: unit or flexible; "" not said
}

// inputDoc is the contract's input document, written and read with
// yibao/internal/jsonx (goccy/go-json natively, encoding/json in app.wasm).
type inputDoc struct {
	AsOf        string          `json:"asOf"`
	Person      *personDoc      `json:"person,omitempty"`
	Enrollments []enrollmentDoc `json:"enrollments"`
	Plan        *planDoc        `json:"plan,omitempty"`
}

type personDoc struct {
	BirthDate   string   `json:"birthDate,omitempty"`
	Retired     bool     `json:"retired,omitempty"`
	Groups      []string `json:"groups,omitempty"`
	Residence   string   `json:"residence,omitempty"`
	WorkRegion  string   `json:"workRegion,omitempty"`
	StudyRegion string   `json:"studyRegion,omitempty"`
	Sex         string   `json:"sex,omitempty"`
}

type enrollmentDoc struct {
	ID       json.RawMessage `json:"id"`
	Region   string          `json:"region"`
	Scheme   string          `json:"scheme"`
	From     string          `json:"from"`
	To       string          `json:"to,omitempty"`
	PaidOn   string          `json:"paidOn,omitempty"`
	Backpaid json.RawMessage `json:"backpaid,omitempty"`
	Kind     string          `json:"kind,omitempty"`
}

// idJSON is an id as JSON text.
func idJSON(id string) json.RawMessage {
	b, _ := json.Marshal(id)
	return b
}

// idText reads an enrollment's id in a saved or shared input: a string, or
// a number as rules.Decode also accepts (partners' tools number rows), kept
// as its decimal text. (A json.RawMessage, as for backpaid: a custom
// UnmarshalJSON would link 4 KB more into app.wasm.)
func idText(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	if _, err := strconv.ParseFloat(string(raw), 64); err != nil {
		return "", errors.New("id: want a string or a number, got " + string(raw))
	}
	return string(raw), nil
}

type planDoc struct {
	Region     string `json:"region"`
	Scheme     string `json:"scheme"`
	PayOn      string `json:"payOn"`
	ExtraYears int    `json:"extraYears,omitempty"`
	Kind       string `json:"kind,omitempty"`
}

// Normalized is the form with every month and day written as the contract
// wants them (what the person typed may be "2019.3" or "20191120").
func (f State) Normalized() State {
	g := f.Clone()
	g.AsOf = NormalizeDate(f.AsOf)
	g.BirthDate = NormalizeDate(f.BirthDate)
	for i, e := range g.Enrollments {
		e.From = NormalizeMonth(e.From)
		e.To = NormalizeMonth(e.To)
		e.PaidOn = NormalizeDate(e.PaidOn)
		e.Backpaid = NormalizeBackpaid(e.Backpaid)
		g.Enrollments[i] = e
	}
	g.Plan.PayOn = NormalizeDate(f.Plan.PayOn)
	return g
}

// NormalizeBackpaid writes a count as a number and a list as
// "2024-01, 2024-02".
func NormalizeBackpaid(v string) string {
	t := strings.TrimSpace(v)
	if t == "" {
		return ""
	}
	if n, err := strconv.Atoi(t); err == nil {
		return strconv.Itoa(n)
	}
	return strings.Join(backpaidMonths(t), ", ")
}

// doc turns the form into the contract's input document.
func (f State) doc() inputDoc {
	f = f.Normalized()
	d := inputDoc{AsOf: f.AsOf, Enrollments: make([]enrollmentDoc, 0, len(f.Enrollments))}
	if f.HasPerson() {
		d.Person = &personDoc{
			BirthDate:   f.BirthDate,
			Retired:     f.Retired,
			Groups:      f.Groups,
			Residence:   f.Residence,
			WorkRegion:  f.WorkRegion,
			StudyRegion: f.StudyRegion,
			Sex:         f.Sex,
		}
	}
	for _, e := range f.Enrollments {
		d.Enrollments = append(d.Enrollments, enrollmentDoc{
			ID:       idJSON(e.ID),
			Region:   e.Region,
			Scheme:   e.Scheme,
			From:     e.From,
			To:       e.To,
			PaidOn:   e.PaidOn,
			Backpaid: backpaidJSON(e.Backpaid),
			Kind:     e.Kind,
		})
	}
	if f.HasPlan {
		d.Plan = &planDoc{
			Region:     f.Plan.Region,
			Scheme:     f.Plan.Scheme,
			PayOn:      f.Plan.PayOn,
			ExtraYears: f.Plan.ExtraYears,
			Kind:       f.Plan.Kind,
		}
	}
	return d
}

// PlanPayOn is the day of the planned payment as the engine reads it, ""
// without a plan.
func (f State) PlanPayOn() string {
	if !f.HasPlan {
		return ""
	}
	return NormalizeDate(f.Plan.PayOn)
}

// Blank says the form holds nothing but its day: no enrollment, no plan,
// nothing about the person.
func (f State) Blank() bool { return len(f.Enrollments) == 0 && !f.HasPlan && !f.HasPerson() }

// HasPerson says the form has something about the person: the document
// then has a "person".
func (f State) HasPerson() bool {
	return f.BirthDate != "" || f.Retired || len(f.Groups) > 0 || f.Residence != "" || f.WorkRegion != "" || f.StudyRegion != "" || f.Sex != ""
}

// Input is the form as the engine's Input, built directly rather than
// through JSON and rules.Decode: rules.Evaluate checks a built Input with
// the same rules as Decode (input_test.go proves the two agree), and the
// first answer then waits for neither the JSON encoder nor the browser
// compiling it (≈ 0.1 s at 4× CPU; see calculator.OnInit).
func (f State) Input() (rules.Input, error) {
	f = f.Normalized()
	in := rules.Input{AsOf: f.AsOf, Enrollments: make([]rules.Enrollment, len(f.Enrollments))}
	if f.HasPerson() {
		in.Person = &rules.Person{BirthDate: f.BirthDate, Retired: f.Retired, Groups: f.Groups, Residence: f.Residence, WorkRegion: f.WorkRegion, StudyRegion: f.StudyRegion, Sex: f.Sex}
	}
	for i, e := range f.Enrollments {
		// The explanations name a row as the form does ("#2"), not by
		// its id ("e2" means nothing to a person); the document, shared
		// or saved, carries no label (it follows the row).
		en := rules.Enrollment{ID: e.ID, Label: rowLabel(i), Region: e.Region, Scheme: e.Scheme, From: e.From, To: e.To, PaidOn: e.PaidOn, Kind: e.Kind}
		// Normalized, a back-paid field is "", a count or a list of months;
		// a count stays a count (Check says what is wrong with it).
		if n, err := strconv.Atoi(e.Backpaid); err == nil {
			en.BackpaidFirst = n
		} else if e.Backpaid != "" {
			en.Backpaid = backpaidMonths(e.Backpaid)
		}
		in.Enrollments[i] = en
	}
	if f.HasPlan {
		p := f.Plan
		in.Plan = &rules.Plan{Region: p.Region, Scheme: p.Scheme, PayOn: p.PayOn, ExtraYears: p.ExtraYears, Kind: p.Kind}
	}
	return in, nil
}

// rowLabel is how the form numbers its i-th row: "#1".
func rowLabel(i int) string { return "#" + strconv.Itoa(i+1) }

// JSON is the input document as compact JSON.
func (f State) JSON() []byte {
	b, err := json.Marshal(f.doc())
	if err != nil { // cannot happen: only strings, bools and ints
		return []byte(`{}`)
	}
	return b
}

// errNotInput says that a document is not an input object.
var errNotInput = errors.New("not an input object")

// Parse reads an input document (from a share link or local storage)
// into the form. It is lenient: unknown keys are ignored, and the checks run
// afterwards on the form report what is wrong, next to the field.
func Parse(data []byte) (State, error) {
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return State{}, errNotInput // null, an array, a string…
	}
	var d inputDoc
	if err := json.Unmarshal(data, &d); err != nil {
		return State{}, err
	}
	f := State{AsOf: d.AsOf}
	if d.Person != nil {
		f.BirthDate = d.Person.BirthDate
		f.Retired = d.Person.Retired
		f.Groups = d.Person.Groups
		f.Residence = d.Person.Residence
		f.WorkRegion = d.Person.WorkRegion
		f.StudyRegion = d.Person.StudyRegion
		f.Sex = d.Person.Sex
	}
	for _, e := range d.Enrollments {
		bp, err := backpaidText(e.Backpaid)
		if err != nil {
			return State{}, err
		}
		id, err := idText(e.ID)
		if err != nil {
			return State{}, err
		}
		f.Enrollments = append(f.Enrollments, Enrollment{
			ID: id, Region: e.Region, Scheme: e.Scheme, From: e.From, To: e.To,
			PaidOn: e.PaidOn, Backpaid: bp, Kind: e.Kind,
		})
	}
	if d.Plan != nil {
		f.HasPlan = true
		f.Plan = Plan{Region: d.Plan.Region, Scheme: d.Plan.Scheme, PayOn: d.Plan.PayOn, ExtraYears: d.Plan.ExtraYears, Kind: d.Plan.Kind}
	}
	return f, nil
}

// backpaidJSON writes the back-paid field: a number for a count, an array
// of months for a list, nothing when empty.
func backpaidJSON(v string) json.RawMessage {
	t := strings.TrimSpace(v)
	if t == "" {
		return nil
	}
	if n, err := strconv.Atoi(t); err == nil {
		return json.RawMessage(strconv.Itoa(n))
	}
	months := backpaidMonths(t)
	b, _ := json.Marshal(months)
	return b
}

// backpaidMonths splits a typed list of months.
func backpaidMonths(t string) []string {
	fields := strings.FieldsFunc(t, func(r rune) bool {
		switch r {
		case ',', '，', '、', ';', '；', ' ', '\n', '\t':
			return true
		}
		return false
	})
	months := make([]string, 0, len(fields))
	for _, f := range fields {
		months = append(months, NormalizeMonth(f))
	}
	return months
}

// backpaidText is the inverse of backpaidJSON.
func backpaidText(raw json.RawMessage) (string, error) {
	t := strings.TrimSpace(string(raw))
	if t == "" || t == "null" {
		return "", nil
	}
	if t[0] == '[' {
		var months []string
		if err := json.Unmarshal(raw, &months); err != nil {
			return "", err
		}
		return strings.Join(months, ", "), nil
	}
	var n int
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", errors.New("backpaid: a count of months or a list of months")
	}
	return strconv.Itoa(n), nil
}

// nextID gives a new enrollment an id not used by the others: e1, e2, …
func (f State) nextID() string {
	used := make(map[string]bool, len(f.Enrollments))
	for _, e := range f.Enrollments {
		used[e.ID] = true
	}
	for i := len(f.Enrollments) + 1; ; i++ {
		id := "e" + strconv.Itoa(i)
		if !used[id] {
			return id
		}
	}
}

// HasGroup reports whether the person is in group g.
func (f State) HasGroup(g string) bool {
	for _, v := range f.Groups {
		if v == g {
			return true
		}
	}
	return false
}

// WithGroup sets or clears group g, keeping the form's order.
func (f State) WithGroup(g string, on bool) []string {
	var out []string
	for _, name := range GroupNames {
		if name == g && on || name != g && f.HasGroup(name) {
			out = append(out, name)
		}
	}
	for _, v := range f.Groups { // groups the form does not show survive
		known := false
		for _, name := range GroupNames {
			known = known || v == name
		}
		if !known {
			out = append(out, v)
		}
	}
	return out
}

// clone copies the form so that an undo keeps its own slices.
// AddEnrollment appends an enrollment that continues the last one (same
// region and scheme, from the month after it ends), or, for the first one,
// starts in region and scheme; it returns the new enrollment's index.
func (f *State) AddEnrollment(region, scheme string) int {
	e := Enrollment{ID: f.nextID(), Region: region, Scheme: scheme}
	if n := len(f.Enrollments); n > 0 {
		last := f.Enrollments[n-1]
		e.Region, e.Scheme = last.Region, last.Scheme
		if to, ok := MonthIndex(NormalizeMonth(last.To)); ok && validMonth(NormalizeMonth(last.To)) {
			e.From = MonthString(to + 1)
		}
	}
	f.Enrollments = append(f.Enrollments, e)
	return len(f.Enrollments) - 1
}

// Edited is a copy of the form with edit applied to it.
func (f State) Edited(edit func(f *State)) State {
	g := f.Clone()
	edit(&g)
	return g
}

// EditEnrollment is a copy of the form with edit applied to enrollment i
// (the form itself when i is out of range).
func (f State) EditEnrollment(i int, edit func(e *Enrollment)) State {
	g := f.Clone()
	if i >= 0 && i < len(g.Enrollments) {
		edit(&g.Enrollments[i])
	}
	return g
}

// WithoutEnrollment is a copy of the form without enrollment i.
func (f State) WithoutEnrollment(i int) State {
	g := f.Clone()
	if i >= 0 && i < len(g.Enrollments) {
		g.Enrollments = append(g.Enrollments[:i], g.Enrollments[i+1:]...)
	}
	return g
}

// WithEnrollmentAt is f with e inserted as enrollment i (at the end when i
// is past it): a removed row put back.
func (f State) WithEnrollmentAt(i int, e Enrollment) State {
	g := f.Clone()
	i = max(0, min(i, len(g.Enrollments)))
	g.Enrollments = append(g.Enrollments[:i], append([]Enrollment{e}, g.Enrollments[i:]...)...)
	return g
}

func (f State) Clone() State {
	g := f
	g.Groups = append([]string(nil), f.Groups...)
	g.Enrollments = append([]Enrollment(nil), f.Enrollments...)
	return g
}

// Text is a message in both languages.
type Text struct{ Zh, En string }

func (m Text) In(l Lang) string { return l.Pick(m.Zh, m.En) }

// Errors maps a field path of the contract ("enrollments[1].from") to
// what is wrong with it.
type Errors map[string]Text

// add notes what is wrong with the field at path. (One call, where a
// map assignment written at each place costs several: see elems.go.)
func (e Errors) add(path, zh, en string) { e[path] = Text{zh, en} }

// check finds, in both languages, what the form cannot send to the engine:
// missing and malformed fields. The engine's Decode finds the rest.
func (f State) check() Errors {
	f = f.Normalized()
	errs := Errors{}
	if f.AsOf == "" {
		errs.add("asOf", "请填写查询日期", "Enter the day to ask about")
	} else if !validDate(f.AsOf) {
		errs.add("asOf", "日期格式应为 2026-11-22", "Use a date such as 2026-11-22")
	}
	if f.BirthDate != "" && !validDate(f.BirthDate) {
		errs.add("person.birthDate", "日期格式应为 1990-05-01", "Use a date such as 1990-05-01")
	}
	for i, e := range f.Enrollments {
		p := "enrollments[" + strconv.Itoa(i) + "]."
		if e.Region == "" {
			errs.add(p+"region", "请选择参保地", "Choose the region")
		}
		if e.From == "" {
			errs.add(p+"from", "请填写开始年月", "Enter the first month")
		} else if !validMonth(e.From) {
			errs.add(p+"from", "年月格式应为 2019-03", "Use a month such as 2019-03")
		}
		if e.To != "" && !validMonth(e.To) {
			errs.add(p+"to", "年月格式应为 2024-06", "Use a month such as 2024-06")
		}
		if e.PaidOn != "" && !validDate(e.PaidOn) {
			errs.add(p+"paidOn", "日期格式应为 2024-11-20", "Use a date such as 2024-11-20")
		}
		if t := strings.TrimSpace(NormalizeBackpaid(e.Backpaid)); t != "" {
			if n, err := strconv.Atoi(t); err == nil && (n < 0 || n > 1200) {
				errs.add(p+"backpaid", "补缴月数应在 0 到 1200 之间", "Back-paid months: 0 to 1200")
			} else if err != nil {
				for _, m := range backpaidMonths(t) {
					if !validMonth(m) {
						errs.add(p+"backpaid", "填月数（如 3）或年月列表（如 2024-01, 2024-02）", "A number of months (3) or a list of months (2024-01, 2024-02)")
						break
					}
				}
			}
		}
	}
	if f.HasPlan {
		if f.Plan.Region == "" {
			errs.add("plan.region", "请选择参保地", "Choose the region")
		}
		if f.Plan.PayOn == "" {
			errs.add("plan.payOn", "请填写缴费日期", "Enter the day you will pay")
		} else if !validDate(f.Plan.PayOn) {
			errs.add("plan.payOn", "日期格式应为 2026-12-05", "Use a date such as 2026-12-05")
		}
	}
	return errs
}

// Result is what one evaluation of the form gave.
type Result struct {
	Out      rules.Output
	Errors   Errors
	Computed bool
	// Stale says Out is the answer to an earlier input: the current one
	// is incomplete or wrong (a month half typed), and the cards keep
	// showing the last answer, dimmed, until it is complete again.
	Stale bool
	// Awaiting says there is no answer yet: the form is blank and came
	// from no link. A blank form has one (whoever never enrolled is not
	// covered), but said before the person has typed anything it reads as
	// a verdict on them.
	Awaiting bool
}

// Then is the result to show after next was computed for f: next itself,
// or, while f cannot be answered but still has enrollments, next with the
// last answer kept as a stale one. Keeping it spares the cards being
// emptied and rebuilt at every keystroke of a date.
func (r Result) Then(next Result, f State) Result {
	if next.Computed || len(f.Enrollments) == 0 || !(r.Computed || r.Stale) {
		return next
	}
	next.Out, next.Stale = r.Out, true
	return next
}

// Evaluate checks the form, then runs the engine exactly as `yibao eval`
// does: Decode on the same JSON, then Evaluate.
func Evaluate(f State) Result {
	if errs := f.check(); len(errs) > 0 {
		return Result{Errors: errs}
	}
	in, err := f.Input()
	if err == nil {
		var out rules.Output
		out, err = rules.Evaluate(in)
		if err == nil {
			return Result{Out: out, Computed: true}
		}
	}
	// The engine returns its *FieldError unwrapped (errors.As would link
	// internal/reflectlite into app.wasm for this one check).
	fe, ok := err.(*rules.FieldError)
	if !ok {
		fe = &rules.FieldError{Message: err.Error()}
	}
	zh := fe.Zh
	if zh == "" {
		zh = fe.Message
	}
	return Result{Errors: Errors{fe.Field: Text{zh, fe.Message}}}
}

// At keeps the errors of the fields that start with prefix.
func (errs Errors) At(prefix string) Errors {
	out := Errors{}
	for k, v := range errs {
		if strings.HasPrefix(k, prefix) {
			out[FieldPath(k)] = v
		}
	}
	return out
}

// FieldPath trims an engine error path to the form field that shows it:
// "enrollments[1].backpaid[0]" → "enrollments[1].backpaid".
func FieldPath(p string) string {
	start := 0
	if strings.HasPrefix(p, "enrollments[") {
		if i := strings.Index(p, "]"); i > 0 {
			start = i + 1
		}
	}
	rest := p[start:]
	if strings.HasPrefix(rest, ".") {
		if i := strings.IndexAny(rest[1:], ".["); i >= 0 {
			return p[:start+1+i]
		}
	}
	return p
}
