//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/ui"
	"yibao/internal/webfiles"
)

// distManifest is the file, in the output directory, where yibao dist
// lists the files it wrote: the next dist removes those and nothing else.
const distManifest = ".yibao-dist"

// distManifestHeader is its first line.
const distManifestHeader = "# files written by yibao dist; the next yibao dist -o into this directory replaces them and keeps any other file"

// distCommand writes the static site: go-app's pages and scripts, the web/
// files, and .br and .gz copies of the large ones.
func distCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dist", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "dist", "directory to write the site into: empty, new, or written by a previous yibao dist (whose files are replaced)")
	webDir := fs.String("web", "web", "directory of the static files, with app.wasm")
	domain := fs.String("domain", "", "host name of the public site, for the pages' og: tags")
	base := fs.String("base", "", "sub-path the site will be served under, e.g. /tools/yibao (default: the root)")
	compress := fs.Bool("compress", true, "write .br and .gz copies of the large files")
	force := fs.Bool("force", false, "write into a non-empty -o directory that no yibao dist wrote (files of the same names are replaced, the others kept)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: yibao dist [-o dist] [-web web] [-base /sub/path] [-force]\n\nWrites the web app as a static site any static host can serve.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "yibao dist: unexpected argument %q (the output directory is -o DIR)\n", fs.Arg(0))
		return 2
	}
	b, ok := ui.CleanBase(*base)
	if !ok {
		fmt.Fprintf(stderr, "yibao dist: -base %q is not a path such as /tools/yibao\n", *base)
		return 2
	}
	if err := writeDist(*out, *webDir, *domain, b, *compress, *force, stdout); err != nil {
		fmt.Fprintln(stderr, "yibao dist:", err)
		return 1
	}
	return 0
}

// writeDist writes the site into a new directory beside out, then replaces
// the files of out that the previous dist wrote (listed in distManifest)
// with it. A non-empty out without a manifest is refused unless force.
func writeDist(out, webDir, domain, base string, compress, force bool, stdout io.Writer) error {
	previous, err := previousDist(out, force)
	if err != nil {
		return err
	}
	s, err := loadSite(webDir, domain, base)
	if err != nil {
		return err
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	stage, err := os.MkdirTemp(parent, ".yibao-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	if err := app.GenerateStaticWebsite(stage, s.handler, ui.Pages()...); err != nil {
		return err
	}
	if s.hostless {
		if err := dropHostlessOG(stage); err != nil {
			return err
		}
	}
	if s.manifest != nil {
		if err := os.WriteFile(filepath.Join(stage, "manifest.webmanifest"), s.manifest, 0o644); err != nil {
			return err
		}
	}
	if err := webfiles.CopySources(filepath.Join(stage, "web"), webDir, false); err != nil {
		return err
	}
	var total, br int64
	if st, err := os.Stat(filepath.Join(stage, "web", "app.wasm")); err == nil {
		total = st.Size()
	}
	if compress {
		if _, err := webfiles.CompressDir(stage); err != nil {
			return err
		}
		if st, err := os.Stat(filepath.Join(stage, "web", "app.wasm.br")); err == nil {
			br = st.Size()
		}
	}
	files, err := listFiles(stage)
	if err != nil {
		return err
	}
	if err := removeDist(out, previous); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		to := filepath.Join(out, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if st, err := os.Lstat(to); err == nil && st.IsDir() {
			return fmt.Errorf("cannot write %s: a directory of that name is in the way", to)
		}
		from := filepath.Join(stage, filepath.FromSlash(f))
		if err := os.Rename(from, to); err != nil {
			// Another file system (out is a mount point): copy.
			if err := webfiles.CopyFile(to, from); err != nil {
				return err
			}
		}
	}
	manifest := distManifestHeader + "\n" + strings.Join(files, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(out, distManifest), []byte(manifest), 0o644); err != nil {
		return err
	}
	where := "the root of its origin"
	if base != "" {
		where = base + "/"
	}
	fmt.Fprintf(stdout, "yibao dist: wrote %s for %s (version %s; app.wasm %d bytes, %d with brotli)\n", out, where, s.version, total, br)
	return nil
}

// previousDist checks that dist may write into out and gives the files a
// previous dist wrote there (none when out is new or empty, or with force
// and no manifest).
func previousDist(out string, force bool) ([]string, error) {
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", out)
	}
	data, err := os.ReadFile(filepath.Join(out, distManifest))
	if errors.Is(err, fs.ErrNotExist) {
		entries, err := os.ReadDir(out)
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 || force {
			return nil, nil
		}
		return nil, fmt.Errorf("%s is not empty and no yibao dist wrote it (it has no %s): choose a new or empty directory, or add -force to write into it (files of the same names are replaced, the others kept)", out, distManifest)
	}
	if err != nil {
		return nil, err
	}
	var files []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for line := 1; sc.Scan(); line++ {
		f := sc.Text()
		if f == "" || strings.HasPrefix(f, "#") {
			continue
		}
		if !filepath.IsLocal(filepath.FromSlash(f)) || f == distManifest {
			return nil, fmt.Errorf("%s line %d: %q is not a file inside %s; remove the manifest, or the directory, by hand", filepath.Join(out, distManifest), line, f, out)
		}
		files = append(files, f)
	}
	return files, nil
}

// removeDist removes the files of a previous dist from out, and the
// directories they leave empty.
func removeDist(out string, files []string) error {
	var dirs []string
	for _, f := range files {
		p := filepath.Join(out, filepath.FromSlash(f))
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		if st.IsDir() {
			continue // not what dist wrote: a directory is never listed
		}
		if err := os.Remove(p); err != nil {
			return err
		}
		for d := filepath.Dir(f); d != "."; d = filepath.Dir(d) {
			dirs = append(dirs, d)
		}
	}
	// Deepest first; a directory that still holds something stays.
	slices.SortFunc(dirs, func(a, b string) int {
		if n := strings.Count(b, "/") - strings.Count(a, "/"); n != 0 {
			return n
		}
		return strings.Compare(a, b)
	})
	for _, d := range slices.Compact(dirs) {
		os.Remove(filepath.Join(out, filepath.FromSlash(d)))
	}
	if err := os.Remove(filepath.Join(out, distManifest)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// listFiles lists the files under dir, slash-separated and sorted.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	sort.Strings(files)
	return files, err
}

// dropHostlessOG removes the og: tags without a host from the pages go-app
// wrote into dir (see ui.DropHostlessOG).
func dropHostlessOG(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, ui.DropHostlessOG(b), 0o644); err != nil {
			return err
		}
	}
	return nil
}
