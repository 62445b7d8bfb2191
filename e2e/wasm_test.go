//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"yibao/internal/wasmnames"
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
	funcs, err := wasmnames.Functions(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(funcs) < 1000 {
		t.Fatalf("only %d named functions in app.wasm", len(funcs))
	}
	bytesBy := map[string]int{}
	for name, size := range funcs {
		pkg, fn := wasmnames.Split(name)
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
