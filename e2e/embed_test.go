//go:build browser

package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// serveLoopback serves h on a free loopback port until the test ends and
// gives its origin: a partner's site, or a stranger's.
func serveLoopback(t *testing.T, addr string, h http.Handler) string {
	t.Helper()
	if addr == "" {
		addr = freeAddr(t)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return "http://" + l.Addr().String()
}

func htmlPage(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// frameEval evaluates a JavaScript expression, which must give a
// JSON-serialisable value, inside the iframe whose URL contains match (an
// embed on another origin, which the page's own scripts cannot read). It
// runs in an isolated world: the embed's DOM, not its scripts' globals.
func frameEval[T any](t *testing.T, b *browser, match, expr string) (T, error) {
	t.Helper()
	var zero T
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return zero, err
	}
	var id cdp.FrameID
	var walk func(ft *page.FrameTree)
	walk = func(ft *page.FrameTree) {
		if ft.Frame.ParentID != "" && strings.Contains(ft.Frame.URL, match) && id == "" {
			id = ft.Frame.ID
		}
		for _, c := range ft.ChildFrames {
			walk(c)
		}
	}
	walk(tree.FrameTree)
	if id == "" {
		return zero, fmt.Errorf("no frame matches %q", match)
	}
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: id, WorldName: "yibao-e2e"})
	if err != nil {
		return zero, err
	}
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression: "JSON.stringify(" + expr + ")", ContextID: world.ExecutionContextID,
		ReturnByValue: new(true), AwaitPromise: new(true),
	})
	if err != nil {
		return zero, err
	}
	if res.ExceptionDetails != nil {
		return zero, fmt.Errorf("%s: %s", expr, res.ExceptionDetails.Text)
	}
	var s string
	if err := json.Unmarshal([]byte(res.Result.Value), &s); err != nil {
		return zero, fmt.Errorf("%s gave %s", expr, res.Result.Value)
	}
	var v T
	return v, json.Unmarshal([]byte(s), &v)
}

