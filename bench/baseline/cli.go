//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// commandLine writes the static site: baseline -o dir -wasm-size n. The
// caller copies app.wasm into dir/web and compresses the files.
func commandLine() {
	out := flag.String("o", "dist", "directory to write the site into")
	size := flag.Int64("wasm-size", 0, "size of app.wasm in bytes, for the loading progress")
	version := flag.String("version", "bench", "the build's version (for the service worker)")
	flag.Parse()
	h := &app.Handler{
		Name:      "baseline",
		ShortName: "baseline",
		Title:     "baseline",
		Lang:      "zh-CN",
		Version:   *version,
		// Local icons: go-app's defaults live on raw.githubusercontent.com.
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
	}
	if *size > 0 {
		h.WasmContentLength = strconv.FormatInt(*size, 10)
	}
	if err := app.GenerateStaticWebsite(*out, h); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}
