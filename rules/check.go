package rules

import (
	"strconv"
	"unicode/utf8"
)

// The checks below are shared by Decode (after typing each part of the
// JSON) and Evaluate (on a hand-built Input), so both reject the same
// inputs with the same field names and messages.

func checkAsOf(s string) (Date, error) {
	if s == "" {
		return Date{}, fieldErr("asOf", "is required", "必填")
	}
	d, ok := parseDate(s)
	if !ok {
		return Date{}, badDate("asOf", s)
	}
	return d, nil
}

// checkPerson validates the person and normalizes their region codes.
func checkPerson(p *Person, asOf Date) error {
	if p.BirthDate != "" {
		b, ok := parseDate(p.BirthDate)
		if !ok {
			return badDate("person.birthDate", p.BirthDate)
		}
		if b.After(asOf) {
			return fieldErr("person.birthDate", "is after asOf", "出生日期晚于查询日期")
		}
	}
	if p.Sex != "" && p.Sex != "male" && p.Sex != "female" {
		return fieldErr("person.sex", "must be \"male\" or \"female\", got "+strconv.Quote(p.Sex), "性别应为 male 或 female")
	}
	for i, g := range p.Groups {
		if !knownGroup(g) {
			return fieldErr("person.groups["+strconv.Itoa(i)+"]", "unknown group "+strconv.Quote(g)+": use newborn, lowIncome, veteran or student", "未知人群类别")
		}
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"residence", &p.Residence}, {"workRegion", &p.WorkRegion}, {"studyRegion", &p.StudyRegion}} {
		if *f.dst == "" {
			continue
		}
		code, err := checkRegion("person.", f.key, *f.dst)
		if err != nil {
			return err
		}
		*f.dst = code
	}
	return nil
}

// enrollmentPath names enrollment i in an error.
func enrollmentPath(i int) string { return "enrollments[" + strconv.Itoa(i) + "]" }

// checkEnrollmentAt is checkEnrollment of enrollment i. The path is written
// into an error only: a valid enrollment is checked once with none, and an
// invalid one again with its path (the normalisation done before the error
// is idempotent), so that the thousands of valid ones build no strings.
func checkEnrollmentAt(e *Enrollment, i int) error {
	if checkEnrollment(e, "") == nil {
		return nil
	}
	return checkEnrollment(e, enrollmentPath(i))
}

// MaxLabelRunes is the longest Enrollment.Label, in characters.
const MaxLabelRunes = 40

// invalidID refuses an id that is not UTF-8 text: its invalid bytes would
// print as U+FFFD, and two ids would look the same.
func invalidID(path, id string) *FieldError {
	return fieldErr(path+".id", "must be valid UTF-8 text, got "+strconv.QuoteToASCII(id), "编号应为有效的 UTF-8 文本")
}

// checkEnrollment validates one enrollment and normalizes its region.
func checkEnrollment(e *Enrollment, path string) error {
	if !utf8.ValidString(e.ID) {
		return invalidID(path, e.ID)
	}
	if !utf8.ValidString(e.Label) || utf8.RuneCountInString(e.Label) > MaxLabelRunes {
		return fieldErr(path+".label", "must be UTF-8 text of at most "+strconv.Itoa(MaxLabelRunes)+" characters", "名称应为不超过 "+strconv.Itoa(MaxLabelRunes)+" 个字的文本")
	}
	if e.Region == "" {
		return fieldErr(path+".region", "is required", "必填")
	}
	code, err := checkRegion(path, ".region", e.Region)
	if err != nil {
		return err
	}
	e.Region = code
	if e.Scheme == "" {
		return fieldErr(path+".scheme", "is required", "必填")
	}
	if err := checkScheme(path, ".scheme", e.Scheme); err != nil {
		return err
	}
	if e.From == "" {
		return fieldErr(path+".from", "is required", "必填")
	}
	from, ok := parseMonth(e.From)
	if !ok {
		return badMonth(path+".from", e.From)
	}
	to := Month(-1)
	if e.To != "" {
		if to, ok = parseMonth(e.To); !ok {
			return badMonth(path+".to", e.To)
		}
		if to < from {
			return fieldErr(path+".to", "is before from ("+e.To+" < "+e.From+")", "结束月份早于开始月份")
		}
	}
	if e.PaidOn != "" {
		if _, ok := parseDate(e.PaidOn); !ok {
			return badDate(path+".paidOn", e.PaidOn)
		}
	}
	if e.Kind != "" { // (no field path is built for what needs no check)
		if err := checkKind(path+".kind", e.Kind, e.Scheme, true); err != nil {
			return err
		}
	}
	if (len(e.Backpaid) > 0 || e.BackpaidFirst != 0) && e.Scheme != Employee {
		return fieldErr(path+".backpaid", "applies to employee enrollments only (resident years are paid whole)", "补缴仅适用于职工医保")
	}
	if e.BackpaidFirst != 0 {
		if err := checkBackpaidCount(e.BackpaidFirst, path+".backpaid"); err != nil {
			return err
		}
	}
	if e.BackpaidFirst > 0 && len(e.Backpaid) > 0 {
		return fieldErr(path+".backpaid", "is both a count and a list of months: give one", "补缴应为月数或月份数组，不能同时给出")
	}
	if len(e.Backpaid) > MaxBackpaidMonths {
		return fieldErr(path+".backpaid", "lists "+strconv.Itoa(len(e.Backpaid))+" months: at most "+strconv.Itoa(MaxBackpaidMonths), "补缴月份过多（最多 "+strconv.Itoa(MaxBackpaidMonths)+" 个）")
	}
	if n := int(to-from) + 1; to >= 0 && e.BackpaidFirst > n {
		return fieldErr(path+".backpaid", strconv.Itoa(e.BackpaidFirst)+" months is more than the enrollment's "+strconv.Itoa(n)+" ("+e.From+" to "+e.To+")", "补缴月数超过该参保记录的月数（"+strconv.Itoa(n)+" 个月）")
	}
	for i, s := range e.Backpaid {
		f := path + ".backpaid[" + strconv.Itoa(i) + "]"
		m, ok := parseMonth(s)
		if !ok {
			return badMonth(f, s)
		}
		if m < from || (to >= 0 && m > to) {
			return fieldErr(f, s+" is outside the enrollment's months", "补缴月份不在该参保记录的起止月份内")
		}
	}
	return nil
}

