package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// The notes view (reel --follow --notes-view) is a follower's second
// screen for the presenter: the current page's speaker notes, the next
// page's title and a clock, in place of the page.

// clockMsg redraws the notes view's clock.
type clockMsg struct{}

// clockEvery is how often the clock is redrawn: it shows minutes.
const clockEvery = 15 * time.Second

func (m Model) clockTick() tea.Cmd {
	if !m.notesView {
		return nil
	}
	return m.after(clockEvery, clockMsg{})
}

// notesViewBody is the notes view in h rows.
func (m Model) notesViewBody(h int) []string {
	cw := m.contentWidth()
	pad := strings.Repeat(" ", max(0, (m.width-cw)/2))
	st := m.styles
	now := m.now().Format("15:04")
	head := fmt.Sprintf("speaker notes · %s", m.pageName(m.pos.page))
	gap := max(1, cw-ansi.StringWidth(head)-ansi.StringWidth(now))
	out := []string{"", pad + st.StatusTitle.Render(ansi.Truncate(head, cw-len(now)-1, "…")) + strings.Repeat(" ", gap) + st.Faint.Render(now), ""}
	lines := page.NotesLines(m.pageNotes(m.pos.page), cw)
	if len(lines) == 0 {
		lines = []string{st.Faint.Render("No notes for this page.")}
	}
	next := "next: the end of the story"
	if m.pos.page+1 < m.pages() {
		next = "next: " + m.pageName(m.pos.page+1)
	}
	tail := []string{"", pad + st.Faint.Render(ansi.Truncate(next, cw, "…"))}
	if room := h - len(out) - len(tail); len(lines) > room {
		lines = append(lines[:max(room-1, 0):max(room-1, 0)], st.Faint.Render(ansi.Truncate("… more: reel --print --notes shows every note", cw, "…")))
	}
	for _, l := range lines {
		out = append(out, pad+l)
	}
	return append(out, tail...)
}

// pageName is how the notes view names page i: the cover, or its section's
// label.
func (m Model) pageName(i int) string {
	if i <= 0 {
		return "the cover"
	}
	labels := m.story.Labels()
	if i-1 < len(labels) && labels[i-1] != "" {
		return story.OneLine(labels[i-1])
	}
	return fmt.Sprintf("section %d", i)
}
