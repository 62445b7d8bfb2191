package rules

// Case is one input checked and normalised once (Check): region codes in
// their canonical form, ids given to enrollments without one, dates parsed
// and the enrollments laid out as a history. Evaluating a Case cannot fail
// and reads no text of the input again.
type Case struct {
	in     Input // the normalised input; in.Person is never nil
	asOf   Date
	birth  Date // zero when not given
	payOn  Date // the plan's payment day; zero without a plan
	groups map[string]bool
	h      *history
}

// Check validates an input with the same rules and field names as Decode
// and normalises it into a Case. The caller's slices are not changed.
func Check(in Input) (*Case, error) {
	if err := check(&in); err != nil {
		return nil, err
	}
	c := &Case{in: in, groups: map[string]bool{}}
	c.asOf, _ = parseDate(in.AsOf)
	if c.in.Person == nil {
		c.in.Person = &Person{}
	}
	p := c.in.Person
	if p.BirthDate != "" {
		c.birth, _ = parseDate(p.BirthDate)
	}
	for _, g := range p.Groups {
		c.groups[g] = true
	}
	if in.Plan != nil {
		c.payOn, _ = parseDate(in.Plan.PayOn)
	}
	c.h = newHistory(c.in, c.asOf, p.Retired)
	return c, nil
}

// Input is the normalised input the case was made from.
func (c *Case) Input() Input { return c.in }
