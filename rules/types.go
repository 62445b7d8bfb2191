package rules

// Input is one question put to the calculator: the person's enrollments,
// their situation, and what they plan next (contract: "Input").
type Input struct {
	AsOf        string       `json:"asOf"`
	Person      *Person      `json:"person,omitempty"`
	Enrollments []Enrollment `json:"enrollments"`
	Plan        *Plan        `json:"plan,omitempty"`
}

// Person is the situation that changes which rule applies.
type Person struct {
	BirthDate  string   `json:"birthDate,omitempty"`
	Retired    bool     `json:"retired,omitempty"`
	Groups     []string `json:"groups,omitempty"`
	Residence  string   `json:"residence,omitempty"`
	WorkRegion string   `json:"workRegion,omitempty"`
	// StudyRegion is where a student studies (学籍地), for duplicates.
	StudyRegion string `json:"studyRegion,omitempty"`
	// Sex is "male" or "female": some regions' minimum years for retiree
	// benefits differ by sex. Empty: not said.
	Sex string `json:"sex,omitempty"`
}

// Scheme names, as in the contract.
const (
	Employee = "employee" // 职工基本医疗保险
	Resident = "resident" // 城乡居民基本医疗保险
)

// Groups that policies exempt from waiting periods or treat specially.
const (
	GroupNewborn   = "newborn"
	GroupLowIncome = "lowIncome"
	GroupVeteran   = "veteran"
	GroupStudent   = "student"
)

// Enrollment is one period of paid enrollment in one region and scheme.
// From and To are months (YYYY-MM), inclusive; an empty To means still paying.
type Enrollment struct {
	ID string `json:"id"`
	// Label is how the explanations name the enrollment (the web app gives
	// its row, "#2"); empty, they name it by ID. At most MaxLabelRunes
	// characters of UTF-8 text. Keep, Stop and every other field of the
	// output still name enrollments by ID.
	Label  string `json:"label,omitempty"`
	Region string `json:"region"`
	Scheme string `json:"scheme"`
	From   string `json:"from"`
	To     string `json:"to,omitempty"`
	// PaidOn is the day the (last) resident year was paid (YYYY-MM-DD).
	PaidOn string `json:"paidOn,omitempty"`
	// Backpaid lists the months of this employee enrollment that were paid
	// afterwards as 补缴. In JSON it is either a count of months at the start
	// of the enrollment (kept in BackpaidFirst), or an array of months
	// (YYYY-MM), at most MaxBackpaidMonths of them.
	Backpaid Months `json:"backpaid,omitempty"`
	// BackpaidFirst is "backpaid": n in JSON: the first n months of the
	// enrollment were paid afterwards (0 to MaxBackpaidMonths). A count is
	// kept as a count, never expanded to months; at most one of Backpaid
	// and BackpaidFirst is given. Enrollment's MarshalJSON writes it as
	// "backpaid".
	BackpaidFirst int `json:"-"`
	// Kind says how an employee enrollment was paid: KindUnit (by an
	// employer), KindFlexible (灵活就业, as an individual), KindUnemployment
	// (paid by the unemployment fund while drawing benefit) or KindMilitary
	// (years of service, counted as employee years). Empty: not said.
	Kind string `json:"kind,omitempty"`
}

// Kinds of employee enrollment.
const (
	KindUnit         = "unit"
	KindFlexible     = "flexible"
	KindUnemployment = "unemployment"
	KindMilitary     = "military"
)

// Plan is an enrollment the person is about to make.
type Plan struct {
	_          noCompare
	Region     string `json:"region"`
	Scheme     string `json:"scheme"`
	PayOn      string `json:"payOn"`
	ExtraYears int    `json:"extraYears,omitempty"`
	// Kind is KindUnit or KindFlexible for an employee plan; empty when
	// not said.
	Kind string `json:"kind,omitempty"`
}

