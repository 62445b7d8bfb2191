package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	json "yibao/internal/jsonx"
)

// The rules data are three files, data/documents.json, national.json and
// regions.json. The binary holds what they say in a simpler form that
// takes no JSON decoder to read (embeddedRules, see data_codec.go), written
// by go generate and kept current by TestGeneratedData.

//go:generate go test -run ^TestGeneratedData$ -update-generated .

// Kinds of parameter value.
const (
	kindInt      = "int"      // a whole number (months, years, yuan)
	kindEnum     = "enum"     // one of a fixed set of words
	kindWindow   = "window"   // the resident enrollment window (集中参保期)
	kindDuration = "duration" // ISO 8601 period: P90D, P6M
	kindGroups   = "groups"   // a list of person groups
	// kindPeriod is a stretch of days in the benefit year ({"start":"01-01",
	// "end":"02-29"}; 02-29 means the end of February), or null for none.
	kindPeriod = "period"
	// kindYears is a minimum of contribution years for lifetime retiree
	// benefits ({"male":25,"female":20,"actual":10}), or null when not known.
	kindYears = "years"
)

// paramSpec is what the engine expects of each parameter it reads. The data
// must define exactly these, no more and no fewer.
type paramSpec struct {
	kind  string
	enum  []string
	min   int
	max   int
	cover bool // national values must run without holes to an open end
}

