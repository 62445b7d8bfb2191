package wasmnames

import (
	"encoding/binary"
	"testing"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		name, pkg, fn string
	}{
		{"runtime.mallocgc", "runtime", "mallocgc"},
		{"github.com_goccy_go_json_internal_encoder_vm.Run", "github.com_goccy_go_json_internal_encoder_vm", "Run"},
		{"yibao_rules.__engine_.residentWait", "yibao_rules", "__engine_.residentWait"},
		{"net_http.init", "net_http", "init"},
		{"main.main.func1", "main", "main.func1"},
	}
	for _, c := range cases {
		if pkg, fn := Split(c.name); pkg != c.pkg || fn != c.fn {
			t.Errorf("Split(%s) = %s, %s; want %s, %s", c.name, pkg, fn, c.pkg, c.fn)
		}
	}
}

// module builds a wasm module with one imported function and the given
// functions (name → body size), named in a "name" section.
func module(funcs []string, sizes []int) []byte {
	uleb := func(b []byte, v int) []byte { return binary.AppendUvarint(b, uint64(v)) }
	section := func(b []byte, id byte, body []byte) []byte {
		b = append(b, id)
		b = uleb(b, len(body))
		return append(b, body...)
	}
	str := func(b []byte, s string) []byte { return append(uleb(b, len(s)), s...) }
	b := []byte("\x00asm\x01\x00\x00\x00")
	// imports: one function "go"."f" of type 0
	var imp []byte
	imp = uleb(imp, 1)
	imp = str(imp, "go")
	imp = str(imp, "f")
	imp = append(imp, 0, 0)
	b = section(b, 2, imp)
	var code []byte
	code = uleb(code, len(sizes))
	for _, n := range sizes {
		code = uleb(code, n)
		code = append(code, make([]byte, n)...)
	}
	b = section(b, 10, code)
	var names []byte
	names = uleb(names, len(funcs))
	for i, f := range funcs {
		names = uleb(names, i+1) // after the imported function
		names = str(names, f)
	}
	var custom []byte
	custom = str(custom, "name")
	custom = append(custom, 1)
	custom = uleb(custom, len(names))
	custom = append(custom, names...)
	return section(b, 0, custom)
}

func TestPackages(t *testing.T) {
	m := module([]string{"runtime.a", "runtime.b", "github.com_goccy_go_json.Marshal", "main.main"}, []int{100, 50, 200, 10})
	funcs, err := Functions(m)
	if err != nil {
		t.Fatal(err)
	}
	if funcs["runtime.a"] != 100 || funcs["main.main"] != 10 || len(funcs) != 4 {
		t.Errorf("Functions: %v", funcs)
	}
	pkgs, err := Packages(m)
	if err != nil {
		t.Fatal(err)
	}
	want := []Size{{"github.com_goccy_go_json", 200}, {"runtime", 150}, {"main", 10}}
	if len(pkgs) != len(want) {
		t.Fatalf("Packages: %v, want %v", pkgs, want)
	}
	for i := range want {
		if pkgs[i] != want[i] {
			t.Errorf("Packages[%d] = %v, want %v", i, pkgs[i], want[i])
		}
	}
	if _, err := Functions([]byte("not wasm")); err == nil {
		t.Error("no error for a file that is not wasm")
	}
	if _, err := Functions(module(nil, []int{5})); err == nil {
		t.Error("no error for a module without names")
	}
}
