//go:build !wasm

package ui

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"

	json "github.com/goccy/go-json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed worker.js
var workerJS string

// Build describes one build of the web app.
type Build struct {
	// Version names the build: it changes whenever anything the browser
	// loads changes, and only then (never from the clock), since the
	// service worker treats a new version as an update.
	Version string
	// WasmSize is the uncompressed size of web/app.wasm, for the loading
	// progress when the file is served compressed.
	WasmSize int64
	// Domain is the host name the site is served on, for the og:url and
	// og:image tags ("" leaves them without a host).
	Domain string
	// Base is the sub-path the site is served under ("/tools/yibao"), ""
	// at the root of its origin. Routes stay declared without it.
	Base string
}

// CleanBase normalises a sub-path: "tools/yibao/" → "/tools/yibao", "/"
// and "" → "". It reports false for what cannot be a path prefix
// (characters that would need escaping, "." or ".." segments).
func CleanBase(b string) (string, bool) {
	b = strings.Trim(strings.TrimSpace(b), "/")
	if b == "" {
		return "", true
	}
	for _, seg := range strings.Split(b, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
		for _, c := range seg {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-._~", c)) {
				return "", false
			}
		}
	}
	return "/" + b, true
}

// Handler is the go-app handler of the PWA: names, icons, manifest,
// styles and our service worker. Nothing it references lives on another
// origin.
func Handler(b Build) *app.Handler {
	h := &app.Handler{
		Name:        "医保连续参保计算器",
		ShortName:   "医保计算器",
		Title:       "医保连续参保计算器：断缴能不能报销、等待期多久、重复参保留哪个",
		Description: "离线可用的医保连续参保计算器：现在能否报销、断缴后重新参保的待遇等待期及如何缩短、重复参保该保留哪一个。全部在本机计算，并注明政策依据。",
		Author:      "yibao",
		Keywords:    []string{"医保", "断缴", "待遇等待期", "重复参保", "职工医保", "居民医保", "连续参保"},
		Lang:        "zh-CN",
		Domain:      b.Domain,
		Image:       "/web/icon-512.png",
		Version:     b.Version,
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor: "#f4f6f5",
		ThemeColor:      "#0b7a5b",
		LoadingLabel:    "正在加载计算器 {progress}%",
		Styles:          []string{"/web/yibao.css"},
		// Before the app starts (a plain script runs before go-app's
		// deferred ones): local storage that throws is replaced by one in
		// memory, and a failed load gets a message and a retry button.
		Scripts:            []string{"/web/boot.js"},
		CacheableResources: []string{"/web/icon.svg"},
		// Start downloading app.wasm as soon as the head is read, not
		// once app.js has been fetched and run: one round trip and two
		// script downloads earlier on a slow network. as="fetch" with
		// crossorigin matches go-app's fetch(), which then reuses it.
		RawHeaders: []string{`<link rel="preload" href="` + b.Base + `/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`},
	}
	if b.WasmSize > 0 {
		h.WasmContentLength = strconv.FormatInt(b.WasmSize, 10)
	}
	if b.Base != "" {
		// Every href, src and generated URL gets the prefix; the manifest's
		// scope does not (go-app writes "/"): see Manifest.
		h.Resources = app.PrefixedLocation(b.Base)
	}
	pages, _ := json.Marshal(Pages())
	base, _ := json.Marshal(b.Base)
	h.ServiceWorkerTemplate = strings.NewReplacer("{{.Pages}}", string(pages), "{{.Base}}", string(base)).Replace(workerJS)
	return h
}

// Manifest fixes go-app's manifest for a site under a sub-path: go-app
// writes "scope": "/" and a start_url without the final slash, which
// would make the installed app claim the whole origin and start outside
// the service worker's scope (base + "/"). Both become base + "/".
func Manifest(data []byte, base string) ([]byte, error) {
	if base == "" {
		return data, nil
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	m["scope"] = base + "/"
	m["start_url"] = base + "/"
	m["id"] = base + "/"
	return json.MarshalIndent(m, "", "  ")
}

// WorkerTemplate is the service worker's source, for the build's version
// hash.
func WorkerTemplate() string { return workerJS }

// ogTag matches the og:url and og:image tags go-app writes (its attributes
// come in either order); hostless matches a content without a host, as
// go-app writes it when Build.Domain is empty ("https://",
// "https:///web/icon-512.png"): such a tag points a link preview nowhere.
var (
	ogTag    = regexp.MustCompile(`<meta [^>]*property="og:(?:url|image)"[^>]*>\n?`)
	hostless = regexp.MustCompile(`content="https://(?:/[^"]*)?"`)
)

// DropHostlessOG removes from a page the og: tags that have no host, for a
// site served without -domain; pages with a domain keep theirs.
func DropHostlessOG(page []byte) []byte {
	return ogTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		if hostless.Match(tag) {
			return nil
		}
		return tag
	})
}
