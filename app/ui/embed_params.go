package ui

import (
	"net/url"
	"strconv"
	"strings"

	"yibao/app/form"
	"yibao/rules"
)

// embedParams are the query parameters of /embed, as a partner sets them
// (web/embed.js copies them from the data-* attributes of its div). Every
// parameter is optional, and a value that is not valid is ignored, so that
// a typo on a partner's page gives the default calculator, never an error.
type embedParams struct {
	Region string    // a known region code (a district's too, as in a link): preset of the plan and of new enrollments
	Lang   form.Lang // "zh" (default) or "en"
	Theme  string    // primary colour, normalised to "#rrggbb"; "" for the default
	Scheme string    // "employee" or "resident" ("" for the default, resident)
}

// parseEmbedParams reads /embed's query string.
func parseEmbedParams(q url.Values) embedParams {
	var p embedParams
	if r := strings.TrimSpace(q.Get("region")); r != "" {
		if _, ok := rules.LookupArea(r); ok { // a district's code too, as in a link
			p.Region = r
		}
	}
	p.Lang = form.ParseLang(strings.TrimSpace(q.Get("lang")))
	p.Theme = parseHexColor(q.Get("theme"))
	switch s := strings.TrimSpace(q.Get("scheme")); s {
	case "employee", "resident":
		p.Scheme = s
	}
	return p
}

// scheme is the scheme new enrollments and the plan start with.
func (p embedParams) scheme() string {
	if p.Scheme == "" {
		return "resident"
	}
	return p.Scheme
}

// parseHexColor accepts "#0a7", "#00aa77" (or without "#") and gives
// "#00aa77"; anything else gives "". The value ends up in a style
// attribute, so nothing but hex digits may pass.
func parseHexColor(v string) string {
	v = strings.TrimPrefix(strings.TrimSpace(v), "#")
	if len(v) != 3 && len(v) != 6 {
		return ""
	}
	for _, c := range v {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return ""
		}
	}
	v = strings.ToLower(v)
	if len(v) == 3 {
		v = string([]byte{v[0], v[0], v[1], v[1], v[2], v[2]})
	}
	return "#" + v
}

// themeStyle is the style attribute that applies a partner's colour: the
// app's primary colour (--green: buttons, checked options), a darker shade
// for links and text on white, and a pale tint for the summary. The tones
// of the answers (covered, waiting, lapsed) keep their own colours.
func themeStyle(hex string) string {
	if hex == "" {
		return ""
	}
	return "--primary: " + hex + "; --green: " + hex + "; --green-dark: " + mixHex(hex, 0, 0.3) +
		"; --green-bg: " + mixHex(hex, 255, 0.88) + ";"
}

// mixHex mixes a "#rrggbb" colour with grey level to (0 black, 255 white)
// by the fraction f.
func mixHex(hex string, to int, f float64) string {
	out := "#"
	for i := 1; i < 7; i += 2 {
		n, _ := strconv.ParseUint(hex[i:i+2], 16, 8)
		c := int(float64(n)*(1-f) + float64(to)*f + 0.5)
		s := strconv.FormatInt(int64(c), 16)
		if len(s) == 1 {
			s = "0" + s
		}
		out += s
	}
	return out
}
