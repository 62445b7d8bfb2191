//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yibao/app/ui"
)

// testLimits are serveLimits shrunk for the tests: the same rules, in
// tenths of a second.
var testLimits = limits{
	ReadHeader:     300 * time.Millisecond,
	Read:           400 * time.Millisecond,
	Idle:           300 * time.Millisecond,
	Write:          200 * time.Millisecond,
	Response:       5 * time.Second,
	MaxHeaderBytes: 4 << 10,
}

// bigWasm is the size of the test site's app.wasm: far more than the
// socket buffers of limitedServer's connections.
const bigWasm = 2 << 20

// limitedServer serves a site whose app.wasm is bigWasm bytes on a
// loopback port with the limits l, and gives its address. Its connections
// have small socket buffers, so that a client that does not read blocks
// the server's writes at once.
func limitedServer(t *testing.T, l limits) string {
	t.Helper()
	ui.Routes()
	dir := t.TempDir()
	wasm := make([]byte, bigWasm)
	copy(wasm, "\x00asm")
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := l.server("", s.Handler())
	go srv.Serve(smallBuffers{ln.(*net.TCPListener)})
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

type smallBuffers struct{ *net.TCPListener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	c.SetWriteBuffer(64 << 10)
	return c, nil
}

func dial(t *testing.T, addr string) *net.TCPConn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	tc := c.(*net.TCPConn)
	tc.SetReadBuffer(64 << 10)
	return tc
}

// closedWithin reads from r until the server closes the connection, and
// fails if it is still open after d; it gives the time it waited and the
// bytes it read.
func closedWithin(t *testing.T, c net.Conn, r io.Reader, d time.Duration) (time.Duration, int64) {
	t.Helper()
	start := time.Now()
	c.SetReadDeadline(start.Add(d))
	n, err := io.Copy(io.Discard, r)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the connection is still open after %s (read %d bytes)", d, n)
	}
	return time.Since(start), n
}

func request(path string) string {
	return "GET " + path + " HTTP/1.1\r\nHost: yibao.test\r\nAccept-Encoding: identity\r\n\r\n"
}

