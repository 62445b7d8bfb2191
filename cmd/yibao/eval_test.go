//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	json "github.com/goccy/go-json"
)

func runEval(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"eval"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestEvalContractExample(t *testing.T) {
	in, err := os.ReadFile("testdata/contract-example.json")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runEval(t, string(in))
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var out struct {
		Coverage struct {
			Active bool   `json:"active"`
			Until  string `json:"until"`
		} `json:"coverage"`
		Waiting struct {
			Months       int    `json:"months"`
			FixedMonths  int    `json:"fixedMonths"`
			BenefitsFrom string `json:"benefitsFrom"`
		} `json:"waiting"`
		Duplicates struct {
			Keep *string  `json:"keep"`
			Stop []string `json:"stop"`
		} `json:"duplicates"`
		Rules struct {
			Version string `json:"version"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if out.Coverage.Active || out.Waiting.Months != 3 || out.Waiting.BenefitsFrom != "2027-04-01" || out.Duplicates.Keep != nil || out.Duplicates.Stop == nil || out.Rules.Version == "" {
		t.Errorf("unexpected answer: %+v", out)
	}
	if !strings.Contains(stdout, `"waitingUntil":null`) || !strings.Contains(stdout, `"keep":null`) {
		t.Errorf("null fields must be present as null: %s", stdout)
	}
}

// A district's or a county's code stands for its 统筹地区: the answer is
// that region's, with its code (浦东新区 310115 → 上海市 310000).
func TestEvalDistrictCode(t *testing.T) {
	code, stdout, stderr := runEval(t, `{"asOf":"2026-12-01","enrollments":[{"id":"a","region":"310115","scheme":"employee","from":"2020-01"}]}`)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var out struct {
		Coverage struct {
			Active     bool   `json:"active"`
			Region     string `json:"region"`
			RegionName string `json:"regionName"`
		} `json:"coverage"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || !out.Coverage.Active || out.Coverage.Region != "310000" || out.Coverage.RegionName != "上海市" {
		t.Errorf("answer %+v (%v):\n%s", out, err, stdout)
	}
}

// Bad input: exit 2, nothing on stdout, one error object naming the field
// on stderr, never a panic.
func TestEvalBadInput(t *testing.T) {
	tests := []struct {
		name, input, field string
		args               []string
	}{
		{"empty", "", "input", nil},
		{"truncated", `{"asOf":"2026-11-22","enrollments":[{"id":`, "input", nil},
		{"binary", "\x00\xff\xfe", "input", nil},
		{"wrong type", `{"asOf":true}`, "asOf", nil},
		{"impossible date", `{"asOf":"2025-02-29"}`, "asOf", nil},
		{"unknown region", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"123456","scheme":"employee","from":"2020-01"}]}`, "enrollments[0].region", nil},
		{"unknown scheme", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"nhs","payOn":"2026-12-01"}}`, "plan.scheme", nil},
		{"to before from", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2020-05","to":"2020-01"}]}`, "enrollments[0].to", nil},
		{"unknown flag", `{"asOf":"2026-11-22"}`, "args", []string{"-x"}},
		{"bad flag value", `{"asOf":"2026-11-22"}`, "args", []string{"-indent=maybe"}},
		{"an argument", `{"asOf":"2026-11-22"}`, "args", []string{"input.json"}},
		{"too many enrollments", manyEnrollments(10001), "enrollments", nil},
		{"duplicate key", `{"asOf":"2026-11-22","asOf":"2026-11-23"}`, "asOf", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runEval(t, tt.input, tt.args...)
			if code != 2 || stdout != "" {
				t.Fatalf("exit %d stdout %q", code, stdout)
			}
			var e struct {
				Error struct {
					Field   string `json:"field"`
					Message string `json:"message"`
				} `json:"error"`
			}
			if err := json.Unmarshal([]byte(stderr), &e); err != nil || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Fatalf("stderr is not one JSON object: %q", stderr)
			}
			if e.Error.Field != tt.field || e.Error.Message == "" {
				t.Errorf("got %+v, want field %s", e.Error, tt.field)
			}
		})
	}
}

