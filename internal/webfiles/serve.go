package webfiles

import (
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// ContentType is the type a file is sent with: application/wasm for
// WebAssembly (needed to compile it while it downloads), the manifest's
// own type, and the standard types for the rest ("" when unknown).
func ContentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	}
	return mime.TypeByExtension(path.Ext(name))
}

// ServeFile sends file with Cache-Control: no-cache and its content type,
// or its .br or .gz copy with the Content-Encoding when the browser takes
// it and the copy is as new as the file. etag (quoted, or "") names this
// version of the file; the encoding is added to it for a copy.
func ServeFile(w http.ResponseWriter, r *http.Request, file, etag string) {
	src, err := os.Stat(file)
	if err != nil || src.IsDir() {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-cache")
	hdr.Add("Vary", "Accept-Encoding")
	if ctype := ContentType(file); ctype != "" {
		hdr.Set("Content-Type", ctype)
	}
	name, encoding := file, ""
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if AcceptsEncoding(r.Header.Get("Accept-Encoding"), enc.token) && Fresh(file+enc.ext, src) {
			name, encoding = file+enc.ext, enc.token
			break
		}
	}
	f, err := os.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if encoding != "" {
		hdr.Set("Content-Encoding", encoding)
		if etag != "" {
			etag = strings.TrimSuffix(etag, `"`) + "-" + encoding + `"`
		}
	}
	if etag != "" {
		hdr.Set("ETag", etag)
	}
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// AcceptsEncoding reports whether an Accept-Encoding header takes token:
// listed, and not with a quality of 0 ("br;q=0").
func AcceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(p, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if q, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && q == 0 {
					return false
				}
			}
		}
		return true
	}
	return false
}
