package page

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// clamp returns v limited to [lo, hi]; hi below lo gives lo. (ui keeps
// its own, for navigation.)
func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// stepCue is the line under a page with steps still hidden.
func stepCue(hidden, w int, st Styles) []string {
	text := "→ reveals more"
	if hidden > 1 {
		text = fmt.Sprintf("→ reveals more · %d steps to go", hidden)
	}
	return []string{lipgloss.PlaceHorizontal(w, lipgloss.Center, st.Faint.Render(ansi.Truncate(text, w, "…")))}
}

// Plain is a page's text, unformatted: shown while its render runs.
func Plain(sp Spec) *Page {
	var text string
	if sp.Index == 0 {
		text = sp.Story.Title + "\n\n" + sp.Story.Intro
	} else {
		sec := sp.Story.Section(sp.Index - 1)
		text = sec.Caption + "\n\n" + sec.Step(len(sec.Steps)-sp.Hidden)
	}
	lines := append([]string{""}, WrapWidth(unescapeMarkdown(text), sp.Width, sp.Method)...)
	return &Page{Lines: append(lines, "", sp.Styles.Faint.Render("formatting…")), Plain: true}
}

// Pictures are the pictures page i shows: the story's poster on the
// cover, a section's pictures on its page.
func Pictures(s *story.Story, i int) []story.Picture {
	switch {
	case i == 0 && s.Poster.Source != "":
		return []story.Picture{s.Poster}
	case i > 0 && i <= s.Len():
		return s.Section(i - 1).Pictures
	}
	return nil
}

// Notes returns the speaker notes of page i.
func Notes(s *story.Story, i int) []string {
	if i == 0 {
		return s.CoverNotes()
	}
	return s.Section(i - 1).Notes()
}

// NotesLines wraps notes to width w, a blank line between them. The pane
// shows a dozen lines at most, and View draws it every frame: only the
// start of a long note is wrapped.
func NotesLines(notes []string, w int) []string {
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
	notes := Notes(s, i)
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
