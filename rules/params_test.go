package rules

import (
	"reflect"
	"strings"
	"testing"
)

func embedded(t *testing.T) (docs, nat, reg string) {
	t.Helper()
	return string(documentsJSON), string(nationalJSON), string(regionsJSON)
}

func TestEmbeddedRulesLoad(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rs.Version, "2026.12+") {
		t.Errorf("version %q", rs.Version)
	}
	if len(rs.Documents()) == 0 || len(rs.Parameters()) != len(paramSpecs) || len(rs.RegionRules()) == 0 {
		t.Errorf("documents %d parameters %d regions %d", len(rs.Documents()), len(rs.Parameters()), len(rs.RegionRules()))
	}
}

// Default names the embedded data by a hash written in the source; it must
// be the hash Load computes.
func TestEmbeddedDataHash(t *testing.T) {
	if got := dataHash(documentsJSON, nationalJSON, regionsJSON); got != embeddedDataHash {
		t.Errorf("the rules data changed: set embeddedDataHash in params.go to %q (it is %q)", got, embeddedDataHash)
	}
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if DefaultVersion() != rs.Version {
		t.Errorf("DefaultVersion() = %q, Default().Version = %q: set embeddedNationalVersion in params.go", DefaultVersion(), rs.Version)
	}
}

// Default leaves the search for unknown keys to this test: the embedded
// files pass the strict Load, and give the same rule set as Default.
func TestEmbeddedDataIsStrict(t *testing.T) {
	strict, err := Load(documentsJSON, nationalJSON, regionsJSON)
	if err != nil {
		t.Fatalf("the embedded rules data fails the strict load: %v", err)
	}
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if strict.Version != def.Version || len(strict.Documents()) != len(def.Documents()) || len(strict.RegionRules()) != len(def.RegionRules()) {
		t.Errorf("strict load %s, %d documents, %d regions; Default %s, %d, %d", strict.Version, len(strict.Documents()), len(strict.RegionRules()),
			def.Version, len(def.Documents()), len(def.RegionRules()))
	}
}

