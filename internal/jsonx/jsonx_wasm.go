//go:build wasm

package jsonx

import "encoding/json"

// RawMessage is a raw encoded JSON value.
type RawMessage = json.RawMessage

// Number is a JSON number literal.
type Number = json.Number

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) { return json.Marshal(v) }

// MarshalIndent is Marshal with each element on a new, indented line.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return json.MarshalIndent(v, prefix, indent)
}

// Unmarshal parses the JSON-encoded data and stores the result in v.
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
