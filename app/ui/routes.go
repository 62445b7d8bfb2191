package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/rules"
)

// rulesOutput is the engine's answer (a short name for the components).
type rulesOutput = rules.Output

// Routes registers the app's pages. It is called by both the browser and the
// server build, so that the server can prerender what the browser will run.
func Routes() {
	app.Route("/", func() app.Composer { return &calculator{} })
	app.Route("/rules", func() app.Composer { return &rulesPage{} })
	app.Route("/embed", func() app.Composer { return &embed{} })
}

// Pages lists the routed pages: the service worker precaches each one, and
// the static site has a file for each.
func Pages() []string {
	return []string{"/", "/rules", "/embed"}
}
