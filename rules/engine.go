package rules

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// engine answers one case with one rule set.
type engine struct {
	rs *RuleSet
	*Case
	// The parameters of the regions asked so far (a history has a few
	// regions, asked about again and again), looked up in the rule set
	// once each.
	regionParams [8]regionParams
	nParams      int
	last         int // the entry found last: most questions ask of one region in a row
	// Scratch space for wait, which decides every enrollment's wait: the
	// clauses are called through the priority lists, so what they are
	// given would otherwise be allocated anew each time. answer copies
	// what it keeps.
	waitBuf waitResult
	resBuf  residentCase
	empBuf  employeeCase
	// section is the part of the answer being computed, and used the
	// regions' own values its texts cite (Output.Rules.Sources).
	section string
	used    []usedValue
	// overlaps are the months of each Overlap the duplicates answer lists,
	// with its two enrollments, for the timeline.
	overlaps []overlapMonths
	// scratch is the space the steps use only while they run, kept with
	// the engine between evaluations (engines).
	scratch scratch
}

// scratch is the engine's working space: nothing of it reaches an
// answer.
type scratch struct {
	segs                 []segment
	waits                []spanWait
	dupIvals             []dupIval
	segMonths, ownMonths []ival
	laneDup              []ival
	ownAt, filled        []int
	cuts                 cuts
}

// engines keeps engines between evaluations, with their scratch space: an
// evaluation then allocates only what its answer keeps (fewer allocations,
// and fewer bytes for the garbage collector to mark).
var engines = sync.Pool{New: func() any { return new(engine) }}

// newEngine is an engine for case c with rule set rs, from engines: give it
// back with done once the answer is built.
func newEngine(rs *RuleSet, c *Case) *engine {
	e := engines.Get().(*engine)
	s := e.scratch
	*e = engine{rs: rs, Case: c, scratch: s, used: e.used[:0], overlaps: e.overlaps[:0]}
	return e
}

// done gives e back to engines. Nothing may keep e, its scratch space or
// its lists after that.
func (e *engine) done() {
	e.rs, e.Case = nil, nil
	engines.Put(e)
}

// reuse is buf emptied, with room for n (a new array if it has less).
func reuse[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, 0, n)
	}
	return buf[:0]
}

// zeroed is buf as n zero values (a new array if it has room for fewer).
func zeroed[T any](buf []T, n int) []T {
	b := reuse(buf, n)[:n]
	clear(b)
	return b
}

// overlapMonths is the months two enrollments overlap.
type overlapMonths struct {
	a, b *span
	iv   ival
}

// usedValue is a region's own value an answer section cited.
type usedValue struct {
	v       *Value
	section string
}

// cite is the source of v for an answer step; a region's own value is
// recorded as used by the current section.
func (e *engine) cite(v *Value) string {
	if v.region != "" {
		e.use(v)
	}
	return e.rs.cite(v)
}

func (e *engine) use(v *Value) {
	for _, u := range e.used {
		if u.v == v && u.section == e.section {
			return
		}
	}
	e.used = append(e.used, usedValue{v, e.section})
}

// regionParams is the typed parameters of one region.
type regionParams struct {
	region string
	p      *Params
}

// params is the typed parameters of region.
func (e *engine) params(region string) *Params {
	if l := &e.regionParams[e.last]; l.p != nil && l.region == region {
		return l.p
	}
	for i := range e.nParams {
		if e.regionParams[i].region == region {
			e.last = i
			return e.regionParams[i].p
		}
	}
	p := e.rs.For(region)
	if e.nParams < len(e.regionParams) {
		e.regionParams[e.nParams] = regionParams{region, p}
		e.last = e.nParams
		e.nParams++
	}
	return p
}

func (e *engine) birth() (Date, bool) { return e.Case.birth, !e.Case.birth.IsZero() }

func (e *engine) inGroup(g string) bool { return e.groups[g] }

func (e *engine) hasExempt(p Resolved[[]string], g string) bool {
	for _, x := range p.V {
		if x == g {
			return true
		}
	}
	return false
}

func (e *engine) retired() bool { return e.in.Person.Retired }

func regionName(code string) string {
	if r, ok := LookupRegion(code); ok {
		return r.Name
	}
	return code
}

// regionNameEn is the region's name for English text: its pinyin, which an
// English reader can say, then the Chinese name that the region's offices
// and apps show ("Shenzhen 深圳市"), as the web app names regions in English.
func regionNameEn(code string) string {
	r, ok := LookupRegion(code)
	if !ok {
		return code
	}
	if r.Pinyin == "" {
		return r.Name
	}
	p, n := utf8.DecodeRuneInString(r.Pinyin)
	return string(unicode.ToUpper(p)) + r.Pinyin[n:] + " " + r.Name
}

// regionText is a region's name in both languages.
func regionText(code string) Text {
	return Text{Zh: regionName(code), En: regionNameEn(code)}
}

// levelText says whose rule a value is: the city's, the province's or the
// nation's.
func levelText(level string) Text {
	switch level {
	case LevelCity:
		return say("level.city")
	case LevelProvince:
		return say("level.province")
	}
	return say("level.national")
}

// groupText names a group of people exempt from waiting periods.
func groupText(g string) Text {
	switch g {
	case GroupNewborn:
		return say("group.newborn")
	case GroupLowIncome:
		return say("group.lowIncome")
	case GroupVeteran:
		return say("group.veteran")
	}
	return Text{Zh: g, En: g}
}

// schemeText names a scheme: in Chinese its name, in English the scheme
// code as the English texts use it.
func schemeText(s string) Text {
	if s == Employee {
		return say("scheme.employee")
	}
	return say("scheme.resident")
}
