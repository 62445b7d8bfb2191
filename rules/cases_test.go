package rules

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"path"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// Policy cases are data: testdata/cases/<document id>/<case>.json, each one
// input and the part of the answer it must produce (see
// testdata/cases/README.md).

const casesDir = "testdata/cases"

// policyCase is one case file.
type policyCase struct {
	Name  string             `json:"name"`
	Input stdjson.RawMessage `json:"input"` // as Decode reads it

	expect any    // decoded by decodeGeneric and validated
	file   string // as shown in messages: testdata/cases/<folder>/<file>
	folder string
	base   string
}

func TestPolicyCases(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases, errs := loadPolicyCases(os.DirFS(casesDir), casesDir, rs.Documents())
	for _, err := range errs {
		t.Error(err)
	}
	if len(cases) == 0 && len(errs) == 0 {
		t.Fatalf("%s: no cases", casesDir)
	}
	for _, c := range cases {
		t.Run(c.folder+"/"+c.base+": "+c.Name, func(t *testing.T) {
			in, err := Decode(c.Input)
			if err != nil {
				t.Fatalf("%s: input: %v", c.file, err)
			}
			out, err := Evaluate(in)
			if err != nil {
				t.Fatalf("%s: Evaluate: %v", c.file, err)
			}
			checkExplained(t, out)
			b, err := jsonMarshal(out)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeGeneric(b)
			if err != nil {
				t.Fatalf("output: %v", err)
			}
			for _, m := range matchJSON("", c.expect, got) {
				t.Errorf("%s: %s", c.file, m)
			}
		})
	}
}

// loadPolicyCases reads every case under fsys, whose folders must be
// document ids. It returns the valid cases and one error per problem.
func loadPolicyCases(fsys fs.FS, root string, docs []Document) ([]*policyCase, []error) {
	ids := map[string]bool{}
	for _, d := range docs {
		ids[d.ID] = true
	}
	var cases []*policyCase
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	top, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, []error{err}
	}
	byName := map[string]string{} // case name → file
	for _, dir := range top {
		where := path.Join(root, dir.Name())
		if !dir.IsDir() {
			if dir.Name() != "README.md" {
				fail("%s: cases go in a folder named after a document id, not directly in %s", where, root)
			}
			continue
		}
		if !ids[dir.Name()] {
			fail("%s: folder %q is not a document id in data/documents.json", where, dir.Name())
			continue
		}
		files, err := fs.ReadDir(fsys, dir.Name())
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(files) == 0 {
			fail("%s: no cases", where)
		}
		for _, f := range files {
			file := path.Join(where, f.Name())
			if f.IsDir() || path.Ext(f.Name()) != ".json" {
				fail("%s: only .json case files belong in a document folder", file)
				continue
			}
			data, err := fs.ReadFile(fsys, path.Join(dir.Name(), f.Name()))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			c, err := parsePolicyCase(data)
			if err != nil {
				fail("%s: %v", file, err)
				continue
			}
			c.file, c.folder, c.base = file, dir.Name(), f.Name()
			if other, dup := byName[c.Name]; dup {
				fail("%s: name %q is already used by %s", file, c.Name, other)
				continue
			}
			byName[c.Name] = file
			cases = append(cases, c)
		}
	}
	return cases, errs
}

// parsePolicyCase decodes and checks one case file.
func parsePolicyCase(data []byte) (*policyCase, error) {
	// Strictly first (no duplicate keys, nothing after the object), then
	// into the struct, which keeps the input's bytes for Decode.
	v, err := decodeGeneric(data)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New(`want one object {"name": …, "input": …, "expect": …}`)
	}
	for _, k := range sortedKeys(obj) {
		if k != "name" && k != "input" && k != "expect" {
			return nil, fmt.Errorf("unknown key %q (a case has name, input and expect)", k)
		}
	}
	var c policyCase
	if err := stdjson.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	switch {
	case strings.TrimSpace(c.Name) == "":
		return nil, errors.New("name: missing")
	case obj["input"] == nil:
		return nil, errors.New("input: missing")
	}
	exp, ok := obj["expect"].(map[string]any)
	if !ok || len(exp) == 0 {
		return nil, errors.New("expect: want an object with at least one key of the output")
	}
	if _, _, isOp := operator(exp); isOp {
		return nil, errors.New("expect: want an object of output keys, not an operator")
	}
	if err := validateExpect("", exp, reflect.TypeFor[Output]()); err != nil {
		return nil, fmt.Errorf("expect: %v", err)
	}
	c.expect = exp
	return &c, nil
}

// decodeGeneric decodes one JSON value into maps, slices, json.Number,
// strings, bools and nil, rejecting duplicate keys and trailing data.
func decodeGeneric(data []byte) (any, error) {
	dec := stdjson.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec, "")
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the top-level value")
	}
	return v, nil
}

