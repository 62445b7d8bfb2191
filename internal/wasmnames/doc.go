// Package wasmnames reads the function names and code sizes of a Go
// WebAssembly module from its "name" section (`go tool nm` cannot read
// wasm): for the browser test that keeps the server out of app.wasm and
// for the benchmark's list of the biggest packages.
package wasmnames
