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
		b.Parts = append(b.Parts, basisPart{Text: sourceText(l, s.Issuer, s.Document, s.Issued, s.Trust), URL: s.URL})
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
	b.Parts = []basisPart{{Text: text}}
	return b
}

// sourceText names a local document with its trust: "青海省医疗保障局（官方，
// 2025-11-03）", "媒体报道，未见原文（…）".
func sourceText(l form.Lang, issuer, document, issued, trust string) string {
	switch trust {
	case rules.TrustOfficial:
		return l.Pick(issuer+"（官方，"+issued+"）", issuer+" (official, "+issued+")")
	case rules.TrustReprint:
		return l.Pick(issuer+"文件（转载，"+issued+"）", issuer+" document (reprint, "+issued+")")
	}
	return l.Pick("媒体报道，未见原文（"+document+"，"+issued+"）", "Press report, original not seen ("+document+", "+issued+")")
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
		body = append(body, sourceLink(p.Text, p.URL))
	}
	return withBody(tagged("p", "class", "basis trust-"+b.Trust, "data-trust", b.Trust), body...)
}

// shownBasis is b when the card shows an answer, else nil.
func shownBasis(shown bool, b *basis) *basis {
	if !shown {
		return nil
	}
	return b
}