// paramSpecList is every parameter the engine reads, with its spec; a
// table, which the linker lays out as data, where a map literal this size
// is code (6 KB in WebAssembly).
var paramSpecList = [...]struct {
	name string
	spec paramSpec
}{
	{"employee.backpayMaxGapMonths", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"employee.longGapWaitMonths", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"employee.longGapWaitCapMonths", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"switch.minContinuousYears", paramSpec{kind: kindInt, min: 0, max: 10, cover: true}},
	{"switch.maxGapMonths", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"resident.window", paramSpec{kind: kindWindow, cover: true}},
	{"resident.fixedWaitMonths", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"resident.variableMonthsPerYear", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"resident.brokenYearCounting", paramSpec{kind: kindEnum, enum: []string{"afterFirst", "every"}, cover: true}},
	{"resident.brokenYearsCountFrom", paramSpec{kind: kindInt, min: 1990, max: 2100, cover: true}},
	{"resident.repairMonthsPerYear", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"resident.longBreakYears", paramSpec{kind: kindInt, min: 1, max: 50, cover: true}},
	{"resident.longBreakMinMonths", paramSpec{kind: kindInt, min: 0, max: 24, cover: true}},
	{"resident.exemptGroups", paramSpec{kind: kindGroups, cover: true}},
	{"resident.individualContribution", paramSpec{kind: kindInt, min: 1, max: 100000}},
	{"newborn.window", paramSpec{kind: kindDuration, cover: true}},
	{"duplicates.employeeKeepMinYears", paramSpec{kind: kindInt, min: 0, max: 10, cover: true}},
	{"duplicates.residentRefund", paramSpec{kind: kindEnum, enum: []string{"beforeBenefitPeriodOnly", "individualIfUnused", "nextYearIfUnused", "none"}, cover: true}},
	{"incentive.continuousYearsBeforeRise", paramSpec{kind: kindInt, min: 0, max: 20, cover: true}},
	{"incentive.risePerYear", paramSpec{kind: kindInt, min: 0, max: 100000, cover: true}},
	{"incentive.capShareOfCeilingPercent", paramSpec{kind: kindInt, min: 0, max: 100, cover: true}},
	{"incentive.countFrom", paramSpec{kind: kindInt, min: 1990, max: 2100, cover: true}},
	{"transfer.workingDays", paramSpec{kind: kindInt, min: 1, max: 60, cover: true}},
	{"transfer.outWorkingDays", paramSpec{kind: kindInt, min: 1, max: 60, cover: true}},
	{"transfer.inWorkingDays", paramSpec{kind: kindInt, min: 1, max: 60, cover: true}},
	{"resident.extension", paramSpec{kind: kindPeriod, cover: true}},
	{"resident.waitCountsFrom", paramSpec{kind: kindEnum, enum: []string{"paymentDay", "paymentMonth", "nextMonth"}, cover: true}},
	{"newborn.lateBenefitStart", paramSpec{kind: kindEnum, enum: []string{"paymentDay", "nextDay", "nextMonth"}, cover: true}},
	{"newborn.exemptUntilMonths", paramSpec{kind: kindInt, min: 1, max: 72, cover: true}},
	{"newborn.windowCounting", paramSpec{kind: kindEnum, enum: []string{"afterBirthDay", "includesBirthDay"}, cover: true}},
	{"employee.firstFlexibleWaitMonths", paramSpec{kind: kindInt, min: 0, max: 12, cover: true}},
	{"retiree.minYears", paramSpec{kind: kindYears, cover: true}},
	{"student.entryBenefitStart", paramSpec{kind: kindEnum, enum: []string{"benefitYear", "september"}, cover: true}},
	{"resident.fullPriceOutsideWindow", paramSpec{kind: kindPeriod, cover: true}},
	// Kinds the provinces set (issue 12): benefits of a payment inside the
	// window but in the benefit year, the full price, waits in days,
	// incentive amounts and rules, employee waits of flexible workers, and
	// monthly resident payments.
	{"resident.inBenefitYearPaymentBenefitFrom", paramSpec{kind: kindEnum, enum: []string{"yearStart", "paymentDay", "nextDay"}, cover: true}},
	{"resident.fullPrice", paramSpec{kind: kindInt, min: 0, max: 100000, cover: true}},
	{"resident.fixedWaitDays", paramSpec{kind: kindInt, min: 0, max: 366, cover: true}},
	{"resident.variableDaysPerYear", paramSpec{kind: kindInt, min: 0, max: 366, cover: true}},
	{"resident.collection", paramSpec{kind: kindEnum, enum: []string{"yearly", "monthly"}, cover: true}},
	{"incentive.zeroClaimRise", paramSpec{kind: kindInt, min: 0, max: 100000, cover: true}},
	{"incentive.breakPenaltyPerYear", paramSpec{kind: kindInt, min: 0, max: 100000, cover: true}},
	{"incentive.capTotalYuan", paramSpec{kind: kindInt, min: 0, max: 10000000, cover: true}},
	{"incentive.keepEarnedAfterBreak", paramSpec{kind: kindEnum, enum: []string{"notStated", "kept", "lost"}, cover: true}},
	{"incentive.applies", paramSpec{kind: kindEnum, enum: []string{"yes", "noCeiling"}, cover: true}},
	{"employee.flexibleLongGapWaitMonths", paramSpec{kind: kindInt, min: -1, max: 12, cover: true}},
	{"employee.waitCountsPaymentMonth", paramSpec{kind: kindEnum, enum: []string{"no", "yes"}, cover: true}},
}

// paramSpecs is paramSpecList by name.
var paramSpecs = func() map[string]paramSpec {
	m := make(map[string]paramSpec, len(paramSpecList))
	for _, p := range paramSpecList {
		m[p.name] = p.spec
	}
	return m
}()

