package rules

//go:generate go run ./internal/genregions

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Levels of a Region.
const (
	LevelProvince = "province" // 省级: province, autonomous region or municipality
	LevelCity     = "city"     // 地级: prefecture-level city, prefecture, league, autonomous prefecture; or a county-level division directly under the province (省直辖县级市 such as 仙桃)
)

// A Region is a province- or prefecture-level administrative division of
// mainland China, or a county-level one directly under its province,
// identified by its 6-digit GB/T 2260 code.
//
// The table (see RegionsSource) holds the 31 province-level divisions, the
// 342 prefecture-level entries under them and the 32 county-level divisions
// directly under a province (仙桃市 429004, 济源市 419001, 海南's and
// 新疆's), each its own 统筹地区, whose level is LevelCity. The
// prefecture-level entries of the four municipalities (北京 110100, 天津
// 120100, 上海 310100, 重庆 500100 and 500200) carry the municipality's name
// and have Alias set to its province-level code, which is the code of the
// 统筹地区. The 省直辖县级行政区划 entries (429000…) are Placeholder.
type Region struct {
	_            noCompare
	Code         string // 6-digit code, such as "440300"
	Name         string // full name, such as "深圳市"
	Province     string // code of the province-level division, such as "440000"
	ProvinceName string // name of the province-level division, such as "广东省"
	Level        string // LevelProvince or LevelCity
	Initials     string // lowercase pinyin initials of the name without its suffix, such as "sz"
	Pinyin       string // lowercase toneless pinyin of the name without its suffix, such as "shenzhen"
	Alias        string // for a municipality's prefecture-level code, the province-level code it stands for; else ""
	// Population is the population GeoNames gives a prefecture-level
	// city's seat, 0 where it gives none (see regions_gen.go): the search
	// ranks the cities a query matches by it.
	Population int
	// Placeholder marks a 省直辖县级行政区划 entry (429000
	// 湖北省直辖县级行政区划): it names no place, only the county-level
	// divisions directly under the province, which are regions of their own
	// (仙桃市 429004). It stays in the table so that data made with its code
	// still reads; the search never offers it.
	Placeholder bool
	// Via is, in a search result, the county-level division whose name
	// matched ("浦东新区" for 上海市); "" when the region's own name did.
	// ViaPinyin is its pinyin without the suffix ("pudong"), for English
	// pages; "" when the table has no reading for it (a rare character).
	Via, ViaPinyin string
}

// county is a county-level division (区, 县, 县级市, 旗) and the code of its
// 统筹地区 in regionTable: the region search finds a city by its districts
// and counties (浦东 → 上海市, 昆山 → 苏州市), and LookupArea by their codes
// (310115 → 上海市; countyCodeSteps holds them).
type county struct {
	Name, Initials, Pinyin, Of string
}

var (
	regionIndexOnce sync.Once
	regionIndex     map[string]int // code → index in regionTable

	countyIndex = sync.OnceValue(func() map[string]int { // code → index in countyTable
		m := make(map[string]int, len(countyTable))
		for i, code := range countyCodes() {
			m[code] = i
		}
		return m
	})
	// countyCodes are the codes of countyTable's entries, in its order,
	// read from countyCodeSteps.
	countyCodes = sync.OnceValue(func() []string {
		codes := make([]string, 0, len(countyTable))
		code, s := uint64(0), countyCodeSteps
		for len(s) > 0 {
			step, n := uvarint(s)
			if n == 0 {
				break // a broken table: TestLookupArea says so
			}
			code += step
			codes = append(codes, strconv.FormatUint(code, 10))
			s = s[n:]
		}
		return codes
	})
)

// uvarint reads a base-128 varint (encoding/binary's) from the start of s,
// and how many bytes it took (0 for none).
func uvarint(s string) (uint64, int) {
	var x uint64
	for i, shift := 0, uint(0); i < len(s) && shift < 64; i, shift = i+1, shift+7 {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
	}
	return 0, 0
}

func regionIndexMap() map[string]int {
	regionIndexOnce.Do(func() {
		m := make(map[string]int, len(regionTable))
		for i, r := range regionTable {
			m[r.Code] = i
		}
		regionIndex = m
	})
	return regionIndex
}

// LookupRegion returns the region with the given 6-digit code and reports
// whether there is one. The code must match exactly: "440300", not "4403" or
// "440300 ". A municipality's prefecture-level code such as "110100" is found,
// with Alias "110000".
func LookupRegion(code string) (Region, bool) {
	i, ok := regionIndexMap()[code]
	if !ok {
		return Region{}, false
	}
	return regionTable[i], true
}

