package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// peopleBar shows whose calculation is on the screen and turns to another
// member of the household, adds one (宝宝, 爸爸…) or removes the one shown.
type peopleBar struct {
	app.Compo

	Lang    form.Lang
	Names   []string
	Current int

	adding     bool // the names to add are offered
	confirming bool // 移除 was tapped once: it asks before removing
}

func (b *peopleBar) Render() app.UI {
	l := b.Lang
	if len(b.Names) == 0 {
		b.Names, b.Current = []string{form.SelfName.In(l)}, 0
	}
	tabs := make([]app.UI, 0, len(b.Names)+1)
	for i, name := range b.Names {
		attrs := []string{"aria-pressed", strconv.FormatBool(i == b.Current)}
		class := "chip"
		if i == b.Current {
			class += " current"
		}
		tabs = append(tabs, button("person-"+strconv.Itoa(i), class, name, func(ctx app.Context, e app.Event) {
			if i != b.Current {
				ctx.NewActionWithValue(actPeople, peopleEdit{Op: peopleSwitch, Index: i})
			}
		}, attrs...))
	}
	if len(b.Names) < form.MaxPeople {
		tabs = append(tabs, button("person-add", "chip add", l.Pick("＋ 家人", "+ Family"), b.onAdd, "aria-expanded", strconv.FormatBool(b.adding)))
	}
	var choices, remove app.UI
	if b.adding {
		items := make([]app.UI, 0, len(form.PersonChoices)+1)
		for i, c := range form.PersonChoices {
			// The handler reads the language when it runs: go-app keeps
			// an element's first handler.
			items = append(items, button("person-new-"+strconv.Itoa(i), "chip", c.In(l), func(ctx app.Context, e app.Event) {
				b.adding = false
				ctx.NewActionWithValue(actPeople, peopleEdit{Op: peopleAdd, Name: form.PersonChoices[i].In(b.Lang)})
			}))
		}
		items = append(items, button("person-add-cancel", "btn btn-quiet", l.Pick("取消", "Cancel"), b.onAdd))
		choices = elem("div", "people-add",
			pickedText(l, "p", "hint", "给谁算？每个人的信息分开保存在本机。", "For whom? Each person's data is kept apart on this device."),
			elem("div", "people-tabs", items...),
		)
	}
	switch name := b.Names[min(b.Current, len(b.Names)-1)]; {
	case len(b.Names) < 2:
	case b.confirming:
		remove = elem("div", "people-confirm",
			pickedText(l, "p", "", "移除「"+name+"」和他的全部信息？", "Remove "+name+" and all their data?"),
			elem("div", "action-row",
				button("person-remove-yes", "btn btn-primary", l.Pick("移除", "Remove"), b.onRemove),
				button("person-remove-no", "btn btn-quiet", l.Pick("不移除", "Keep"), b.onKeep),
			),
		)
	default:
		remove = button("person-remove", "btn btn-quiet people-remove", l.Pick("移除「"+name+"」", "Remove "+name), b.onAsk)
	}
	return tagged("nav", "class", "card people", "id", "people", "aria-label", l.Pick("为谁计算", "Whose calculation")).Body(
		elem("div", "people-tabs", tabs...),
		choices,
		remove,
	)
}

func (b *peopleBar) onAdd(ctx app.Context, e app.Event) {
	b.adding = !b.adding
	if b.adding {
		focusSoon("person-new-0", "")
	}
}

func (b *peopleBar) onAsk(ctx app.Context, e app.Event) {
	b.confirming = true
	focusSoon("person-remove-no", "")
}

func (b *peopleBar) onKeep(ctx app.Context, e app.Event) { b.confirming = false }

func (b *peopleBar) onRemove(ctx app.Context, e app.Event) {
	b.confirming = false
	ctx.NewActionWithValue(actPeople, peopleEdit{Op: peopleRemove})
}
