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

// TestStatusNoteWholeAt80: in an 80-column window a note of the reader's
// own, such as why s did nothing, shows whole: the progress bar gives
// way for it, and the title keeps its few columns. It was cut after 46
// columns ("no speaker notes: only Markdown decks have t…") by a bar
// that kept its progress bar.
func TestStatusNoteWholeAt80(t *testing.T) {
	for _, w := range []int{80, 100, 160} {
		m := newTestModel(sample(t), w, 30)
		m = send(m, keys("s")...)
		lines := strings.Split(frame(m), "\n")
		bar := lines[len(lines)-1]
		if !strings.Contains(bar, "no speaker notes: only Markdown decks have them") {
			t.Errorf("%d columns: the note is cut:\n%q", w, bar)
		}
		if !strings.Contains(bar, "cover · 5") || !strings.Contains(bar, "Kim") {
			t.Errorf("%d columns: the title or the position went:\n%q", w, bar)
		}
	}
}
