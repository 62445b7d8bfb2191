package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/internal/qrcode"
)

// The result image's layout, in canvas pixels (twice a phone's CSS pixels).
const (
	imageWidth   = 750
	imagePadding = 40
	imageFonts   = `-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif`
)

// lineLook is the font, colour and spacing of a line style.
type lineLook struct {
	font   string
	color  string
	height int // line height
	before int // space above
}

var lineLooks = [...]lineLook{
	lineTitle:   {"bold 40px " + imageFonts, "#075c44", 52, 0},
	lineSummary: {"bold 34px " + imageFonts, "#1b1f1d", 46, 16},
	lineLabel:   {"26px " + imageFonts, "#4a524e", 36, 22},
	lineAnswer:  {"bold 34px " + imageFonts, "#1b1f1d", 44, 2},
	lineText:    {"26px " + imageFonts, "#1b1f1d", 36, 4},
	lineSmall:   {"22px " + imageFonts, "#4a524e", 30, 10},
}

// drawResultImage draws the lines, the QR code (if any) and the footer on
// a canvas made on the device, and gives it as a PNG data URL for an <img>
// (which WeChat lets a person long-press to save or send).
func drawResultImage(lines, footer []imageLine, qr *qrcode.Code) string {
	doc := app.Window().Get("document")
	canvas := doc.Call("createElement", "canvas")
	g := canvas.Call("getContext", "2d")
	width := imageWidth - 2*imagePadding
	wrap := func(x imageLine) []string {
		g.Set("font", lineLooks[x.style].font)
		return wrapText(x.text, width, func(s string) int { return g.Call("measureText", s).Get("width").Int() })
	}
	type placed struct {
		x     imageLine
		parts []string
	}
	var body, foot []placed
	height := imagePadding
	for _, x := range lines {
		p := placed{x, wrap(x)}
		body = append(body, p)
		height += lineLooks[x.style].before + len(p.parts)*lineLooks[x.style].height
	}
	module, qrSide := 0, 0
	if qr != nil {
		module = max(2, min(8, width/(qr.Size()+8)))
		qrSide = (qr.Size() + 8) * module
		height += 24 + qrSide
	}
	for _, x := range footer {
		p := placed{x, wrap(x)}
		foot = append(foot, p)
		height += lineLooks[x.style].before + len(p.parts)*lineLooks[x.style].height
	}
	height += imagePadding
	canvas.Set("width", imageWidth)
	canvas.Set("height", height)
	g.Set("fillStyle", "#ffffff")
	g.Call("fillRect", 0, 0, imageWidth, height)
	g.Set("textBaseline", "top")
	y := imagePadding
	draw := func(p placed) {
		look := lineLooks[p.x.style]
		y += look.before
		if p.x.style == lineSummary {
			g.Set("fillStyle", "#e6f4ee")
			g.Call("fillRect", imagePadding-16, y-10, width+32, len(p.parts)*look.height+20)
		}
		g.Set("font", look.font)
		g.Set("fillStyle", look.color)
		for _, s := range p.parts {
			g.Call("fillText", s, imagePadding, y+(look.height-look.height*3/4)/2)
			y += look.height
		}
	}
	for _, p := range body {
		draw(p)
	}
	if qr != nil {
		y += 24
		left := (imageWidth - qrSide) / 2
		g.Set("fillStyle", "#000000")
		for qy := 0; qy < qr.Size(); qy++ {
			for qx := 0; qx < qr.Size(); qx++ {
				if qr.Dark(qx, qy) {
					g.Call("fillRect", left+(qx+4)*module, y+(qy+4)*module, module, module)
				}
			}
		}
		y += qrSide
	}
	for _, p := range foot {
		draw(p)
	}
	return canvas.Call("toDataURL", "image/png").String()
}

// wrapText breaks s into lines no wider than width as measure gives it:
// anywhere between Chinese characters, at a space in Latin text when one
// is on the line.
func wrapText(s string, width int, measure func(string) int) []string {
	var out []string
	for s != "" {
		if measure(s) <= width {
			return append(out, s)
		}
		// The longest prefix that fits, found by halving.
		lo, hi := 1, utf8.RuneCountInString(s)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if measure(prefixRunes(s, mid)) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		line := prefixRunes(s, lo)
		if i := strings.LastIndexByte(line, ' '); i > 0 && len(line) < len(s) && s[len(line)] != ' ' && isLatinBefore(line) {
			line = line[:i]
		}
		out = append(out, line)
		s = strings.TrimLeft(s[len(line):], " ")
	}
	return out
}

// prefixRunes is the first n runes of s.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// isLatinBefore says the line ends in a Latin word, which a break inside
// would cut.
func isLatinBefore(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return r < 0x2e80
}
