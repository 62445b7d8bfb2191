package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// storageTrouble is why what the person enters is not being kept.
type storageTrouble int

const (
	storageFine    storageTrouble = iota
	storageMemory                 // the browser blocks local storage (web/boot.js)
	storageRefused                // a save failed: quota full, or refused
)

// notices are what the calculator tells the person about their saved
// data, each shown until acted on or dismissed.
type notices struct {
	storage     storageTrouble
	storageTold bool // dismissed: not shown again on this page
	unreadable  bool // saved data could not be read: kept in storageUnreadable
	beforeLink  bool // a link replaced saved data: kept in storageBeforeLink
	otherTab    bool // another tab saved other data
}

// notice is one message above the form, with its buttons.
func notice(id, text string, buttons ...app.UI) app.UI {
	return withBody(tagged("div", "class", "notice", "id", id, "role", "status"),
		textElem("p", "", text),
		elem("div", "action-row", buttons...),
	)
}

// noticeList is what the calculator has to tell, most urgent first.
func (c *calculator) noticeList() []app.UI {
	l := c.lang
	n := c.notes
	var out []app.UI
	if n.storage != storageFine && !n.storageTold {
		text := l.Pick("本浏览器禁止本地存储，填写的内容不会保存。需要留一份时请用“分享链接”。",
			"This browser blocks local storage: what you enter will not be saved. Use “Share link” to keep a copy.")
		if n.storage == storageRefused {
			text = l.Pick("无法保存到本机（存储空间已满或被禁止），关闭页面后填写的内容会丢失。需要留一份时请用“分享链接”。",
				"Could not save on this device (storage full or refused): what you enter is lost when the page closes. Use “Share link” to keep a copy.")
		}
		out = append(out, notice("storage-notice", text,
			button("storage-notice-ok", "btn btn-quiet", l.Pick("知道了", "OK"), c.onStorageNoticeOK)))
	}
	if n.otherTab {
		out = append(out, notice("other-tab-notice",
			l.Pick("已在另一个标签页修改。要载入那边的内容，还是保留这里的？", "Changed in another tab. Load what it saved, or keep what is here?"),
			button("load-other-tab", "btn btn-primary", l.Pick("载入另一个标签页的内容", "Load the other tab's"), c.onLoadOtherTab),
			button("keep-this-tab", "btn btn-quiet", l.Pick("保留这里的", "Keep this one"), c.onKeepThisTab)))
	}
	if n.beforeLink {
		out = append(out, notice("link-notice",
			l.Pick("已打开链接中的内容。你之前保存的内容已另存，可以恢复。", "Showing the link's data. What you had saved is kept aside and can be restored."),
			button("restore-saved", "btn btn-primary", l.Pick("恢复我保存的内容", "Restore what I saved"), c.onRestoreSaved),
			button("keep-link", "btn btn-quiet", l.Pick("用链接的内容", "Keep the link's"), c.onKeepLink)))
	}
	if n.unreadable {
		out = append(out, notice("unreadable-notice",
			l.Pick("上次保存的内容无法读取，已原样另存一份（"+storageUnreadable+"），这里从空白开始。",
				"What was saved could not be read. It is kept as it was ("+storageUnreadable+"); the form starts empty."),
			button("unreadable-ok", "btn btn-quiet", l.Pick("知道了", "OK"), c.onUnreadableOK)))
	}
	return out
}