// Source is where a value comes from: a document and its article, and for
// a region's own value the page it was read on, the verbatim quote and how
// sure that reading is (Trust).
type Source struct {
	_        noCompare
	Document string `json:"document"`
	Article  string `json:"article"`
	URL      string `json:"url,omitempty"`
	Quote    string `json:"quote,omitempty"`
	Trust    string `json:"trust,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Trust levels of a regional value: read on a government page, on a
// reprint of the official text, or in a news report. Aggregator and
// AI-written pages are no source: their findings are kept apart, in
// data/unverified.json, which the app does not ship (unverified_test.go).
const (
	TrustOfficial = "official"
	TrustReprint  = "reprint"
	TrustPress    = "press"
)

func knownTrust(t string) bool {
	return t == TrustOfficial || t == TrustReprint || t == TrustPress
}

// Document is a policy document the rules cite.
type Document struct {
	_        noCompare
	ID       string `json:"id"`
	Number   string `json:"number"`
	Title    string `json:"title"`
	Issuer   string `json:"issuer"`
	Issued   string `json:"issued"`
	URL      string `json:"url,omitempty"`
	Verified string `json:"verified"` // "official", "reprint", "press", "unverified"
	Note     string `json:"note,omitempty"`
}

// Effective is the range of days a value is in force; an empty To means
// until further notice.
type Effective struct {
	_    noCompare
	From string `json:"from"`
	To   string `json:"to,omitempty"`
}

// Value is one dated value of a parameter.
type Value struct {
	Effective Effective       `json:"effective"`
	Raw       json.RawMessage `json:"value"`
	Source    Source          `json:"source"`

	from, to Date // to is zero when open-ended
	// fromSec and toSec are from and to in Unix seconds (toSec the largest
	// for an open end), which valueAt compares.
	fromSec, toSec int64
	num            int
	word           string
	window         Window
	words          []string
	period         *Window // kindPeriod; nil for none
	citation       string  // cite's text, formatted at load
	years          *MinYears
	// region and param name a region's own value ("" for a national one),
	// so that an answer can list the local values it used, and shown is
	// its Display.
	region, param, shown string
}

// MinYears is the contribution a retiree needs for lifetime employee
// benefits: total years (视同缴费年限 included) by sex, and actual years paid.
type MinYears struct {
	Male   int `json:"male"`
	Female int `json:"female"`
	Actual int `json:"actual,omitempty"`
}

// Window is the resident 集中参保期 for benefit year Y: from Start (MM-DD)
// of year Y-1 to End (MM-DD) of year Y-1, or of year Y when EndInBenefitYear.
type Window struct {
	_                noCompare
	Start            string `json:"start"`
	End              string `json:"end"`
	EndInBenefitYear bool   `json:"endInBenefitYear,omitempty"`

	startM, startD, endM, endD int
}

// Parameter is a named policy parameter with its dated values.
type Parameter struct {
	Name string `json:"-"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
	Unit string `json:"unit"`
	// Kind, Min, Max and Enum say what a value may be; they must be what
	// the engine reads (paramSpecs), and every value is checked against them.
	Kind   string   `json:"kind"`
	Min    *int     `json:"min,omitempty"`
	Max    *int     `json:"max,omitempty"`
	Enum   []string `json:"enum,omitempty"`
	Values []Value  `json:"values"`
}

type nationalFile struct {
	Version    string                `json:"version"`
	Parameters map[string]*Parameter `json:"parameters"`
}

type documentsFile struct {
	Documents []Document `json:"documents"`
}

// RegionRules is a region's own parameters (overrides of the national ones).
type RegionRules struct {
	Code string `json:"-"`
	Name string `json:"name"`
	// Status is "local" when the region has parameters of its own, or
	// "national" when only the national rules are known for it (said
	// explicitly, so that no region is silently national).
	Status string `json:"status"`
	Note   string `json:"note"`
	// Parameters maps a parameter name to the region's dated values.
	Parameters map[string][]Value `json:"parameters"`
}

type regionsFile struct {
	Regions map[string]*RegionRules `json:"regions"`
}

// RuleSet is a validated set of documents, national parameters and regional
// overrides. It is immutable once loaded.
type RuleSet struct {
	Version   string
	documents map[string]Document
	docOrder  []string
	national  map[string]*Parameter
	regions   map[string]*RegionRules
	// params and nationalParams are the typed parameters of each region
	// with rules of its own, and of every other region.
	params         map[string]*Params
	nationalParams *Params
	paramsMu       sync.Mutex // guards params
}

var (
	defaultOnce sync.Once
	defaultSet  *RuleSet
	defaultErr  error
)

// Default returns the rule set embedded in the binary. The data is checked
// by the tests, so an error here means a broken build. Every value is
// validated here as by Load; only the search for unknown keys is left to
// the tests (TestEmbeddedDataIsStrict: the JSON files pass Load;
// TestGeneratedDataIsTheFiles: the binary holds what they say).
func Default() (*RuleSet, error) {
	defaultOnce.Do(func() {
		var f ruleFiles
		if defaultErr = decodeData(embeddedRules, f.code); defaultErr == nil {
			defaultSet, defaultErr = build(f.documents, f.national, f.regions, embeddedDataHash, decodeChecked)
		}
	})
	return defaultSet, defaultErr
}

