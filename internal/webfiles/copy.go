package webfiles

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CopySources copies the files of src (and below) into dst, except hidden
// files, compressed copies and, when skipWasm is set, app.wasm (which the
// caller builds into dst itself).
func CopySources(dst, src string, skipWasm bool) error {
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasPrefix(d.Name(), ".") || Precompressed(p) || skipWasm && d.Name() == "app.wasm" {
			return nil
		}
		return CopyFile(target, p)
	})
}

// CopyFile copies src to dst, making dst's directory.
func CopyFile(dst, src string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
