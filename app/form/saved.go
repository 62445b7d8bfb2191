package form

import (
	"encoding/json"
	"errors"
	"strconv"
)

// savedState is what local storage keeps between visits, as JSON under
// storageInput (and, for a copy set aside, storageBeforeLink and
// storageUndo).
type savedState struct {
	// V is the format's version, savedVersion when written. Version 1
	// kept the input as a string of JSON, version 0 (no "v") too; they are
	// read as such (see DecodeSaved).
	V int `json:"v"`
	// Input is the input document, as an object.
	Input    json.RawMessage `json:"input"`
	AsOfAuto bool            `json:"asOfAuto"`
	// Link is true while the input is a share link's, unedited.
	Link bool `json:"link,omitempty"`
}

// savedVersion is the version of the format EncodeSaved writes.
const savedVersion = 2

// EncodeSaved is the stored value of a form.
func EncodeSaved(f State, asOfAuto, link bool) string {
	b, err := json.Marshal(savedState{V: savedVersion, Input: f.JSON(), AsOfAuto: asOfAuto, Link: link})
	if err != nil { // cannot happen: a valid document, a bool
		return ""
	}
	return string(b)
}

// DecodeSaved reads a stored value back, of this format or an earlier one
// (migrated as it is read). It fails for anything it cannot read in full,
// a format newer than this app's included: the caller then keeps the value
// aside rather than overwrite it.
func DecodeSaved(raw string) (f State, s savedState, err error) {
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return State{}, savedState{}, err
	}
	if s.V < 0 || s.V > savedVersion {
		return State{}, savedState{}, errors.New("saved data of format version " + strconv.Itoa(s.V) + ", newer than this app's")
	}
	doc := []byte(s.Input)
	if s.V < 2 {
		// Versions 0 and 1 held the document as a string of JSON.
		var text string
		if json.Unmarshal(s.Input, &text) != nil || text == "" {
			return State{}, savedState{}, errors.New("saved data without an input")
		}
		doc = []byte(text)
	}
	if len(doc) == 0 {
		return State{}, savedState{}, errors.New("saved data without an input")
	}
	f, err = Parse(doc)
	if err != nil {
		return State{}, savedState{}, err
	}
	return f, s, nil
}

// SameInput reports whether two forms say the same thing.
func SameInput(a, b State) bool {
	return string(a.Normalized().JSON()) == string(b.Normalized().JSON())
}
