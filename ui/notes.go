package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/page"
)

// Speaker notes: a pane at the bottom of the reader, toggled by a key,
// shows the notes of the page on screen.

// notesHeight is the rows the notes pane takes: a third of the window,
// within bounds, when it is open.
func (m Model) notesHeight() int {
	if !m.notesOpen || m.overlay != overlayNone {
		return 0
	}
	return clamp((m.height-1)/3, 3, 12)
}

// pageNotes returns the speaker notes of page i.
func (m Model) pageNotes(i int) []string { return page.Notes(m.story, i) }

// notesPane draws the pane in h rows: a rule with its title, then the
// notes, wrapped. Notes too long for the pane say how much is left out.
func (m Model) notesPane(h int) []string {
	cw := page.ContentWidth(m.width)
	pad := strings.Repeat(" ", max(0, (m.width-cw)/2))
	st := m.styles
	title := " speaker notes · s hides "
	rule := st.Faint.Render(ansi.Truncate("──"+title+strings.Repeat("─", max(0, cw-2-ansi.StringWidth(title))), cw, ""))
	out := []string{pad + rule}
	lines := page.NotesLines(m.pageNotes(m.pos.page), cw)
	if len(lines) == 0 {
		lines = []string{st.Faint.Render("No notes for this page.")}
	}
	if room := h - 1; len(lines) > room {
		lines = append(lines[:room-1:room-1], st.Faint.Render(ansi.Truncate("… more: reel --print --notes shows every note", cw, "…")))
	}
	for _, l := range lines {
		out = append(out, pad+l)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}
