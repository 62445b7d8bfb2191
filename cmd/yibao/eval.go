//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	json "github.com/goccy/go-json"

	"yibao/rules"
)

// maxInput bounds what eval reads from standard input (16 MiB: far above
// 10,000 enrollments).
const maxInput = 16 << 20

func evalCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// The contract: never a panic or a stack trace, whatever the bytes.
		if p := recover(); p != nil {
			code = fail(stderr, &rules.FieldError{Field: "input", Message: fmt.Sprintf("internal error: %v", p)})
		}
	}()
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	// The flag package's own messages are not the contract's: a bad flag
	// is reported as the one error object below, -h prints the usage.
	fs.SetOutput(io.Discard)
	indent := fs.Bool("indent", false, "indent the output JSON")
	fs.Usage = func() {}
	usage := func() {
		fs.SetOutput(stderr)
		fmt.Fprint(stderr, `Usage: yibao eval [-indent] < input.json > output.json

Reads one input object on standard input and writes the answer on standard
output. On bad input it exits 2, writes nothing on standard output and one
{"error":{"field":…,"message":…}} object on standard error.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return 0
		}
		return fail(stderr, &rules.FieldError{Field: "args", Message: err.Error() + " (yibao eval -h lists the flags)"})
	}
	if fs.NArg() > 0 {
		return fail(stderr, &rules.FieldError{Field: "args", Message: fmt.Sprintf("unexpected argument %q: eval reads its input on standard input (yibao eval < input.json)", fs.Arg(0))})
	}
	data, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
	if err != nil {
		return fail(stderr, &rules.FieldError{Field: "input", Message: "cannot read standard input: " + err.Error()})
	}
	if len(data) > maxInput {
		return fail(stderr, &rules.FieldError{Field: "input", Message: "input is larger than 16 MiB"})
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
