package form

import (
	"encoding/json"
	"strconv"
)

// Household is the people whose calculations the device keeps side by
// side (我, 宝宝, 父母…), under storagePeople. The person on the screen is
// People[Current]; their input lives where a single person's does
// (storageInput, with its links, undo and kept copies), so their Saved here
// is only refreshed when the screen turns to someone else.
type Household struct {
	V       int      `json:"v"`
	Current int      `json:"current"`
	People  []person `json:"people"`
}

// person is one member of the household: a name and their saved input as
// storageInput holds it (EncodeSaved; "" for a blank form).
type person struct {
	Name  string `json:"name"`
	Saved string `json:"saved"`
}

// householdVersion is the version of the format of storagePeople.
const householdVersion = 1

// MaxPeople is the most people a household keeps.
const MaxPeople = 8

// SelfName is the person a device starts with.
var SelfName = Text{"我", "Me"}

// PersonChoices are the names offered for a new person, in order.
var PersonChoices = []Text{{"宝宝", "Baby"}, {"爸爸", "Father"}, {"妈妈", "Mother"}, {"配偶", "Spouse"}, {"其他家人", "Family"}}

// NewHousehold is a household of one: the person using the device.
func NewHousehold(l Lang) Household {
	return Household{V: householdVersion, People: []person{{Name: SelfName.In(l)}}}
}

// DecodeHousehold reads storagePeople; anything it cannot read in full
// gives a household of one (the person on the screen keeps their input).
func DecodeHousehold(raw string, l Lang) Household {
	var h Household
	if json.Unmarshal([]byte(raw), &h) != nil || h.V != householdVersion || len(h.People) == 0 ||
		len(h.People) > MaxPeople || h.Current < 0 || h.Current >= len(h.People) {
		return NewHousehold(l)
	}
	for _, p := range h.People {
		if p.Name == "" {
			return NewHousehold(l)
		}
	}
	return h
}

// Encode is the stored value of the household.
func (h Household) Encode() string {
	b, err := json.Marshal(h)
	if err != nil { // cannot happen: strings and ints
		return ""
	}
	return string(b)
}

// Names are the people's Names, in order.
func (h Household) Names() []string {
	out := make([]string, len(h.People))
	for i, p := range h.People {
		out[i] = p.Name
	}
	return out
}

// clone copies the household, so that an edit leaves the rendered one be.
func (h Household) clone() Household {
	h.People = append([]person(nil), h.People...)
	return h
}

// SwitchedTo turns to person i: the one on the screen keeps current (their
// saved input), and i's saved input is returned for the screen.
func (h Household) SwitchedTo(i int, current string) (Household, string) {
	h = h.clone()
	h.People[h.Current].Saved = current
	h.Current = i
	return h, h.People[i].Saved
}

// WithPerson adds a person named name (numbered if the name is taken) and
// turns to them, with a blank form; current is the saved input of the one
// on the screen.
func (h Household) WithPerson(name, current string) Household {
	h = h.clone()
	h.People[h.Current].Saved = current
	h.People = append(h.People, person{Name: h.freeName(name)})
	h.Current = len(h.People) - 1
	return h
}

// WithoutCurrent removes the person on the screen and turns to the one
// before (or after) them, whose saved input is returned.
func (h Household) WithoutCurrent() (Household, string) {
	h = h.clone()
	i := h.Current
	h.People = append(h.People[:i], h.People[i+1:]...)
	h.Current = max(0, i-1)
	return h, h.People[h.Current].Saved
}

// freeName is name, or name2, name3… when it is taken.
func (h Household) freeName(name string) string {
	taken := func(n string) bool {
		for _, p := range h.People {
			if p.Name == n {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for k := 2; ; k++ {
		if n := name + strconv.Itoa(k); !taken(n) {
			return n
		}
	}
}
