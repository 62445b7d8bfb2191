// Command yibao is the medical-insurance continuity calculator.
//
// The same main package is compiled twice: for the browser (GOOS=js
// GOARCH=wasm), where it runs the web app, and natively, where it is the
// command line (yibao eval, yibao serve, yibao dist). Server-only code lives
// in files built with !wasm so that net/http is not linked into app.wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/ui"
)

func main() {
	ui.Routes()
	// In the browser: the prerendered page is painted before the app
	// builds it again, in a task of its own.
	ui.AwaitFirstPaint()
	app.RunWhenOnBrowser() // in the browser this never returns
	commandLine()
}
