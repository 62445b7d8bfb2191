package rules

import (
	"os"
	"strings"
	"testing"
	"unicode"
)

// English texts name a region by its pinyin, then its Chinese name
// ("Shenzhen 深圳市"), as the web app's labels do: a Chinese name alone,
// or before its pinyin, is not read by an English reader first. Checked on
// every text of every policy case's answer.
func TestEnglishNamesRegionsInPinyin(t *testing.T) {
	rs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases, errs := loadPolicyCases(os.DirFS(casesDir), casesDir, rs.Documents())
	for _, err := range errs {
		t.Fatal(err)
	}
	regions := Regions()
	checked, named := 0, 0
	for _, c := range cases {
		in, err := Decode(c.Input)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		out, err := Evaluate(in)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		for _, en := range englishTexts(out) {
			checked++
			if strings.ContainsFunc(en, unicode.IsUpper) && strings.ContainsFunc(en, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				named++
			}
			if bad := unpinyinedRegion(en, regions); bad != "" {
				t.Errorf("%s: %q names %s without its pinyin before it", c.file, en, bad)
			}
		}
	}
	if checked < 400 || named < 100 {
		t.Errorf("only %d English texts checked, %d with Chinese", checked, named)
	}
	if got, want := regionNameEn("440300"), "Shenzhen 深圳市"; got != want {
		t.Errorf("regionNameEn(440300) = %q, want %q", got, want)
	}
}

// unpinyinedRegion is the first region name in s that is not right after
// its pinyin ("" if none).
func unpinyinedRegion(s string, regions []Region) string {
	for _, r := range regions {
		name := r.Name
		py := string(unicode.ToUpper(rune(r.Pinyin[0]))) + r.Pinyin[1:] + " "
		for i := 0; ; {
			j := strings.Index(s[i:], name)
			if j < 0 {
				break
			}
			j += i
			if !strings.HasSuffix(s[:j], py) {
				return name
			}
			i = j + len(name)
		}
	}
	return ""
}

// englishTexts is every English text of an answer.
func englishTexts(out Output) []string {
	var ts []string
	steps := func(ss []Step) {
		for _, s := range ss {
			ts = append(ts, s.En)
		}
	}
	texts := func(xs []Text) {
		for _, x := range xs {
			ts = append(ts, x.En)
		}
	}
	steps(out.Coverage.Explain)
	steps(out.Duplicates.Explain)
	for _, a := range out.Duplicates.Actions {
		ts = append(ts, a.En)
	}
	if w := out.Waiting; w != nil {
		steps(w.Explain)
		for _, o := range w.Shorten {
			ts = append(ts, o.En)
		}
		for _, x := range w.Ways {
			ts = append(ts, x.En)
		}
	}
	for _, d := range out.Deadlines {
		ts = append(ts, d.En)
	}
	if tr := out.Transfer; tr != nil {
		texts(tr.Steps)
		texts(tr.Materials)
		texts(tr.Channels)
		texts(tr.DoNot)
		steps(tr.Explain)
	}
	if in := out.Incentive; in != nil {
		steps(in.Explain)
	}
	return ts
}

// An answer for a county-level city directly under its province names the
// city (仙桃市, Xiantao), not the placeholder it is listed under, and uses
// the province's rules as the placeholder did.
func TestCountyLevelCityAnswers(t *testing.T) {
	out := evaluate(t, input("2026-12-01", nil, nil, emp("e1", "429004", "2020-01", "")))
	if out.Coverage.RegionName != "仙桃市" || !strings.Contains(out.Coverage.Explain[0].En, "Xiantao 仙桃市") {
		t.Errorf("仙桃: %q, %q", out.Coverage.RegionName, out.Coverage.Explain[0].En)
	}
	rs, _ := Default()
	if l := rs.HasLocalRules("420000"); rs.HasLocalRules("429004") != l || rs.HasLocalRules("429000") != l {
		t.Errorf("仙桃 does not follow 湖北's rules")
	}
}
