package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestWasmImports keeps out of app.wasm what the server and the command
// line use: goccy/go-json (its init links its four encoder VMs, 170 KB with
// brotli; see yibao/internal/jsonx) and the server's packages.
func TestWasmImports(t *testing.T) {
	if testing.Short() {
		t.Skip("lists the wasm build's packages")
	}
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "yibao/app/ui") {
		t.Fatalf("the wasm build does not import yibao/app/ui: %v", deps)
	}
	for _, dep := range deps {
		for _, banned := range []string{"github.com/goccy/go-json", "yibao/internal/webfiles"} {
			if dep == banned || strings.HasPrefix(dep, banned+"/") {
				t.Errorf("app.wasm imports %s", dep)
			}
		}
	}
}