// embeddedDataHash is dataHash of the embedded files, written out: hashing
// their 270 KB would be ≈ 70 ms of a cold start in app.wasm at 4× CPU.
// TestEmbeddedDataHash keeps it current.
const embeddedDataHash = "8f59f0a7"

// embeddedNationalVersion is the version of the embedded national.json,
// written out for DefaultVersion (TestEmbeddedDataHash keeps it current).
const embeddedNationalVersion = "2026.12"

// DefaultVersion is the version of the embedded rule set (Default's
// Version), known without loading it: a page that computes nothing yet
// still says which rules it would apply.
func DefaultVersion() string { return embeddedNationalVersion + "+" + embeddedDataHash }

// dataHash is the part of a rule set's version that names its data: the
// first 8 hex digits of the SHA-256 of the three files.
func dataHash(documents, national, regions []byte) string {
	h := sha256.New()
	h.Write(documents)
	h.Write(national)
	h.Write(regions)
	return hex.EncodeToString(h.Sum(nil))[:8]
}

// Load parses and validates rules data: unknown keys, unknown parameters or
// documents, values of the wrong kind, overlapping or missing date ranges and
// missing sources are errors.
func Load(documents, national, regions []byte) (*RuleSet, error) {
	var df documentsFile
	if err := decodeStrict("documents.json", documents, &df); err != nil {
		return nil, err
	}
	var nf nationalFile
	if err := decodeStrict("national.json", national, &nf); err != nil {
		return nil, err
	}
	var rf regionsFile
	if err := decodeStrict("regions.json", regions, &rf); err != nil {
		return nil, err
	}
	return build(df, nf, rf, dataHash(documents, national, regions), decodeStrict)
}

