// Package jsonx is yibao's JSON codec: the few functions the engine and the
// web app call (Marshal, Unmarshal, Valid, RawMessage, Number), bound at
// build time.
//
// Natively (the command line, the server, every native test) they are
// github.com/goccy/go-json. In app.wasm they are encoding/json: go-app
// links encoding/json into every go-app program anyway, while importing
// goccy/go-json at all links its whole encoder, because the package's init
// assigns Marshal to a hook (encoder.Marshal = Marshal), and with it the
// four encoder VMs (plain, indent, color, color+indent). Measured on
// app.wasm: 170 KB less with brotli (1.872 → 1.702 MB), about 9 % of the
// download, for no difference in what the engine answers: `make test-wasm`
// runs the engine's tests, policy cases and fuzz corpora under this build.
//
// Both libraries agree on what is valid JSON and on what a value decodes
// to; their error messages differ in wording, so no caller compares
// messages of this package's errors (the engine names the field itself).
package jsonx
