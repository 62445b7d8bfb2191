package ui

import (
	"strings"
	"testing"

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
