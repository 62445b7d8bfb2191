package jsonx

import "encoding/json"

// Valid reports whether data is valid JSON. It is encoding/json's in both
// builds: goccy/go-json v0.10.5 validates through its stream decoder, which
// panics (index out of range in Stream.readBuf) on some long invalid-UTF-8
// keys found by rules.FuzzDecode
// (rules/testdata/fuzz/FuzzDecode/7eb79cb7e0f4bfbb).
func Valid(data []byte) bool { return json.Valid(data) }
