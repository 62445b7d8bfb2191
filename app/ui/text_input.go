package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// textInput is a text box whose DOM value it keeps in step with the state
// itself, instead of through go-app's value attribute.
//
// go-app runs event handlers later, on its UI goroutine, and writes the
// value attribute whenever it changes between two renders. While someone
// types fast on a slow phone, a render for an earlier keystroke then
// overwrites the text with an older value and the handler of a later
// keystroke reads that older value: characters get lost. So the box never
// has its text set while it has the focus (its text is then the truth and
// the state follows it), unless Force asks for it (a region picked with
// Enter) and the state has moved on since the box last showed it.
//
// A box is created with its text, though (go-app writes an attribute when
// it creates the element, and again only when the attribute changes): a new
// enrollment's region, carried over from the one before, is in its box
// when the box takes the focus, and is selected then; written one frame
// later, it would land behind the caret and what the person types would be
// appended to it.
type textInput struct {
	app.Compo

	ID    string
	Value string
	Force bool
	// Attrs are the other attributes (placeholder, inputmode, role,
	// aria-*…) as name, value pairs; an empty value leaves the attribute
	// out. Pairs, not a map: a map literal costs a call per entry.
	Attrs []string

	// The handlers stay exported, unlike those of the bigger components
	// (see enrollmentEditor): a box is cheap to render again, and the same
	// box may change purpose in place (an employee's back-paid months
	// becoming a resident's payment day), when its handlers must change
	// with it.
	OnInput  func(ctx app.Context, v string)
	OnChange func(ctx app.Context, v string)
	// Normalize rewrites the text when the person leaves the box
	// ("2019.3" → "2019-03"), at once, before OnChange.
	Normalize func(string) string
	// Other events, as go-app handlers.
	OnKeyDown app.EventHandler
	OnFocus   app.EventHandler
	OnBlur    app.EventHandler

	created string // Value when the box was created
	// shown is the last Value the box's text was known to match: written
	// by sync, or found there. A render whose Value is still shown brings
	// nothing new, and must not write it over text typed since (see sync).
	shown string
}

func (t *textInput) OnInit() { t.created, t.shown = t.Value, t.Value }

func (t *textInput) OnMount(ctx app.Context) {
	t.sync(ctx)
	ctx.PreventUpdate() // nothing to render again (see calculator.OnMount)
}

func (t *textInput) OnUpdate(ctx app.Context) { t.sync(ctx) }

// sync writes the state's text into the box when the state has moved on
// (an edit elsewhere, a normalised month, a row reused for another).
// Events come in bursts (autofill, or a script, fills several boxes in one
// task; a box fires input then change), and go-app may render between an
// event and the edit it posts: that render's Value is the one the box
// already showed, and writing it would undo the text the next event reads.
func (t *textInput) sync(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		el := t.JSValue()
		if !el.Truthy() || t.Value == t.shown && !t.Force {
			return
		}
		if el.Get("value").String() == t.Value {
			t.shown = t.Value
			return
		}
		// Force writes into a focused box only a Value that has moved on: a
		// focused box whose Value has not holds text typed that its input
		// event has not yet brought (go-app may render in between).
		focused := app.Window().Get("document").Get("activeElement").Equal(el)
		if !focused || t.Force && t.Value != t.shown {
			el.Set("value", t.Value)
			t.shown = t.Value
		}
	})
}

func (t *textInput) Render() app.UI {
	// In the browser the attribute keeps the text the box was created
	// with, so that go-app never writes it again (sync does); the
	// prerendered page shows the value.
	value := t.created
	if app.IsServer {
		value = t.Value
	}
	in := input(append([]string{"type", "text", "id", t.ID, "class", "field-input", "autocomplete", "off", "value", value}, t.Attrs...)...)
	// The handlers read t's fields when they run (t is the mounted
	// component), so go-app's reuse of the first closure is harmless.
	in = in.OnInput(func(ctx app.Context, e app.Event) {
		if t.OnInput != nil {
			t.OnInput(ctx, ctx.JSSrc().Get("value").String())
		}
	}).OnChange(func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		if t.Normalize != nil {
			if n := t.Normalize(v); n != v {
				ctx.JSSrc().Set("value", n)
				v = n
			}
		}
		if t.OnChange != nil {
			t.OnChange(ctx, v)
		}
	})
	if t.OnKeyDown != nil {
		in = in.OnKeyDown(func(ctx app.Context, e app.Event) { t.OnKeyDown(ctx, e) })
	}
	if t.OnFocus != nil {
		in = in.OnFocus(func(ctx app.Context, e app.Event) { t.OnFocus(ctx, e) })
	}
	if t.OnBlur != nil {
		in = in.OnBlur(func(ctx app.Context, e app.Event) { t.OnBlur(ctx, e) })
	}
	return in
}
