package main

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// benchNsPerOp reads `go test -bench` output and gives the median ns/op of
// each benchmark, by name without the "Benchmark" prefix and the -GOMAXPROCS
// suffix.
func benchNsPerOp(r io.Reader) (map[string]float64, error) {
	runs := map[string][]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		for i := 2; i+1 < len(f); i++ {
			if f[i+1] != "ns/op" {
				continue
			}
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			name := strings.TrimPrefix(f[0], "Benchmark")
			if j := strings.LastIndex(name, "-"); j > 0 {
				if _, err := strconv.Atoi(name[j+1:]); err == nil {
					name = name[:j]
				}
			}
			runs[name] = append(runs[name], v)
			break
		}
	}
	out := map[string]float64{}
	for k, v := range runs {
		out[k] = median(v)
	}
	return out, sc.Err()
}
