//go:build !wasm

package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `yibao: medical-insurance continuity calculator (医保连续参保计算器)

Usage:
  yibao eval  < input.json > output.json   answer one question (see the contract)
  yibao serve [flags]                      serve the web app
  yibao help                               this text

Run "yibao <command> -h" for a command's flags.
`

// commandLine dispatches the native subcommands and exits.
func commandLine() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "eval":
		return evalCommand(args[1:], stdin, stdout, stderr)
	case "serve":
		return serveCommand(args[1:], stdout, stderr)
	case "dist":
		return distCommand(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "yibao: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
