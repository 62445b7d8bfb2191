package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"yibao/internal/webfiles"
)

// wasmGCFlags reads the compiler flags app.wasm is built with (the
// Makefile's WASM_GCFLAGS), for yibao and the baseline alike: no inlining
// in goccy/go-json (its encoder VM is one huge function that inlining makes
// bigger), in go-app, in our UI and in the rules engine. The runtime and the
// standard library keep their inlining.
func wasmGCFlags(root string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(root, "cmd", "yibao", "wasm-gcflags.txt"))
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(b)), nil
}

// wasmBuildArgs is the `go build` command line of app.wasm (without -o).
func wasmBuildArgs(strip bool, gcflags []string) []string {
	args := []string{"build", "-trimpath"}
	if strip {
		args = append(args, "-ldflags=-s -w")
	}
	return append(args, gcflags...)
}

func goCmd(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

func buildWasm(root, pkg, out string, strip bool, gcflags []string) error {
	args := append(wasmBuildArgs(strip, gcflags), "-o", out, pkg)
	return goCmd(root, []string{"GOOS=js", "GOARCH=wasm"}, args...)
}

// compressSite writes the .gz (level 9) and .br (quality 11, window 2^24)
// copies of a site's text and wasm files, as `yibao dist` does.
func compressSite(dir string) error {
	_, err := webfiles.CompressDir(dir)
	return err
}

func fileSize(name string) float64 {
	st, err := os.Stat(name)
	if err != nil {
		return na
	}
	return float64(st.Size())
}

// siteServer serves a static site written by GenerateStaticWebsite the same
// way for both apps: "/" is index.html and "/x" is x.html, every response
// has Cache-Control: no-cache, .wasm is application/wasm, and a .br or .gz
// copy is sent with its Content-Encoding when the browser accepts it.
type siteServer struct{ dir string }

func (s siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Path)
	if webfiles.Precompressed(name) {
		http.NotFound(w, r)
		return
	}
	file := filepath.Join(s.dir, filepath.FromSlash(name))
	if name == "/" {
		file = filepath.Join(s.dir, "index.html")
	} else if st, err := os.Stat(file); err != nil || st.IsDir() {
		file += ".html"
	}
	etag := ""
	if st, err := os.Stat(file); err == nil {
		etag = strconv.Quote(strconv.FormatInt(st.ModTime().UnixNano(), 36))
	}
	webfiles.ServeFile(w, r, file, etag)
}

// serveSite serves dir on a free loopback port until the program ends,
// through a Slow 4G link.
func serveSite(dir string) (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(l, shaped(siteServer{dir}))
	return "http://" + l.Addr().String(), nil
}

// link is a shared downlink: Slow 4G for everything a site server sends,
// to the page and to its service worker alike (CDP's network emulation
// throttles only the page's own requests, so the service worker's precache
// ran at loopback speed and raced the page for app.wasm).
type link struct {
	mu   sync.Mutex
	next time.Time
}

func (l *link) wait(n int) {
	l.mu.Lock()
	now := time.Now()
	if l.next.Before(now) {
		l.next = now
	}
	l.next = l.next.Add(time.Duration(float64(n) * 8 / downBps * float64(time.Second)))
	d := time.Until(l.next)
	l.mu.Unlock()
	time.Sleep(d)
}

type shapedWriter struct {
	http.ResponseWriter
	l *link
}

func (w shapedWriter) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		n := min(len(p), 8<<10)
		w.l.wait(n)
		m, err := w.ResponseWriter.Write(p[:n])
		written += m
		if err != nil {
			return written, err
		}
		if f, ok := w.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		p = p[n:]
	}
	return written, nil
}

// shaped delays every response by one round trip and sends it through the
// shared downlink.
func shaped(h http.Handler) http.Handler {
	l := &link{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(rttMs * time.Millisecond)
		h.ServeHTTP(shapedWriter{w, l}, r)
	})
}
