package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The contract's test attributes on a result card.
//
// go-app drops attributes whose value is empty, but the contract wants
// data-keep="" (and the others) where the output is null, and
// data-computed="true" only once the browser has computed the answer. So
// the cards write these attributes themselves on their root element (which
// go-app never replaces, since it is always the same tag, and never touches,
// since its virtual tree does not have them).

// mountContractAttrs writes them when the card is mounted: at once, since
// the card's element and content are in the page (waiting for the next
// frame would hold the first answer back). They are nothing go-app renders,
// so the mount does not make the card and its parents render again.
func mountContractAttrs(ctx app.Context, root app.Value, attrs [][2]string, computed bool) {
	writeContractAttrs(root, attrs, computed)
	ctx.PreventUpdate()
}

// updateContractAttrs writes them after go-app's update of the card.
func updateContractAttrs(ctx app.Context, root app.Value, attrs [][2]string, computed bool) {
	ctx.Defer(func(ctx app.Context) { writeContractAttrs(root, attrs, computed) })
}

func writeContractAttrs(root app.Value, attrs [][2]string, computed bool) {
	if !root.Truthy() {
		return
	}
	for _, a := range attrs {
		root.Call("setAttribute", a[0], a[1])
	}
	if computed {
		root.Call("setAttribute", "data-computed", "true")
	} else {
		root.Call("removeAttribute", "data-computed")
	}
}

// resultClasses are the classes of a result card: its tone, and "stale"
// while it shows the answer to an earlier input (dimmed by the styles).
func resultClasses(tone string, stale bool) string {
	if stale {
		return "card result tone-" + tone + " stale"
	}
	return "card result tone-" + tone
}

// resultCard is a result card: its title, its headline with the tone's
// mark, what the answer rests on (basis, when the card shows an answer),
// then body. The section is labelled by the title (id-h).
func resultCard(id, title, tone string, stale bool, headline string, b *basis, body ...app.UI) app.UI {
	var top app.UI
	if b != nil {
		top = b.line()
	}
	h := id + "-h"
	return withBody(tagged("section", "id", id, "aria-labelledby", h, "class", resultClasses(tone, stale)), append([]app.UI{
		withText(tagged("h2", "id", h, "tabindex", "-1"), title),
		elem("p", "headline",
			withText(tagged("span", "class", "mark", "aria-hidden", "true"), toneMark(tone)),
			app.Text(headline),
		),
		top,
	}, body...)...)
}
