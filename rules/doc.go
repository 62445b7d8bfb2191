// Package rules decides, from a person's history of basic medical insurance
// enrollments in China, whether they are covered on a day, how long the
// waiting period is after a gap and how to shorten it, and which of two
// overlapping enrollments to keep.
//
// The policy parameters are data: rules/data/*.json, embedded in the binary,
// each value with the dates it is in force and the document and article it
// comes from. The texts of the answers are data too: data/messages.json,
// Chinese and English templates with named placeholders that the engine
// fills with the parameters it applied (see say). The functions that apply
// a rule name the article they implement. The package has no dependency on the web app and runs the same
// natively and in WebAssembly.
//
// Use Decode to read and check an input, then Evaluate:
//
//	in, err := rules.Decode(data) // err is a *FieldError naming the field
//	out, err := rules.Evaluate(in)
package rules
