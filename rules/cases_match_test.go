package rules

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// The matcher must fail where it should, or TestPolicyCases could pass for
// nothing: every operator, passing and failing.
func TestMatchJSON(t *testing.T) {
	const actual = `{
		"n": 3, "s": "国办发〔2024〕38号 待遇等待期条款", "t": true, "z": null, "empty": [],
		"shorten": [
			{"kind": "backpay", "months": 0, "deadline": "2026-10-31"},
			{"kind": "repair", "months": 3, "deadline": null}
		],
		"tags": ["a", "b", "a"]
	}`
	tests := []struct {
		expect string
		path   string // where the mismatch is reported; "" when it matches
	}{
		// Objects, arrays, scalars.
		{`{"n": 3}`, ""},
		{`{"n": 3.0}`, ""},
		{`{"n": 30e-1}`, ""},
		{`{"n": 4}`, "n"},
		{`{"n": "3"}`, "n"},
		{`{"s": "国办发〔2024〕38号 待遇等待期条款", "t": true, "z": null}`, ""},
		{`{"s": "国办发〔2024〕38号"}`, "s"},
		{`{"t": false}`, "t"},
		{`{"z": 0}`, "z"},
		{`{"n": null}`, "n"},
		{`{"nope": null}`, "nope"},
		{`{"shorten": [{"kind": "backpay"}, {"months": 3}]}`, ""},
		{`{"shorten": [{"kind": "backpay"}]}`, "shorten"},
		{`{"shorten": [{"kind": "backpay"}, {"months": 0}]}`, "shorten[1].months"},
		{`{"shorten": [{}, {"deadline": "2026-10-31"}]}`, "shorten[1].deadline"},
		{`{"n": {"x": 1}}`, "n"},
		{`{"n": [3]}`, "n"},

		// $contains: each value its own element, in any order.
		{`{"shorten": {"$contains": [{"kind": "repair"}]}}`, ""},
		{`{"shorten": {"$contains": [{"kind": "repair"}, {"kind": "backpay", "months": 0}]}}`, ""},
		{`{"tags": {"$contains": ["a", "a", "b"]}}`, ""},
		{`{"tags": {"$contains": ["b", "b"]}}`, "tags"},
		{`{"shorten": {"$contains": [{"kind": "payInWindow"}]}}`, "shorten"},
		{`{"shorten": {"$contains": [{"months": {"$absent": true}}]}}`, "shorten"},
		{`{"n": {"$contains": [3]}}`, "n"},
		// A greedy match would give element 0 to the first value and fail.
		{`{"shorten": {"$contains": [{"kind": {"$excludes": "x"}}, {"deadline": "2026-10-31"}]}}`, ""},

		// $none.
		{`{"shorten": {"$none": [{"kind": "payInWindow"}, {"months": 6}]}}`, ""},
		{`{"z": {"$none": ["a"]}}`, ""},
		{`{"nope": {"$none": ["a"]}}`, ""},
		{`{"shorten": {"$none": [{"months": 6}, {"kind": "repair"}]}}`, "shorten"},
		{`{"s": {"$none": ["a"]}}`, "s"},

		// $includes and $excludes.
		{`{"s": {"$includes": "待遇等待期"}}`, ""},
		{`{"s": {"$includes": "第十一条"}}`, "s"},
		{`{"n": {"$includes": "3"}}`, "n"},
		{`{"nope": {"$includes": "x"}}`, "nope"},
		{`{"s": {"$excludes": "第十一条"}}`, ""},
		{`{"z": {"$excludes": "x"}, "nope": {"$excludes": "x"}}`, ""},
		{`{"s": {"$excludes": "38号"}}`, "s"},
		{`{"n": {"$excludes": "x"}}`, "n"},

		// $absent.
		{`{"z": {"$absent": true}, "nope": {"$absent": true}}`, ""},
		{`{"n": {"$absent": true}}`, "n"},
		{`{"empty": {"$absent": true}}`, "empty"},
		{`{"shorten": [{"deadline": {"$absent": true}}, {"deadline": {"$absent": true}}]}`, "shorten[0].deadline"},

		// $len.
		{`{"shorten": {"$len": 2}, "empty": {"$len": 0}}`, ""},
		{`{"shorten": {"$len": 1}}`, "shorten"},
		{`{"z": {"$len": 0}}`, "z"},
		{`{"nope": {"$len": 0}}`, "nope"},
		{`{"s": {"$len": 0}}`, "s"},
	}
	got, err := decodeGeneric([]byte(actual))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		want, err := decodeGeneric([]byte(tt.expect))
		if err != nil {
			t.Fatalf("%s: %v", tt.expect, err)
		}
		if err := validateExpect("", want, nil); err != nil {
			t.Fatalf("%s: %v", tt.expect, err)
		}
		ms := matchJSON("", want, got)
		switch {
		case tt.path == "" && len(ms) > 0:
			t.Errorf("%s: want a match, got %v", tt.expect, ms)
		case tt.path != "" && len(ms) == 0:
			t.Errorf("%s: matched; want a mismatch at %s", tt.expect, tt.path)
		case tt.path != "" && (len(ms) != 1 || ms[0].path != tt.path):
			t.Errorf("%s: got %v; want one mismatch at %s", tt.expect, ms, tt.path)
		}
	}
}

