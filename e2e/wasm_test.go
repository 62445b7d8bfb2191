//go:build browser

package e2e

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestWasmLinksNoNetHTTP checks that app.wasm does not link the server:
// go-app's package imports net/http, so its package initialisers remain
// (about 10 KB), but no other function of net/http, crypto/tls or the
// brotli encoder may be there. Server code lives in files built only
// natively (//go:build !wasm). `go tool nm` cannot read wasm, so the test
// reads the function names and sizes from the wasm's name section.
func TestWasmLinksNoNetHTTP(t *testing.T) {
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := goBuild([]string{"GOOS=js", "GOARCH=wasm"}, "-trimpath", "-o", wasm, "./cmd/yibao"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	funcs, err := wasmFunctions(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(funcs) < 1000 {
		t.Fatalf("only %d named functions in app.wasm", len(funcs))
	}
	bytesBy := map[string]int{}
	for name, size := range funcs {
		pkg, fn, _ := strings.Cut(name, ".")
		for _, host := range []string{"github", "golang", "gopkg"} {
			if pkg == host { // "github.com_goccy_go_json.Marshal"
				pkg2, fn2, _ := strings.Cut(fn, ".")
				pkg, fn = pkg+"."+pkg2, fn2
			}
		}
		bytesBy[pkg] += size
		switch {
		case pkg == "net_http" || strings.HasPrefix(pkg, "net_http_") || pkg == "crypto_tls":
			if !strings.HasPrefix(fn, "init") {
				t.Errorf("app.wasm links %s (%d bytes)", name, size)
			}
		case strings.Contains(pkg, "andybalholm_brotli"), strings.Contains(pkg, "chromedp"):
			t.Errorf("app.wasm links %s", name)
		}
	}
	var pkgs []string
	for p := range bytesBy {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return bytesBy[pkgs[i]] > bytesBy[pkgs[j]] })
	for _, p := range pkgs[:min(12, len(pkgs))] {
		t.Logf("%9d %s", bytesBy[p], p)
	}
	t.Logf("net/http: %d bytes of initialisers", bytesBy["net_http"])
}

// wasmFunctions maps each named function of a wasm module to the size of
// its code.
func wasmFunctions(b []byte) (map[string]int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	uleb := func(i int) (int, int) {
		var r, s int
		for i < len(b) {
			x := b[i]
			i++
			r |= int(x&0x7f) << s
			s += 7
			if x < 0x80 {
				break
			}
		}
		return r, i
	}
	var imported int
	var sizes []int
	names := map[int]string{}
	for i := 8; i < len(b); {
		id := b[i]
		size, j := uleb(i + 1)
		end := j + size
		switch id {
		case 2: // imports: count the imported functions
			n, k := uleb(j)
			for ; n > 0; n-- {
				l, k2 := uleb(k)
				l2, k3 := uleb(k2 + l)
				k = k3 + l2
				kind := b[k]
				k++
				switch kind {
				case 0:
					_, k = uleb(k)
					imported++
				case 1:
					k++
					flags := b[k]
					_, k = uleb(k + 1)
					if flags&1 != 0 {
						_, k = uleb(k)
					}
				case 2:
					flags := b[k]
					_, k = uleb(k + 1)
					if flags&1 != 0 {
						_, k = uleb(k)
					}
				case 3:
					k += 2
				}
			}
		case 10: // code
			n, k := uleb(j)
			for ; n > 0; n-- {
				l, k2 := uleb(k)
				sizes = append(sizes, l)
				k = k2 + l
			}
		case 0: // custom: the "name" section
			l, k := uleb(j)
			if string(b[k:k+l]) == "name" {
				for k += l; k < end; {
					sub := b[k]
					sl, k2 := uleb(k + 1)
					if sub == 1 {
						n, m := uleb(k2)
						for ; n > 0; n-- {
							var idx, nl int
							idx, m = uleb(m)
							nl, m = uleb(m)
							names[idx] = string(b[m : m+nl])
							m += nl
						}
					}
					k = k2 + sl
				}
			}
		}
		i = end
	}
	out := map[string]int{}
	for i, size := range sizes {
		if name, ok := names[i+imported]; ok {
			out[name] += size
		}
	}
	if len(out) == 0 {
		return nil, errors.New("app.wasm has no name section")
	}
	return out, nil
}