func TestEvalHelpAndUnknown(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"eval", "-h"}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(errb.String(), "Usage: yibao eval") {
		t.Errorf("eval -h: exit %d, %q", code, errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"help"}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), "yibao eval") {
		t.Errorf("help: exit %d", code)
	}
	if code := run([]string{"frobnicate"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}

// manyEnrollments is an input of n one-month enrollments.
func manyEnrollments(n int) string {
	var b strings.Builder
	b.WriteString(`{"asOf":"2026-11-22","enrollments":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"region":"440300","scheme":"employee","from":"2020-01","to":"2020-01"}`)
	}
	b.WriteString(`]}`)
	return b.String()
}

// The memory bomb of issue 14: 100,000 enrollments of "backpaid": 1200
// (8.8 MB, inside the input cap) ran out of memory; 10,000 of them took
// 2.9 s, 930 MB and wrote 155 MB. Now the first is refused at once and the
// second answered in a bounded time, memory and size.
func TestEvalMemoryBomb(t *testing.T) {
	bomb := func(n int) string {
		var b strings.Builder
		b.WriteString(`{"asOf":"2026-11-22","enrollments":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"e%d","region":"440300","scheme":"employee","from":"1930-01","to":"2029-12","backpaid":1200}`, i)
		}
		b.WriteString(`]}`)
		return b.String()
	}
	tests := []struct {
		n      int
		code   int
		stderr string
	}{
		{100000, 2, `"field":"enrollments"`},
		{10000, 0, ""},
	}
	for _, tt := range tests {
		input := bomb(tt.n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		begin := time.Now()
		code, stdout, stderr := runEval(t, input)
		took := time.Since(begin)
		runtime.ReadMemStats(&after)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%d enrollments: exit %d, stderr %.200s", tt.n, code, stderr)
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		if took > 2*time.Second || alloc > 64*uint64(len(input))+16<<20 || len(stdout) > 1<<20 {
			t.Errorf("%d enrollments (%d KB): %v, %d MB allocated, %d KB written", tt.n, len(input)>>10, took, alloc>>20, len(stdout)>>10)
		} else {
			t.Logf("%d enrollments (%d KB): %v, %d MB allocated, %d KB written", tt.n, len(input)>>10, took, alloc>>20, len(stdout)>>10)
		}
	}
}

// A bad flag or an argument is the contract's error: exit 2, nothing on
// stdout, one error object on stderr (no usage text around it).
func TestEvalBadFlag(t *testing.T) {
	in, err := os.ReadFile("testdata/contract-example.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"-x"}, "flag provided but not defined: -x"},
		{[]string{"--pretty"}, "-pretty"},
		{[]string{"-indent=maybe"}, "invalid boolean value"},
		{[]string{"input.json"}, `unexpected argument "input.json"`},
		{[]string{"-indent", "input.json"}, "unexpected argument"},
	} {
		code, stdout, stderr := runEval(t, string(in), tt.args...)
		if code != 2 || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q", tt.args, code, stdout)
		}
		var e struct {
			Error struct {
				Field   string `json:"field"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal([]byte(stderr), &e); err != nil || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: stderr is not one JSON object: %q", tt.args, stderr)
			continue
		}
		if e.Error.Field != "args" || !strings.Contains(e.Error.Message, tt.says) {
			t.Errorf("%v: %+v, want field args and %q", tt.args, e.Error, tt.says)
		}
	}
	// -indent still works, and -h prints the usage.
	if code, stdout, _ := runEval(t, string(in), "-indent"); code != 0 || !strings.Contains(stdout, "\n  \"coverage\"") {
		t.Errorf("-indent: exit %d, %.80q", code, stdout)
	}
}
