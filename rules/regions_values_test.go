package rules

import (
	"fmt"
	"reflect"
	"testing"
)

// Every value a region sets is what the engine reads for that region on
// the first day it is in force: one row per regional value, named by the
// region, the parameter and the source it was read from.
func TestEveryRegionalValueApplies(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]int{}
	for i, name := range paramFields {
		fields[name] = i
	}
	for _, r := range rs.RegionRules() {
		for name, vals := range r.Parameters {
			for i := range vals {
				v := &vals[i]
				d := rs.documents[v.Source.Document]
				row := fmt.Sprintf("%s %s %s from %s (%s, %s)", r.Code, r.Name, name, v.Effective.From, d.Number, v.Source.Trust)
				t.Run(row, func(t *testing.T) {
					field, ok := fields[name]
					if !ok {
						t.Fatalf("%s is not a parameter the engine reads", name)
					}
					p := reflect.ValueOf(rs.For(r.Code)).Elem().Field(field).Interface().(interface{ valueOn(Date) *Value })
					rv := rs.regions[r.Code].Parameters[name]
					want := &rv[i]
					if got := p.valueOn(v.from); got != want {
						t.Errorf("resolves to %v, want this value (%s)", got, want.Display())
					}
				})
			}
		}
	}
}
