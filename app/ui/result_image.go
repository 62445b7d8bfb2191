package ui

import (
	"slices"
	"strings"

	"yibao/app/form"
	"yibao/internal/qrcode"
	"yibao/rules"
)

// imageLine is one line of the result image: its text and its style.
type imageLine struct {
	text  string
	style lineStyle
}

// lineStyle is how a line of the result image is drawn.
type lineStyle uint8

const (
	lineTitle   lineStyle = iota // the app's name
	lineSummary                  // the one-line answer
	lineLabel                    // a question: 能报销吗
	lineAnswer                   // its answer
	lineText                     // a deadline, the QR code's caption
	lineSmall                    // the disclaimer and the rules version
)

// resultImageLines are the texts of the result image, from the same answer
// as the cards: the three answers, the key dates and what to do by when.
func resultImageLines(l form.Lang, out *rules.Output, asOf string, labels map[string]string) []imageLine {
	cov, _ := coverageHeadline(&out.Coverage)
	wait, _ := waitingHeadline(out.Waiting, out.Coverage.Status)
	dup, _ := duplicatesHeadline(&out.Duplicates, labels)
	lines := []imageLine{
		{l.Pick("医保连续参保计算器", "Medical insurance continuity"), lineTitle},
		{answerSummary(l, true, form.Result{Out: *out, Computed: true}), lineSummary},
		{l.Pick(l.FormatDay(asOf)+"能报销吗？", "Covered on "+l.FormatDay(asOf)+"?"), lineLabel},
		{cov.In(l), lineAnswer},
		{l.Pick("待遇等待期", "Waiting period"), lineLabel},
		{wait.In(l), lineAnswer},
	}
	if w := out.Waiting; w != nil && w.BenefitsFrom != "" && !w.NoBenefits {
		lines = append(lines, imageLine{upperFirst(benefitsFromText(l, w, out.AsOf)), lineText})
	}
	lines = append(lines,
		imageLine{l.Pick("重复参保", "Duplicate enrollments"), lineLabel},
		imageLine{dup.In(l), lineAnswer},
	)
	// What to stop, as the checklist says it (the first two).
	n := 0
	for _, act := range out.Duplicates.Actions {
		if n < 2 && slices.Contains(out.Duplicates.Stop, act.Enrollment) {
			lines = append(lines, imageLine{l.Pick(act.Zh, act.En), lineText})
			n++
		}
	}
	if len(out.Deadlines) > 0 {
		lines = append(lines, imageLine{l.Pick("截止日期", "Deadlines"), lineLabel})
		for i, d := range out.Deadlines {
			if i == 3 {
				break
			}
			lines = append(lines, imageLine{l.FormatDay(d.Date) + l.Pick("：", ": ") + l.Pick(d.Zh, d.En), lineText})
		}
	}
	return lines
}

// imageFooter is what the result image says below its QR code.
func imageFooter(l form.Lang, version string, withQR bool) []imageLine {
	caption := imageLine{l.Pick("扫码打开同样的计算（二维码里包含填写的信息）", "Scan to open the same calculation (the code carries what was entered)"), lineText}
	if !withQR {
		caption = imageLine{l.Pick("链接太长，放不进二维码：请用「分享链接」发送", "The link is too long for a QR code: send it with Share link"), lineText}
	}
	return []imageLine{
		caption,
		{l.Pick("仅供参考，以当地医保经办机构核定为准 · 规则版本 ", "For guidance only: your local office decides · rules version ") + version, lineSmall},
	}
}

// qrFor is the QR code of a share link, nil when the link is too long for
// one (a version-40 code at level M holds 2,331 bytes).
func qrFor(link string) *qrcode.Code {
	qr, err := qrcode.Encode([]byte(link))
	if err != nil {
		return nil
	}
	return qr
}

// imageAlt is the text alternative of the result image: its lines.
func imageAlt(lines []imageLine) string {
	texts := make([]string, len(lines))
	for i, x := range lines {
		texts[i] = x.text
	}
	return strings.Join(texts, "\n")
}
