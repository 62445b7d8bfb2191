package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// rulesPage lists every policy document and parameter the engine uses, with
// the dates each value is in force and where it comes from (route /rules).
type rulesPage struct {
	app.Compo

	lang    form.Lang
	catalog rulesCatalog
	// region is the region picked to see the rules that apply to it, and
	// applied those rules.
	region  string
	applied []rulesParam
}

func (p *rulesPage) OnInit() {
	p.catalog = loadRulesCatalog()
	p.lang = savedLang()
}

func (p *rulesPage) OnMount(ctx app.Context) {
	setDocumentLang(p.lang)
	handleRegion(ctx, actRulesRegion, func(ctx app.Context, pick regionPick) {
		p.region, p.applied = pick.Code, appliedRules(pick.Code)
	})
	ctx.Handle(actLang, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(form.Lang); ok {
			p.onLang(ctx, l)
		}
	})
	ctx.PreventUpdate() // nothing to render again (see calculator.OnMount)
}

func (p *rulesPage) onLang(ctx app.Context, nl form.Lang) {
	p.lang = nl
	applyLang(ctx, nl)
}

func (p *rulesPage) Render() app.UI {
	l := p.lang
	c := p.catalog
	var catalogErr, noRegions app.UI
	if c.Err != "" {
		catalogErr = errorLine(l.Pick("规则数据无法读取：", "The rules data could not be read: ") + c.Err)
	}
	if len(c.Regions) == 0 {
		noRegions = pickedText(l, "p", "muted", "暂无地方参数。", "No regional parameters yet.")
	}
	docs := make([]app.UI, len(c.Docs))
	for i, d := range c.Docs {
		docs[i] = elem("li", "",
			elem("p", "", textElem("strong", "", d.Number), app.Text(" "), app.Text(d.Title)),
			textElem("p", "muted", joinNonEmpty(" · ", d.Issuer, l.Pick("发布 ", "issued ")+d.Issued, verifiedName(l, d.Verified))),
			textIf("p", "muted", noteIn(l, d.Note)),
			docURL(d.URL),
		)
	}
	return rulesPageMarkup.build(l,
		&updateBanner{Lang: l},
		&siteHeader{Lang: l},
		withText(tagged("a", "href", appHref("/")), l.Pick("← 返回计算器", "← Back to the calculator")),
		textElem("p", "muted", l.Pick("规则版本 ", "Rules version ")+orDash(c.Version)),
		catalogErr,
		&regionPicker{ID: "rules-region", Label: l.Pick("城市", "City"), Value: p.region, Lang: l, Action: actRulesRegion},
		p.appliedBlock(l),
		localCountTable(l, c),
		folded(l.Pick("政策文件", "Policy documents"), l, len(c.Docs), elem("ul", "docs", docs...)),
		folded(l.Pick("全国参数", "National parameters"), l, len(c.Params), paramBlocks(l, c.Params)),
		noRegions,
		regionGroups(l, c.Regions),
		siteFooter(l, c.Version),
	)
}

// rulesPageMarkup is the rules page, with holes for, in order: the update
// banner, the header, the link back, the rules' version, an error reading
// them, the region picker, the rules applied in its region, the count of
// local values, the documents, the national parameters, a note that there
// are no regional ones, the regions and the footer.
var rulesPageMarkup = node{tag: "div", attrs: []string{"class", "app rules-page"}, kids: []node{
	{hole: 1},
	{hole: 2},
	{tag: "main", attrs: []string{"class", "doc"}, kids: []node{
		{tag: "p", kids: []node{{hole: 3}}},
		{tag: "h1", text: form.Text{Zh: "政策依据与参数", En: "Rules: documents and parameters"}},
		{hole: 4},
		{hole: 5},
		{tag: "section", attrs: []string{"class", "card", "id", "applies"}, kids: []node{
			{tag: "h2", text: form.Text{Zh: "我所在地区的规则", En: "The rules for my region"}},
			{tag: "p", attrs: []string{"class", "muted"}, text: form.Text{Zh: "选择城市，查看计算时实际使用的每项规则：本市、本省或国家规定，生效日期、可信度和出处。",
				En: "Pick a city to see each rule the answers use there: the city's, the province's or the national one, with dates, trust and source."}},
			{hole: 6},
			{hole: 7},
		}},
		{tag: "section", attrs: []string{"class", "card", "id", "coverage"}, kids: []node{
			{tag: "h2", text: form.Text{Zh: "各省收录情况", En: "What is known, by province"}},
			{hole: 8},
		}},
		{tag: "section", attrs: []string{"class", "card", "id", "documents"}, kids: []node{{hole: 9}}},
		{tag: "section", attrs: []string{"class", "card", "id", "parameters"}, kids: []node{{hole: 10}}},
		{tag: "section", attrs: []string{"class", "card", "id", "regions"}, kids: []node{
			{tag: "h2", text: form.Text{Zh: "地方参数", En: "Regional parameters"}},
			{hole: 11},
			{hole: 12},
		}},
	}},
	{hole: 13},
}}

