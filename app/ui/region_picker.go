package ui

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
	"yibao/rules"
)

// regionPicker chooses a region by typing its name, its pinyin, its pinyin
// initials or its code, as an ARIA combobox: arrow keys move through the
// suggestions, Enter picks, Escape closes.
type regionPicker struct {
	app.Compo

	ID    string // id of the text input
	Label string
	Value string // region code
	Lang  form.Lang
	Error string
	Hint  string
	// Action is the action a pick posts, with the ID and the code (a
	// regionPick): go-app may reuse this picker in place for another one
	// when the fields before it change, so the ID says which field it is.
	Action string
	// Typed, if set, is the action the picker posts with a regionTyped
	// whenever the text in its box that picked nothing changes: a question
	// with a region offered must not take that region while the box says
	// something else.
	Typed string

	query   string
	typed   string // the last text posted to Typed
	editing bool   // the box shows query, not Value
	focused bool
	blurs   int // counts focus changes: a delayed close applies to the last
	active  int
}

const regionSuggestions = 8

// pickFromList is what a picker says of text that picked no region.
var pickFromList = form.Text{Zh: "请从列表中选择", En: "Pick one from the list"}

func (p *regionPicker) display() string {
	if p.editing {
		return p.query
	}
	if p.Value == "" {
		return ""
	}
	// A district's code (from a link: 310115) shows its 统筹地区, for which
	// it is answered, and the district: 上海市（浦东新区）.
	r, ok := rules.LookupArea(p.Value)
	if !ok {
		return p.Value
	}
	if r.Via != "" {
		return regionLabel(p.Lang, r) + p.Lang.Pick("（"+r.Via+"）", " ("+viaName(p.Lang, r)+")")
	}
	return regionLabel(p.Lang, r)
}

// regionLabel names a region for people: 深圳市 · 广东省, or in English with
// its pinyin first, Shenzhen 深圳市 · Guangdong.
func regionLabel(l form.Lang, r rules.Region) string {
	name := r.Name
	if l == form.En && r.Pinyin != "" {
		name = upperFirst(r.Pinyin) + " " + name
	}
	if r.Level == rules.LevelCity && r.ProvinceName != "" {
		prov := r.ProvinceName
		if p, ok := rules.LookupRegion(r.Province); l == form.En && ok && p.Pinyin != "" {
			prov = upperFirst(p.Pinyin)
		}
		name += " · " + prov
	}
	return name
}

// viaName names the county a search result was found by, in English with
// its pinyin first (Pudong 浦东新区), as regionLabel names the region.
func viaName(l form.Lang, r rules.Region) string {
	if l == form.En && r.ViaPinyin != "" {
		return upperFirst(r.ViaPinyin) + " " + r.Via
	}
	return r.Via
}

func (p *regionPicker) suggestions() []rules.Region {
	if !p.editing || !p.focused || p.query == "" {
		return nil
	}
	return rules.SearchRegions(p.query, regionSuggestions)
}

func (p *regionPicker) Render() app.UI {
	l := p.Lang
	msg := p.Error
	if p.unpicked() {
		msg = pickFromList.In(l)
	}
	list := p.suggestions()
	listID := p.ID + "-list"
	open := len(list) > 0
	active := ""
	if open && p.active >= 0 && p.active < len(list) {
		active = p.ID + "-opt-" + strconv.Itoa(p.active)
	}
	input := &textInput{
		ID:    p.ID,
		Value: p.display(),
		Force: !p.editing, // a region picked with Enter shows its name at once
		Attrs: []string{
			"placeholder", l.Pick("输入城市名或拼音首字母，如 深圳 / sz", "Type a city name or pinyin initials, e.g. sz"),
			"autocapitalize", "off",
			"spellcheck", "false",
			"role", "combobox",
			"aria-autocomplete", "list",
			"aria-expanded", strconv.FormatBool(open),
			"aria-controls", listID,
			"aria-describedby", describedBy(p.ID, msg, p.Hint),
			"aria-invalid", strconv.FormatBool(msg != ""),
			"aria-activedescendant", active,
		},
		OnInput:   p.onInput,
		OnKeyDown: p.onKey,
		OnFocus:   p.onFocus,
		OnBlur:    p.onBlur,
	}
	var suggestions app.UI
	if open {
		options := make([]app.UI, len(list))
		for i, r := range list {
			name := regionLabel(l, r)
			// A region found by a district or county says which: 上海市
			// （浦东新区）, Shanghai 上海市 (Pudong 浦东新区). Codes are for
			// machines: data-code, not shown.
			var via app.UI
			if r.Via != "" {
				via = textElem("span", "via", l.Pick("（"+r.Via+"）", " ("+viaName(l, r)+")"))
			}
			options[i] = tagged("li", "class", "option", "id", p.ID+"-opt-"+strconv.Itoa(i), "role", "option", "aria-selected", strconv.FormatBool(i == p.active), "data-code", r.Code).
				Body(app.Text(name), via).
				OnMouseDown(func(ctx app.Context, e app.Event) {
					e.PreventDefault() // keep the focus in the input
					p.pick(ctx, r.Code)
				}, app.EventScope(r.Code)) // see textField
		}
		suggestions = withBody(tagged("ul", "class", "suggestions", "id", listID, "role", "listbox", "aria-label", p.Label), options...)
	}
	return elem("div", "field region-picker",
		labelFor(p.ID, p.Label),
		input,
		suggestions,
		fieldMessages(p.ID, msg, p.Hint),
	)
}