// A mismatch names the path, the expected and the actual value.
func TestMismatchString(t *testing.T) {
	got, _ := decodeGeneric([]byte(`{"waiting": {"shorten": [{"months": 0}, {"months": 6}]}}`))
	want, _ := decodeGeneric([]byte(`{"waiting": {"shorten": [{"months": 0}, {"months": 3}], "exempt": null}}`))
	var s []string
	for _, m := range matchJSON("", want, got) {
		s = append(s, m.String())
	}
	if w := "waiting.exempt: want null, got nothing (the key is missing)|waiting.shorten[1].months: want 3, got 6"; strings.Join(s, "|") != w {
		t.Errorf("got %q\nwant %q", strings.Join(s, "|"), w)
	}
}

// Expectations that cannot mean what they say are errors before matching.
func TestValidateExpect(t *testing.T) {
	tests := []struct {
		expect string
		err    string // a phrase of the error; "" for none
	}{
		{`{"waiting": {"months": 3, "shorten": {"$contains": [{"kind": "backpay", "deadline": "2026-10-31"}]}}}`, ""},
		{`{"waiting": {"exempt": {"$absent": true}, "explain": {"$none": [{"rule": "employee.wait"}]}}}`, ""},
		{`{"coverage": {"explain": [{"source": {"$includes": "第二十三条"}}]}, "deadlines": {"$len": 0}}`, ""},
		{`{"waiting": null, "transfer": {"kind": "transfer"}}`, ""},

		{`{"wating": {"$absent": true}}`, `no key "wating"`},
		{`{"waiting": {"shorten": [{"kinds": "backpay"}]}}`, `no key "kinds"`},
		{`{"waiting": {"shorten": {"$contains": [{"kinds": "backpay"}]}}}`, `no key "kinds"`},
		{`{"waiting": {"months": {"$len": 3}}}`, "needs an array"},
		{`{"waiting": {"months": {"$includes": "3"}}}`, "needs a text"},
		{`{"waiting": {"shorten": {"$includes": "3"}}}`, "needs a text"},
		{`{"waiting": {"months": {"x": 1}}}`, "no object here"},
		{`{"waiting": {"months": [3]}}`, "no array here"},
		{`{"waiting": {"$absent": true, "months": 3}}`, "must be the only key"},
		{`{"waiting": {"$exists": true}}`, "unknown operator"},
		{`{"waiting": {"exempt": {"$absent": false}}}`, "only argument is true"},
		{`{"deadlines": {"$len": -1}}`, "whole number"},
		{`{"deadlines": {"$len": 1.5}}`, "whole number"},
		{`{"deadlines": {"$contains": []}}`, "non-empty array"},
		{`{"deadlines": {"$none": {"kind": "backpay"}}}`, "non-empty array"},
		{`{"coverage": {"region": {"$includes": ""}}}`, "non-empty text"},
	}
	for _, tt := range tests {
		want, err := decodeGeneric([]byte(tt.expect))
		if err != nil {
			t.Fatalf("%s: %v", tt.expect, err)
		}
		err = validateExpect("", want, reflect.TypeFor[Output]())
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.expect, err)
		case tt.err != "" && err == nil:
			t.Errorf("%s: accepted; want an error with %q", tt.expect, tt.err)
		case tt.err != "" && !strings.Contains(err.Error(), tt.err):
			t.Errorf("%s: %v; want an error with %q", tt.expect, err, tt.err)
		}
	}
}

