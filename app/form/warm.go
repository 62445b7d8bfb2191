package form

// Warm reads the rules and answers one made-up case, throwing the answer
// away: the engine's data and messages are then loaded and, in a browser
// (which compiles each function of app.wasm when it is first called), its
// code compiled, so that the first answer a person asks for waits for
// none of them. It reports whether the case was answered, as it is with
// the embedded rules.
func Warm() bool {
	return Evaluate(warmCase).Computed
}

// warmCase is a worker who left a job in 深圳 and joins the resident
// scheme in 成都: an employee enrollment, a gap and a plan, so that the
// three answers are worked out.
var warmCase = State{
	AsOf:        "2026-12-01",
	Residence:   "510100",
	Enrollments: []Enrollment{{ID: "e1", Region: "440300", Scheme: "employee", Kind: "unit", From: "2019-01", To: "2026-06"}},
	HasPlan:     true,
	Plan:        Plan{Region: "510100", Scheme: "resident", PayOn: "2026-12-01"},
}
