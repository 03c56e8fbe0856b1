package ui

import (
	"strings"
	"testing"
)

// TestStatusNoteUsesTheWidth: a note of the reader's own is shown whole
// when the window has room for it, however long past 40 columns it is.
func TestStatusNoteUsesTheWidth(t *testing.T) {
	const note = "the story changed since you last read it: opened at the cover, the page you were on is gone"
	m := newTestModel(sample(t), 160, 30)
	m.hint = note
	lines := strings.Split(frame(m), "\n")
	if bar := lines[len(lines)-1]; !strings.Contains(bar, note) {
		t.Errorf("the note is cut in a 160-column window:\n%q", bar)
	}
}