func decodeValue(dec *stdjson.Decoder, at string) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case stdjson.Delim('{'):
		obj := map[string]any{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k := tok.(string)
			if _, dup := obj[k]; dup {
				return nil, fmt.Errorf("%s: key %q appears twice", showPath(at), k)
			}
			if obj[k], err = decodeValue(dec, joinKey(at, k)); err != nil {
				return nil, err
			}
		}
		_, err := dec.Token() // }
		return obj, err
	case stdjson.Delim('['):
		arr := []any{}
		for dec.More() {
			v, err := decodeValue(dec, at+"["+strconv.Itoa(len(arr))+"]")
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := dec.Token() // ]
		return arr, err
	}
	return tok, nil
}

// The operators of an expectation.
const (
	opContains = "$contains" // array; each listed value matches its own element
	opNone     = "$none"     // array, null or missing; no element matches a listed value
	opIncludes = "$includes" // string containing the text
	opExcludes = "$excludes" // string not containing the text, null or missing
	opAbsent   = "$absent"   // true: missing or null
	opLen      = "$len"      // array of this length
)

// operator reports whether v is an operator object: exactly one key,
// starting with "$".
func operator(v map[string]any) (op string, arg any, ok bool) {
	if len(v) != 1 {
		return "", nil, false
	}
	for k, a := range v {
		op, arg = k, a
	}
	return op, arg, strings.HasPrefix(op, "$")
}

