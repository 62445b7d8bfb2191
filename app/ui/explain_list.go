package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// explainList shows the steps of an answer, each with its source, folded
// into a <details> so that the card stays short. The steps are only built
// once the person opens it: a shorter first render of the answer.
type explainList struct {
	app.Compo

	Lang  form.Lang
	Steps []rules.Step

	open bool
}

func (x *explainList) onToggle(ctx app.Context, e app.Event) {
	x.open = ctx.JSSrc().Get("open").Bool()
}

func (x *explainList) Render() app.UI {
	l := x.Lang
	if len(x.Steps) == 0 {
		return elem("div", "explain empty")
	}
	var steps app.UI
	if x.open || app.IsServer {
		steps = x.steps(l)
	}
	return flag(tagged("details", "class", "explain"), "open", x.open).On("toggle", x.onToggle).Body(
		textElem("summary", "", l.Pick("依据与计算过程", "Why: steps and sources")+" ("+strconv.Itoa(len(x.Steps))+")"),
		steps,
	)
}

func (x *explainList) steps(l form.Lang) app.UI {
	items := make([]app.UI, len(x.Steps))
	for i, st := range x.Steps {
		text := st.Zh
		if l == form.En && st.En != "" || text == "" {
			text = st.En
		}
		items[i] = elem("li", "", textElem("p", "", text), sourceLine(l, st.Source))
	}
	return elem("ol", "", items...)
}

// sourceLine names where a step or an action comes from, or is nothing.
func sourceLine(l form.Lang, source string) app.UI {
	if source == "" {
		return nil
	}
	cite := textElem("cite", "", source)
	if l == form.En { // a document's number and article, as printed
		cite = chinese("cite", source)
	}
	return elem("p", "source",
		pickedText(l, "span", "muted", "出处：", "Source: "),
		cite,
	)
}
