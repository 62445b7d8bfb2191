// Package ui is yibao's web app: go-app components on the rules engine.
package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Routes registers the app's pages. It is called by both the browser and the
// server build, so that the server can prerender what the browser will run.
func Routes() {
	app.Route("/", func() app.Composer { return &placeholder{} })
}

// TEMPORARY placeholder page until the calculator lands.
type placeholder struct{ app.Compo }

func (p *placeholder) Render() app.UI { return app.H1().Text("医保连续参保计算器") }
