package webfiles

import (
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// MinSize is the size under which a file gets no compressed copies.
const MinSize = 1024

// Compressible reports whether a file of this name is worth compressing:
// text and wasm.
func Compressible(name string) bool {
	switch path.Ext(name) {
	case ".wasm", ".js", ".css", ".html", ".svg", ".webmanifest", ".json", ".txt":
		return true
	}
	return false
}

// Precompressed reports whether name is a compressed copy of another file.
func Precompressed(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// Fresh reports whether the compressed copy name exists and is at least as
// new as its source.
func Fresh(name string, source fs.FileInfo) bool {
	st, err := os.Stat(name)
	return err == nil && !st.IsDir() && !st.ModTime().Before(source.ModTime())
}

// Compress writes name.gz (gzip 9) and name.br (brotli 11, window 2^24)
// beside name and returns the size of the brotli copy. Each copy is written
// under a hidden name first and renamed, so that a server never sends half
// a file.
func Compress(name string) (int64, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	err = writeCompressed(name+".gz", func(w io.Writer) io.WriteCloser {
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		return zw
	}, data)
	if err != nil {
		return 0, err
	}
	err = writeCompressed(name+".br", func(w io.Writer) io.WriteCloser {
		return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	}, data)
	if err != nil {
		return 0, err
	}
	st, err := os.Stat(name + ".br")
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

func writeCompressed(name string, newWriter func(io.Writer) io.WriteCloser, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	w := newWriter(f)
	if _, err := w.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := w.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// CompressDir writes the missing or outdated compressed copies of the
// compressible files of dir (and below) of at least MinSize bytes, hidden
// files aside. It returns how many files it compressed.
func CompressDir(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !Compressible(p) || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		st, err := d.Info()
		if err != nil || st.Size() < MinSize || (Fresh(p+".br", st) && Fresh(p+".gz", st)) {
			return err
		}
		n++
		_, err = Compress(p)
		return err
	})
	return n, err
}