// The loader rejects malformed rules data; each row breaks one thing.
func TestRulesDataValidation(t *testing.T) {
	docs, nat, reg := embedded(t)
	replace := func(s, old, new string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("fixture text %q not found", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	tests := []struct {
		name           string
		docs, nat, reg string
		want           string
	}{
		{"unknown key in a value", docs, replace(nat, `"value": 3,`, `"value": 3, "valeu": 4,`), reg, "unknown field"},
		{"unknown top-level key", docs, replace(nat, `"version"`, `"extra": 1, "version"`), reg, "unknown field"},
		{"unknown parameter", docs, replace(nat, `"employee.backpayMaxGapMonths"`, `"employee.backpayMaxGap"`), reg, "employee.backpayMaxGap"},
		{"missing source article", docs, replace(nat, `"article": "第十一条"`, `"article": ""`), reg, "source"},
		{"unknown document", docs, replace(nat, `"document": "ybbf2021-43"`, `"document": "nope"`), reg, "not in documents.json"},
		{"wrong value type", docs, replace(nat, `"value": 3,`, `"value": "3",`), reg, "whole number"},
		{"value out of range", docs, replace(nat, `"value": 3,`, `"value": 99,`), reg, "outside"},
		{"bad effective date", docs, replace(nat, `"from": "2021-11-01"`, `"from": "2021-11-31"`), reg, "not a date"},
		{"overlapping dates", docs, replace(nat, `"to": "2024-12-31"`, `"to": "2025-03-31"`), reg, "overlap"},
		{"hole between dates", docs, replace(nat, `"to": "2024-12-31"`, `"to": "2024-11-30"`), reg, "no value between"},
		{"unknown enum word", docs, replace(nat, `"value": "afterFirst"`, `"value": "sometimes"`), reg, "not one of"},
		{"bad window", docs, replace(nat, `"start": "09-01"`, `"start": "09-31"`), reg, "MM-DD"},
		{"bad duration", docs, replace(nat, `"value": "P90D"`, `"value": "90 days"`), reg, "period"},
		{"unknown group", docs, replace(nat, `"newborn",`, `"babies",`), reg, "not a group"},
		{"kind not what the engine reads", docs, replace(nat, `"kind": "int",`, `"kind": "enum",`), reg, "the engine reads"},
		{"bounds not what the engine reads", docs, replace(nat, `"max": 12,`, `"max": 24,`), reg, "min and max"},
		{"enum not what the engine reads", docs, replace(nat, `"afterFirst",
    "every"`, `"afterFirst"`), reg, "enum must be"},
		{"region code unknown", docs, nat, replace(reg, `"320000": {`, `"329900": {`), "not a region code"},
		{"region name mismatch", docs, nat, replace(reg, `"name": "江苏省"`, `"name": "江西省"`), "name"},
		{"region without note", docs, nat, replace(reg, `"note": "江苏省`, `"note": "", "x": "`), "unknown field"},
		{"regional wait above the cap", docs, nat, replace(reg, `"value": 3,
      "source": {
       "document": "js2022-transfer",
       "article": "第十一条情形",
       "url": "http://yunnanlong.com/c/356916.html",
       "quote": "对《暂行办法》第十一条规定的情形，中断缴费3个月以上的，基本医疗保险待遇按各统筹地区规定执行，原则上待遇享受等待期由不超过6个月降低为不超过3个月。",
       "trust": "reprint",
       "note": "Carried over: the Jiangsu cap of 3 is used`, `"value": 5,
      "source": {
       "document": "js2022-transfer",
       "article": "第十一条情形",
       "url": "http://yunnanlong.com/c/356916.html",
       "quote": "对《暂行办法》第十一条规定的情形，中断缴费3个月以上的，基本医疗保险待遇按各统筹地区规定执行，原则上待遇享受等待期由不超过6个月降低为不超过3个月。",
       "trust": "reprint",
       "note": "Carried over: the Jiangsu cap of 3 is used`), "exceeds the cap"},
		{"regional value without url", docs, nat, replace(reg, `"url": "http://yunnanlong.com/c/356916.html",`, `"url": "",`), "not an http(s) address"},
		{"regional value without quote", docs, nat, replace(reg, `"quote": "对《暂行办法》第十一条规定的情形`, `"quote": "", "x": "`), "unknown field"},
		{"regional value from an aggregator", docs, nat, replace(reg, `"trust": "reprint",
       "note": "Carried over: the Jiangsu cap`, `"trust": "aggregator",
       "note": "Carried over: the Jiangsu cap`), "aggregator findings go to data/unverified.json"},
		{"document without issuer", replace(docs, `"issuer": "国务院办公厅"`, `"issuer": ""`), nat, reg, "issuer"},
		{"document listed twice", replace(docs, `"id": "ybbf2021-43"`, `"id": "gbf2024-38"`), nat, reg, "twice"},
		{"trailing data", docs, nat + "{}", reg, "after the top-level"},
		{"local region without parameters", docs, nat, replace(reg, `"status": "national"`, `"status": "local"`), "at least one parameter"},
		{"unknown status", docs, nat, replace(reg, `"status": "national"`, `"status": "maybe"`), "not local or national"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.docs), []byte(tt.nat), []byte(tt.reg))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// Every region code resolves to a complete parameter set on every day the
// engine answers for, and says whether it is local or national.
func TestEveryRegionResolves(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	days := []string{"2021-11-01", "2024-06-30", "2025-01-01", "2026-11-23", "2030-12-31"}
	for _, r := range Regions() {
		for _, ds := range days {
			day, _ := parseDate(ds)
			for name, spec := range paramSpecs {
				if !spec.cover {
					continue
				}
				p := rs.get(name, r.Code, day)
				if p.v == nil || rs.cite(p.v) == "" {
					t.Fatalf("%s %s %s: no value", r.Code, ds, name)
				}
			}
			capM, _, _ := rs.intAt("employee.longGapWaitCapMonths", r.Code, day)
			wait, _, _ := rs.intAt("employee.longGapWaitMonths", r.Code, day)
			if wait > capM {
				t.Errorf("%s %s: wait %d above cap %d", r.Code, ds, wait, capM)
			}
		}
	}
	if !rs.HasLocalRules("320500") || !rs.HasLocalRules("320100") || rs.HasLocalRules("640100") {
		t.Error("local rules: Suzhou and Nanjing (Jiangsu) are local, Yinchuan (Ningxia) is national")
	}
	// Every province-level region is listed, local or explicitly national.
	listed := map[string]string{}
	for _, r := range rs.RegionRules() {
		listed[r.Code] = r.Status
	}
	for _, r := range Regions() {
		if r.Level == LevelProvince && listed[r.Code] == "" {
			t.Errorf("province %s %s has no entry in regions.json", r.Code, r.Name)
		}
	}
}

// Every parameter the engine expects is bound to exactly one field of
// Params, and every field to a parameter.
func TestParamFields(t *testing.T) {
	seen := map[string]bool{}
	typ := reflect.TypeOf(Params{})
	if typ.NumField() != len(paramFields) {
		t.Errorf("Params has %d fields, paramFields names %d", typ.NumField(), len(paramFields))
	}
	for i, name := range paramFields {
		if _, ok := paramSpecs[name]; !ok {
			t.Errorf("field for %s, which is not a parameter", name)
		}
		if seen[name] {
			t.Errorf("%s bound twice", name)
		}
		seen[name] = true
		if i < typ.NumField() && typ.Field(i).Name != fieldName(name) {
			t.Errorf("field %d of Params is %s, paramFields names %s", i, typ.Field(i).Name, name)
		}
	}
	var p Params
	fields := linksOf(&p)
	for i := range fields {
		*fields[i] = []paramLink{{level: paramFields[i]}}
	}
	v := reflect.ValueOf(p)
	for i, name := range paramFields {
		if got := v.Field(i).Field(0).Index(0).Field(1).String(); got != name {
			t.Errorf("linksOf gives field %d (%s) the values of %s", i, name, got)
		}
	}
	for name := range paramSpecs {
		if !seen[name] {
			t.Errorf("parameter %s has no field", name)
		}
	}
}

// The typed parameters give, for every region and day, the value the data
// says: the city's, else the province's, else the national one.
func TestTypedParamsAgreeWithData(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	codes := []string{"440300", "110000"}
	for code := range rs.regions {
		codes = append(codes, code)
	}
	for _, reg := range Regions() {
		if reg.Province == "320000" || reg.Province == "350000" || reg.Province == "420000" {
			codes = append(codes, reg.Code)
		}
	}
	days := []string{"2010-06-01", "2021-12-01", "2024-12-31", "2025-01-01", "2026-06-15", "2027-01-01"}
	for _, code := range codes {
		p := reflect.ValueOf(rs.For(code)).Elem()
		for _, name := range paramFields {
			field := p.FieldByName(fieldName(name))
			if !field.IsValid() {
				t.Fatalf("no field %s for %s", fieldName(name), name)
			}
			for _, ds := range days {
				day, _ := parseDate(ds)
				want, wantLevel := rs.lookup(name, code, day)
				res := field.MethodByName("Lookup").Call([]reflect.Value{reflect.ValueOf(day)})
				if !res[1].Bool() {
					if want != nil {
						t.Errorf("%s %s %s: typed has none, data has %s", code, name, ds, want.Display())
					}
					continue
				}
				got := res[0].Field(0) // the embedded param
				if got.FieldByName("v").Pointer() != reflect.ValueOf(want).Pointer() || got.FieldByName("level").String() != wantLevel {
					t.Errorf("%s %s %s: typed and data differ", code, name, ds)
				}
			}
		}
	}
}

// fieldName is a parameter's field in Params: resident.window → ResidentWindow.
func fieldName(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, ".") {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
