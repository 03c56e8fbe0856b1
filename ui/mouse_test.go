package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/ui/page"
)

// TestMouseLeftToTheTerminal: by default the reader reports no mouse, so
// the terminal keeps its own text selection (and the wheel scrolls through
// alternate-scroll mode, set by the command); Options.Mouse (--mouse)
// takes the mouse for wheel and clicks.
func TestMouseLeftToTheTerminal(t *testing.T) {
	m := newTestModel(sample(t), 80, 24)
	if mode := m.View().MouseMode; mode != tea.MouseModeNone {
		t.Errorf("mouse mode %v by default, want none", mode)
	}
	withMouse := send(testModel(sample(t), Options{Theme: page.ThemeDark, Mouse: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if mode := withMouse.View().MouseMode; mode != tea.MouseModeCellMotion {
		t.Errorf("mouse mode %v with Mouse, want cell motion (buttons and wheel, no bare motion)", mode)
	}
}