// The loader is strict: it names the file or folder at fault.
func TestLoadPolicyCases(t *testing.T) {
	docs := []Document{{ID: "ybbf2021-43"}, {ID: "gbf2024-38"}}
	const ok = `{"name": "%s", "input": {"asOf": "2026-01-01"}, "expect": {"waiting": null}}`
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	named := func(name string) *fstest.MapFile { return file(strings.Replace(ok, "%s", name, 1)) }
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		cases int
		err   string // a phrase of the error; "" for none
	}{
		{"two folders", fstest.MapFS{"README.md": file("x"), "ybbf2021-43/a.json": named("a"), "gbf2024-38/b.json": named("b")}, 2, ""},
		{"folder not a document", fstest.MapFS{"ybbf2021-44/a.json": named("a")}, 0, `testdata/cases/ybbf2021-44: folder "ybbf2021-44" is not a document id`},
		{"case outside a folder", fstest.MapFS{"a.json": named("a")}, 0, "testdata/cases/a.json: cases go in a folder"},
		{"not .json", fstest.MapFS{"gbf2024-38/a.yaml": named("a")}, 0, "testdata/cases/gbf2024-38/a.yaml: only .json"},
		{"subfolder", fstest.MapFS{"gbf2024-38/x/a.json": named("a")}, 0, "testdata/cases/gbf2024-38/x: only .json"},
		{"duplicate name", fstest.MapFS{"ybbf2021-43/a.json": named("same"), "gbf2024-38/b.json": named("same")}, 1, `name "same" is already used by testdata/cases/gbf2024-38/b.json`},
		{"unknown key", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "input": {}, "expect": {"waiting": null}, "note": "x"}`)}, 0, `gbf2024-38/a.json: unknown key "note"`},
		{"no name", fstest.MapFS{"gbf2024-38/a.json": file(`{"input": {}, "expect": {"waiting": null}}`)}, 0, "gbf2024-38/a.json: name: missing"},
		{"blank name", fstest.MapFS{"gbf2024-38/a.json": named("  ")}, 0, "name: missing"},
		{"no input", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "expect": {"waiting": null}}`)}, 0, "input: missing"},
		{"no expect", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "input": {}}`)}, 0, "expect: want an object"},
		{"empty expect", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "input": {}, "expect": {}}`)}, 0, "expect: want an object"},
		{"expect an operator", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "input": {}, "expect": {"$absent": true}}`)}, 0, "not an operator"},
		{"expect typo", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "input": {}, "expect": {"wating": null}}`)}, 0, `expect: (top): the output has no key "wating"`},
		{"duplicate key", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a", "input": {}, "expect": {"waiting": {"months": 3, "months": 4}}}`)}, 0, `waiting: key "months" appears twice`},
		{"two objects", fstest.MapFS{"gbf2024-38/a.json": file(strings.Replace(ok, "%s", "a", 1) + "{}")}, 0, "data after"},
		{"an array", fstest.MapFS{"gbf2024-38/a.json": file(`[` + strings.Replace(ok, "%s", "a", 1) + `]`)}, 0, "want one object"},
		{"bad JSON", fstest.MapFS{"gbf2024-38/a.json": file(`{"name": "a",}`)}, 0, "gbf2024-38/a.json: invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cases, errs := loadPolicyCases(tt.fsys, "testdata/cases", docs)
			if len(cases) != tt.cases {
				t.Errorf("%d cases, want %d", len(cases), tt.cases)
			}
			switch {
			case tt.err == "" && len(errs) > 0:
				t.Errorf("errors %v", errs)
			case tt.err != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err)):
				t.Errorf("errors %v; want one with %q", errs, tt.err)
			}
		})
	}
}