// Output is the calculator's answer (contract: "Output").
type Output struct {
	AsOf       string           `json:"asOf"`
	Coverage   CoverageAnswer   `json:"coverage"`
	Waiting    *WaitingAnswer   `json:"waiting"`
	Duplicates DuplicatesAnswer `json:"duplicates"`
	// Transfer is how to move the enrollment to a new region (转移接续);
	// null when nothing moves.
	Transfer *TransferAnswer `json:"transfer"`
	// Deadlines are the dates to act by, soonest first.
	Deadlines []Deadline `json:"deadlines"`
	// Incentive is the continuous-enrollment incentive for resident
	// insurance; null without resident enrollment.
	Incentive *IncentiveAnswer `json:"incentive"`
	// Timeline is the month-by-month picture of the same evaluation.
	Timeline Timeline  `json:"timeline"`
	Rules    RulesInfo `json:"rules"`
}

// TransferAnswer lists what to do to move to another region.
type TransferAnswer struct {
	From       string `json:"from"`
	FromName   string `json:"fromName"`
	To         string `json:"to"`
	ToName     string `json:"toName"`
	FromScheme string `json:"fromScheme"`
	ToScheme   string `json:"toScheme"`
	// Kind is "transfer" (转移接续) or "filing" (异地就医备案, retirees).
	Kind        string `json:"kind"`
	WorkingDays int    `json:"workingDays"`
	Steps       []Text `json:"steps"`
	// Main is the index in Steps of the step to take first (a move's
	// first steps may say what stays as it is).
	Main      int    `json:"main"`
	Materials []Text `json:"materials"`
	Channels  []Text `json:"channels"`
	DoNot     []Text `json:"doNot"`
	Explain   []Step `json:"explain"`
}

