package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// updateBanner offers to reload when the service worker has installed a new
// version of the app (go-app's AppUpdater). The old wasm keeps running
// until the person taps the banner.
//
// go-app reports an "update" whenever a worker activates while the page is
// controlled. Our worker claims the page once it has precached everything,
// so on the very first visit its activation looks like an update too. In a
// page that was not loaded through a worker (navigation timing's
// workerStart is 0), the first report is that first install; later ones are
// updates.
type updateBanner struct {
	app.Compo

	Lang form.Lang

	available   bool
	installSeen bool
}

func (b *updateBanner) OnMount(ctx app.Context) {
	if !ctx.AppUpdateAvailable() {
		ctx.PreventUpdate() // nothing to render again (see calculator.OnMount)
		return
	}
	b.signal()
}

func (b *updateBanner) OnAppUpdate(ctx app.Context) {
	b.signal()
}

func (b *updateBanner) signal() {
	if !b.installSeen && !loadedThroughWorker() {
		b.installSeen = true
		return
	}
	b.available = true
}

// loadedThroughWorker reports whether a service worker served this page.
func loadedThroughWorker() bool {
	perf := app.Window().Get("performance")
	if !perf.Truthy() {
		return true
	}
	entries := perf.Call("getEntriesByType", "navigation")
	if !entries.Truthy() || entries.Length() == 0 {
		return true
	}
	return entries.Index(0).Get("workerStart").Float() > 0
}

func (b *updateBanner) Render() app.UI {
	if !b.available {
		return app.Elem("div").ID("update-banner").Hidden(true)
	}
	return withBody(tagged("div", "class", "update-banner", "id", "update-banner", "role", "status"),
		button("", "btn btn-primary", b.Lang.Pick("有新版本，点击更新", "A new version is ready: tap to update"), reload),
	)
}

func reload(ctx app.Context, e app.Event) { ctx.Reload() }
