package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/rules"
)

// explainList shows the steps of an answer, each with its source, folded
// into a <details> so that the card stays short.
type explainList struct {
	app.Compo

	Lang  lang
	Steps []rules.Step
}

func (x *explainList) Render() app.UI {
	l := x.Lang
	if len(x.Steps) == 0 {
		return app.Div().Class("explain", "empty")
	}
	return app.Details().Class("explain").Body(
		app.Summary().Text(l.s("依据与计算过程", "Why: steps and sources")+" ("+strconv.Itoa(len(x.Steps))+")"),
		app.Ol().Body(
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
		),
	)
}