func (p *regionPicker) onInput(ctx app.Context, v string) {
	p.query = v
	p.editing = true
	p.active = 0
	// A complete code picks the region at once; a district's code its
	// 统筹地区, as its name would.
	if len(p.query) == 6 {
		if r, ok := rules.LookupArea(p.query); ok {
			code := p.query
			if r.Via != "" {
				code = r.Code
			}
			p.pick(ctx, code)
			return
		}
	}
	p.postTyped(ctx, p.query)
}

// postTyped tells the Typed action what the box holds that picked
// nothing ("" once it holds a pick again).
func (p *regionPicker) postTyped(ctx app.Context, text string) {
	if p.Typed == "" || text == p.typed {
		return
	}
	p.typed = text
	ctx.NewActionWithValue(p.Typed, regionTyped{ID: p.ID, Text: text})
}

func (p *regionPicker) onFocus(ctx app.Context, e app.Event) {
	p.focused = true
	p.blurs++
	ctx.JSSrc().Call("select")
}

// onBlur never picks: a pick is a tap or Enter on a suggestion. Text typed
// and not picked stays in the box, which asks for a pick (unpicked); an
// emptied box shows the region it had. The list closes a moment later
// (blurDelay): it lies in the page's flow, and closing it at once would
// move what was tapped between the press and the release, and lose the tap.
func (p *regionPicker) onBlur(ctx app.Context, e app.Event) {
	p.blurs++
	n := p.blurs
	ctx.After(blurDelay, func(ctx app.Context) {
		if n != p.blurs { // focused again since
			ctx.PreventUpdate()
			return
		}
		p.focused = false
		if p.editing && p.query == "" {
			p.editing = false
		}
	})
	ctx.PreventUpdate()
}

// blurDelay is how long the suggestions stay after the box loses the focus.
const blurDelay = 250 * time.Millisecond

// unpicked says the box holds text that picked no region.
func (p *regionPicker) unpicked() bool { return p.editing && !p.focused && p.query != "" }

func (p *regionPicker) onKey(ctx app.Context, e app.Event) {
	list := p.suggestions()
	switch e.Get("key").String() {
	case "ArrowDown":
		if len(list) > 0 {
			e.PreventDefault()
			p.active = (p.active + 1) % len(list)
		}
	case "ArrowUp":
		if len(list) > 0 {
			e.PreventDefault()
			p.active = (p.active - 1 + len(list)) % len(list)
		}
	case "Enter":
		if len(list) > 0 {
			e.PreventDefault()
			p.pick(ctx, list[min(max(p.active, 0), len(list)-1)].Code)
		}
	case "Escape":
		p.editing = false
		p.query = ""
		p.postTyped(ctx, "")
	}
}

func (p *regionPicker) pick(ctx app.Context, code string) {
	p.editing = false
	p.query = ""
	p.active = 0
	p.postTyped(ctx, "")
	if p.Action != "" {
		ctx.NewActionWithValue(p.Action, regionPick{ID: p.ID, Code: code})
	}
}
