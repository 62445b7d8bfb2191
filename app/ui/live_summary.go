package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// liveSummary reads the one-line answer out to screen readers once the
// person pauses: the visible summary changes at every keystroke, and a live
// region that followed it would be read out again at each one.
type liveSummary struct {
	app.Compo

	Text string

	said string // what the live region holds
	gen  int    // counts changes of Text: only the last one's pause speaks
}

// livePause is how long the text must stay the same before it is read out.
const livePause = 1200 * time.Millisecond

func (s *liveSummary) OnMount(ctx app.Context) {
	s.said = s.Text // the page's first answer is read with the page
}

func (s *liveSummary) OnUpdate(ctx app.Context) {
	s.gen++
	gen := s.gen
	ctx.After(livePause, func(ctx app.Context) {
		if gen == s.gen && s.said != s.Text {
			s.said = s.Text
		} else {
			ctx.PreventUpdate()
		}
	})
}

func (s *liveSummary) Render() app.UI {
	return withText(tagged("p", "id", "summary-live", "class", "sr-only", "role", "status", "aria-live", "polite"), s.said)
}
