package webfiles

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestAcceptsEncoding(t *testing.T) {
	cases := []struct {
		name, header, token string
		want                bool
	}{
		{"listed", "gzip, deflate, br", "br", true},
		{"case and spaces", " GZip ;q=0.8", "gzip", true},
		{"refused", "gzip, br;q=0", "br", false},
		{"refused with a space", "br; q=0", "br", false},
		{"refused as 0.000", "br;q=0.000, gzip", "br", false},
		{"a low quality is still a yes", "br;q=0.1", "br", true},
		{"absent", "gzip", "br", false},
		{"prefix is not a match", "brotli", "br", false},
		{"empty", "", "gzip", false},
	}
	for _, c := range cases {
		if got := AcceptsEncoding(c.header, c.token); got != c.want {
			t.Errorf("%s: AcceptsEncoding(%q, %q) = %v", c.name, c.header, c.token, got)
		}
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// CompressDir writes copies of the large text and wasm files only, and only
// where they are missing or older than their file; CopySources leaves out
// the copies, hidden files and, if asked, app.wasm.
func TestCompressDirAndCopySources(t *testing.T) {
	src := t.TempDir()
	big := strings.Repeat("医保 yibao ", 200)
	write(t, filepath.Join(src, "app.wasm"), "\x00asm"+big)
	write(t, filepath.Join(src, "yibao.css"), big)
	write(t, filepath.Join(src, "small.js"), "1")
	write(t, filepath.Join(src, "icon.png"), big)
	write(t, filepath.Join(src, ".hidden.txt"), big)
	write(t, filepath.Join(src, "sub", "page.html"), big)
	n, err := CompressDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("compressed %d files, want 3 (app.wasm, yibao.css, sub/page.html)", n)
	}
	want := ".hidden.txt app.wasm app.wasm.br app.wasm.gz icon.png small.js sub/page.html sub/page.html.br sub/page.html.gz yibao.css yibao.css.br yibao.css.gz"
	if got := strings.Join(files(t, src), " "); got != want {
		t.Errorf("files after CompressDir:\n%s\nwant\n%s", got, want)
	}
	if n, _ := CompressDir(src); n != 0 {
		t.Errorf("compressed %d files again, want 0", n)
	}
	earlier := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(src, "yibao.css.gz"), earlier, earlier)
	if n, _ := CompressDir(src); n != 1 {
		t.Errorf("compressed %d files after one copy aged, want 1", n)
	}

	dst := t.TempDir()
	if err := CopySources(dst, src, true); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(files(t, dst), " "), "icon.png small.js sub/page.html yibao.css"; got != want {
		t.Errorf("CopySources: %s, want %s", got, want)
	}
}
