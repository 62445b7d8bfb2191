package rules

import (
	"errors"
	"testing"
)

// FuzzDecode: whatever the bytes, Decode never panics, and every error is a
// *FieldError that names a field. The seed corpus is in testdata/fuzz.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		``, `{}`, `null`, `[]`, `{"asOf":"2026-11-22"}`,
		`{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2020-01","backpaid":2}]}`,
		`{"asOf":"2026-11-22","person":{"birthDate":"2026-01-01","groups":["newborn"]},"plan":{"region":"370200","scheme":"resident","payOn":"2026-05-01","extraYears":2}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Decode(data)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field == "" || fe.Message == "" {
				t.Fatalf("error without a field: %v", err)
			}
			return
		}
		if _, err := Evaluate(in); err != nil {
			t.Fatalf("Decode accepted what Evaluate rejects: %v", err)
		}
	})
}

// FuzzEvaluate drives the engine with structured histories: it must never
// panic, and its answers must hold together.
func FuzzEvaluate(f *testing.F) {
	f.Add(uint16(2026*12+10), uint8(3), uint16(2019*12), uint8(60), uint8(5), uint8(12), true, uint8(0), uint16(300), uint8(1), false)
	f.Add(uint16(2031*12), uint8(200), uint16(2020*12), uint8(12), uint8(200), uint8(1), false, uint8(3), uint16(30), uint8(6), true)
	f.Fuzz(func(t *testing.T, asOfM uint16, asOfD uint8, from1 uint16, len1 uint8, gap uint8, len2 uint8, resident bool, extra uint8, payOffset uint16, region uint8, newborn bool) {
		regions := []string{"440300", "320500", "500000", "420100", "370200", "360100", "440800", "440400", "510100", "110000"}
		base := Month(1950*12) + Month(asOfM)%Month(150*12)
		asOf := (base).First().AddDate(0, 0, int(asOfD)%28)
		a := Month(1950*12) + Month(from1)%Month(150*12)
		aTo := a + Month(len1%120)
		b := aTo + 1 + Month(gap%80)
		bTo := b + Month(len2%36)
		scheme := Employee
		if resident {
			scheme = Resident
		}
		r := regions[int(region)%len(regions)]
		pay := a.First().AddDate(0, 0, int(payOffset))
		in := Input{
			AsOf: formatDate(asOf),
			Enrollments: []Enrollment{
				{ID: "a", Region: r, Scheme: Employee, From: a.String(), To: aTo.String()},
				{ID: "b", Region: regions[(int(region)+1)%len(regions)], Scheme: scheme, From: b.String(), To: bTo.String(), PaidOn: formatDate(b.First().AddDate(0, 0, int(gap)))},
			},
			Plan: &Plan{Region: r, Scheme: scheme, PayOn: formatDate(pay), ExtraYears: int(extra % 8)},
		}
		if newborn {
			in.Person = &Person{BirthDate: formatDate(a.First()), Groups: []string{GroupNewborn}}
			if a.First().After(asOf) {
				in.Person.BirthDate = formatDate(asOf)
			}
		}
		out, err := Evaluate(in)
		if err != nil {
			t.Fatalf("Evaluate(%+v): %v", in, err)
		}
		w := out.Waiting
		if w == nil {
			t.Fatal("plan given but waiting is null")
		}
		if w.Months != w.FixedMonths+w.VariableMonths-w.RepairedMonths && w.Exempt == nil && w.Scheme == Resident && w.Months != 0 {
			t.Errorf("months %d != fixed %d + variable %d − repaired %d", w.Months, w.FixedMonths, w.VariableMonths, w.RepairedMonths)
		}
		// A payment whose wait outlasts its year buys nothing (NoBenefits),
		// and has no benefitsFrom; every other one has.
		if w.Months < 0 || w.Months > 24 || (w.BenefitsFrom == "") != w.NoBenefits {
			t.Errorf("waiting out of range: %+v", w)
		}
		if out.Coverage.Active != (out.Coverage.Status == StatusCovered || out.Coverage.Status == StatusRetired) {
			t.Errorf("active %v with status %s", out.Coverage.Active, out.Coverage.Status)
		}
	})
}