// build validates the three decoded files and makes their rule set; it
// keeps the files' parameters and values, and fills in what it reads of
// them. decode reads a structured value (see Value.parse).
func build(df documentsFile, nf nationalFile, rf regionsFile, hash string, decode func(name string, data []byte, v any) error) (*RuleSet, error) {
	rs := &RuleSet{documents: map[string]Document{}, national: nf.Parameters, regions: rf.Regions}
	if nf.Version == "" {
		return nil, fmt.Errorf("national.json: version: missing")
	}
	for i, d := range df.Documents {
		where := func() string { return fmt.Sprintf("documents.json: documents[%d]", i) }
		switch {
		case d.ID == "":
			return nil, fmt.Errorf("%s.id: missing", where())
		case d.Number == "" || d.Title == "" || d.Issuer == "":
			return nil, fmt.Errorf("%s (%s): number, title and issuer are required", where(), d.ID)
		case !knownTrust(d.Verified) && d.Verified != "unverified":
			return nil, fmt.Errorf("%s.verified: %q is not official, reprint, press or unverified", where(), d.Verified)
		}
		if _, ok := parseDate(d.Issued); !ok {
			return nil, fmt.Errorf("%s.issued: %q is not a date", where(), d.Issued)
		}
		if _, dup := rs.documents[d.ID]; dup {
			return nil, fmt.Errorf("%s.id: %q is listed twice", where(), d.ID)
		}
		rs.documents[d.ID] = d
		rs.docOrder = append(rs.docOrder, d.ID)
	}
	for name := range paramSpecs {
		if nf.Parameters[name] == nil {
			return nil, fmt.Errorf("national.json: parameters.%s: missing", name)
		}
	}
	for name, p := range nf.Parameters {
		where := "national.json: parameters." + name
		if _, ok := paramSpecs[name]; !ok {
			return nil, fmt.Errorf("%s: unknown parameter", where)
		}
		if p.Zh == "" || p.En == "" || p.Unit == "" {
			return nil, fmt.Errorf("%s: zh, en and unit are required", where)
		}
		if err := p.matches(paramSpecs[name]); err != nil {
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		p.Name = name
		if err := rs.checkValues(where, name, p.Values, paramSpecs[name].cover, decode); err != nil {
			return nil, err
		}
	}
	for code, r := range rf.Regions {
		where := "regions.json: regions." + code
		reg, ok := LookupRegion(code)
		if !ok || reg.Alias != "" {
			return nil, fmt.Errorf("%s: not a region code (GB/T 2260, province or prefecture level)", where)
		}
		if r.Name != reg.Name {
			return nil, fmt.Errorf("%s.name: %q, but the code is %s", where, r.Name, reg.Name)
		}
		if r.Note == "" {
			return nil, fmt.Errorf("%s.note: missing (say what is local and what could not be verified)", where)
		}
		switch {
		case r.Status == "local" && len(r.Parameters) == 0:
			return nil, fmt.Errorf("%s.parameters: a local region needs at least one parameter", where)
		case r.Status == "national" && len(r.Parameters) > 0:
			return nil, fmt.Errorf("%s.parameters: a region marked national has no parameters of its own", where)
		case r.Status != "local" && r.Status != "national":
			return nil, fmt.Errorf("%s.status: %q is not local or national", where, r.Status)
		}
		r.Code = code
		for name, vals := range r.Parameters {
			if _, ok := paramSpecs[name]; !ok {
				return nil, fmt.Errorf("%s.parameters.%s: unknown parameter", where, name)
			}
			path := where + ".parameters." + name
			if err := rs.checkValues(path, name, vals, false, decode); err != nil {
				return nil, err
			}
			if err := checkRegionalSources(path, vals); err != nil {
				return nil, err
			}
			for i := range vals {
				vals[i].region, vals[i].param = code, name
			}
		}
	}
	rs.citeAll()
	rs.buildParams()
	// Regional waits may not exceed the cap in force for the same region.
	for code, r := range rs.regions {
		for _, name := range []string{"employee.longGapWaitMonths", "employee.flexibleLongGapWaitMonths"} {
			for _, v := range r.Parameters[name] {
				capMonths := rs.For(code).EmployeeLongGapWaitCapMonths.At(v.from).V
				if v.num > capMonths {
					return nil, fmt.Errorf("regions.json: regions.%s.parameters.%s: %d months exceeds the cap of %d", code, name, v.num, capMonths)
				}
			}
		}
	}
	rs.Version = nf.Version + "+" + hash
	return rs, nil
}

// checkRegionalSources requires of a region's own values what the answer
// shows of them: the page they were read on, the verbatim quote and the
// trust (an aggregator is not a trust: its findings are unverified notes).
func checkRegionalSources(where string, vals []Value) error {
	for i, v := range vals {
		at := func() string { return fmt.Sprintf("%s.values[%d].source", where, i) }
		switch {
		case !isWebAddress(v.Source.URL):
			return fmt.Errorf("%s.url: %q is not an http(s) address", at(), v.Source.URL)
		case strings.TrimSpace(v.Source.Quote) == "":
			return fmt.Errorf("%s.quote: missing", at())
		case !knownTrust(v.Source.Trust):
			return fmt.Errorf("%s.trust: %q is not official, reprint or press (aggregator findings go to data/unverified.json, not here)", at(), v.Source.Trust)
		}
	}
	return nil
}

func isWebAddress(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \t\n")
}

// matches reports whether the data's kind and bounds are what the engine
// reads.
func (p *Parameter) matches(spec paramSpec) error {
	if p.Kind != spec.kind {
		return fmt.Errorf("kind %q, but the engine reads %q", p.Kind, spec.kind)
	}
	if spec.kind == kindInt {
		if p.Min == nil || p.Max == nil || *p.Min != spec.min || *p.Max != spec.max {
			return fmt.Errorf("min and max must be %d and %d", spec.min, spec.max)
		}
	} else if p.Min != nil || p.Max != nil {
		return fmt.Errorf("min and max apply to kind int only")
	}
	if strings.Join(p.Enum, ",") != strings.Join(spec.enum, ",") {
		return fmt.Errorf("enum must be %v", spec.enum)
	}
	return nil
}

// checkValues validates the dated values of one parameter, decoding
// structured values with decode (see load).
func (rs *RuleSet) checkValues(where, name string, vals []Value, cover bool, decode func(name string, data []byte, v any) error) error {
	spec := paramSpecs[name]
	if len(vals) == 0 {
		return fmt.Errorf("%s.values: no values", where)
	}
	for i := range vals {
		v := &vals[i]
		at := func() string { return fmt.Sprintf("%s.values[%d]", where, i) }
		var ok bool
		if v.from, ok = parseDate(v.Effective.From); !ok {
			return fmt.Errorf("%s.effective.from: %q is not a date", at(), v.Effective.From)
		}
		if v.Effective.To != "" {
			if v.to, ok = parseDate(v.Effective.To); !ok {
				return fmt.Errorf("%s.effective.to: %q is not a date", at(), v.Effective.To)
			}
			if v.to.Before(v.from) {
				return fmt.Errorf("%s.effective: to %s is before from %s", at(), v.Effective.To, v.Effective.From)
			}
		}
		v.fromSec, v.toSec = v.from.Unix(), math.MaxInt64
		if !v.to.IsZero() {
			v.toSec = v.to.Unix()
		}
		if v.Source.Document == "" || v.Source.Article == "" {
			return fmt.Errorf("%s.source: document and article are required", at())
		}
		if _, ok := rs.documents[v.Source.Document]; !ok {
			return fmt.Errorf("%s.source.document: %q is not in documents.json", at(), v.Source.Document)
		}
		if len(v.Raw) == 0 {
			return fmt.Errorf("%s.value: missing", at())
		}
		if err := v.parse(spec.kind, spec.enum, spec.min, spec.max, decode); err != nil {
			return fmt.Errorf("%s.value: %v", at(), err)
		}
	}
	// vals are put in order once they pass; the data lists them in order.
	sorted := vals
	if !sort.SliceIsSorted(vals, func(i, j int) bool { return vals[i].from.Before(vals[j].from) }) {
		sorted = append([]Value(nil), vals...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].from.Before(sorted[j].from) })
	}
	for i := 1; i < len(sorted); i++ {
		prev := &sorted[i-1]
		if prev.to.IsZero() || !prev.to.Before(sorted[i].from) {
			return fmt.Errorf("%s.values: effective ranges overlap (%s and %s)", where, prev.Effective.From, sorted[i].Effective.From)
		}
		if cover && !prev.to.AddDate(0, 0, 1).Equal(sorted[i].from) {
			return fmt.Errorf("%s.values: no value between %s and %s", where, prev.Effective.To, sorted[i].Effective.From)
		}
	}
	if cover {
		if !sorted[len(sorted)-1].to.IsZero() {
			return fmt.Errorf("%s.values: the last value must be open-ended", where)
		}
	}
	copy(vals, sorted)
	return nil
}

