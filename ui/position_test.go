package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/page"
)

// TestOpensAtAPosition opens a story where a reader left it, and reports
// where the reader is when they stop.
func TestOpensAtAPosition(t *testing.T) {
	s := loadStory(t, "../testdata/md/long.md")
	m := New(s, Options{Theme: page.ThemeDark, Start: 1, Scroll: 5, Hint: "resumed at 1 of 2 · g for the cover"})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 12})
	if got := m.Position(); got != (Position{Section: 1, Scroll: 5, Caption: "The flats", Sections: 2}) {
		t.Errorf("Position = %+v", got)
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "resumed at 1 of 2") {
		t.Error("the resume note is not on the status bar")
	}
	m = send(m, keys("down")...)
	if got := m.Position(); got.Scroll != 6 {
		t.Errorf("after ↓, scroll %d, want 6", got.Scroll)
	}
	if strings.Contains(ansi.Strip(m.View().Content), "resumed at") {
		t.Error("the resume note outlived a key")
	}
	m = send(m, keys("right")...)
	if got := m.Position(); got != (Position{Section: 2, Caption: "The return", Sections: 2}) {
		t.Errorf("after →, Position = %+v", got)
	}

	// A scroll past the page's end, as a wider window left it, is clamped.
	m = New(s, Options{Theme: page.ThemeDark, Start: 1, Scroll: 10000})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 12})
	if got := m.Position(); got.Scroll != m.pageLen()-m.bodyHeight() {
		t.Errorf("scroll %d, want the last window at %d", got.Scroll, m.pageLen()-m.bodyHeight())
	}
	if got := New(s, Options{}).Position(); got != (Position{Sections: 2}) {
		t.Errorf("a new reader is at %+v, want the cover", got)
	}
}