// folded is a <details> whose summary is the heading title with the count
// n in brackets, and whose content is body.
func folded(title string, l form.Lang, n int, body app.UI) app.UI {
	return app.Elem("details").Body(
		elem("summary", "", textElem("h2", "", title+l.Pick("（", " (")+itoa(n)+l.Pick("）", ")"))),
		body,
	)
}

// paramBlocks shows each of params (see paramBlock).
func paramBlocks(l form.Lang, params []rulesParam) app.UI {
	return app.Range(params).Slice(func(i int) app.UI { return paramBlock(l, params[i]) })
}

// paramBlock shows one parameter and its dated values as a small table.
func paramBlock(l form.Lang, p rulesParam) app.UI {
	title := l.Pick(p.Zh, p.En)
	if title == "" {
		title = p.Name
	}
	rows := make([]app.UI, len(p.Values))
	for i, v := range p.Values {
		to := v.To
		if to == "" {
			to = l.Pick("至今", "now")
		}
		var note app.UI
		if n := noteIn(l, v.Note); n != "" {
			note = textElem("span", "muted", " "+n)
		}
		rows[i] = elem("tr", "",
			textElem("td", "", v.From+" – "+to),
			textElem("td", "", joinNonEmpty(" ", v.Value, p.Unit)),
			elem("td", "", sourceLink(v.Source, v.URL), textIf("span", "trust trust-"+v.Trust, trustName(l, v.Trust)), note, textIf("q", "quote", v.Quote)),
		)
	}
	var level app.UI
	if p.Level != "" {
		level = textElem("span", "badge badge-"+p.Level, levelName(l, p.Level, p.Region))
	}
	return elem("div", "param",
		elem("h3", "", app.Text(title), textElem("code", "pname", p.Name), level),
		table("", l, rows, "生效", "In force", "取值", "Value", "出处", "Source"),
	)
}

// table is <table class="class"> with a head row of column headings, given
// as Chinese, English pairs, and the rows as its body.
func table(class string, l form.Lang, rows []app.UI, heads ...string) app.UI {
	cols := make([]app.UI, len(heads)/2)
	for i := range cols {
		cols[i] = colHead(l.Pick(heads[2*i], heads[2*i+1]))
	}
	return elem("table", class,
		elem("thead", "", elem("tr", "", cols...)),
		elem("tbody", "", rows...),
	)
}

// colHead is a table's column heading.
func colHead(text string) app.UI {
	return withText(tagged("th", "scope", "col"), text)
}

func verifiedName(l form.Lang, v string) string { return l.NameOf(verifiedNames, v, v) }

var verifiedNames = []form.Named{
	{Key: "official", Name: form.Text{Zh: "已核对官方原文", En: "checked against the official text"}},
	{Key: "reprint", Name: form.Text{Zh: "据转载文本", En: "from a reprint"}},
	{Key: "press", Name: form.Text{Zh: "据新闻报道，未见原文", En: "from a press report"}},
	{Key: "unverified", Name: form.Text{Zh: "未核实", En: "unverified"}},
}

func trustName(l form.Lang, t string) string { return l.NameOf(trustNames, t, "") }

