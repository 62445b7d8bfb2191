package form

import "testing"

// A household keeps each person's saved input apart: turning to someone
// keeps the one on the screen, adding starts blank with a free name,
// removing turns to the one before; what cannot be read is a household of
// one.
func TestHousehold(t *testing.T) {
	h := NewHousehold(Zh)
	if got := h.Names(); len(got) != 1 || got[0] != "我" || h.Current != 0 {
		t.Fatalf("new household %+v", h)
	}
	h = h.WithPerson("宝宝", "ME")
	if h.Current != 1 || h.People[0].Saved != "ME" || h.People[1].Saved != "" {
		t.Fatalf("after adding 宝宝: %+v", h)
	}
	h = h.WithPerson("宝宝", "BABY")
	if h.People[2].Name != "宝宝2" || h.People[1].Saved != "BABY" {
		t.Fatalf("a second 宝宝: %+v", h)
	}
	before := h
	h, saved := h.SwitchedTo(0, "BABY2")
	if saved != "ME" || h.Current != 0 || h.People[2].Saved != "BABY2" {
		t.Fatalf("turning to 我: %q, %+v", saved, h)
	}
	if before.People[2].Saved != "" {
		t.Errorf("switchedTo changed the household it was called on")
	}
	h, _ = h.SwitchedTo(1, "ME2")
	h, saved = h.WithoutCurrent()
	if len(h.People) != 2 || h.Current != 0 || saved != "ME2" || h.People[1].Name != "宝宝2" {
		t.Fatalf("removing 宝宝: %q, %+v", saved, h)
	}
	back := DecodeHousehold(h.Encode(), Zh)
	if len(back.People) != 2 || back.People[1].Saved != "BABY2" || back.Current != 0 {
		t.Errorf("round trip: %+v", back)
	}
	for _, raw := range []string{"", "null", `{"v":1,"current":3,"people":[{"name":"我"}]}`, `{"v":9,"current":0,"people":[{"name":"我"}]}`, `{"v":1,"current":0,"people":[{"name":""}]}`} {
		if got := DecodeHousehold(raw, Zh); len(got.People) != 1 || got.People[0].Name != "我" {
			t.Errorf("DecodeHousehold(%q) = %+v, want a household of one", raw, got)
		}
	}
}
