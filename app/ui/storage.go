package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Local storage keys.
const (
	storageInput = "yibao.input"
	storageLang  = "yibao.lang"
	// storagePeople keeps the household (see household): the other
	// people's saved inputs and who is on the screen.
	storagePeople = "yibao.people"
	// storageTextSize is "large" for the large-text mode (长辈版).
	storageTextSize = "yibao.textSize"
	// storageUnreadable keeps, verbatim, a saved input the app could not
	// read, before anything overwrites it.
	storageUnreadable = "yibao.input.unreadable"
	// storageBeforeLink keeps the saved input a share link replaced, until
	// the person restores it or dismisses the offer.
	storageBeforeLink = "yibao.input.beforeLink"
	// storageUndo keeps what 清空 cleared, until undone or dismissed.
	storageUndo = "yibao.input.undo"
)

// Local storage is reached only through these functions. Where reading
// window.localStorage throws (site data blocked, some WebViews, third-party
// iframes), a property get from Go would abort the program: syscall/js
// guards calls, not gets. web/boot.js runs before the app and replaces such
// a storage with one in memory (window.yibaoStorage is then "memory"); the
// reads here go through Reflect.get, a call, in case it could not.

// errNoStorage says that the browser gives the page no local storage.
var errNoStorage = errors.New("no local storage")

// localStorage is window.localStorage, or an error.
func localStorage() (s app.Value, err error) {
	if app.IsServer {
		return nil, errNoStorage
	}
	defer func() {
		if recover() != nil {
			s, err = nil, errNoStorage
		}
	}()
	w := app.Window()
	s = w.Get("Reflect").Call("get", w.JSValue(), "localStorage")
	if !s.Truthy() {
		return nil, errNoStorage
	}
	return s, nil
}

// storageInMemory reports whether web/boot.js found local storage blocked
// and put one in memory in its place: nothing survives the page.
func storageInMemory() bool {
	if app.IsServer {
		return false
	}
	return app.Window().Get("yibaoStorage").Truthy()
}

// storageGet reads a raw value; ok is false when there is none or storage
// throws.
func storageGet(key string) (v string, ok bool) {
	s, err := localStorage()
	if err != nil {
		return "", false
	}
	defer func() {
		if recover() != nil {
			v, ok = "", false
		}
	}()
	item := s.Call("getItem", key)
	if item.IsNull() || item.IsUndefined() {
		return "", false
	}
	return item.String(), true
}

// storageSet writes a raw value: the error is the browser's (quota full,
// storage blocked).
func storageSet(key, v string) (err error) {
	s, err := localStorage()
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("local storage refused the value")
		}
	}()
	s.Call("setItem", key, v)
	return nil
}

// storageDel removes a value, if storage lets it.
func storageDel(key string) {
	s, err := localStorage()
	if err != nil {
		return
	}
	defer func() { recover() }()
	s.Call("removeItem", key)
}