var trustNames = []form.Named{
	{Key: "official", Name: form.Text{Zh: "官方", En: "official"}},
	{Key: "reprint", Name: form.Text{Zh: "转载", En: "reprint"}},
	{Key: "press", Name: form.Text{Zh: "媒体报道，未见原文", En: "press report"}},
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// regionGroups shows the regions with rules of their own grouped by
// province (a province, then its cities), then the provinces for which only
// the national rules are known.
func regionGroups(l form.Lang, regions []rulesRegion) app.UI {
	var local []app.UI
	var national []string
	for i, r := range regions {
		if r.Status == "national" {
			// A national province still heads its local cities, if any.
			hasCity := false
			for _, c := range regions[i+1:] {
				if c.Province == r.Code && c.Code != r.Code {
					hasCity = true
					break
				}
			}
			if !hasCity {
				national = append(national, placeName(l, r.Code))
				continue
			}
		}
		scope := l.Pick("地方规定", "local rules")
		if r.Status == "national" {
			scope = l.Pick("按国家规定", "national rules")
		}
		head := "h3"
		if r.Code != r.Province {
			head = "h4" // a city under its province
		}
		// Each region folds: the page lists 60-odd regions with their
		// quotes, and "我所在地区的规则" above is where a person starts.
		local = append(local, withBody(tagged("details", "class", "region-rules", "data-status", r.Status, "data-code", r.Code),
			elem("summary", "", elem(head, "",
				app.Text(placeName(l, r.Code)+" "), // the code is in data-code, not for people
				textElem("span", "badge badge-"+r.Status, scope),
			)),
			textIf("p", "muted", noteIn(l, r.Note)),
			paramBlocks(l, r.Params),
		))
	}
	var nationalOnly app.UI
	if len(national) > 0 {
		nationalOnly = nationalOnlyMarkup.build(l, textElem("p", "", joinNames(l, national)))
	}
	return elem("div", "",
		withBody(tagged("div", "id", "regions-local"), local...),
		nationalOnly,
	)
}

// nationalOnlyMarkup lists the regions with national rules only, in its
// hole.
var nationalOnlyMarkup = node{tag: "div", attrs: []string{"id", "regions-national", "class", "region-rules", "data-status", "national"}, kids: []node{
	{tag: "h3", text: form.Text{Zh: "按国家规定的地区", En: "Regions with national rules only"}},
	{tag: "p", attrs: []string{"class", "muted"}, text: form.Text{Zh: "以下地区未收录地方细则，按国家规定计算，当地细则请以当地医保部门为准：",
		En: "No local rules are recorded for these regions: the national rules apply; check the local bureau:"}},
	{hole: 1},
}}

func joinNames(l form.Lang, names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += l.Pick("、", ", ")
		}
		out += n
	}
	return out
}

// appliedBlock lists the rules that apply to the region picked.
func (p *rulesPage) appliedBlock(l form.Lang) app.UI {
	if p.region == "" {
		return nil
	}
	var local, notes []app.UI
	for _, r := range p.catalog.Regions {
		if r.Code == p.region || r.Code == rulesProvinceOf(p.region) {
			notes = append(notes, textIf("p", "muted", noteIn(l, r.Note)))
		}
	}
	national := 0
	for _, a := range p.applied {
		if a.Level == "national" {
			national++
		} else {
			local = append(local, paramBlock(l, a))
		}
	}
	if len(local) == 0 {
		local = append(local, pickedText(l, "p", "", "本地细则未找到：全部按国家规定计算，当地细则请以当地医保部门为准。",
			"No local rule found: everything follows the national rules; check the local bureau."))
	}
	n := itoa(national)
	return withBody(tagged("div", "class", "applied", "id", "applied"),
		append(append(local, notes...),
			textElem("p", "muted", l.Pick("其余"+n+"项按国家规定（见下方“全国参数”）。",
				"The other "+n+" rules are the national ones (see National parameters below).")))...,
	)
}

// localCountTable shows, for each parameter, how many of the provinces
// have a value of their own.
func localCountTable(l form.Lang, c rulesCatalog) app.UI {
	rows := make([]app.UI, 0, len(c.Params))
	for _, p := range c.Params {
		rows = append(rows, elem("tr", "",
			elem("td", "", app.Text(l.Pick(p.Zh, p.En)+" "), textElem("code", "pname", p.Name)),
			textElem("td", "num", itoa(c.LocalCount[p.Name])+" / "+itoa(c.Provinces)),
		))
	}
	return table("local-count", l, rows, "参数", "Parameter", "有本地规定的省份", "Provinces with a local value")
}

// sourceLink is text linked to the page it was read on (plain text when
// there is no page). The link leaves the app only when the person taps it.
func sourceLink(text, url string) app.UI {
	if url == "" {
		return app.Text(text)
	}
	return withText(tagged("a", "href", url, "target", "_blank", "rel", "noopener noreferrer"), text)
}

func levelName(l form.Lang, level, region string) string {
	var rule form.Text
	switch level {
	case "city":
		rule = form.Text{Zh: "本市规定（", En: "city rule ("}
	case "province":
		rule = form.Text{Zh: "本省规定（", En: "provincial rule ("}
	default:
		return l.Pick("国家规定", "national rule")
	}
	return rule.In(l) + placeName(l, region) + l.Pick("）", ")")
}

// noteIn is the part of a region's note in l: the notes are written as
// the Chinese text, then "。 " and the English one.
// A note in English only (a curator's remark) shows in English mode only.
func noteIn(l form.Lang, note string) string {
	zh, en, ok := strings.Cut(note, "。 ")
	switch {
	case ok:
		return l.Pick(zh+"。", en)
	case !hasChinese(note):
		return l.Pick("", note)
	}
	return note
}

func hasChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// docURL is a document's address, linked: the app makes no request to
// other sites by itself; the person may open the source.
func docURL(url string) app.UI {
	if url == "" {
		return nil
	}
	return elem("p", "url", sourceLink(url, url))
}