// idSet gives enrollments without an id one ("#1", "#2", …) and rejects
// an id used twice. The automatic id "#n" is enrollments[n-1]'s alone: an
// id of that form elsewhere is rejected, so it cannot collide (a checked
// input, whose enrollments have their automatic ids, checks again).
type idSet map[string]int

// automaticID reports whether id has the form of the id given to the n-th
// enrollment without one (#n).
func automaticID(id string) (n int, ok bool) {
	if id == "" || id[0] != '#' {
		return 0, false
	}
	n, err := strconv.Atoi(id[1:])
	return n, err == nil && n > 0 && id == "#"+strconv.Itoa(n)
}

func (ids idSet) add(e *Enrollment, i int) error {
	if e.ID == "" {
		e.ID = "#" + strconv.Itoa(i+1)
	} else if n, ok := automaticID(e.ID); ok && n != i+1 {
		return fieldErr("enrollments["+strconv.Itoa(i)+"].id", "id "+strconv.Quote(e.ID)+" is the automatic id of enrollments["+strconv.Itoa(n-1)+"]: ids of the form #1, #2, … are given to enrollments without an id", "编号 #1、#2 等保留给未填写编号的参保记录")
	}
	if j, dup := ids[e.ID]; dup {
		return fieldErr("enrollments["+strconv.Itoa(i)+"].id", "id "+strconv.Quote(e.ID)+" is also used by enrollments["+strconv.Itoa(j)+"]; ids must be unique", "编号与其他参保记录重复")
	}
	ids[e.ID] = i
	return nil
}

// checkPlan validates the plan and normalizes its region.
func checkPlan(p *Plan) error {
	if p.Region == "" {
		return fieldErr("plan.region", "is required", "必填")
	}
	code, err := checkRegion("plan", ".region", p.Region)
	if err != nil {
		return err
	}
	p.Region = code
	if p.Scheme == "" {
		return fieldErr("plan.scheme", "is required", "必填")
	}
	if err := checkScheme("plan", ".scheme", p.Scheme); err != nil {
		return err
	}
	if err := checkKind("plan.kind", p.Kind, p.Scheme, false); err != nil {
		return err
	}
	if p.PayOn == "" {
		return fieldErr("plan.payOn", "is required", "必填")
	}
	if _, ok := parseDate(p.PayOn); !ok {
		return badDate("plan.payOn", p.PayOn)
	}
	if p.ExtraYears < 0 || p.ExtraYears > 100 {
		return fieldErr("plan.extraYears", "must be between 0 and 100", "应在 0 到 100 之间")
	}
	return nil
}

// check validates a hand-built Input with the same rules as Decode,
// normalizing a copy where it changes something (the caller's slices are
// not changed).
func check(in *Input) error {
	asOf, err := checkAsOf(in.AsOf)
	if err != nil {
		return err
	}
	if len(in.Enrollments) > MaxEnrollments {
		return tooManyEnrollments(len(in.Enrollments))
	}
	if in.Person != nil {
		p := *in.Person
		if err := checkPerson(&p, asOf); err != nil {
			return err
		}
		in.Person = &p
	}
	// The caller's enrollments are copied only if normalising changes one
	// (a region alias, an id given): the engine reads them and never
	// writes, and most inputs need no change.
	es, copied := in.Enrollments, false
	ids := make(idSet, len(es))
	listed := 0
	for i := range es {
		e := es[i]
		if err := checkEnrollmentAt(&e, i); err != nil {
			return err
		}
		if err := ids.add(&e, i); err != nil {
			return err
		}
		if e.Region != es[i].Region || e.ID != es[i].ID {
			if !copied {
				es, copied = append([]Enrollment(nil), es...), true
			}
			es[i] = e
		}
		if listed += len(e.Backpaid); listed > MaxBackpaidListed {
			return tooManyListed(enrollmentPath(i))
		}
	}
	in.Enrollments = es
	if in.Plan != nil {
		p := *in.Plan
		if err := checkPlan(&p); err != nil {
			return err
		}
		in.Plan = &p
	}
	return nil
}

// checkKind validates how an employee enrollment is paid; past spans may
// also be months on unemployment benefit or military service.
func checkKind(field, kind, scheme string, past bool) error {
	switch kind {
	case "":
		return nil
	case KindUnit, KindFlexible:
	case KindUnemployment, KindMilitary:
		if !past {
			return fieldErr(field, "a plan is "+strconv.Quote(KindUnit)+" or "+strconv.Quote(KindFlexible), "计划参保方式应为 unit（单位）或 flexible（灵活就业）")
		}
	default:
		return fieldErr(field, "unknown kind "+strconv.Quote(kind)+": use \"unit\" (单位参保), \"flexible\" (灵活就业), \"unemployment\" (领取失业保险金期间) or \"military\" (服现役)", "参保方式应为 unit、flexible、unemployment 或 military")
	}
	if scheme != Employee {
		return fieldErr(field, "applies to employee enrollments only", "参保方式仅适用于职工医保")
	}
	return nil
}
