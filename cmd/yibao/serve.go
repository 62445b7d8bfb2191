//go:build !wasm

package main

import (
	"fmt"
	"io"
)

// TEMPORARY: the web app's server lands with the PWA work.
func serveCommand(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "serve: not yet")
	return 2
}
