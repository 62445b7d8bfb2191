package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// timeline draws the person's months as an SVG: one row for all
// enrollments together, one per enrollment, one for the plan; a year axis
// below and a legend in HTML (so that it wraps on a phone); none yet
// unless ok.
//
// It is a function, not a component: it keeps no state (see siteFooter).

// noTimelineMarkup is the timeline before there is one.
var noTimelineMarkup = node{tag: "section", attrs: []string{"class", "card timeline", "id", "timeline"}, kids: []node{
	{tag: "h2", text: form.Text{Zh: "时间线", En: "Timeline"}},
	{tag: "p", attrs: []string{"class", "muted"}, text: form.Text{Zh: "填好参保记录后，这里会画出每个月的参保情况。", En: "Once an enrollment is filled in, its months are drawn here."}},
}}

// timeline is the card around svg, the drawing timelineSVG made, and alt,
// its text for screen readers (timelineAlt); the calculator keeps both
// between renders (see calculator.timelineNow).
func timeline(l form.Lang, svg string, alt []string, ok bool) app.UI {
	if !ok {
		return noTimelineMarkup.build(l)
	}
	legend := make([]app.UI, len(timelineKinds))
	for i, k := range timelineKinds {
		legend[i] = elem("li", "",
			withBody(tagged("span", "class", "swatch k-"+k, "aria-hidden", "true")),
			app.Text(monthKindName(l, k)),
		)
	}
	return withBody(tagged("section", "class", "card timeline", "id", "timeline"),
		pickedText(l, "h2", "", "时间线", "Timeline"),
		app.Raw(svg),
		plainList(l, "sr-only", "tl-alt", alt),
		elem("ul", "legend", legend...),
	)
}

// Geometry of the drawing, in SVG units (about CSS pixels on a phone).
const (
	tlWidth  = 360
	tlLabelW = 92
	tlRight  = 6
	tlRowH   = 24
	tlBarH   = 14
	tlTop    = 6
	tlAxisH  = 30
)

// timelineSVG writes the drawing. Each bar has a <title> (shown on hover and
// read by screen readers) naming its months and kind.
func timelineSVG(l form.Lang, m timelineModel) string {
	months := m.End - m.Start + 1
	barW := float64(tlWidth - tlLabelW - tlRight)
	x := func(mo int) float64 { return float64(tlLabelW) + barW*float64(mo-m.Start)/float64(months) }
	height := tlTop + len(m.Lanes)*tlRowH + tlAxisH
	var b strings.Builder
	w := func(s ...string) {
		for _, v := range s {
			b.WriteString(v)
		}
	}
	title := l.Pick("参保时间线", "Enrollment timeline")
	w(`<svg xmlns="http://www.w3.org/2000/svg" class="tl" viewBox="0 0 `, itoa(tlWidth), " ", itoa(height),
		`" role="img" aria-labelledby="tl-title"><title id="tl-title">`, escapeXML(title), `</title>`,
		`<defs><pattern id="tl-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
		`<rect width="4" height="4" class="k-gap-bg"/><rect width="1.6" height="4" class="k-gap-line"/></pattern>`,
		`<pattern id="tl-dots" width="4" height="4" patternUnits="userSpaceOnUse">`,
		`<rect width="4" height="4" class="k-waiting-bg"/><circle cx="2" cy="2" r="0.9" class="k-waiting-dot"/></pattern></defs>`)
	// Year grid and axis.
	years := months / 12
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20} {
		step = s
		if barW/float64(years)*float64(s) >= 40 {
			break
		}
	}
	axisY := tlTop + len(m.Lanes)*tlRowH + 2
	for y := 0; y <= years; y++ {
		mo := m.Start + 12*y
		yr := mo / 12
		xx := ftoa(x(mo))
		major := yr%step == 0
		cls := "grid"
		if major {
			cls = "grid major"
		}
		w(`<line class="`, cls, `" x1="`, xx, `" x2="`, xx, `" y1="`, itoa(tlTop-2), `" y2="`, itoa(axisY+4), `"/>`)
		if major && y < years {
			w(`<text class="year" x="`, xx, `" y="`, itoa(axisY+16), `">`, itoa(yr), `</text>`)
		}
	}
	// Rows. A label fits 7 Chinese characters, or 12 letters (about half
	// as wide at the same size): "#1 Shenzhen", "Plan Chengdu".
	fit := 7
	if l == form.En {
		fit = 12
	}
	for i, ln := range m.Lanes {
		y := tlTop + i*tlRowH
		w(`<text class="lane" x="0" y="`, itoa(y+tlBarH-3), `">`, escapeXML(clip(ln.Label, fit)), `</text>`,
			`<rect class="track" x="`, itoa(tlLabelW), `" y="`, itoa(y), `" width="`, ftoa(barW), `" height="`, itoa(tlBarH), `" rx="2"/>`)
		for _, s := range ln.Segments {
			x0, x1 := x(s.From), x(s.To+1)
			tip := monthKindName(l, s.Kind) + " " + l.FormatMonth(form.MonthString(s.From))
			if s.To != s.From {
				tip += " – " + l.FormatMonth(form.MonthString(s.To))
			}
			w(`<rect class="seg k-`, s.Kind, `" x="`, ftoa(x0), `" y="`, itoa(y), `" width="`, ftoa(max(x1-x0, 0.8)),
				`" height="`, itoa(tlBarH), `"><title>`, escapeXML(ln.Label+": "+tip), `</title></rect>`)
		}
	}
	// asOf marker.
	if m.AsOf >= m.Start && m.AsOf <= m.End {
		xx := ftoa(x(m.AsOf) + barW/float64(months)/2)
		w(`<line class="asof" x1="`, xx, `" x2="`, xx, `" y1="`, itoa(tlTop-4), `" y2="`, itoa(axisY+2), `"><title>`,
			escapeXML(l.Pick("查询日期", "Day asked about")), `</title></line>`)
	}
	w(`</svg>`)
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func itoa(i int) string { return strconv.Itoa(i) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// escapeXML escapes text for the SVG (what html.EscapeString does, without
// the strings.Replacer it would link into app.wasm).
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// timelineAlt is the drawing in words, a line per lane: "#1 深圳市 职工医保：
// 参保 2019年3月 – 2024年6月；断保 2024年7月 – 2024年12月".
func timelineAlt(l form.Lang, m timelineModel) []string {
	out := make([]string, len(m.Lanes))
	for i, ln := range m.Lanes {
		parts := make([]string, len(ln.Segments))
		for j, s := range ln.Segments {
			p := monthKindName(l, s.Kind) + " " + l.FormatMonth(form.MonthString(s.From))
			if s.To != s.From {
				p += " – " + l.FormatMonth(form.MonthString(s.To))
			}
			parts[j] = p
		}
		out[i] = ln.Label + l.Pick("：", ": ") + strings.Join(parts, l.Pick("；", "; "))
	}
	return out
}

// plainList is a list of plain texts.
func plainList(l form.Lang, class, id string, items []string) app.UI {
	lis := make([]app.UI, len(items))
	for i, x := range items {
		lis[i] = textElem("li", "", x)
	}
	return withBody(tagged("ul", "class", class, "id", id, "aria-label", l.Pick("时间线的文字说明", "The timeline in words")), lis...)
}
