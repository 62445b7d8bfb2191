package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// addressPause is how long the form must rest before the address takes its
// input: browsers limit how often a page may replace its address.
const addressPause = 800 * time.Millisecond

// syncAddress keeps the address's #input= fragment the current input (none
// for a blank form), once the person pauses: WeChat's 发送给朋友 and a
// copied address then carry what is on the screen. What it carries is said
// next to the share button.
func (c *calculator) syncAddress(ctx app.Context) {
	c.addressGen++
	gen := c.addressGen
	ctx = c.lasting(ctx)
	ctx.After(addressPause, func(ctx app.Context) {
		ctx.PreventUpdate()
		if gen != c.addressGen {
			return
		}
		frag := ""
		if !c.form.Blank() {
			frag = form.ShareFragment(c.form.Normalized())
		}
		if set := app.Window().Get("yibaoSetFragment"); set.Truthy() {
			set.Invoke(frag)
		}
	})
}
