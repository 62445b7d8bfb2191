//go:build wasm

package main

// commandLine is never reached in the browser: app.RunWhenOnBrowser blocks.
func commandLine() {}