// validateExpect checks an expectation before it is matched: operators are
// known, alone in their object, with an argument of the right kind, and,
// when typ is not nil, every key names a field of the output and each
// operator suits the field it is on. A typo is then an error, not a key
// that is always $absent.
func validateExpect(at string, want any, typ reflect.Type) error {
	for typ != nil && typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch w := want.(type) {
	case map[string]any:
		if op, arg, ok := operator(w); ok {
			return validateOperator(at, op, arg, typ)
		}
		for _, k := range sortedKeys(w) {
			if strings.HasPrefix(k, "$") {
				return fmt.Errorf("%s: operator %s must be the only key of its object", showPath(at), k)
			}
		}
		if typ != nil && typ.Kind() != reflect.Struct {
			return fmt.Errorf("%s: the output has no object here (it is %s)", showPath(at), kindName(typ))
		}
		for _, k := range sortedKeys(w) {
			var ft reflect.Type
			if typ != nil {
				f, ok := jsonField(typ, k)
				if !ok {
					return fmt.Errorf("%s: the output has no key %q here (it has %s)", showPath(at), k, strings.Join(jsonKeys(typ), ", "))
				}
				ft = f
			}
			if err := validateExpect(joinKey(at, k), w[k], ft); err != nil {
				return err
			}
		}
	case []any:
		if typ != nil && typ.Kind() != reflect.Slice {
			return fmt.Errorf("%s: the output has no array here (it is %s)", showPath(at), kindName(typ))
		}
		for i, e := range w {
			if err := validateExpect(at+"["+strconv.Itoa(i)+"]", e, elem(typ)); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateOperator(at, op string, arg any, typ reflect.Type) error {
	where := showPath(at) + ": " + op
	wantKind := func(k reflect.Kind, what string) error {
		if typ != nil && typ.Kind() != k {
			return fmt.Errorf("%s needs %s in the output, but it is %s", where, what, kindName(typ))
		}
		return nil
	}
	switch op {
	case opContains, opNone:
		list, ok := arg.([]any)
		if !ok || len(list) == 0 {
			return fmt.Errorf("%s: want a non-empty array of values", where)
		}
		if err := wantKind(reflect.Slice, "an array"); err != nil {
			return err
		}
		for i, e := range list {
			if err := validateExpect(at+"."+op+"["+strconv.Itoa(i)+"]", e, elem(typ)); err != nil {
				return err
			}
		}
		return nil
	case opIncludes, opExcludes:
		if s, ok := arg.(string); !ok || s == "" {
			return fmt.Errorf("%s: want a non-empty text", where)
		}
		return wantKind(reflect.String, "a text")
	case opAbsent:
		if arg != true {
			return fmt.Errorf("%s: the only argument is true", where)
		}
		return nil
	case opLen:
		n, ok := arg.(stdjson.Number)
		if i, err := strconv.Atoi(n.String()); !ok || err != nil || i < 0 {
			return fmt.Errorf("%s: want a whole number ≥ 0", where)
		}
		return wantKind(reflect.Slice, "an array")
	}
	return fmt.Errorf("%s: unknown operator (known: %s)", where, strings.Join([]string{opContains, opNone, opIncludes, opExcludes, opAbsent, opLen}, ", "))
}

func elem(typ reflect.Type) reflect.Type {
	if typ == nil {
		return nil
	}
	return typ.Elem()
}

// jsonField returns the type of the field that key encodes in struct typ.
func jsonField(typ reflect.Type, key string) (reflect.Type, bool) {
	for i := range typ.NumField() {
		f := typ.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); f.IsExported() && name == key {
			return f.Type, true
		}
	}
	return nil, false
}

func jsonKeys(typ reflect.Type) []string {
	var keys []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); f.IsExported() && name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

func kindName(typ reflect.Type) string {
	switch typ.Kind() {
	case reflect.Struct:
		return "an object"
	case reflect.Slice:
		return "an array"
	case reflect.String:
		return "a text"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

// missing stands for a key that the actual object does not have.
type missingKey struct{}

var missing any = missingKey{}

// mismatch is one difference between expected and actual.
type mismatch struct {
	path      string
	want, got any
	why       string
}

func (m mismatch) String() string {
	why := ""
	if m.why != "" {
		why = " " + m.why + ":"
	}
	return fmt.Sprintf("%s:%s want %s, got %s", showPath(m.path), why, showValue(m.want), showValue(m.got))
}

// matchJSON compares actual got against the expectation want at path and
// returns every difference. got is missing when the key is not there.
func matchJSON(at string, want, got any) []mismatch {
	diff := func(why string) []mismatch { return []mismatch{{at, want, got, why}} }
	switch w := want.(type) {
	case map[string]any:
		if op, arg, ok := operator(w); ok {
			return matchOperator(at, op, arg, want, got)
		}
		g, ok := got.(map[string]any)
		if !ok {
			return diff("not an object")
		}
		var ms []mismatch
		for _, k := range sortedKeys(w) {
			v, ok := g[k]
			if !ok {
				v = missing
			}
			ms = append(ms, matchJSON(joinKey(at, k), w[k], v)...)
		}
		return ms
	case []any:
		g, ok := got.([]any)
		if !ok {
			return diff("not an array")
		}
		if len(g) != len(w) {
			return diff(fmt.Sprintf("%d elements, want %d", len(g), len(w)))
		}
		var ms []mismatch
		for i := range w {
			ms = append(ms, matchJSON(at+"["+strconv.Itoa(i)+"]", w[i], g[i])...)
		}
		return ms
	case stdjson.Number:
		if g, ok := got.(stdjson.Number); !ok || !sameNumber(w, g) {
			return diff("")
		}
		return nil
	}
	// A string, true, false or null.
	if got == missing || got != want {
		return diff("")
	}
	return nil
}

func matchOperator(at, op string, arg, want, got any) []mismatch {
	diff := func(why string) []mismatch { return []mismatch{{at, want, got, why}} }
	matches := func(w, g any) bool { return len(matchJSON(at, w, g)) == 0 }
	switch op {
	case opContains:
		g, ok := got.([]any)
		if !ok {
			return diff("not an array")
		}
		list := arg.([]any)
		if i := unmatched(list, g, matches); i >= 0 {
			return diff(fmt.Sprintf("no element left to match %s", showValue(list[i])))
		}
	case opNone:
		if got == missing || got == nil {
			return nil
		}
		g, ok := got.([]any)
		if !ok {
			return diff("not an array")
		}
		for j, e := range g {
			for _, w := range arg.([]any) {
				if matches(w, e) {
					return diff(fmt.Sprintf("element [%d] matches %s", j, showValue(w)))
				}
			}
		}
	case opIncludes:
		if g, ok := got.(string); !ok || !strings.Contains(g, arg.(string)) {
			return diff("")
		}
	case opExcludes:
		if got == missing || got == nil {
			return nil
		}
		if g, ok := got.(string); !ok || strings.Contains(g, arg.(string)) {
			return diff("")
		}
	case opAbsent:
		if got != missing && got != nil {
			return diff("")
		}
	case opLen:
		n, _ := strconv.Atoi(string(arg.(stdjson.Number)))
		g, ok := got.([]any)
		if !ok {
			return diff("not an array")
		}
		if len(g) != n {
			return diff(fmt.Sprintf("%d elements", len(g)))
		}
	default:
		return diff("unknown operator")
	}
	return nil
}

// unmatched pairs each of want with a distinct element of got that it
// matches (a bipartite matching by augmenting paths, so that the order of
// want does not matter) and returns the first one left without, or -1.
func unmatched(want, got []any, matches func(w, g any) bool) int {
	ok := make([][]bool, len(want))
	for i, w := range want {
		ok[i] = make([]bool, len(got))
		for j, g := range got {
			ok[i][j] = matches(w, g)
		}
	}
	owner := make([]int, len(got)) // element j → index into want, or -1
	for j := range owner {
		owner[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for j := range got {
			if ok[i][j] && !seen[j] {
				seen[j] = true
				if owner[j] < 0 || try(owner[j], seen) {
					owner[j] = i
					return true
				}
			}
		}
		return false
	}
	for i := range want {
		if !try(i, make([]bool, len(got))) {
			return i
		}
	}
	return -1
}

// sameNumber compares two JSON numbers by value: 3, 3.0 and 3e0 are equal.
func sameNumber(a, b stdjson.Number) bool {
	x, ok1 := new(big.Rat).SetString(a.String())
	y, ok2 := new(big.Rat).SetString(b.String())
	return ok1 && ok2 && x.Cmp(y) == 0
}

func joinKey(at, k string) string {
	if at == "" {
		return k
	}
	return at + "." + k
}

func showPath(at string) string {
	if at == "" {
		return "(top)"
	}
	return at
}

func showValue(v any) string {
	if v == missing {
		return "nothing (the key is missing)"
	}
	var b bytes.Buffer
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
