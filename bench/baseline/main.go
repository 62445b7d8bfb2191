// Command baseline is the floor of yibao's stack for `make bench`: a go-app
// v10 hello world that uses goccy/go-json, built exactly like cmd/yibao (one
// main compiled twice; the server side lives in !wasm files, so app.wasm
// does not link net/http beyond go-app's own imports).
//
// Its "first result" is the text it renders once the wasm runs: the
// element #result with data-computed="true", which the prerendered page
// does not have.
package main

import (
	json "github.com/goccy/go-json"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type greeting struct {
	Text string `json:"text"`
}

// hello renders one greeting, round-tripped through goccy/go-json so that
// the library is linked and used as yibao uses it.
type hello struct {
	app.Compo
}

func (h *hello) Render() app.UI {
	var g greeting
	b, err := json.Marshal(greeting{Text: "你好，世界"})
	if err == nil {
		err = json.Unmarshal(b, &g)
	}
	if err != nil {
		g.Text = err.Error()
	}
	d := app.H1().ID("result").Text(g.Text)
	if app.IsClient {
		d = d.DataSet("computed", "true")
	}
	return app.Main().Body(d)
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser() // in the browser this never returns
	commandLine()
}
