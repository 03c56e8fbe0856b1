package page

import (
	"strings"
	"testing"
)

// TestRevealHintCountsDown: the cue under a page with steps says how many
// are left down to the last one.
func TestRevealHintCountsDown(t *testing.T) {
	for hidden, want := range map[int]string{3: "3 steps to go", 2: "2 steps to go", 1: "1 step to go"} {
		got := strings.Join(stepCue(hidden, 60, NewStyles(true, false)), "")
		if !strings.Contains(got, want) {
			t.Errorf("%d hidden: cue %q, want %q", hidden, got, want)
		}
	}
}
