package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rulesPage lists every policy document and parameter the engine uses, with
// the dates each value is in force and where it comes from (route /rules).
type rulesPage struct {
	app.Compo

	lang    lang
	catalog rulesCatalog
}

func (p *rulesPage) OnInit() {
	p.catalog = loadRulesCatalog()
	p.lang = savedLang()
}

func (p *rulesPage) OnMount(ctx app.Context) {
	setDocumentLang(p.lang)
	ctx.PreventUpdate() // nothing to render again (see calculator.OnMount)
}

func (p *rulesPage) Render() app.UI {
	l := p.lang
	c := p.catalog
	return app.Elem("div").Class("app", "rules-page").Body(
		&updateBanner{Lang: l},
		&siteHeader{Lang: l, onLang: func(ctx app.Context, nl lang) {
			p.lang = nl
			applyLang(ctx, nl)
		}},
		app.Elem("main").Class("doc").Body(
			app.Elem("p").Body(app.Elem("a").Attr("href", appHref("/")).Text(l.s("← 返回计算器", "← Back to the calculator"))),
			app.Elem("h1").Text(l.s("政策依据与参数", "Rules: documents and parameters")),
			app.Elem("p").Class("muted").Text(l.s("规则版本 ", "Rules version ")+orDash(c.Version)),
			app.If(c.Err != "", func() app.UI {
				return app.Elem("p").Class("error").Text(l.s("规则数据无法读取：", "The rules data could not be read: ") + c.Err)
			}),
			app.Elem("section").ID("documents").Class("card").Body(
				app.Elem("h2").Text(l.s("政策文件", "Policy documents")),
				app.Elem("ul").Class("docs").Body(app.Range(c.Docs).Slice(func(i int) app.UI {
					d := c.Docs[i]
					return app.Elem("li").Body(
						app.Elem("p").Body(app.Elem("strong").Text(d.Number), app.Text(" "), app.Text(d.Title)),
						app.Elem("p").Class("muted").Text(joinNonEmpty(" · ", d.Issuer, l.s("发布 ", "issued ")+d.Issued, verifiedName(l, d.Verified))),
						app.If(d.Note != "", func() app.UI { return app.Elem("p").Class("muted").Text(d.Note) }),
						app.If(d.URL != "", func() app.UI {
							// Shown as text, not a link: the app makes no request
							// to other sites, and the page stays usable offline.
							return app.Elem("p").Class("url").Text(d.URL)
						}),
					)
				})),
			),
			app.Elem("section").ID("parameters").Class("card").Body(
				app.Elem("h2").Text(l.s("全国参数", "National parameters")),
				app.Range(c.Params).Slice(func(i int) app.UI { return paramBlock(l, c.Params[i]) }),
			),
			app.Elem("section").ID("regions").Class("card").Body(
				app.Elem("h2").Text(l.s("地方参数", "Regional parameters")),
				app.If(len(c.Regions) == 0, func() app.UI {
					return app.Elem("p").Class("muted").Text(l.s("暂无地方参数。", "No regional parameters yet."))
				}),
				regionGroups(l, c.Regions),
			),
		),
		&siteFooter{Lang: l, RulesVersion: c.Version},
	)
}

// paramBlock shows one parameter and its dated values as a small table.
func paramBlock(l lang, p rulesParam) app.UI {
	title := l.s(p.Zh, p.En)
	if title == "" {
		title = p.Name
	}
	return app.Elem("div").Class("param").Body(
		app.Elem("h3").Body(app.Text(title), app.Elem("code").Class("pname").Text(p.Name)),
		app.Elem("table").Body(
			app.Elem("thead").Body(app.Elem("tr").Body(
				app.Elem("th").Attr("scope", "col").Text(l.s("生效", "In force")),
				app.Elem("th").Attr("scope", "col").Text(l.s("取值", "Value")),
				app.Elem("th").Attr("scope", "col").Text(l.s("出处", "Source")),
			)),
			app.Elem("tbody").Body(app.Range(p.Values).Slice(func(i int) app.UI {
				v := p.Values[i]
				to := v.To
				if to == "" {
					to = l.s("至今", "now")
				}
				return app.Elem("tr").Body(
					app.Elem("td").Text(v.From+" – "+to),
					app.Elem("td").Text(joinNonEmpty(" ", v.Value, p.Unit)),
					app.Elem("td").Body(app.Text(v.Source), app.If(v.Note != "", func() app.UI {
						return app.Elem("span").Class("muted").Text(" " + v.Note)
					})),
				)
			})),
		),
	)
}

func verifiedName(l lang, v string) string {
	switch v {
	case "official":
		return l.s("已核对官方原文", "checked against the official text")
	case "reprint":
		return l.s("据转载文本", "from a reprint")
	case "unverified":
		return l.s("未核实", "unverified")
	}
	return v
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
func regionGroups(l lang, regions []rulesRegion) app.UI {
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
				national = append(national, r.Name)
				continue
			}
		}
		title := []app.UI{app.Text(r.Name + " (" + r.Code + ") "), nil}
		scope := l.s("地方规定", "local rules")
		if r.Status == "national" {
			scope = l.s("按国家规定", "national rules")
		}
		title[1] = app.Elem("span").Class("badge", "badge-"+r.Status).Text(scope)
		var head app.UI = app.Elem("h3").Body(title...)
		if r.Code != r.Province {
			head = app.Elem("h4").Body(title...) // a city under its province
		}
		local = append(local, app.Elem("div").Class("region-rules").DataSet("status", r.Status).DataSet("code", r.Code).Body(
			head,
			app.If(r.Note != "", func() app.UI { return app.Elem("p").Class("muted").Text(r.Note) }),
			app.Range(r.Params).Slice(func(j int) app.UI { return paramBlock(l, r.Params[j]) }),
		))
	}
	return app.Elem("div").Body(
		app.Elem("div").ID("regions-local").Body(local...),
		app.If(len(national) > 0, func() app.UI {
			return app.Elem("div").ID("regions-national").Class("region-rules").DataSet("status", "national").Body(
				app.Elem("h3").Text(l.s("按国家规定的地区", "Regions with national rules only")),
				app.Elem("p").Class("muted").Text(l.s("以下地区未收录地方细则，按国家规定计算，当地细则请以当地医保部门为准：",
					"No local rules are recorded for these regions: the national rules apply; check the local bureau:")),
				app.Elem("p").Text(joinNames(l, national)),
			)
		}),
	)
}

func joinNames(l lang, names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += l.s("、", ", ")
		}
		out += n
	}
	return out
}
