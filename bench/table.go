package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// unit says how a figure is written.
type unit int

const (
	bytesUnit unit = iota // file sizes and memory, in decimal MB
	msUnit                // durations in milliseconds
	usUnit                // durations in microseconds
	ratioUnit             // a plain factor
	countUnit             // a plain number
)

// targetKind says what a row's target bounds.
type targetKind int

const (
	noTarget    targetKind = iota
	maxValue               // yibao ≤ Value
	maxRatio               // yibao / baseline ≤ Value
	maxRatioRef            // yibao / Ref ≤ Value (Ref named RefName, e.g. "native")
	minValue               // yibao ≥ Value
	minBaseline            // yibao ≥ baseline
)

type target struct {
	Kind    targetKind
	Value   float64
	Ref     float64
	RefName string
}

// row is one line of the table. A figure that was not measured (or does
// not exist, like an engine in the baseline) is NaN.
type row struct {
	Figure   string
	Unit     unit
	Yibao    float64
	Baseline float64
	Target   target
}

var na = math.NaN()

// ratio is yibao / baseline, when both exist.
func (r row) ratio() (float64, bool) {
	if math.IsNaN(r.Yibao) || math.IsNaN(r.Baseline) || r.Baseline == 0 {
		return 0, false
	}
	return r.Yibao / r.Baseline, true
}

// met says whether the target is met: "yes", "no", or "" without a target
// or without the figures it needs.
func (r row) met() string {
	if math.IsNaN(r.Yibao) {
		if r.Target.Kind == noTarget {
			return ""
		}
		return "no" // a target whose figure could not be measured is not met
	}
	var v float64
	switch r.Target.Kind {
	case maxValue:
		v = r.Yibao
	case maxRatio:
		q, ok := r.ratio()
		if !ok {
			return ""
		}
		v = q
	case maxRatioRef:
		if math.IsNaN(r.Target.Ref) || r.Target.Ref == 0 {
			return ""
		}
		v = r.Yibao / r.Target.Ref
	case minValue, minBaseline:
		limit := r.Target.Value
		if r.Target.Kind == minBaseline {
			if math.IsNaN(r.Baseline) {
				return ""
			}
			limit = r.Baseline
		}
		if r.Yibao >= limit {
			return "yes"
		}
		return "no"
	default:
		return ""
	}
	if v <= r.Target.Value {
		return "yes"
	}
	return "no"
}

func (r row) targetText() string {
	switch r.Target.Kind {
	case maxValue:
		return "≤ " + formatValue(r.Target.Value, r.Unit)
	case maxRatio:
		return "≤ " + formatRatio(r.Target.Value) + " baseline"
	case maxRatioRef:
		s := "≤ " + formatRatio(r.Target.Value) + " " + r.Target.RefName
		if !math.IsNaN(r.Target.Ref) && r.Target.Ref != 0 && !math.IsNaN(r.Yibao) {
			s += " (" + formatRatio(r.Yibao/r.Target.Ref) + ")"
		}
		return s
	case minValue:
		return "≥ " + formatValue(r.Target.Value, r.Unit)
	case minBaseline:
		return "≥ baseline"
	}
	return "—"
}

// markdown renders the table.
func markdown(rows []row) string {
	var b strings.Builder
	b.WriteString("| figure | yibao | baseline | ratio | target | met? |\n")
	b.WriteString("|---|---:|---:|---:|---|---|\n")
	for _, r := range rows {
		ratio := "—"
		if q, ok := r.ratio(); ok {
			ratio = formatRatio(q)
		}
		met := r.met()
		switch met {
		case "":
			met = "—"
		case "no":
			met = "**no**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n",
			r.Figure, formatValue(r.Yibao, r.Unit), formatValue(r.Baseline, r.Unit), ratio, r.targetText(), met)
	}
	return b.String()
}

func formatValue(v float64, u unit) string {
	if math.IsNaN(v) {
		return "—"
	}
	switch u {
	case bytesUnit:
		return fmt.Sprintf("%.3f MB", v/1e6)
	case msUnit:
		if v >= 100 {
			return groupThousands(int64(math.Round(v))) + " ms"
		}
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
	case usUnit:
		if v >= 100 {
			return groupThousands(int64(math.Round(v))) + " µs"
		}
		return strconv.FormatFloat(v, 'f', 1, 64) + " µs"
	case ratioUnit:
		return formatRatio(v)
	}
	return groupThousands(int64(math.Round(v)))
}

func formatRatio(v float64) string {
	return strconv.FormatFloat(v, 'f', 2, 64) + "×"
}

// groupThousands writes 1234567 as "1,234,567".
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// median of the finite values, NaN if there are none.
func median(xs []float64) float64 {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return na
	}
	sort.Float64s(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}
