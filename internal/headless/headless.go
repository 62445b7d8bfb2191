package headless

import (
	"os"

	"github.com/chromedp/chromedp"
)

// Chromium is the browser binary: $YIBAO_CHROMIUM, or Debian's chromium.
func Chromium() string {
	if p := os.Getenv("YIBAO_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Options are the allocator options of a headless Chromium with its own
// profile directory, a window of width × height and Chinese as its
// language; nothing runs in the background (no component updates, sync or
// QUIC), so that runs are alike.
func Options(profile string, width, height int) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.WindowSize(width, height),
	}
}
