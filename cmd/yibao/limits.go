//go:build !wasm

package main

import (
	"net/http"
	"time"
)

// limits bounds what one client can hold of `yibao serve`: a connection
// that sends nothing, sends its request slowly, or reads the answer too
// slowly is closed, so that a few thousand of them cannot use up the
// server's memory and file descriptors.
//
// Writes are bounded by progress rather than by one deadline for the whole
// response: each writeChunk bytes must reach the connection within Write of
// the previous ones (the deadline is moved with
// http.ResponseController.SetWriteDeadline as the bytes flow), and a whole
// response within Response. A fixed WriteTimeout would have to be as long
// as app.wasm takes on the slowest phone (its 10 MB raw on a 1.6 Mbit/s
// Slow-4G link: 50 s; twice that on a worse link), and would then let a
// client that reads nothing hold its connection for as long.
type limits struct {
	// ReadHeader is the time a client has to send a request's headers,
	// from the request's first byte.
	ReadHeader time.Duration
	// Read is the time it has to send a whole request, headers and body
	// (the site takes no bodies: other methods than GET and HEAD get 405).
	Read time.Duration
	// Idle is how long a kept-alive connection waits for the first bytes of
	// its next request.
	Idle time.Duration
	// Write is how long one chunk of writeChunk bytes of a response may take
	// to be written to the connection.
	Write time.Duration
	// Response is the longest one response may take, however it flows.
	Response time.Duration
	// MaxHeaderBytes bounds the request line and headers.
	MaxHeaderBytes int
}

// writeChunk is the unit of progress of a response: the deadline moves
// after each chunk written.
const writeChunk = 32 << 10

// serveLimits are the limits of `yibao serve`. Write allows 32 KiB per
// 20 s, 1.6 KB/s: a Slow-4G phone (1.6 Mbit/s, 200 KB/s) writes a chunk in
// 0.16 s, and anything that can run the app is far above the bound, while
// a client that stops reading is cut 20 s after its socket buffers are
// full. Response (10 minutes) lets app.wasm through uncompressed at
// 17 KB/s (136 kbit/s, slower than 2G's EDGE); with brotli (1.9 MB) it
// needs 3.2 KB/s.
var serveLimits = limits{
	ReadHeader:     10 * time.Second,
	Read:           30 * time.Second,
	Idle:           30 * time.Second,
	Write:          20 * time.Second,
	Response:       10 * time.Minute,
	MaxHeaderBytes: 32 << 10,
}

// server is the http.Server of h with the limits l.
func (l limits) server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           l.handler(h),
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		// WriteTimeout is the deadline of a response that writes nothing
		// through the handler's writer (a 304, a redirect): net/http sets it
		// when it has read the request. The handler moves it as bytes flow.
		WriteTimeout:   l.Write,
		IdleTimeout:    l.Idle,
		MaxHeaderBytes: l.MaxHeaderBytes,
	}
}

// handler moves the write deadline as h's response flows (see limits).
func (l limits) handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if r.Body == http.NoBody {
			// Nothing more to read: the read deadline of the request would
			// otherwise expire during a long download and cancel the
			// request's context. The idle deadline is set again after the
			// response.
			rc.SetReadDeadline(time.Time{})
		}
		pw := &progressWriter{ResponseWriter: w, rc: rc, write: l.Write, end: time.Now().Add(l.Response)}
		pw.extend()
		h.ServeHTTP(pw, r)
	})
}

// progressWriter writes in chunks of writeChunk bytes, each with a write
// deadline Write from its start (never after end).
type progressWriter struct {
	http.ResponseWriter
	rc    *http.ResponseController
	write time.Duration
	end   time.Time
}

func (w *progressWriter) extend() {
	d := time.Now().Add(w.write)
	if d.After(w.end) {
		d = w.end
	}
	w.rc.SetWriteDeadline(d)
}

func (w *progressWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		c := min(len(p), writeChunk)
		w.extend()
		m, err := w.ResponseWriter.Write(p[:c])
		n += m
		if err != nil {
			return n, err
		}
		p = p[c:]
	}
	return n, nil
}

// Unwrap gives http.ResponseController the connection's writer.
func (w *progressWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
