package ui

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appHref is the href of one of the app's own pages ("/", "/rules",
// "/#input=…") wherever the site is hosted. When it is served under a
// sub-path (yibao dist -base /tools/yibao), the server's resolver prefixes
// hrefs while it prerenders, but the browser's resolver only prefixes /web/
// files, so in the browser the prefix (GOAPP_ROOT_PREFIX) is added here.
func appHref(p string) string {
	if app.IsServer {
		return p
	}
	return rootPrefix() + p
}

// rootPrefix is the sub-path the site is served under ("" at the root of
// its origin, "/tools/yibao" under a sub-path), in the browser.
func rootPrefix() string {
	return strings.TrimRight(appEnv("GOAPP_ROOT_PREFIX"), "/")
}

// appEnv is app.Getenv, read once per name in the browser, where the
// values come with app.js and never change: each read is three calls into
// JS, and the footer and the links read them on every render. The server
// reads them each time: go-app sets them when it makes app.js, and a
// server that serves a new version makes it again.
func appEnv(name string) string {
	if app.IsServer {
		return app.Getenv(name)
	}
	envs.Lock()
	defer envs.Unlock()
	v, ok := envs.m[name]
	if !ok {
		v = app.Getenv(name)
		envs.m[name] = v
	}
	return v
}

var envs = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}