// readResponse reads one response, body included.
func readResponse(t *testing.T, br *bufio.Reader) *http.Response {
	t.Helper()
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// A connection that sends nothing, or stops inside its request's headers,
// is closed after ReadHeader; a kept-alive one that waits, or sends only
// the first bytes of its next request, after Idle.
func TestServeReadAndIdleTimeouts(t *testing.T) {
	addr := limitedServer(t, testLimits)
	bound := testLimits.ReadHeader + time.Second
	t.Run("silent", func(t *testing.T) {
		c := dial(t, addr)
		if d, _ := closedWithin(t, c, c, bound); d < testLimits.ReadHeader/2 {
			t.Errorf("closed after %s", d)
		}
	})
	t.Run("stalled headers", func(t *testing.T) {
		c := dial(t, addr)
		fmt.Fprint(c, "GET / HTTP/1.1\r\nHost: yibao.test\r\n")
		closedWithin(t, c, c, bound)
	})
	keptAlive := func(t *testing.T, then string) {
		c := dial(t, addr)
		br := bufio.NewReader(c)
		fmt.Fprint(c, request("/"))
		if resp := readResponse(t, br); resp.StatusCode != 200 || resp.Close {
			t.Fatalf("first request: %d, close %v", resp.StatusCode, resp.Close)
		}
		fmt.Fprint(c, then)
		if d, _ := closedWithin(t, c, br, testLimits.Idle+time.Second); d < testLimits.Idle/2 {
			t.Errorf("closed after %s", d)
		}
	}
	t.Run("idle keep-alive", func(t *testing.T) { keptAlive(t, "") })
	t.Run("stalled second request", func(t *testing.T) { keptAlive(t, "GE") })
	t.Run("stalled second request headers", func(t *testing.T) { keptAlive(t, "GET / HTTP/1.1\r\nHost: y") })
	// A request body that never comes (the 405 answer waits for it, up to
	// Read, before closing).
	t.Run("stalled body", func(t *testing.T) {
		c := dial(t, addr)
		fmt.Fprint(c, "POST / HTTP/1.1\r\nHost: yibao.test\r\nContent-Length: 1000\r\n\r\nx=")
		closedWithin(t, c, c, testLimits.Read+time.Second)
	})
}

// A client that stops reading, or reads too slowly, is cut once its socket
// buffers are full; one that reads at a phone's speed gets all of app.wasm,
// although that takes many times Write and longer than Read.
func TestServeWriteTimeouts(t *testing.T) {
	addr := limitedServer(t, testLimits)
	t.Run("no reader", func(t *testing.T) {
		c := dial(t, addr)
		fmt.Fprint(c, request("/web/app.wasm"))
		// Read nothing for a while: the server's write blocks and times out.
		time.Sleep(testLimits.Write * 4)
		if _, n := closedWithin(t, c, c, time.Second); n >= bigWasm {
			t.Errorf("read %d bytes: the whole file", n)
		}
	})
	t.Run("slow reader", func(t *testing.T) {
		// 40 KB/s for 1.5 s, a quarter of the 160 KB/s that 32 KiB per
		// 200 ms asks for (50 s for the file); then the rest of what the
		// server sent, at once.
		c := dial(t, addr)
		fmt.Fprint(c, request("/web/app.wasm"))
		slow := throttled(c, 40<<10)
		c.SetReadDeadline(time.Now().Add(1500 * time.Millisecond))
		n, _ := io.Copy(io.Discard, slow)
		d, rest := closedWithin(t, c, c, time.Second)
		if n+rest >= bigWasm {
			t.Errorf("read the whole file")
		}
		t.Logf("%d bytes slowly, then %d in %s", n, rest, d)
	})
	t.Run("phone", func(t *testing.T) {
		// 2 MB/s: 1 s for the file, 5 × Write, 2.5 × Read.
		c := dial(t, addr)
		br := bufio.NewReader(throttled(c, 2<<20))
		start := time.Now()
		fmt.Fprint(c, request("/web/app.wasm"))
		c.SetReadDeadline(start.Add(10 * time.Second))
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		if err != nil || n != bigWasm {
			t.Fatalf("read %d of %d bytes in %s: %v", n, bigWasm, time.Since(start), err)
		}
		if d := time.Since(start); d < 2*testLimits.Read {
			t.Logf("took %s only: the test proves less than it should", d)
		}
		// And the connection is still good for the next request.
		fmt.Fprint(c, request("/"))
		if resp := readResponse(t, br); resp.StatusCode != 200 {
			t.Errorf("next request: %d", resp.StatusCode)
		}
	})
	t.Run("response limit", func(t *testing.T) {
		l := testLimits
		l.Response = 400 * time.Millisecond
		c := dial(t, limitedServer(t, l))
		fmt.Fprint(c, request("/web/app.wasm"))
		d, n := closedWithin(t, c, throttled(c, 2<<20), 3*time.Second)
		if n >= bigWasm {
			t.Errorf("read the whole file in %s, over the %s limit", d, l.Response)
		}
	})
}

// throttled reads r at about rate bytes per second, in reads of 4 KiB.
func throttled(r io.Reader, rate int) io.Reader {
	return &throttle{r: r, rate: rate, start: time.Now()}
}

type throttle struct {
	r     io.Reader
	rate  int
	start time.Time
	n     int
}

func (t *throttle) Read(p []byte) (int, error) {
	if len(p) > 4<<10 {
		p = p[:4<<10]
	}
	if ahead := time.Duration(t.n)*time.Second/time.Duration(t.rate) - time.Since(t.start); ahead > 0 {
		time.Sleep(ahead)
	}
	n, err := t.r.Read(p)
	t.n += n
	return n, err
}

// Headers above MaxHeaderBytes (net/http allows 4 KiB more) get 431.
func TestServeMaxHeaderBytes(t *testing.T) {
	addr := limitedServer(t, testLimits)
	send := func(cookie int) int {
		c := dial(t, addr)
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: yibao.test\r\nCookie: a=%s\r\n\r\n", strings.Repeat("x", cookie))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := send(2 << 10); code != 200 {
		t.Errorf("2 KiB of headers: %d", code)
	}
	if code := send(16 << 10); code != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("16 KiB of headers: %d, want 431", code)
	}
}

// The limits of yibao serve let app.wasm through on Slow 4G and cut a
// client that reads 1 KB/s.
func TestServeLimitsFitAPhone(t *testing.T) {
	slow4G := 1.6e6 / 8 // bytes per second
	wasmRaw, wasmBrotli := 10e6, 1.9e6
	chunkTime := time.Duration(float64(writeChunk) / slow4G * 1e9)
	if chunkTime*4 > serveLimits.Write {
		t.Errorf("a %d-byte chunk takes %s on Slow 4G: too close to Write %s", writeChunk, chunkTime, serveLimits.Write)
	}
	if raw := time.Duration(wasmRaw / slow4G * 1e9); raw*4 > serveLimits.Response {
		t.Errorf("app.wasm raw takes %s on Slow 4G: too close to Response %s", raw, serveLimits.Response)
	}
	if brotli := time.Duration(wasmBrotli / 3.5e3 * 1e9); brotli > serveLimits.Response {
		t.Errorf("app.wasm with brotli at 3.5 KB/s takes %s, over Response %s", brotli, serveLimits.Response)
	}
	if minRate := float64(writeChunk) / serveLimits.Write.Seconds(); minRate <= 1000 {
		t.Errorf("Write allows %.0f B/s: a 1 KB/s reader is held", minRate)
	}
	if serveLimits.Idle >= 90*time.Second || serveLimits.ReadHeader >= 90*time.Second || serveLimits.Read >= 90*time.Second {
		t.Errorf("limits hold a silent client 90 s or more: %+v", serveLimits)
	}
}