// LookupArea returns the region that a 6-digit code stands for and reports
// whether there is one: the region of the table with that code, as
// LookupRegion returns it, or for the code of a county-level division (区,
// 县, 县级市, 旗) its 统筹地区, with Via and ViaPinyin naming the division
// (310115 → 上海市 310000, Via 浦东新区; 320583 → 苏州市, Via 昆山市), as the
// search finds it by its name. Codes of the input go through it, so a
// district's code is answered as its 统筹地区.
func LookupArea(code string) (Region, bool) {
	if r, ok := LookupRegion(code); ok {
		return r, true
	}
	i, ok := countyIndex()[code]
	if !ok {
		return Region{}, false
	}
	c := &countyTable[i]
	r, ok := LookupRegion(c.Of)
	r.Via, r.ViaPinyin = c.Name, c.Pinyin
	return r, ok
}

// Regions returns a copy of all regions, sorted by code.
func Regions() []Region {
	out := make([]Region, len(regionTable))
	copy(out, regionTable[:])
	return out
}

// ProvinceOf returns the code of the province-level division that contains the
// region with the given code: "440300" gives "440000", and "310000" gives
// itself. It returns "" if code is not a region in the table.
func ProvinceOf(code string) string {
	r, ok := LookupRegion(code)
	if !ok {
		return ""
	}
	return r.Province
}

// SearchRegions returns up to limit regions matching query, for a region
// picker; limit <= 0 means no limit. A region matches if its name contains the
// query (Chinese, such as "成都" or "深"), its pinyin or its initials begin
// with the query (case-insensitive, spaces and apostrophes ignored: "chengdu",
// "Cheng Du", "cd"), or its code begins with the query ("4403").
//
// Prefecture-level entries that are aliases of a municipality are left out:
// the municipality itself is found instead; so are placeholders, whose
// county-level cities are found by their own names (仙桃 → 仙桃市). A county-level division (区, 县,
// 县级市, 旗) matched the same way gives its 统筹地区 with Via set to the
// county's name (浦东 → 上海市, Via 浦东新区), after the regions matched by
// their own names and once per region. Results come in this order: close
// matches (the pinyin or the initials equal the query, or the name begins with
// the Chinese query), then the others; within each group, provinces before
// cities, provincial capitals before the other cities, the others by the
// population of their seat (Region.Population: 深圳 and 苏州 before 朔州 for
// "sz"), then by code.
func SearchRegions(query string, limit int) []Region {
	q := strings.ToLower(strings.TrimSpace(query))
	q = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\'', '’', '\u3000':
			return -1
		}
		return r
	}, q)
	if q == "" {
		return nil
	}
	ascii := isASCII(q)

	type hit struct {
		exact  bool
		county bool // matched by a county's name
		r      Region
	}
	// matches reports whether names match the query, and closely.
	matches := func(name, initials, pinyin, code string) (match, exact bool) {
		if ascii {
			switch {
			case initials == q || pinyin == q:
				return true, true
			case initials != "" && strings.HasPrefix(initials, q), pinyin != "" && strings.HasPrefix(pinyin, q),
				code != "" && strings.HasPrefix(code, q):
				return true, false
			}
			return false, false
		}
		switch {
		case strings.HasPrefix(name, q):
			return true, true
		case strings.Contains(name, q):
			return true, false
		}
		return false, false
	}
	var hits []hit
	found := map[string]bool{}
	for _, r := range regionTable {
		if r.Alias != "" || r.Placeholder {
			continue
		}
		if match, exact := matches(r.Name, r.Initials, r.Pinyin, r.Code); match {
			hits = append(hits, hit{exact, false, r})
			found[r.Code] = true
		}
	}
	// Counties come after the regions: a region found by its own name is
	// not listed again for one of its counties.
	for _, c := range countyTable {
		if found[c.Of] {
			continue
		}
		if match, exact := matches(c.Name, c.Initials, c.Pinyin, ""); match {
			r, _ := LookupRegion(c.Of)
			r.Via, r.ViaPinyin = c.Name, c.Pinyin
			hits = append(hits, hit{exact, true, r})
			found[c.Of] = true
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.county != b.county {
			return b.county
		}
		if a.exact != b.exact {
			return a.exact
		}
		if pa, pb := a.r.Level == LevelProvince, b.r.Level == LevelProvince; pa != pb {
			return pa
		}
		if ca, cb := capital(a.r), capital(b.r); ca != cb {
			return ca
		}
		if a.r.Population != b.r.Population {
			return a.r.Population > b.r.Population
		}
		return a.r.Code < b.r.Code
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Region, len(hits))
	for i, h := range hits {
		out[i] = h.r
	}
	return out
}

// capital reports whether a city is a provincial capital: its GB/T 2260
// code ends the province's list at xx01.
func capital(r Region) bool { return r.Level == LevelCity && r.Code[2:4] == "01" }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