// parse reads v.Raw as a value of kind, decoding a structured value with
// decode: decodeStrict for Load, decodeChecked for the embedded data, whose
// unknown keys the tests look for (TestEmbeddedDataIsStrict), so that
// app.wasm does not link the strict decoder (11 KB of code).
func (v *Value) parse(kind string, enum []string, min, max int, decode func(name string, data []byte, v any) error) error {
	switch kind {
	case kindInt:
		n, err := strconv.Atoi(string(bytes.TrimSpace(v.Raw)))
		if err != nil {
			return fmt.Errorf("want a whole number, got %s", v.Raw)
		}
		v.num = n
		if v.num < min || v.num > max {
			return fmt.Errorf("%d is outside %d…%d", v.num, min, max)
		}
	case kindEnum:
		var ok bool
		if v.word, ok = plainString(v.Raw); !ok {
			return fmt.Errorf("want a string, got %s", v.Raw)
		}
		for _, e := range enum {
			if v.word == e {
				return nil
			}
		}
		return fmt.Errorf("%q is not one of %s", v.word, strings.Join(enum, ", "))
	case kindDuration:
		var ok bool
		if v.word, ok = plainString(v.Raw); !ok {
			return fmt.Errorf("want a string such as P90D, got %s", v.Raw)
		}
		if _, _, ok := parseDuration(v.word); !ok {
			return fmt.Errorf("%q is not a period in days or months (P90D, P6M)", v.word)
		}
	case kindGroups:
		if err := decode("value", v.Raw, &v.words); err != nil {
			return fmt.Errorf("want a list of groups, got %s", v.Raw)
		}
		for _, g := range v.words {
			if !knownGroup(g) {
				return fmt.Errorf("%q is not a group", g)
			}
		}
	case kindYears:
		if string(bytes.TrimSpace(v.Raw)) == "null" {
			return nil
		}
		v.years = &MinYears{}
		if err := decode("value", v.Raw, v.years); err != nil {
			return err
		}
		y := v.years
		if y.Male < 1 || y.Male > 50 || y.Female < 1 || y.Female > 50 || y.Actual < 0 || y.Actual > y.Male || y.Actual > y.Female {
			return fmt.Errorf("male and female must be 1…50 years and actual at most both, got %s", v.Raw)
		}
	case kindPeriod:
		if string(bytes.TrimSpace(v.Raw)) == "null" {
			return nil
		}
		v.period = &Window{}
		if err := decode("value", v.Raw, v.period); err != nil {
			return err
		}
		w := v.period
		var ok1, ok2 bool
		w.startM, w.startD, ok1 = parseMonthDay(w.Start)
		w.endM, w.endD, ok2 = parseMonthDay(w.End)
		if !ok1 || !ok2 || w.EndInBenefitYear {
			return fmt.Errorf("start and end must be MM-DD in the benefit year, got %q and %q", w.Start, w.End)
		}
		if w.endM < w.startM || (w.endM == w.startM && w.endD < w.startD) {
			return fmt.Errorf("end %s is before start %s", w.End, w.Start)
		}
	case kindWindow:
		if err := decode("value", v.Raw, &v.window); err != nil {
			return err
		}
		w := &v.window
		var ok1, ok2 bool
		w.startM, w.startD, ok1 = parseMonthDay(w.Start)
		w.endM, w.endD, ok2 = parseMonthDay(w.End)
		if !ok1 || !ok2 {
			return fmt.Errorf("start and end must be MM-DD, got %q and %q", w.Start, w.End)
		}
		if !w.EndInBenefitYear && (w.endM < w.startM || (w.endM == w.startM && w.endD < w.startD)) {
			return fmt.Errorf("end %s is before start %s in the same year", w.End, w.Start)
		}
	}
	return nil
}

