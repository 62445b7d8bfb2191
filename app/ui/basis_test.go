package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// The line at the top of a card says what the answer rests on: the local
// documents with their trust, or that only the national rules are known,
// with the national document and its date.
func TestBasisFor(t *testing.T) {
	tests := []struct {
		name, input, section string
		trust                string
		wants                []string
	}{
		{"河北 notice (reprint) for a payment on 20 January",
			`{"asOf":"2026-01-20","enrollments":[{"id":"r","region":"130100","scheme":"resident","from":"2023-01","to":"2025-12"}],"plan":{"region":"130100","scheme":"resident","payOn":"2026-01-20"}}`,
			rules.SectionWaiting, rules.TrustReprint, []string{"依据：", "（转载，"}},
		{"青海 bureau answer (official)",
			`{"asOf":"2026-08-03","enrollments":[{"id":"r","region":"630100","scheme":"resident","from":"2020-01","to":"2024-12"}],"plan":{"region":"630100","scheme":"resident","payOn":"2026-08-03"}}`,
			rules.SectionWaiting, rules.TrustOfficial, []string{"依据：青海省医疗保障局（官方，2025-11-03）"}},
		{"a region without local rules: national, with the document's date",
			`{"asOf":"2026-11-22","plan":{"region":"640100","scheme":"resident","payOn":"2026-12-05"}}`,
			rules.SectionWaiting, "national", []string{"本地细则未找到，按国家规定（", "2024-07-26）"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := answerFor(t, tt.input)
			b := basisFor(form.Zh, &out, tt.section, out.Waiting.Explain)
			var text []string
			for _, p := range b.Parts {
				text = append(text, p.Text)
			}
			line := "依据：" + strings.Join(text, "；")
			if b.Trust == "national" {
				line = strings.Join(text, "；")
			}
			if b.Trust != tt.trust {
				t.Errorf("trust %q; want %q (%s)", b.Trust, tt.trust, line)
			}
			for _, w := range tt.wants {
				if !strings.Contains(line, w) {
					t.Errorf("%q lacks %q", line, w)
				}
			}
			if b.Trust != "national" && b.Parts[0].URL == "" {
				t.Errorf("a local source without its page: %+v", b.Parts)
			}
		})
	}
}

// The basis of a card, in English, leads a regional issuer with the
// region's pinyin and marks the Chinese of a citation as Chinese.
func TestBasisInEnglish(t *testing.T) {
	out := answerFor(t, `{"asOf":"2026-08-03","enrollments":[{"id":"r","region":"630100","scheme":"resident","from":"2020-01","to":"2024-12"}],"plan":{"region":"630100","scheme":"resident","payOn":"2026-08-03"}}`)
	for _, tt := range []struct {
		l          form.Lang
		text, html string
	}{
		{form.En, "Qinghai 青海省医疗保障局 (official, 2025-11-03)", `<cite lang="zh-CN">青海省医疗保障局</cite>`},
		{form.Zh, "青海省医疗保障局（官方，2025-11-03）", `>青海省医疗保障局（官方，2025-11-03）</a>`},
	} {
		b := basisFor(tt.l, &out, rules.SectionWaiting, out.Waiting.Explain)
		if len(b.Parts) != 1 || b.Parts[0].Text != tt.text {
			t.Errorf("%s: basis %+v, want %q", tt.l.HTMLLang(), b.Parts, tt.text)
		}
		if html := oneLine(load(t, &basisLine{b: b})); !strings.Contains(html, tt.html) {
			t.Errorf("%s: the basis lacks %s:\n%s", tt.l.HTMLLang(), tt.html, html)
		}
	}
	national := answerFor(t, `{"asOf":"2026-11-22","plan":{"region":"640100","scheme":"resident","payOn":"2026-12-05"}}`)
	b := basisFor(form.En, &national, rules.SectionWaiting, national.Waiting.Explain)
	if html := oneLine(load(t, &basisLine{b: b})); !strings.Contains(html, `<cite lang="zh-CN">国办发〔2024〕38号</cite>`) {
		t.Errorf("the national basis does not mark its document as Chinese:\n%s", html)
	}
}

// basisLine renders a basis for a test.
type basisLine struct {
	app.Compo
	b *basis
}

func (c *basisLine) Render() app.UI { return c.b.line() }

// oneLine is HTML as go-app writes it without the indentation and line
// breaks it puts between elements (and the spaces at the ends of texts).
func oneLine(html string) string {
	var b strings.Builder
	for _, ln := range strings.Split(html, "\n") {
		b.WriteString(strings.TrimSpace(ln))
	}
	return b.String()
}
