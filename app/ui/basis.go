package ui

import (
	"slices"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// basis is the line at the top of an answer card that says what the
// answer rests on and how sure that is: the local documents it used, each
// with its trust, or that no local rule was found and the national rules
// apply, with the national document and its date.
type basis struct {
	Lang form.Lang
	// Trust is the least sure trust of the local values used ("official",
	// "reprint", "press"), or "national".
	Trust string
	Parts []basisPart
}

// basisPart is one document the answer used.
type basisPart struct {
	Text, URL string
	// Cite is the part of Text printed in Chinese (the issuer, the
	// document's number): an English page marks it as Chinese, so that it
	// is drawn with Chinese glyphs and read out in Chinese.
	Cite string
}

// basisFor is the basis of the answer's section (rules.Section*), whose
// explanation is steps (the national document is that of its first step).
func basisFor(l form.Lang, out *rulesOutput, section string, steps []rules.Step) *basis {
	b := &basis{Lang: l}
	seen := map[string]bool{}
	for _, s := range out.Rules.Sources {
		if !slices.Contains(s.Sections, section) || seen[s.Document] {
			continue
		}
		seen[s.Document] = true
		text, cite := sourceText(l, s.Issuer, s.Document, s.Issued, s.Trust, s.Region)
		b.Parts = append(b.Parts, basisPart{Text: text, URL: s.URL, Cite: cite})
		if b.Trust == "" || trustRank(s.Trust) < trustRank(b.Trust) {
			b.Trust = s.Trust
		}
	}
	if len(b.Parts) > 0 {
		return b
	}
	b.Trust = "national"
	number, date := nationalDocument(steps)
	doc := ""
	if number != "" {
		doc = l.Pick("（"+number+"，"+date+"）", " ("+number+", "+date+")")
	}
	text := either(l, out.Rules.Local, form.Text{Zh: "此项未见本地规定，按国家规定", En: "No local rule on this: national rules apply"},
		form.Text{Zh: "本地细则未找到，按国家规定", En: "No local rule found: national rules apply"}) + doc
	b.Parts = []basisPart{{Text: text, Cite: number}}
	return b
}

// sourceText names a local document with its trust: "青海省医疗保障局（官方，
// 2025-11-03）", "媒体报道，未见原文（…）"; cite is the part in Chinese as
// printed. In English an issuer named after the region whose value it set
// is led by the region's pinyin, as regions are named in English
// everywhere: "Qinghai 青海省医疗保障局 (official, 2025-11-03)".
func sourceText(l form.Lang, issuer, document, issued, trust, region string) (text, cite string) {
	lead := ""
	if r, ok := rules.LookupRegion(region); ok && l == form.En && r.Pinyin != "" && strings.HasPrefix(issuer, r.Name) {
		lead = upperFirst(r.Pinyin) + " "
	}
	switch trust {
	case rules.TrustOfficial:
		return l.Pick(issuer+"（官方，"+issued+"）", lead+issuer+" (official, "+issued+")"), issuer
	case rules.TrustReprint:
		return l.Pick(issuer+"文件（转载，"+issued+"）", lead+issuer+" document (reprint, "+issued+")"), issuer
	}
	return l.Pick("媒体报道，未见原文（"+document+"，"+issued+"）", "Press report, original not seen ("+document+", "+issued+")"), document
}

func trustRank(t string) int {
	switch t {
	case rules.TrustOfficial:
		return 3
	case rules.TrustReprint:
		return 2
	}
	return 1
}

// nationalDocument is the number and date of the first verified document
// the steps cite (not a summary of local practice).
func nationalDocument(steps []rules.Step) (number, issued string) {
	for _, s := range steps {
		number, _, _ = strings.Cut(s.Source, " ")
		if d, ok := documentByNumber()[number]; ok && d.Verified != "unverified" {
			return number, d.Issued
		}
	}
	return "", ""
}

// documentByNumber maps the embedded documents' numbers to them (made once).
var documentByNumber = sync.OnceValue(func() map[string]rules.Document {
	m := map[string]rules.Document{}
	if rs, err := rules.Default(); err == nil {
		for _, d := range rs.Documents() {
			m[d.Number] = d
		}
	}
	return m
})

// line renders the basis: "依据：" and each document, linked to the page
// it was read on.
func (b *basis) line() app.UI {
	l := b.Lang
	body := []app.UI{app.Text(l.Pick("依据：", "Basis: "))}
	if b.Trust == "national" {
		body = body[:0]
	}
	for i, p := range b.Parts {
		if i > 0 {
			body = append(body, app.Text(l.Pick("；", "; ")))
		}
		body = append(body, p.link(l)...)
	}
	return withBody(tagged("p", "class", "basis trust-"+b.Trust, "data-trust", b.Trust), body...)
}

// link is the part linked to the page it was read on (see sourceLink),
// with its Chinese marked as such on an English page.
func (p basisPart) link(l form.Lang) []app.UI {
	before, after, ok := strings.Cut(p.Text, p.Cite)
	if l != form.En || p.Cite == "" || !ok {
		return []app.UI{sourceLink(p.Text, p.URL)}
	}
	body := []app.UI{app.Text(before), chinese("cite", p.Cite), app.Text(after)}
	if p.URL == "" {
		return body
	}
	return []app.UI{withBody(tagged("a", "href", p.URL, "target", "_blank", "rel", "noopener noreferrer"), body...)}
}

// chinese is an element of Chinese text on an English page: lang says so,
// for the glyphs and for screen readers.
func chinese(tag, text string) app.UI {
	return withText(tagged(tag, "lang", form.Zh.HTMLLang()), text)
}

// shownBasis is b when the card shows an answer, else nil.
func shownBasis(shown bool, b *basis) *basis {
	if !shown {
		return nil
	}
	return b
}
