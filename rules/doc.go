// Package rules decides, from a person's history of basic medical insurance
// enrollments in China, whether they are covered on a day, how long the
// waiting period is after a gap and how to shorten it, and which of two
// overlapping enrollments to keep, and what to do next.
//
// The policy parameters are data: rules/data/*.json, held in the binary
// already parsed (data_gen.go, written from them by go generate), each
// value with the dates it is in force, the document and article it comes
// from, and its kind and bounds. The engine reads them as typed
// fields of Params, resolved once per region. The texts of the answers are
// data too: data/messages.json, Chinese and English templates with named
// placeholders that the engine fills with the values it applied (see say).
//
// Each question tries its clauses in an explicit priority list (coverage
// clauses, employee and resident waiting clauses, retention clauses for
// duplicates); each clause is a named function whose comment quotes the
// article it implements, in a file named by its document. A clause decides
// with no text; the answer shown is explained once. The package has no
// dependency on the web app and runs the same natively and in WebAssembly.
//
// Use Decode to read and check an input, then Evaluate (Check and
// EvaluateCase for an Input built in Go):
//
//	in, err := rules.Decode(data) // err is a *FieldError naming the field
//	out, err := rules.Evaluate(in)
package rules
