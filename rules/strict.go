package rules

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	json "yibao/internal/jsonx"
)

// decodeStrict decodes one JSON document into v, rejecting unknown keys at
// any depth and data after the top-level value.
//
// goccy/go-json rejects unknown keys only in its stream decoder
// (Decoder.DisallowUnknownFields), which links a stream twin of every
// decoder into app.wasm (about 18 KB brotli). Here the document is decoded
// once as a tree whose keys are checked against v's type (knownKeys), then
// into v; the rules data is small and loaded once.
func decodeStrict(name string, data []byte, v any) error {
	var tree any
	if err := decodeChecked(name, data, &tree); err != nil {
		return err
	}
	if err := knownKeys(tree, reflect.TypeOf(v), "$"); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return decodeChecked(name, data, v)
}

// decodeChecked decodes one JSON document into v, rejecting data after the
// top-level value but not unknown keys: for data the tests have already
// decoded with decodeStrict (see Default).
func decodeChecked(name string, data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		if strings.Contains(err.Error(), "after top-level value") { // goccy's syntax error
			return fmt.Errorf("%s: data after the top-level object", name)
		}
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// knownKeys reports the first key of tree (a decoded JSON value) that no
// field of t takes, by its exact json name; path names where tree is. A
// value of the wrong type is left to json.Unmarshal to report.
func knownKeys(tree any, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == rawMessageType {
		return nil // checked where it is parsed
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := tree.(map[string]any)
		if !ok {
			return nil
		}
		fields := jsonFields(t)
		for _, key := range sortedKeys(obj) {
			ft, ok := fields[key]
			if !ok {
				return fmt.Errorf("%s: unknown field %q", path, key)
			}
			if err := knownKeys(obj[key], ft, path+"."+key); err != nil {
				return err
			}
		}
	case reflect.Map:
		obj, _ := tree.(map[string]any)
		for _, key := range sortedKeys(obj) {
			if err := knownKeys(obj[key], t.Elem(), path+"."+key); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		list, _ := tree.([]any)
		for i, item := range list {
			// The item's path is formatted only when it is wrong.
			if err := knownKeys(item, t.Elem(), "\x00"); err != nil {
				return errors.New(strings.Replace(err.Error(), "\x00", path+"["+strconv.Itoa(i)+"]", 1))
			}
		}
	}
	return nil
}

// fieldsOf caches jsonFields by type (the rules data has thousands of
// objects of a dozen types).
var fieldsOf sync.Map // reflect.Type → map[string]reflect.Type

// jsonFields maps the json names of t's exported fields to their types
// (embedded structs without a name of their own contribute their fields).
func jsonFields(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldsOf.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	fields := map[string]reflect.Type{}
	defer fieldsOf.Store(t, fields)
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported() && !f.Anonymous:
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			for k, v := range jsonFields(f.Type) {
				fields[k] = v
			}
			continue
		case name == "":
			name = f.Name
		}
		fields[name] = f.Type
	}
	return fields
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
