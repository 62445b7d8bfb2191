package rules

import "testing"

func TestAppliedRules(t *testing.T) {
	rs := ruleSetWithParams(t, "640100", "银川市", "resident.fixedWaitDays", "90")
	var days, window *AppliedRule
	for _, a := range rs.AppliedRules("640100") {
		switch a.Parameter.Name {
		case "resident.fixedWaitDays":
			days = &a
		case "resident.window":
			window = &a
		}
	}
	if days == nil || days.Level != LevelCity || days.Region != "640100" || days.Values[0].Source.Trust != TrustPress {
		t.Errorf("resident.fixedWaitDays: %+v; want the city's own value", days)
	}
	if window == nil || window.Level == LevelCity {
		t.Errorf("resident.window: %+v; want a province or national value", window)
	}
	if n := Provinces(); n != 31 {
		t.Errorf("Provinces() = %d; want 31", n)
	}
	if got := rs.LocalProvinces()["resident.fixedWaitDays"]; got < 1 {
		t.Errorf("LocalProvinces()[resident.fixedWaitDays] = %d; want at least 1 (宁夏 through 银川)", got)
	}
}
