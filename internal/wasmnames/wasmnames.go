package wasmnames

import (
	"errors"
	"sort"
	"strings"
)

// Size is the code of one Go package in a wasm module.
type Size struct {
	Pkg   string
	Bytes int
}

// Packages sums the code size of the named functions of a Go wasm module
// by package, biggest first.
func Packages(b []byte) ([]Size, error) {
	funcs, err := Functions(b)
	if err != nil {
		return nil, err
	}
	by := map[string]int{}
	for name, size := range funcs {
		pkg, _ := Split(name)
		by[pkg] += size
	}
	out := make([]Size, 0, len(by))
	for p, n := range by {
		out = append(out, Size{p, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bytes != out[j].Bytes {
			return out[i].Bytes > out[j].Bytes
		}
		return out[i].Pkg < out[j].Pkg
	})
	return out, nil
}

// Split cuts a function name of the name section into its package, in the
// section's spelling ("github.com_goccy_go_json_internal_encoder", whose
// host keeps its dot), and the rest ("compile", "(*Client).Do",
// "main.func1").
func Split(name string) (pkg, fn string) {
	pkg, fn, _ = strings.Cut(name, ".")
	switch pkg {
	case "github", "golang", "gopkg", "google":
		// "github.com_goccy_go_json.Marshal": the host's dot.
		rest, fn2, _ := strings.Cut(fn, ".")
		pkg, fn = pkg+"."+rest, fn2
	}
	return pkg, fn
}

// Functions maps each named function of a wasm module to the size of its
// code. A module built with -ldflags=-s has no names: that is an error.
func Functions(b []byte) (map[string]int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	uleb := func(i int) (int, int) {
		var r, s int
		for i < len(b) {
			x := b[i]
			i++
			r |= int(x&0x7f) << s
			s += 7
			if x < 0x80 {
				break
			}
		}
		return r, i
	}
	var imported int
	var sizes []int
	names := map[int]string{}
	for i := 8; i < len(b); {
		id := b[i]
		size, j := uleb(i + 1)
		end := j + size
		if end > len(b) {
			return nil, errors.New("truncated wasm module")
		}
		switch id {
		case 2: // imports: count the imported functions
			n, k := uleb(j)
			for ; n > 0; n-- {
				l, k2 := uleb(k)
				l2, k3 := uleb(k2 + l)
				k = k3 + l2
				kind := b[k]
				k++
				switch kind {
				case 0:
					_, k = uleb(k)
					imported++
				case 1:
					k++
					flags := b[k]
					_, k = uleb(k + 1)
					if flags&1 != 0 {
						_, k = uleb(k)
					}
				case 2:
					flags := b[k]
					_, k = uleb(k + 1)
					if flags&1 != 0 {
						_, k = uleb(k)
					}
				case 3:
					k += 2
				}
			}
		case 10: // code
			n, k := uleb(j)
			for ; n > 0; n-- {
				l, k2 := uleb(k)
				sizes = append(sizes, l)
				k = k2 + l
			}
		case 0: // custom: the "name" section
			l, k := uleb(j)
			if string(b[k:k+l]) == "name" {
				for k += l; k < end; {
					sub := b[k]
					sl, k2 := uleb(k + 1)
					if sub == 1 {
						n, m := uleb(k2)
						for ; n > 0; n-- {
							var idx, nl int
							idx, m = uleb(m)
							nl, m = uleb(m)
							names[idx] = string(b[m : m+nl])
							m += nl
						}
					}
					k = k2 + sl
				}
			}
		}
		i = end
	}
	out := map[string]int{}
	for i, size := range sizes {
		if name, ok := names[i+imported]; ok {
			out[name] += size
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no name section (built with -ldflags=-s?)")
	}
	return out, nil
}
