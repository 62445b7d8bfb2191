//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	json "github.com/goccy/go-json"

	"yibao/rules"
)

// maxInput bounds what eval reads from standard input: what Decode reads.
const maxInput = rules.MaxInputBytes

func evalCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// The contract: never a panic or a stack trace, whatever the bytes.
		if p := recover(); p != nil {
			code = fail(stderr, &rules.FieldError{Field: "input", Message: fmt.Sprintf("internal error: %v", p)})
		}
	}()
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	// A bad flag is bad input too: the contract's error object, not the
	// usage text (which -h prints).
	fs.SetOutput(io.Discard)
	indent := fs.Bool("indent", false, "indent the output JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stderr, `Usage: yibao eval [-indent] < input.json > output.json

Reads one input object on standard input and writes the answer on standard
output. On bad input it exits 2, writes nothing on standard output and one
{"error":{"field":…,"message":…}} object on standard error.

Flags:
`)
			fs.SetOutput(stderr)
			fs.PrintDefaults()
			return 0
		}
		return fail(stderr, &rules.FieldError{Field: "args", Message: err.Error() + " (usage: yibao eval [-indent] < input.json)"})
	}
	if fs.NArg() > 0 {
		return fail(stderr, &rules.FieldError{Field: "args", Message: "unexpected argument " + strconv.Quote(fs.Arg(0)) + ": eval reads the input on standard input (usage: yibao eval [-indent] < input.json)"})
	}
	data, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
	if err != nil {
		return fail(stderr, &rules.FieldError{Field: "input", Message: "cannot read standard input: " + err.Error()})
	}
	if len(data) > maxInput {
		return fail(stderr, &rules.FieldError{Field: "input", Message: fmt.Sprintf("input is larger than %d MiB", maxInput>>20)})
	}
	in, err := rules.Decode(data)
	if err != nil {
		return fail(stderr, err)
	}
	out, err := rules.Evaluate(in)
	if err != nil {
		return fail(stderr, err)
	}
	var b []byte
	if *indent {
		b, err = json.MarshalIndent(out, "", "  ")
	} else {
		b, err = json.Marshal(out)
	}
	if err != nil {
		return fail(stderr, &rules.FieldError{Field: "input", Message: "cannot encode the answer: " + err.Error()})
	}
	b = append(b, '\n')
	if _, err := stdout.Write(b); err != nil {
		return 1
	}
	return 0
}

// fail writes the contract's error object on stderr and returns exit code 2.
func fail(stderr io.Writer, err error) int {
	var fe *rules.FieldError
	if !errors.As(err, &fe) {
		fe = &rules.FieldError{Field: "input", Message: err.Error()}
	}
	b, _ := json.Marshal(struct {
		Error *rules.FieldError `json:"error"`
	}{fe})
	stderr.Write(append(b, '\n'))
	return 2
}
