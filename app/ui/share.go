package ui

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareFragment is the URL fragment of the contract's share link:
// "input=" and the input JSON in base64url without padding.
func shareFragment(f formState) string {
	return "input=" + base64.RawURLEncoding.EncodeToString(f.JSON())
}

// shareLink is the whole link, on the page's own origin (and the sub-path
// the site is served under, if any).
func shareLink(origin string, f formState) string {
	return strings.TrimSuffix(origin, "/") + "/#" + shareFragment(f)
}

// errNoInput says that a fragment carries no input.
var errNoInput = errors.New("no input in the link")

// inputFromFragment reads the input JSON out of a fragment such as
// "input=eyJhc09mIjoi…". It accepts padding and the standard base64
// alphabet too, since links get rewritten by messengers.
func inputFromFragment(fragment string) ([]byte, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	var v string
	for _, part := range strings.Split(fragment, "&") {
		if k, val, ok := strings.Cut(part, "="); ok && k == "input" {
			v = val
			break
		}
	}
	if v == "" {
		return nil, errNoInput
	}
	if u, err := url.QueryUnescape(v); err == nil {
		v = u
	}
	v = strings.TrimRight(strings.TrimSpace(v), "=")
	v = strings.Map(func(r rune) rune {
		switch r {
		case '+', ' ': // "+" read as a space by some
			return '-'
		case '/':
			return '_'
		}
		return r
	}, v)
	return base64.RawURLEncoding.DecodeString(v)
}

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
	ctx.After(addressPause, func(ctx app.Context) {
		ctx.PreventUpdate()
		if gen != c.addressGen {
			return
		}
		frag := ""
		if !c.form.blank() {
			frag = shareFragment(c.form.normalized())
		}
		if set := app.Window().Get("yibaoSetFragment"); set.Truthy() {
			set.Invoke(frag)
		}
	})
}
