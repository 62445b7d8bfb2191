//go:build !wasm

package jsonx

import json "github.com/goccy/go-json"

// RawMessage is a raw encoded JSON value (both libraries use encoding/json's).
type RawMessage = json.RawMessage

// Number is a JSON number literal (both libraries use encoding/json's).
type Number = json.Number

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) { return json.Marshal(v) }

// MarshalIndent is Marshal with each element on a new, indented line.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return json.MarshalIndent(v, prefix, indent)
}

// Unmarshal parses the JSON-encoded data and stores the result in v.
func Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