// plainString reads a JSON string without escapes (the words and periods
// of the rules data), without the decoder: the data has a few hundred.
func plainString(raw []byte) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' || bytes.ContainsAny(raw[1:len(raw)-1], "\\\"") {
		return "", false
	}
	return string(raw[1 : len(raw)-1]), true
}

func parseMonthDay(s string) (m, d int, ok bool) {
	if len(s) != 5 || s[2] != '-' {
		return 0, 0, false
	}
	m, ok1 := digits(s[:2])
	d, ok2 := digits(s[3:])
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if !ok1 || !ok2 || m < 1 || m > 12 || d < 1 || d > days[m] {
		return 0, 0, false
	}
	return m, d, true
}

// parseDuration reads P<n>D or P<n>M.
func parseDuration(s string) (n int, unit byte, ok bool) {
	if len(s) < 3 || s[0] != 'P' {
		return 0, 0, false
	}
	unit = s[len(s)-1]
	n, ok = digits(s[1 : len(s)-1])
	if !ok || n <= 0 || (unit != 'D' && unit != 'M') {
		return 0, 0, false
	}
	return n, unit, true
}

func knownGroup(g string) bool {
	switch g {
	case GroupNewborn, GroupLowIncome, GroupVeteran, GroupStudent:
		return true
	}
	return false
}

// LevelNational says a parameter value is the national one (LevelCity and
// LevelProvince say it is a region's own).
const LevelNational = "national"

