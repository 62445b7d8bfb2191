package rules

import (
	"fmt"
	"testing"
)

// history40 is a 40-year history with 20 enrollments: jobs in several
// cities with gaps and overlaps, resident years between them, and a plan.
func history40() Input {
	regions := []string{"440300", "310000", "320500", "510100", "420100"}
	var es []Enrollment
	m := monthOf(1986, 9)
	for i := 0; i < 20; i++ {
		length := Month(18 + i%5)
		e := Enrollment{ID: fmt.Sprintf("e%d", i), Region: regions[i%len(regions)], From: m.String(), To: (m + length).String()}
		if i%4 == 3 {
			e.Scheme = Resident
			e.From = monthOf(m.Year(), 1).String()
			e.To = monthOf(m.Year()+1, 12).String()
			e.PaidOn = fmt.Sprintf("%d-03-15", m.Year()+1)
			m = monthOf(m.Year()+2, 1)
		} else {
			e.Scheme = Employee
			m += length + Month(i%3)*2 // gaps of 0, 2 or 4 months; some overlap below
			if i%5 == 0 {
				m -= 2
			}
		}
		es = append(es, e)
	}
	return Input{
		AsOf:        "2026-11-22",
		Person:      &Person{BirthDate: "1968-04-02", Residence: "310000", WorkRegion: "310000"},
		Enrollments: es,
		Plan:        &Plan{Region: "310000", Scheme: Resident, PayOn: "2026-12-05", ExtraYears: 1},
	}
}

func BenchmarkEvaluate40Years(b *testing.B) {
	in := history40()
	if _, err := Evaluate(in); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeEvaluate40Years(b *testing.B) {
	in := history40()
	data, err := jsonMarshal(in)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Evaluate(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadEmbedded is what the first answer waits for at start:
// reading the embedded rules and messages and validating them (Default).
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var f ruleFiles
		if err := decodeData(embeddedRules, f.code); err != nil {
			b.Fatal(err)
		}
		if _, err := build(f.documents, f.national, f.regions, embeddedDataHash, decodeChecked); err != nil {
			b.Fatal(err)
		}
		var m messagesFile
		if err := decodeData(embeddedMessages, m.code); err != nil {
			b.Fatal(err)
		}
		if _, err := buildMessages(m); err != nil {
			b.Fatal(err)
		}
	}
}
