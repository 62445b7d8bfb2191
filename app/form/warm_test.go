package form

import "testing"

// TestWarm checks that Warm's case is answered and goes through the parts
// of the engine a first answer needs: a waiting period, a transfer, dates
// to act by and the timeline.
func TestWarm(t *testing.T) {
	if !Warm() {
		t.Fatalf("Warm's case is not answered: %v", Evaluate(warmCase).Errors)
	}
	out := Evaluate(warmCase).Out
	if out.Waiting == nil || out.Transfer == nil || len(out.Deadlines) == 0 || len(out.Timeline.Lanes) == 0 {
		t.Errorf("Warm's case leaves parts of the engine out: waiting %v, transfer %v, %d deadlines, %d timeline lanes",
			out.Waiting, out.Transfer, len(out.Deadlines), len(out.Timeline.Lanes))
	}
}