// link is one region whose own values a lookup consults, with the level
// they count as.
type link struct {
	r     *RegionRules
	level string
}

// chain is the regions whose own values apply to region code, n of them:
// the city itself, then its province (each only when it has parameters of
// its own).
func (rs *RuleSet) chain(code string) (links [2]link, n int) {
	reg, ok := LookupRegion(code)
	if !ok {
		return links, 0
	}
	if r := rs.regions[reg.Code]; r != nil && len(r.Parameters) > 0 {
		level := LevelCity
		if reg.Level == LevelProvince {
			level = LevelProvince
		}
		links[n] = link{r, level}
		n++
	}
	if reg.Province != reg.Code {
		if r := rs.regions[reg.Province]; r != nil && len(r.Parameters) > 0 {
			links[n] = link{r, LevelProvince}
			n++
		}
	}
	return links, n
}

func valueAt(vals []Value, day Date) *Value {
	sec := day.Unix()
	for i := range vals {
		v := &vals[i]
		if v.fromSec <= sec && sec <= v.toSec {
			return v
		}
	}
	return nil
}

// param is a resolved parameter value with where it came from.
type param struct {
	_     noCompare
	v     *Value
	level string
}

// cite formats a value's source as "document number article".
func (rs *RuleSet) cite(v *Value) string {
	if v.citation != "" {
		return v.citation
	}
	d := rs.documents[v.Source.Document]
	s := d.Number + " " + v.Source.Article
	if d.Verified == "unverified" {
		s += "（未核实）"
	}
	return s
}

// citeAll formats every value's source once, at load (the answers cite them
// at every step).
func (rs *RuleSet) citeAll() {
	set := func(vals []Value) {
		for i := range vals {
			vals[i].citation = rs.cite(&vals[i])
		}
	}
	for _, p := range rs.national {
		set(p.Values)
	}
	for _, r := range rs.regions {
		for _, vals := range r.Parameters {
			set(vals)
			for i := range vals {
				vals[i].shown = vals[i].Display() // for Output.Rules.Sources
			}
		}
	}
}

// citeDoc formats a document and article.
func (rs *RuleSet) citeDoc(id, article string) string {
	return rs.documents[id].Number + " " + article
}

// Documents lists the policy documents the rules cite, in data order.
func (rs *RuleSet) Documents() []Document {
	out := make([]Document, 0, len(rs.docOrder))
	for _, id := range rs.docOrder {
		out = append(out, rs.documents[id])
	}
	return out
}

// Parameters lists the national parameters sorted by name.
func (rs *RuleSet) Parameters() []Parameter {
	out := make([]Parameter, 0, len(rs.national))
	for _, p := range rs.national {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// RegionRules lists the regions with parameters of their own, sorted by code.
func (rs *RuleSet) RegionRules() []RegionRules {
	out := make([]RegionRules, 0, len(rs.regions))
	for _, r := range rs.regions {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// HasLocalRules reports whether region (or its province) has parameters of
// its own.
func (rs *RuleSet) HasLocalRules(region string) bool {
	local := func(code string) bool { r := rs.regions[code]; return r != nil && len(r.Parameters) > 0 }
	return local(region) || local(ProvinceOf(region))
}

// Display returns the value as text for people (the rules page).
func (v *Value) Display() string {
	switch {
	case string(v.Raw) == "null":
		return "—"
	case v.period != nil:
		return v.period.Start + " – " + v.period.End
	case v.years != nil:
		s := "男 " + fmt.Sprint(v.years.Male) + " / 女 " + fmt.Sprint(v.years.Female)
		if v.years.Actual > 0 {
			s += " (实际 ≥ " + fmt.Sprint(v.years.Actual) + ")"
		}
		return s
	case v.window.Start != "":
		s := v.window.Start + " – " + v.window.End
		if v.window.EndInBenefitYear {
			s += " (+1)"
		}
		return s
	case v.words != nil:
		return strings.Join(v.words, ", ")
	case v.word != "":
		return v.word
	}
	return fmt.Sprint(v.num)
}
