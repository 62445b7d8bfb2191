//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yibao/app/ui"
)

// distWeb is a web/ directory for dist: app.wasm and two files.
func distWeb(t *testing.T) string {
	t.Helper()
	ui.Routes()
	dir := t.TempDir()
	for name, data := range map[string]string{"app.wasm": "\x00asm", "yibao.css": "body{}", "old.css": "p{}"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runDist(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"dist", "-compress=false"}, args...), strings.NewReader(""), &out, &errb)
	return code, errb.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// A second dist into the same directory replaces what the first wrote,
// removes what it no longer writes, and keeps every other file.
func TestDistReplacesOnlyItsOwnFiles(t *testing.T) {
	web := distWeb(t)
	out := filepath.Join(t.TempDir(), "site")
	if code, stderr := runDist(t, "-o", out, "-web", web); code != 0 {
		t.Fatalf("first dist: exit %d: %s", code, stderr)
	}
	manifest, err := os.ReadFile(filepath.Join(out, distManifest))
	if err != nil {
		t.Fatal(err)
	}
	listed := strings.Split(strings.TrimSpace(string(manifest)), "\n")[1:]
	for _, want := range []string{"index.html", "app-worker.js", "web/app.wasm", "web/old.css", "web/yibao.css"} {
		if !slices.Contains(listed, want) {
			t.Errorf("the manifest lacks %s: %v", want, listed)
		}
	}
	for _, f := range listed {
		if !exists(filepath.Join(out, f)) {
			t.Errorf("the manifest lists %s, which is not there", f)
		}
	}
	// The host's own files, and a file the next build no longer has.
	writeFiles(t, out, map[string]string{"CNAME": "yibao.example", "notes/readme.txt": "mine", "web/partner.css": "mine"})
	os.Remove(filepath.Join(web, "old.css"))
	if code, stderr := runDist(t, "-o", out, "-web", web); code != 0 {
		t.Fatalf("second dist: exit %d: %s", code, stderr)
	}
	for _, kept := range []string{"CNAME", "notes/readme.txt", "web/partner.css", "index.html", "web/app.wasm", distManifest} {
		if !exists(filepath.Join(out, kept)) {
			t.Errorf("%s is gone", kept)
		}
	}
	if exists(filepath.Join(out, "web", "old.css")) {
		t.Error("web/old.css, which the second dist does not write, is still there")
	}
	if m, _ := os.ReadFile(filepath.Join(out, distManifest)); strings.Contains(string(m), "CNAME") || strings.Contains(string(m), "old.css") {
		t.Errorf("the manifest lists files dist did not write:\n%s", m)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".yibao-dist-*")); len(left) > 0 {
		t.Errorf("staging directories left: %v", left)
	}
}

// A non-empty directory that no dist wrote (even one with an
// app-worker.js) is refused, untouched, unless -force; with -force its
// other files are kept and the next dist needs no -force.
func TestDistRefusesOtherDirectories(t *testing.T) {
	web := distWeb(t)
	out := t.TempDir()
	writeFiles(t, out, map[string]string{"app-worker.js": "old", "thesis.tex": "years of work"})
	code, stderr := runDist(t, "-o", out, "-web", web)
	if code != 1 || !strings.Contains(stderr, "no yibao dist wrote it") || !strings.Contains(stderr, "-force") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "app-worker.js")); string(b) != "old" || !exists(filepath.Join(out, "thesis.tex")) || exists(filepath.Join(out, "index.html")) {
		t.Fatal("the refused directory was changed")
	}
	if code, stderr := runDist(t, "-o", out, "-web", web, "-force"); code != 0 {
		t.Fatalf("-force: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "app-worker.js")); string(b) == "old" || !exists(filepath.Join(out, "index.html")) {
		t.Error("-force did not write the site")
	}
	if code, stderr := runDist(t, "-o", out, "-web", web); code != 0 {
		t.Fatalf("dist after -force: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "thesis.tex")); string(b) != "years of work" {
		t.Error("thesis.tex is gone")
	}
	// An empty or missing directory needs nothing.
	if code, stderr := runDist(t, "-o", t.TempDir(), "-web", web); code != 0 {
		t.Errorf("empty directory: exit %d: %s", code, stderr)
	}
}

// A manifest that names files outside the directory is refused before
// anything is removed; so is an -o that is a file.
func TestDistBadOutput(t *testing.T) {
	web := distWeb(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	writeFiles(t, parent, map[string]string{"precious": "keep", "site/index.html": "x",
		"site/" + distManifest: distManifestHeader + "\nindex.html\n../precious\n"})
	code, stderr := runDist(t, "-o", out, "-web", web)
	if code != 1 || !strings.Contains(stderr, `"../precious" is not a file inside`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if !exists(filepath.Join(parent, "precious")) || !exists(filepath.Join(out, "index.html")) {
		t.Error("files were removed")
	}
	code, stderr = runDist(t, "-o", filepath.Join(parent, "precious"), "-web", web)
	if code != 1 || !strings.Contains(stderr, "is not a directory") {
		t.Errorf("-o a file: exit %d: %s", code, stderr)
	}
	if code, stderr := runDist(t, "-web", web, "site"); code != 2 || !strings.Contains(stderr, "-o DIR") {
		t.Errorf("a directory without -o: exit %d: %s", code, stderr)
	}
}
