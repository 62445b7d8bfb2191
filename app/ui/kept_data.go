package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"yibao/app/form"
)

// The calculator's saved data beyond the input itself: what a failed save,
// an unreadable value, a share link, 清空 or another tab would otherwise
// lose without a word.

// store writes a value; the first failure is told (notices.storage).
func (c *calculator) store(key, v string) {
	if err := storageSet(key, v); err != nil && c.notes.storage == storageFine {
		c.notes.storage = storageRefused
	}
}

// keepUnreadable sets a saved value the app cannot read aside, verbatim,
// before the first edit overwrites it.
func (c *calculator) keepUnreadable(raw string) {
	c.store(storageUnreadable, raw)
	c.notes.unreadable = true
}

// loadKept reads what earlier visits kept aside and still offer: the copy
// a link replaced, and what 清空 cleared.
func (c *calculator) loadKept() {
	if raw, ok := storageGet(storageBeforeLink); ok {
		if _, _, err := form.DecodeSaved(raw); err == nil {
			c.notes.beforeLink = true
		}
	}
	if raw, ok := storageGet(storageUndo); ok {
		if f, s, err := form.DecodeSaved(raw); err == nil {
			c.undo, c.undoAuto = &f, s.AsOfAuto
		}
	}
}

// saveLink saves a share link's input (see setAside).
func (c *calculator) saveLink() {
	c.setAside()
	c.unsaved = false
	c.store(storageInput, form.EncodeSaved(c.form, c.asOfAuto, true))
}

// setAside runs before a link's input is first saved: what was saved and
// differs is kept (storageBeforeLink) and offered back. That is the
// person's own data, or an earlier link's, unless that one was unedited
// and what it replaced is already kept.
func (c *calculator) setAside() {
	raw, ok := storageGet(storageInput)
	if !ok {
		return
	}
	f, s, err := form.DecodeSaved(raw)
	_, kept := storageGet(storageBeforeLink)
	switch {
	case err != nil:
		c.keepUnreadable(raw)
	case form.SameInput(f, c.form):
	case !(s.Link && kept):
		c.store(storageBeforeLink, raw)
		c.notes.beforeLink = true
	}
}

func (c *calculator) onRestoreSaved(ctx app.Context, e app.Event) {
	raw, _ := storageGet(storageBeforeLink)
	f, s, err := form.DecodeSaved(raw)
	c.notes.beforeLink = false
	if err != nil {
		storageDel(storageBeforeLink)
		return
	}
	c.asOfAuto = s.AsOfAuto
	if c.asOfAuto || f.AsOf == "" {
		f.AsOf, c.asOfAuto = form.Today(), true
	}
	c.change(ctx, f)
	c.save(ctx) // before the copy goes: a link's input sets it aside when saved
	storageDel(storageBeforeLink)
}

func (c *calculator) onKeepLink(ctx app.Context, e app.Event) {
	c.notes.beforeLink = false
	storageDel(storageBeforeLink)
}

func (c *calculator) onStorageNoticeOK(ctx app.Context, e app.Event) {
	c.notes.storageTold = true
}

func (c *calculator) onUnreadableOK(ctx app.Context, e app.Event) {
	c.notes.unreadable = false // the copy stays in storageUnreadable
}

// listenToOtherTabs hears the saves of other tabs of the app (the storage
// event fires in every other tab of the origin): one that changed the input
// is told, with a choice (onLoadOtherTab, onKeepThisTab), instead of the
// last writer winning silently.
func (c *calculator) listenToOtherTabs(ctx app.Context) {
	c.onStorage = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		key := args[0].Get("key")
		// A null key: the other tab cleared all storage.
		if !key.IsNull() && key.String() != storageInput {
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			if raw, ok := storageGet(storageInput); ok {
				if f, _, err := form.DecodeSaved(raw); err == nil && form.SameInput(f, c.form) {
					return
				}
			}
			c.notes.otherTab = true
		})
		return nil
	})
	app.Window().Call("addEventListener", "storage", c.onStorage)
}

func (c *calculator) stopListening() {
	if c.onStorage != nil {
		app.Window().Call("removeEventListener", "storage", c.onStorage)
		c.onStorage.Release()
		c.onStorage = nil
	}
}

// onLoadOtherTab shows what the other tab saved (already saved: nothing
// to write).
func (c *calculator) onLoadOtherTab(ctx app.Context, e app.Event) {
	c.notes.otherTab = false
	f, auto := form.State{}, true
	if raw, ok := storageGet(storageInput); ok {
		if g, s, err := form.DecodeSaved(raw); err == nil {
			f, auto = g, s.AsOfAuto
		}
	}
	c.form, c.asOfAuto = f, auto
	c.followToday()
	c.shareURL, c.shareNote = "", ""
	c.recompute()
}

// onKeepThisTab saves what this tab shows over the other tab's.
func (c *calculator) onKeepThisTab(ctx app.Context, e app.Event) {
	c.notes.otherTab = false
	c.save(ctx)
}
