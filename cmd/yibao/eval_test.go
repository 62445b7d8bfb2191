//go:build !wasm

package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

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

// Bad input: exit 2, nothing on stdout, one error object naming the field
// on stderr, never a panic.
func TestEvalBadInput(t *testing.T) {
	tests := []struct{ name, input, field string }{
		{"empty", "", "input"},
		{"truncated", `{"asOf":"2026-11-22","enrollments":[{"id":`, "input"},
		{"binary", "\x00\xff\xfe", "input"},
		{"wrong type", `{"asOf":true}`, "asOf"},
		{"impossible date", `{"asOf":"2025-02-29"}`, "asOf"},
		{"unknown region", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"123456","scheme":"employee","from":"2020-01"}]}`, "enrollments[0].region"},
		{"unknown scheme", `{"asOf":"2026-11-22","plan":{"region":"310000","scheme":"nhs","payOn":"2026-12-01"}}`, "plan.scheme"},
		{"to before from", `{"asOf":"2026-11-22","enrollments":[{"id":"a","region":"440300","scheme":"employee","from":"2020-05","to":"2020-01"}]}`, "enrollments[0].to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runEval(t, tt.input)
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
		{[]string{"input.json"}, `unexpected argument "input.json": eval reads its input on standard input`},
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