// Text is one line for people, in Chinese and English.
type Text struct {
	_  noCompare
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Deadline is a date to act by.
type Deadline struct {
	_ noCompare
	// Kind is "backpay", "windowOpens", "windowEnds", "newborn", or the
	// kind of a waiting option with a deadline ("payCurrentYear",
	// "payInWindow").
	Kind   string `json:"kind"`
	Date   string `json:"date"`
	Region string `json:"region"`
	Zh     string `json:"zh"`
	En     string `json:"en"`
	Source string `json:"source"`
}

// IncentiveAnswer is the 大病保险 cap increase earned by continuous resident
// enrollment (国办发〔2024〕38号 参保激励).
type IncentiveAnswer struct {
	Region string `json:"region"`
	// ContinuousYears counts consecutive resident benefit years, from
	// CountFrom, up to the latest one paid.
	ContinuousYears int `json:"continuousYears"`
	CountFrom       int `json:"countFrom"`
	// YearsBeforeRise is how many years must pass before the cap rises.
	YearsBeforeRise int `json:"yearsBeforeRise"`
	RisePerYear     int `json:"risePerYear"`
	// EarnedRise is the cap increase earned so far, in yuan.
	EarnedRise int `json:"earnedRise"`
	// NextRiseYear is the benefit year of the next increase.
	NextRiseYear int `json:"nextRiseYear"`
	// CapPercent bounds the total increase, as a share of the region's
	// original 大病保险 ceiling.
	CapPercent int `json:"capPercent"`
	// ZeroClaimRise is the rise for a year without claims (零报销激励);
	// BreakPenaltyPerYear the cut in the ceiling per broken year (0 when no
	// amount is known); CapYuan the cap on the total rise in yuan (0 when
	// only CapPercent is known); KeepEarnedAfterBreak is "kept", "lost" or
	// "notStated".
	ZeroClaimRise        int    `json:"zeroClaimRise"`
	BreakPenaltyPerYear  int    `json:"breakPenaltyPerYear"`
	CapYuan              int    `json:"capYuan,omitempty"`
	KeepEarnedAfterBreak string `json:"keepEarnedAfterBreak"`
	// NoCeiling is true where 大病保险 has no ceiling: the incentive (a
	// higher ceiling) does not apply.
	NoCeiling bool   `json:"noCeiling,omitempty"`
	Explain   []Step `json:"explain"`
}

// Step is one line of an explanation, in Chinese and English, with the
// document and article it comes from.
type Step struct {
	_      noCompare
	Rule   string `json:"rule"`
	Zh     string `json:"zh"`
	En     string `json:"en"`
	Source string `json:"source"`
}

// Coverage statuses.
const (
	StatusCovered = "covered" // benefits are paid on asOf
	StatusWaiting = "waiting" // enrolled, but inside a waiting period
	StatusRetired = "retired" // retiree: lifetime employee benefits without paying
	StatusLapsed  = "lapsed"  // enrolled before, not covered on asOf
	StatusNone    = "none"    // no enrollment at all
	StatusFuture  = "future"  // enrolled, but benefits start after asOf
	// StatusRetiredShort: retired, but the contribution years are below the
	// region's minimum: lifetime benefits wait until the years are paid up.
	StatusRetiredShort = "retiredShort"
)

// CoverageAnswer says whether medical insurance pays for care on asOf.
type CoverageAnswer struct {
	Active     bool    `json:"active"`
	Status     string  `json:"status"`
	Enrollment *string `json:"enrollment"`
	Region     string  `json:"region"`
	RegionName string  `json:"regionName"`
	Scheme     string  `json:"scheme"`
	// From is the first day of the current stretch of benefits.
	From *string `json:"from"`
	// Until is the last day benefits are paid for what has been paid so far;
	// null for retirees (no end).
	Until *string `json:"until"`
	// WaitingUntil is the last day of a waiting period running on asOf.
	WaitingUntil *string `json:"waitingUntil"`
	Explain      []Step  `json:"explain"`
}

// WaitingAnswer is the waiting period for the plan, or for the latest
// enrollment that followed a gap.
type WaitingAnswer struct {
	About      string `json:"about"` // "plan" or an enrollment id
	Region     string `json:"region"`
	RegionName string `json:"regionName"`
	Scheme     string `json:"scheme"`
	// Previous is the enrollment whose end opened the gap (null if none).
	Previous *string `json:"previous"`
	// GapMonths counts the whole months without any coverage between the
	// previous enrollment and this one.
	GapMonths int `json:"gapMonths"`
	// BrokenYears counts the benefit years without coverage (断保年数),
	// resident scheme only.
	BrokenYears    int  `json:"brokenYears"`
	BackpayAllowed bool `json:"backpayAllowed"`
	// BackpayDeadline is the last day to resume paying with the
	// interruption still short enough for back-pay without a wait.
	BackpayDeadline *string `json:"backpayDeadline"`
	Retroactive     bool    `json:"retroactive"`
	Exempt          *string `json:"exempt"` // the group or rule that removes the wait
	// BenefitYear and InWindow describe a resident payment.
	BenefitYear    int     `json:"benefitYear,omitempty"`
	InWindow       *bool   `json:"inWindow"`
	WindowFrom     *string `json:"windowFrom"`
	WindowTo       *string `json:"windowTo"`
	FixedMonths    int     `json:"fixedMonths"`
	VariableMonths int     `json:"variableMonths"`
	// RepairedMonths is how many variable months extraYears removed.
	RepairedMonths int `json:"repairedMonths"`
	ExtraYears     int `json:"extraYears"`
	Months         int `json:"months"`
	// WaitDays is the wait in days where the region counts days (吉林 90
	// days plus 30 per further broken year); Months is then 0.
	WaitDays int `json:"waitDays,omitempty"`
	// MonthsUpperBound is true when Months is only the national cap
	// ("不超过6个月") because the region's own wait is not known: the wait
	// is at most Months, and BenefitsFrom is the latest day benefits start.
	MonthsUpperBound bool `json:"monthsUpperBound"`
	// BenefitYears lists the resident benefit years the payment buys (two
	// for a newborn enrolled across 1 January).
	BenefitYears []int `json:"benefitYears,omitempty"`
	// NoBenefits is true when the wait outlasts the benefit year the
	// payment buys: it buys no benefits at all (BenefitsFrom is then empty).
	NoBenefits bool `json:"noBenefits"`
	// FullPrice is true when the payment costs the individual contribution
	// plus the subsidy (a region's rule outside the window); Cost is that
	// price in yuan where the data has it.
	FullPrice bool `json:"fullPrice,omitempty"`
	Cost      *int `json:"cost,omitempty"`
	// PlanNotNeeded is true when the months the plan would cover are
	// covered already (a resident year paid, a retiree's employee
	// coverage, an employee enrollment still paid): its explain step
	// plan.overlap says what to do instead of paying.
	PlanNotNeeded bool `json:"planNotNeeded,omitempty"`
	// Contribution is, for a resident payment at the usual price, the
	// individual contribution in yuan of ContributionYear: the benefit
	// year the payment buys, or the year before it while that year's is
	// not published; none where the data has neither.
	// ContributionNational says it is the national standard (a region may
	// ask more).
	Contribution         *int `json:"contribution,omitempty"`
	ContributionYear     int  `json:"contributionYear,omitempty"`
	ContributionNational bool `json:"contributionNational,omitempty"`
	// Assumed is true when no plan was given and the person is not covered:
	// the answer is about enrolling on asOf (the first of Ways).
	Assumed bool `json:"assumed"`
	// Ways lists, for an assumed answer, each way back into coverage if the
	// person enrolls on asOf.
	Ways []WayBack `json:"ways,omitempty"`
	// WaitFrom is the day the waiting period starts counting.
	WaitFrom     string   `json:"waitFrom"`
	BenefitsFrom string   `json:"benefitsFrom"`
	Shorten      []Option `json:"shorten"`
	Explain      []Step   `json:"explain"`
}

// WayBack is one way back into coverage for a person who is not covered,
// if they enroll on asOf.
type WayBack struct {
	_ noCompare
	// Kind is "flexible" (continue employee insurance as 灵活就业 in the
	// last region) or "resident" (resident insurance where they live).
	Kind             string  `json:"kind"`
	Region           string  `json:"region"`
	RegionName       string  `json:"regionName"`
	Scheme           string  `json:"scheme"`
	Months           int     `json:"months"`
	WaitDays         int     `json:"waitDays,omitempty"` // as WaitingAnswer.WaitDays
	MonthsUpperBound bool    `json:"monthsUpperBound"`
	BenefitsFrom     string  `json:"benefitsFrom"`
	NoBenefits       bool    `json:"noBenefits"`
	BackpayDeadline  *string `json:"backpayDeadline"`
	// Cost is the resident individual contribution for the year bought, in
	// yuan, when the data has it; employee contributions depend on the
	// local base and are not computed.
	Cost *int   `json:"cost"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// Option is one way to shorten the wait.
type Option struct {
	_    noCompare
	Kind string `json:"kind"` // "backpay", "repair", "payInWindow", "payCurrentYear", "payBothYears"
	Zh   string `json:"zh"`
	En   string `json:"en"`
	// Deadline is the last day the option is open.
	Deadline *string `json:"deadline"`
	// Months is the waiting period if the option is taken; WaitDays is it
	// in days where the region counts days (Months is then 0).
	Months       int    `json:"months"`
	WaitDays     int    `json:"waitDays,omitempty"`
	BenefitsFrom string `json:"benefitsFrom"`
	Years        int    `json:"years,omitempty"`
	Cost         *int   `json:"cost"` // yuan, when the data has the contribution
	Source       string `json:"source"`
}

// DuplicatesAnswer lists overlapping enrollments and which one to keep.
//
// Overlaps, Stop, Actions and the explanation of each action list at most
// MaxOverlapsListed items each, whatever the number of enrollments;
// StopOmitted and ActionsOmitted count the ones left out (the decision and
// the sections that follow still consider every enrollment).
type DuplicatesAnswer struct {
	Overlaps []Overlap `json:"overlaps"`
	Keep     *string   `json:"keep"`
	Stop     []string  `json:"stop"`
	// StopOmitted is the number of enrollments to stop that Stop leaves out.
	StopOmitted int      `json:"stopOmitted,omitempty"`
	Actions     []Action `json:"actions"`
	// ActionsOmitted is the number of actions that Actions (and Explain)
	// leave out.
	ActionsOmitted int    `json:"actionsOmitted,omitempty"`
	Explain        []Step `json:"explain"`
	// stopAll is every enrollment to stop, listed or not (see stopped).
	stopAll []string
}

// Overlap is a stretch of months in which two enrollments are both paid.
type Overlap struct {
	_    noCompare
	A    string `json:"a"`
	B    string `json:"b"`
	From string `json:"from"`
	To   string `json:"to"`
	// Kind is "sameScheme" (制度内重复参保) or "crossScheme" (跨制度重复参保).
	Kind string `json:"kind"`
}

// Action says what to do with an enrollment that is not kept.
type Action struct {
	_          noCompare
	Enrollment string `json:"enrollment"`
	Region     string `json:"region"`
	// Refund is "individualIfUnused", "nextYearIfUnused", "none" or "personalAccount".
	Refund string `json:"refund"`
	Zh     string `json:"zh"`
	En     string `json:"en"`
	Source string `json:"source"`
}

// RulesInfo names the rule set that produced the answer.
type RulesInfo struct {
	Version    string `json:"version"`
	Region     string `json:"region"`
	RegionName string `json:"regionName"`
	// Local is true when the region has parameters of its own; false when
	// only national rules are known for it.
	Local bool `json:"local"`
	// Sources lists every regional value the answer used, with how sure
	// it is (trust) and the sections that used it.
	Sources []UsedSource `json:"sources"`
}

// Sections of an answer, as UsedSource.Sections names them.
const (
	SectionCoverage   = "coverage"
	SectionWaiting    = "waiting"
	SectionDuplicates = "duplicates"
	SectionTransfer   = "transfer"
	SectionDeadlines  = "deadlines"
	SectionIncentive  = "incentive"
)

// UsedSource is one regional value an answer used: what it is, where it was
// read and how sure that reading is.
type UsedSource struct {
	Parameter  string `json:"parameter"`
	Region     string `json:"region"`
	RegionName string `json:"regionName"`
	Value      string `json:"value"`
	From       string `json:"from"`
	To         string `json:"to,omitempty"`
	// Document is the document's number or name, Issuer who issued it and
	// Issued its date.
	Document string `json:"document"`
	Issuer   string `json:"issuer"`
	Issued   string `json:"issued"`
	Article  string `json:"article"`
	URL      string `json:"url"`
	Quote    string `json:"quote"`
	// Trust is "official" (read on a government page), "reprint" (the
	// official text on another site) or "press" (a news report).
	Trust    string   `json:"trust"`
	Sections []string `json:"sections"`
}

// Timeline is the answer month by month, as the engine sees it: one lane
// for all coverage, one per enrollment (in input order, at most
// MaxOverlapsListed), and one for the plan. The web app draws it as it is.
type Timeline struct {
	From  Month          `json:"from"` // first month ("YYYY-MM" in JSON)
	To    Month          `json:"to"`   // last month
	Lanes []TimelineLane `json:"lanes"`
}

// TimelineLane is one row: About is "all", an enrollment id, or "plan".
type TimelineLane struct {
	About string     `json:"about"`
	Runs  []MonthRun `json:"runs"`
}

// MonthRun is a run of months of one kind: "covered" (benefits paid),
// "gap" (no enrollment), "waiting" (paid or planned, in a waiting period),
// "backpaid" (paid afterwards as 补缴), "duplicated" (paid twice) or
// "planned" (the plan's months with benefits).
type MonthRun struct {
	_    noCompare
	Kind string `json:"kind"`
	From Month  `json:"from"`
	To   Month  `json:"to"`
}

// noCompare, as the first field of a struct, makes the struct not
// comparable, so that the compiler generates no equality function for it
// (in WebAssembly each costs 0.3–2 KB of code; nothing compares them).
type noCompare [0]func()
