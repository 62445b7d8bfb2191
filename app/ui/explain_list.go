package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/rules"
)

// explainList shows the steps of an answer, each with its source, folded
// into a <details> so that the card stays short. The steps are only built
// once the person opens it: a shorter first render of the answer.
type explainList struct {
	app.Compo

	Lang  lang
	Steps []rules.Step

	open bool
}

func (x *explainList) onToggle(ctx app.Context, e app.Event) {
	x.open = ctx.JSSrc().Get("open").Bool()
}

func (x *explainList) Render() app.UI {
	l := x.Lang
	if len(x.Steps) == 0 {
		return app.Div().Class("explain", "empty")
	}
	return app.Details().Class("explain").Open(x.open).OnToggle(x.onToggle).Body(
		app.Summary().Text(l.s("依据与计算过程", "Why: steps and sources")+" ("+strconv.Itoa(len(x.Steps))+")"),
		app.If(x.open || app.IsServer, func() app.UI { return x.steps(l) }),
	)
}

func (x *explainList) steps(l lang) app.UI {
	return app.Ol().Body(
		app.Range(x.Steps).Slice(func(i int) app.UI {
			st := x.Steps[i]
			text := st.Zh
			if l == langEn && st.En != "" || text == "" {
				text = st.En
			}
			return app.Li().Body(
				app.P().Text(text),
				app.If(st.Source != "", func() app.UI {
					return app.P().Class("source").Body(
						app.Span().Class("muted").Text(l.s("出处：", "Source: ")),
						app.Cite().Text(st.Source),
					)
				}),
			)
		}),
	)
}
