// Package e2e holds yibao's browser tests: headless Chromium (Debian's
// /usr/bin/chromium) driven with chromedp against `yibao serve`. They are
// built only with the "browser" tag, so that `go test ./...` stays fast and
// needs no browser:
//
//	go test -tags browser -count=1 ./e2e/     (or: make test-browser)
//
// The tests build the command and app.wasm themselves, start a server per
// test (so that each has its own origin, service worker and storage), and
// write screenshots into e2e/artifacts/.
package e2e
