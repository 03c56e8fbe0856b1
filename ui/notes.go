package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
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
func (m Model) pageNotes(i int) []string { return notesOf(m.story, i) }

func notesOf(s *story.Story, i int) []string {
	if i == 0 {
		return s.CoverNotes()
	}
	return s.Section(i - 1).Notes()
}

// notesPane draws the pane in h rows: a rule with its title, then the
// notes, wrapped. Notes too long for the pane say how much is left out.
func (m Model) notesPane(h int) []string {
	cw := contentWidth(m.width)
	pad := strings.Repeat(" ", max(0, (m.width-cw)/2))
	st := m.styles
	title := " speaker notes · s hides "
	rule := st.Faint.Render(ansi.Truncate("──"+title+strings.Repeat("─", max(0, cw-2-ansi.StringWidth(title))), cw, ""))
	out := []string{pad + rule}
	lines := notesLines(m.pageNotes(m.pos.page), cw)
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

// notesLines wraps notes to width w, a blank line between them. The pane
// shows a dozen lines at most, and View draws it every frame: only the
// start of a long note is wrapped.
func notesLines(notes []string, w int) []string {
	const most = 4096
	var lines []string
	for i, n := range notes {
		if i > 0 {
			lines = append(lines, "")
		}
		if len(n) > most {
			n = strings.ToValidUTF8(n[:most], "") + "…"
		}
		lines = append(lines, wrap(n, w)...)
		if len(lines) > 100 {
			break
		}
	}
	return lines
}

// printedNotes are page i's speaker notes as --print --notes shows them:
// all of them, under the page.
func printedNotes(s *story.Story, i, w int, st Styles) []string {
	notes := notesOf(s, i)
	if len(notes) == 0 {
		return nil
	}
	out := []string{st.Faint.Render("Speaker notes:")}
	for j, n := range notes {
		if j > 0 {
			out = append(out, "")
		}
		for _, l := range wrap(n, w-2) {
			out = append(out, "  "+st.Faint.Render(l))
		}
	}
	return append(out, "")
}
