package main

import (
	"math"
	"strings"
	"testing"
)

func TestRatioAndMet(t *testing.T) {
	cases := []struct {
		name  string
		r     row
		ratio string
		met   string
	}{
		{"max value met", row{Yibao: 1.88e6, Baseline: 1.68e6, Unit: bytesUnit, Target: target{Kind: maxValue, Value: 1.9e6}}, "1.12×", "yes"},
		{"max value equal is met", row{Yibao: 1.9e6, Baseline: na, Target: target{Kind: maxValue, Value: 1.9e6}}, "—", "yes"},
		{"max value missed", row{Yibao: 2.01e6, Baseline: 1.68e6, Target: target{Kind: maxValue, Value: 1.9e6}}, "1.20×", "no"},
		{"ratio met", row{Yibao: 11000, Baseline: 10000, Target: target{Kind: maxRatio, Value: 1.15}}, "1.10×", "yes"},
		{"ratio missed", row{Yibao: 12000, Baseline: 10000, Target: target{Kind: maxRatio, Value: 1.15}}, "1.20×", "no"},
		{"ratio without baseline", row{Yibao: 12000, Baseline: na, Target: target{Kind: maxRatio, Value: 1.15}}, "—", ""},
		{"ratio to a reference", row{Yibao: 165, Baseline: na, Target: target{Kind: maxRatioRef, Value: 10, Ref: 41, RefName: "native"}}, "—", "yes"},
		{"not measured with a target", row{Yibao: na, Baseline: 1, Target: target{Kind: maxValue, Value: 1}}, "—", "no"},
		{"no target", row{Yibao: 3, Baseline: 2}, "1.50×", ""},
	}
	for _, c := range cases {
		ratio := "—"
		if q, ok := c.r.ratio(); ok {
			ratio = formatRatio(q)
		}
		if ratio != c.ratio || c.r.met() != c.met {
			t.Errorf("%s: ratio %s met %q, want %s %q", c.name, ratio, c.r.met(), c.ratio, c.met)
		}
	}
}

func TestMarkdown(t *testing.T) {
	got := markdown([]row{
		{Figure: "app.wasm brotli", Unit: bytesUnit, Yibao: 1885599, Baseline: 1680875, Target: target{Kind: maxValue, Value: 1.9e6}},
		{Figure: "first result, cold", Unit: msUnit, Yibao: 13210.4, Baseline: 10500, Target: target{Kind: maxRatio, Value: 1.15}},
		{Figure: "keystroke → results", Unit: msUnit, Yibao: 38.25, Baseline: na, Target: target{Kind: maxValue, Value: 50}},
		{Figure: "engine, wasm", Unit: usUnit, Yibao: 165000 / 1e3, Baseline: na, Target: target{Kind: maxRatioRef, Value: 10, Ref: 41, RefName: "native"}},
		{Figure: "JS heap", Unit: bytesUnit, Yibao: 2.5e6, Baseline: 1.25e6},
	})
	want := `| figure | yibao | baseline | ratio | target | met? |
|---|---:|---:|---:|---|---|
| app.wasm brotli | 1.886 MB | 1.681 MB | 1.12× | ≤ 1.900 MB | yes |
| first result, cold | 13,210 ms | 10,500 ms | 1.26× | ≤ 1.15× baseline | **no** |
| keystroke → results | 38.2 ms | — | — | ≤ 50.0 ms | yes |
| engine, wasm | 165 µs | — | — | ≤ 10.00× native (4.02×) | yes |
| JS heap | 2.500 MB | 1.250 MB | 2.00× | — | — |
`
	if got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestMedianAndGrouping(t *testing.T) {
	if m := median([]float64{5, 1, na, 3}); m != 3 {
		t.Errorf("median = %v", m)
	}
	if m := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median = %v", m)
	}
	if m := median([]float64{na}); !math.IsNaN(m) {
		t.Errorf("median of nothing = %v", m)
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := groupThousands(n); got != want {
			t.Errorf("groupThousands(%d) = %s", n, got)
		}
	}
}

func TestBenchNsPerOp(t *testing.T) {
	out := `goos: linux
BenchmarkEvaluate40Years-2         	   28767	     41003 ns/op	   30720 B/op	     247 allocs/op
BenchmarkEvaluate40Years-2         	   28767	     42003 ns/op	   30720 B/op	     247 allocs/op
BenchmarkEvaluate40Years-2         	   28767	     40003 ns/op	   30720 B/op	     247 allocs/op
BenchmarkDecodeEvaluate40Years 	    2000	    525000 ns/op
PASS
`
	m, err := benchNsPerOp(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if m["Evaluate40Years"] != 41003 || m["DecodeEvaluate40Years"] != 525000 || len(m) != 2 {
		t.Errorf("got %v", m)
	}
}
