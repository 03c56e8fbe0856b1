package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestCtrlZSuspends: ctrl+z hands the terminal back to the shell, as less
// and vim do, and the reader repaints the whole screen when it is resumed.
func TestCtrlZSuspends(t *testing.T) {
	m := newTestModel(sample(t), 80, 24)
	next, cmd := m.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+z does nothing")
	}
	if msg := cmd(); msg != (tea.SuspendMsg{}) {
		t.Fatalf("ctrl+z sends %T, want tea.SuspendMsg", msg)
	}
	_, cmd = next.(Model).Update(tea.ResumeMsg{})
	if cmd == nil {
		t.Fatal("nothing repaints the screen after fg")
	}
	if msg := cmd(); msg != tea.ClearScreen() {
		t.Errorf("resuming sends %T, want a clear screen and a full repaint", msg)
	}
}

// TestDeadKeysSayWhy: s in a story without notes, and i or enter on a page
// without pictures, say why they do nothing.
func TestDeadKeysSayWhy(t *testing.T) {
	deck := loadStory(t, "../testdata/md/lists.md")
	m := newTestModel(deck, 100, 30)
	if m.keys.Details.Enabled() {
		t.Fatal("the deck's cover has pictures: pick a page without")
	}
	for _, k := range []string{"i", "enter"} {
		if got := runKeys(t, m, k); !strings.Contains(frame(got), "no pictures on this page") {
			t.Errorf("%s on a page without pictures says nothing:\n%s", k, frame(got))
		}
	}
	text := newTestModel(sample(t), 100, 30)
	if got := runKeys(t, text, "s"); !strings.Contains(frame(got), "no speaker notes") {
		t.Errorf("s in a story without notes says nothing:\n%s", frame(got))
	}
}
