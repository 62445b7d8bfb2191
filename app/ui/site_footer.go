package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// siteFooter shows the versions of the rules and of the app, the link to
// the rules page and the disclaimer.
type siteFooter struct {
	app.Compo

	Lang         lang
	RulesVersion string
}

func (f *siteFooter) Render() app.UI {
	l := f.Lang
	version := f.RulesVersion
	if version == "" {
		version = rulesVersion()
	}
	appVersion := app.Getenv("GOAPP_VERSION")
	var appLine app.UI
	if appVersion != "" {
		appLine = textElem("span", "muted", " · "+l.s("应用版本 ", "App ")+appVersion)
	}
	return elem("footer", "foot",
		l.textElem("p", "", "结果仅供参考，以当地医保经办机构核定为准。", "For guidance only: your local medical insurance office decides."),
		l.textElem("p", "", "你填的信息只保存在本机浏览器里，不会上传。", "What you enter stays in this browser: nothing is uploaded."),
		elem("p", "",
			app.Elem("a").Attr("href", appHref("/rules")).Text(l.s("政策依据与参数", "Rules: documents and parameters")),
			app.Text(" · "),
			textElem("span", "", l.s("规则版本 ", "Rules version ")+orDash(version)).ID("rules-version"),
			appLine,
		),
	)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