// framePoll waits until expr is true inside the frame.
func framePoll(t *testing.T, b *browser, match, expr string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := frameEval[bool](t, b, match, expr)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.fail(t, "frame %s: waiting for %s: %v", match, expr, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

const frameComputed = `document.querySelectorAll('#coverage[data-computed="true"], #waiting[data-computed="true"], #duplicates[data-computed="true"]').length === 3`

const frameCards = `(() => {
	const a = (id, name) => { const v = document.getElementById(id).getAttribute(name); return v === null ? "<absent>" : v; };
	return { active: a("coverage", "data-active"), months: a("waiting", "data-months"),
	         benefitsFrom: a("waiting", "data-benefits-from"), keep: a("duplicates", "data-keep") };
})()`

// frameContentHeight is the height the embed reports: its root's.
const frameContentHeight = `Math.ceil(document.getElementById("embed").getBoundingClientRect().height)`

// frameInput is the input the embed computed, read off its link to the full
// app (which carries it in the fragment).
func frameInput(t *testing.T, b *browser, match string) []byte {
	t.Helper()
	// The link gets its input just after the first answer (afterFirstAnswer).
	var href, frag string
	for deadline := time.Now().Add(10 * time.Second); ; {
		var err error
		href, err = frameEval[string](t, b, match, `document.getElementById("open-app").href`)
		if err != nil {
			t.Fatal(err)
		}
		var ok bool
		if _, frag, ok = strings.Cut(href, "#input="); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the full-app link %s carries no input", href)
		}
		time.Sleep(100 * time.Millisecond)
	}
	data, err := base64.RawURLEncoding.DecodeString(frag)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

type hostMessage struct {
	Origin string         `json:"origin"`
	Data   map[string]any `json:"data"`
	Frame  string         `json:"frame"`
}

// TestEmbedPartner: a partner's page, on its own loopback origin, embeds
// two calculators through web/embed.js, next to a stranger's iframe (a
// third origin) that keeps posting fake heights. Each embed computes its
// own answer, is as tall as its content (also after a card is expanded),
// and the page receives only {type, height} from the embeds; the fake
// heights change nothing.
func TestEmbedPartner(t *testing.T) {
	partnerAddr := freeAddr(t)
	partner := "http://" + partnerAddr
	srv := startServer(t, webDir, "", "-frame-ancestors", partner)
	stranger := serveLoopback(t, "", htmlPage(`<!doctype html><title>stranger</title><script>
		setInterval(function () { parent.postMessage({ type: "yibao:height", height: 77 }, "*"); }, 100);
	</script>`))
	second := readAll(t, "testdata/share/07_duplicate_employee_resident.json")
	hostPage := `<!doctype html><html><head><meta charset="utf-8"><title>partner</title></head>
<body style="margin:0;width:300px">
<script>
window.__msgs = [];
window.addEventListener("message", function (e) {
  var frame = "";
  var list = document.getElementsByTagName("iframe");
  for (var i = 0; i < list.length; i++) { if (list[i].contentWindow === e.source) frame = list[i].parentNode.id || list[i].id; }
  window.__msgs.push({ origin: e.origin, data: e.data, frame: frame });
});
</script>
<h1>Partner</h1>
<div id="a" data-yibao data-region="440300" data-lang="zh" data-theme="#0a7" data-scheme="resident"><a href="#">fallback</a></div>
<div id="b" data-yibao data-region="310000" data-lang="en" data-scheme="employee" data-input="` + base64.RawURLEncoding.EncodeToString(second) + `"></div>
<iframe id="stranger" src="` + stranger + `/" style="height:10px"></iframe>
<script src="` + srv.URL + `/web/embed.js" async></script>
</body></html>`
	serveLoopback(t, partnerAddr, htmlPage(hostPage))

	b := newBrowser(t, srv.URL)
	b.partners = []string{partner, stranger}
	b.do(t, 30*time.Second, chromedp.Navigate(partner+"/"))
	const frameA, frameB = "region=440300", "region=310000"

	// The loader made one iframe per div, on yibao's origin.
	type frameAttrs struct {
		Src, Title, Loading, Width, Sandbox, Referrer string
	}
	frames := eval[[]frameAttrs](t, b, `[...document.querySelectorAll("[data-yibao] iframe")].map(f => ({src: f.src, title: f.title, loading: f.getAttribute("loading"), width: f.style.width,
		sandbox: f.getAttribute("sandbox"), referrer: f.getAttribute("referrerpolicy")}))`)
	if len(frames) != 2 {
		t.Fatalf("%d iframes, want 2", len(frames))
	}
	if !strings.HasPrefix(frames[0].Src, srv.URL+"/embed?region=440300&lang=zh&theme=%230a7&scheme=resident") ||
		!strings.HasPrefix(frames[1].Src, srv.URL+"/embed?region=310000&lang=en&scheme=employee#input=") {
		t.Errorf("iframe sources: %+v", frames)
	}
	for _, f := range frames {
		if f.Title == "" || f.Loading != "lazy" || f.Width != "100%" || f.Referrer != "strict-origin" ||
			f.Sandbox != "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" {
			t.Errorf("iframe attributes: %+v", f)
		}
	}

	framePoll(t, b, frameA, frameComputed, 90*time.Second)
	framePoll(t, b, frameB, frameComputed, 90*time.Second)

	// A: the plan in the preset region and scheme, computed by the engine.
	inputA := frameInput(t, b, frameA)
	var docA struct {
		Plan struct{ Region, Scheme string }
	}
	json.Unmarshal(inputA, &docA)
	if docA.Plan.Region != "440300" || docA.Plan.Scheme != "resident" {
		t.Errorf("embed A's plan: %s", inputA)
	}
	gotA, err := frameEval[cards](t, b, frameA, frameCards)
	if err != nil {
		t.Fatal(err)
	}
	if want := expected(t, inputA); gotA != want {
		t.Errorf("embed A: cards %+v, want %+v", gotA, want)
	}
	// B: the prepared input, in English; a different answer.
	gotB, err := frameEval[cards](t, b, frameB, frameCards)
	if err != nil {
		t.Fatal(err)
	}
	if want := expected(t, second); gotB != want {
		t.Errorf("embed B: cards %+v, want %+v", gotB, want)
	}
	if gotA == gotB {
		t.Errorf("the two embeds give the same answer %+v", gotA)
	}
	type look struct {
		Lang, Primary, Heading string
		Overflow               bool
	}
	lookExpr := `({lang: document.documentElement.lang, primary: getComputedStyle(document.getElementById("embed")).getPropertyValue("--primary").trim(),
		heading: document.getElementById("waiting-h").textContent, overflow: document.documentElement.scrollWidth > innerWidth})`
	if la, err := frameEval[look](t, b, frameA, lookExpr); err != nil || la.Lang != "zh-CN" || la.Primary != "#00aa77" || la.Heading != "待遇等待期" || la.Overflow {
		t.Errorf("embed A looks wrong: %+v %v", la, err)
	}
	if lb, err := frameEval[look](t, b, frameB, lookExpr); err != nil || lb.Lang != "en" || lb.Primary != "" || lb.Heading != "Waiting period" || lb.Overflow {
		t.Errorf("embed B looks wrong: %+v %v", lb, err)
	}

	// Each iframe is as tall as its content.
	heightOf := func(div string) int {
		return eval[int](t, b, `Math.round(parseFloat(document.querySelector("#`+div+` iframe").style.height))`)
	}
	settle := func(div, match string) int {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			content, err := frameEval[int](t, b, match, frameContentHeight)
			if h := heightOf(div); err == nil && h == content {
				return h
			}
			if time.Now().After(deadline) {
				b.fail(t, "iframe %s is %dpx, its content %dpx (%v)", div, heightOf(div), content, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	h0A, h0B := settle("a", frameA), settle("b", frameB)
	if h0A == 640 || h0A < 300 {
		t.Errorf("embed A's height %d was not reported", h0A)
	}
	if shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot()); err == nil {
		artifact(t, "embed-partner-300.png", shot)
	}
	// Expanding a card's reasons makes A taller, and only A.
	if _, err := frameEval[bool](t, b, frameA, `(document.querySelector("#waiting details.explain summary").click(), true)`); err != nil {
		t.Fatal(err)
	}
	// The steps are built once the list opens.
	framePoll(t, b, frameA, `document.querySelector("#waiting details.explain").open && document.querySelector("#waiting details.explain li") !== null`, 5*time.Second)
	h1A := settle("a", frameA)
	if h1A <= h0A {
		t.Errorf("embed A did not grow when a card expanded: %d → %d", h0A, h1A)
	}
	if h := heightOf("b"); h != h0B {
		t.Errorf("embed B's height changed with A's: %d → %d", h0B, h)
	}
	// And shrinks back when it closes.
	frameEval[bool](t, b, frameA, `(document.querySelector("#waiting details.explain summary").click(), true)`)
	if h := settle("a", frameA); h != h0A {
		t.Errorf("embed A after closing the card: %d, want %d", h, h0A)
	}

	// Messages: from the embeds only {type, height}; the stranger's arrived
	// too, and changed nothing.
	msgs := eval[[]hostMessage](t, b, `window.__msgs`)
	fromYibao, fromStranger := map[string]int{}, 0
	for _, m := range msgs {
		switch m.Origin {
		case srv.URL:
			fromYibao[m.Frame]++
			h, ok := m.Data["height"].(float64)
			if len(m.Data) != 2 || m.Data["type"] != "yibao:height" || !ok || h <= 0 {
				t.Errorf("an embed posted %v", m.Data)
			}
		case stranger:
			fromStranger++
		default:
			t.Errorf("a message from %s: %v", m.Origin, m.Data)
		}
	}
	if fromYibao["a"] < 3 || fromYibao["b"] < 1 || fromStranger == 0 {
		t.Errorf("messages: from the embeds %v, from the stranger %d", fromYibao, fromStranger)
	}
	if ha, hb := heightOf("a"), heightOf("b"); ha == 77 || hb == 77 {
		t.Errorf("the stranger's fake height was applied: %d, %d", ha, hb)
	}
	// The embeds answered: their fallback links stay hidden (A's is the
	// partner's own, B's made by the loader).
	type fallback struct {
		Shown   bool
		Display string
		Text    string
	}
	fallbacks := eval[[]fallback](t, b, `[...document.querySelectorAll("[data-yibao]")].map(d => { const f = d.querySelector(".yibao-fallback");
		return {shown: d.hasAttribute("data-yibao-fallback"), display: f ? f.style.display : "<absent>", text: f ? f.textContent : ""}; })`)
	if len(fallbacks) != 2 || fallbacks[0].Text != "fallback" || fallbacks[1].Text != "Open the medical insurance continuity calculator" {
		t.Errorf("fallbacks: %+v", fallbacks)
	}
	for _, f := range fallbacks {
		if f.Shown || f.Display != "none" {
			t.Errorf("a fallback is shown although its embed answered: %+v", f)
		}
	}
	t.Logf("heights: A %d → %d, B %d; %d messages", h0A, h1A, h0B, len(msgs))
}

// TestEmbedRefused: a page that yibao does not let frame /embed (it is not
// in -frame-ancestors). No height message can come, so the iframes keep
// their data-height (only a whole number from 100 to 4000 counts: "1e9"
// is not 1 px), and after a few seconds each div shows its fallback link:
// the partner's own, or one the loader made to the full app.
func TestEmbedRefused(t *testing.T) {
	srv := startServer(t, webDir, "")
	input := base64.RawURLEncoding.EncodeToString(readAll(t, "testdata/share/07_duplicate_employee_resident.json"))
	heights := []struct {
		attr string
		want int
	}{{"1e9", 640}, {"300", 300}, {"-5", 640}, {"abc", 640}, {"99999", 640}, {"50", 640}, {"640px", 640}, {"", 640}, {" 1200 ", 1200}}
	divs := ""
	for i, h := range heights {
		content := ""
		if i == 1 {
			content = `<a href="https://partner.example/own-link">own link</a>`
		}
		extra := ""
		if i == 2 {
			extra = ` data-input="` + input + `"`
		}
		// Side by side, all in view: lazy iframes below the fold would not load.
		divs += fmt.Sprintf(`<div style="width:40px;flex:none" data-yibao data-region="440300" data-height="%s"%s>%s</div>`, h.attr, extra, content)
	}
	page := serveLoopback(t, "", htmlPage(`<!doctype html><html><head><meta charset="utf-8"><title>refused</title></head><body style="display:flex;margin:0">`+
		divs+`<script src="`+srv.URL+`/web/embed.js"></script></body></html>`))
	b := newBrowser(t, srv.URL)
	b.partners = []string{page}
	b.do(t, 30*time.Second, chromedp.Navigate(page+"/"))
	got := eval[[]int](t, b, `[...document.querySelectorAll("[data-yibao] iframe")].map(f => Math.round(parseFloat(f.style.height)))`)
	if len(got) != len(heights) {
		t.Fatalf("%d iframes, want %d", len(got), len(heights))
	}
	for i, h := range heights {
		if got[i] != h.want {
			t.Errorf("data-height=%q: the iframe is %dpx, want %d", h.attr, got[i], h.want)
		}
	}
	// Nothing shows before the iframes had their chance.
	if n := eval[int](t, b, `document.querySelectorAll("[data-yibao-fallback]").length`); n != 0 {
		t.Errorf("%d fallbacks shown at once", n)
	}
	b.poll(t, 30*time.Second, `document.querySelectorAll("[data-yibao-fallback]").length === `+fmt.Sprint(len(heights)))
	type link struct {
		Href, Text string
		Visible    bool
	}
	links := eval[[]link](t, b, `[...document.querySelectorAll("[data-yibao] .yibao-fallback a")].map(a => ({href: a.href, text: a.textContent, visible: a.getBoundingClientRect().height > 0}))`)
	if len(links) != len(heights) {
		t.Fatalf("fallback links: %+v", links)
	}
	for i, l := range links {
		want := srv.URL + "/"
		switch i {
		case 1:
			want = "https://partner.example/own-link"
		case 2:
			want = srv.URL + "/#input=" + input
		}
		if l.Href != want || !l.Visible || l.Text == "" {
			t.Errorf("fallback %d: %+v, want a visible link to %s", i, l, want)
		}
	}
	// Still no message: the heights did not move.
	if again := eval[[]int](t, b, `[...document.querySelectorAll("[data-yibao] iframe")].map(f => Math.round(parseFloat(f.style.height)))`); fmt.Sprint(again) != fmt.Sprint(got) {
		t.Errorf("heights changed without a message: %v → %v", got, again)
	}
}

// TestEmbedNeverLoads: an iframe whose /embed never arrives (a connection
// that hangs) fires no load event; its div shows its fallback link some
// seconds after the frame came into view. A lazy frame out of view loads
// nothing and shows nothing.
func TestEmbedNeverLoads(t *testing.T) {
	srv := startServer(t, webDir, "")
	page := serveLoopback(t, "", htmlPage(`<!doctype html><html><head><meta charset="utf-8"><title>hangs</title></head><body style="margin:0">`+
		`<div id="seen" data-yibao data-region="440300"></div>`+
		`<div id="below" style="margin-top:20000px" data-yibao data-region="440300"></div>`+
		`<script src="`+srv.URL+`/web/embed.js"></script></body></html>`))
	b := newBrowser(t, srv.URL)
	b.partners = []string{page}
	if _, err := chromedp.Call(b.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: srv.URL + "/embed*"}}}); err != nil {
		t.Fatal(err)
	}
	// The page's load event waits for its frames, so chromedp.Navigate would
	// wait for ever: the address is set instead.
	b.do(t, 30*time.Second, chromedp.Evaluate[chromedp.Void](`location.href = `+jsString(page+"/")))
	b.poll(t, 30*time.Second, `location.href === `+jsString(page+"/")+` && document.querySelectorAll("[data-yibao] iframe").length === 2`)
	time.Sleep(7 * time.Second) // past the delay after a load, which never comes
	if n := eval[int](t, b, `document.querySelectorAll("[data-yibao-fallback]").length`); n != 0 {
		t.Errorf("%d fallbacks shown within 7 s of a frame coming into view", n)
	}
	b.poll(t, 30*time.Second, `document.getElementById("seen").hasAttribute("data-yibao-fallback")`)
	if v := eval[bool](t, b, `(a => a !== null && a.getBoundingClientRect().height > 0)(document.querySelector("#seen .yibao-fallback a"))`); !v {
		t.Error("the frame that never loaded shows no visible link")
	}
	if eval[bool](t, b, `document.getElementById("below").hasAttribute("data-yibao-fallback")`) {
		t.Error("a lazy frame out of view shows its fallback")
	}
}
