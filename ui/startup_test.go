package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/ui/page"
)

type darkColor struct{}

func (darkColor) RGBA() (r, g, b, a uint32) { return 0, 0, 0, 0xffff }

// TestDarkAnswerKeepsThePages: the terminal's answer that its background
// is dark, the theme assumed until it answers, must not throw away and
// redraw the pages drawn at start-up, which would compete with the first
// frame.
func TestDarkAnswerKeepsThePages(t *testing.T) {
	m := send(testModel(sample(t), Options{Width: 80, Height: 24}), tea.WindowSizeMsg{Width: 80, Height: 24})
	first := m.cur
	if first == nil || m.theme != page.ThemeDark {
		t.Fatalf("no page drawn at start-up (theme %v)", m.theme)
	}
	next, cmd := m.Update(tea.BackgroundColorMsg{Color: darkColor{}})
	m = next.(Model)
	if m.cur != first || cmd != nil {
		t.Errorf("a dark answer redrew the page (same page: %v, command: %v)", m.cur == first, cmd != nil)
	}
	if m = send(m, tea.BackgroundColorMsg{Color: lightColor{}}); m.theme != page.ThemeLight || m.cur == first {
		t.Errorf("a light answer must still restyle the page (theme %v)", m.theme)
	}
}
