package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// siteFooter shows the versions of the rules and of the app, the link to
// the rules page and the disclaimer.
//
// It is a function, not a component: it keeps no state, and each
// component costs app.wasm the wrappers of app.Compo's methods (about
// 900 B).
func siteFooter(l form.Lang, version string) app.UI {
	if version == "" {
		version = rules.DefaultVersion()
	}
	appVersion := appEnv("GOAPP_VERSION")
	var appLine app.UI
	if appVersion != "" {
		appLine = textElem("span", "muted", " · "+l.Pick("应用版本 ", "App ")+appVersion)
	}
	return footerMarkup.build(l,
		withText(tagged("a", "href", appHref("/rules")), l.Pick("政策依据与参数", "Rules: documents and parameters")),
		withText(tagged("span", "id", "rules-version"), l.Pick("规则版本 ", "Rules version ")+orDash(version)),
		appLine,
	)
}

// footerMarkup is the footer, with holes for the link to the rules page,
// the rules' version and the app's.
var footerMarkup = node{tag: "footer", attrs: []string{"class", "foot"}, kids: []node{
	{tag: "p", text: form.Text{Zh: "结果仅供参考，以当地医保经办机构核定为准。", En: "For guidance only: your local medical insurance office decides."}},
	{tag: "p", text: form.Text{Zh: "你填的信息只保存在本机浏览器里，不会上传。", En: "What you enter stays in this browser: nothing is uploaded."}},
	{tag: "p", kids: []node{{hole: 1}, {text: form.Text{Zh: " · ", En: " · "}}, {hole: 2}, {hole: 3}}},
}}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
