package ui

import (
	"strconv"
	"strings"

	"yibao/app/form"
	"yibao/rules"
)

// Kinds of month on the timeline.
const (
	monthCovered    = "covered"
	monthGap        = "gap"
	monthWaiting    = "waiting"
	monthBackpaid   = "backpaid"
	monthDuplicated = "duplicated"
	monthPlanned    = "planned"
)

// timelineKinds is the legend's order.
var timelineKinds = [...]string{monthCovered, monthBackpaid, monthDuplicated, monthWaiting, monthGap, monthPlanned}

func monthKindName(l form.Lang, k string) string { return l.NameOf(monthKindNames, k, k) }

var monthKindNames = []form.Named{
	{Key: monthCovered, Name: form.Text{Zh: "已参保", En: "Covered"}},
	{Key: monthGap, Name: form.Text{Zh: "断缴", En: "Gap"}},
	{Key: monthWaiting, Name: form.Text{Zh: "等待期", En: "Waiting"}},
	{Key: monthBackpaid, Name: form.Text{Zh: "补缴", En: "Back-paid"}},
	{Key: monthDuplicated, Name: form.Text{Zh: "重复参保", En: "Duplicated"}},
	{Key: monthPlanned, Name: form.Text{Zh: "计划参保", En: "Planned"}},
}

// segment is a run of months [From, To] (month indexes, inclusive) of one kind.
type segment struct {
	Kind     string
	From, To int
}

// lane is one row of the timeline.
type lane struct {
	Label    string
	Segments []segment
}

// timelineModel is what the SVG draws.
type timelineModel struct {
	Start, End int // first and last month shown (January … December)
	AsOf       int // month of asOf, or -1
	Lanes      []lane
}

// buildTimeline draws the engine's month-by-month answer (out.Timeline):
// the page derives no months of its own, so the drawing and the cards come
// from one evaluation. Lanes are labelled from the form; without an answer
// there is nothing to draw.
func buildTimeline(l form.Lang, f form.State, out *rules.Output) (timelineModel, bool) {
	if out == nil || len(out.Timeline.Lanes) < 2 {
		return timelineModel{}, false
	}
	tl := out.Timeline
	start, end := tl.From.Index(), tl.To.Index()
	if end < start {
		return timelineModel{}, false
	}
	m := timelineModel{Start: start, End: end, AsOf: -1}
	if a, ok := form.MonthIndex(f.AsOf); ok && a >= start && a <= end {
		m.AsOf = a
	}
	labels := map[string]string{}
	for i, e := range f.Enrollments {
		label := "#" + strconv.Itoa(i+1) + " " + shortPlace(l, e.Region) + " " + l.Pick(schemeShort(e.Scheme), "")
		labels[e.ID] = strings.TrimSpace(label)
	}
	for _, ln := range tl.Lanes {
		var label string
		switch ln.About {
		case "all":
			label = l.Pick("合计", "All")
		case "plan":
			label = l.Pick("计划", "Plan") + " " + shortPlace(l, f.Plan.Region)
		default:
			label = labels[ln.About]
			if label == "" {
				label = ln.About
			}
		}
		var segs []segment
		for _, r := range ln.Runs {
			segs = append(segs, segment{Kind: r.Kind, From: r.From.Index(), To: r.To.Index()})
		}
		m.Lanes = append(m.Lanes, lane{Label: label, Segments: segs})
	}
	return m, true
}

func schemeShort(s string) string {
	switch s {
	case "employee":
		return "职工"
	case "resident":
		return "居民"
	}
	return ""
}

// shortPlace names a region in the language in tight places: its name
// without its suffix (深圳), or in English its pinyin alone (Shenzhen), as
// narrow as the Chinese.
func shortPlace(l form.Lang, code string) string {
	if r, ok := rules.LookupArea(code); ok && l == form.En && r.Pinyin != "" {
		return upperFirst(r.Pinyin)
	}
	return shortRegion(code)
}

// shortRegion is a region's name without its suffix, for tight places.
func shortRegion(code string) string {
	r, ok := rules.LookupArea(code)
	if !ok {
		return code
	}
	name := r.Name
	for _, suf := range []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "省", "市", "盟"} {
		if strings.HasSuffix(name, suf) && len([]rune(name)) > len([]rune(suf))+1 {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// regionName is a region's full name, or its code when unknown. A
// district's or a county's code (310115, from a link) names its 统筹地区, for
// which it is answered: 上海市 (see rules.LookupArea).
func regionName(code string) string {
	if r, ok := rules.LookupArea(code); ok {
		return r.Name
	}
	return code
}

// placeName names a region in the language: 南昌市, or Nanchang 南昌市 in
// English (its pinyin, then the name people will see on Chinese pages); a
// district's code names its 统筹地区, as regionName.
func placeName(l form.Lang, code string) string {
	r, ok := rules.LookupArea(code)
	if !ok {
		return code
	}
	if l == form.En && r.Pinyin != "" {
		return upperFirst(r.Pinyin) + " " + r.Name
	}
	return r.Name
}
