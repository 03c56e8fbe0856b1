package ui

import (
	"bufio"
	"context"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
)

// PrintOptions configure print mode.
type PrintOptions struct {
	// Width is the width of the output; pages are at most 80 columns.
	Width int
	// Theme styles the output; ThemeNoTTY (or ThemeAuto) prints plain
	// text with no escape sequence at all.
	Theme Theme
	// Pictures, if set, loads the pictures to draw as half blocks in
	// their panels; plain output never has them.
	Pictures *picture.Loader
	// Notes prints each page's speaker notes under it.
	Notes bool
	// Method measures text; the zero value, ansi.WcWidth, is the wider
	// count, right for a terminal that was not asked (width.go).
	Method ansi.Method
}

// Print writes the whole story as text: the cover, then every section
// with its pictures drawn as panels, its caption and its body. There is no
// terminal renderer between this and the output, so every line goes
// through the same filter as the reader's pages, and plain output is
// stripped of every escape sequence.
func Print(w io.Writer, s *story.Story, opt PrintOptions) error {
	theme := opt.Theme
	if theme == ThemeAuto {
		theme = ThemeNoTTY
	}
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	cw := min(width, maxReadingWidth)
	st := NewStyles(theme != ThemeLight, theme == ThemeNoTTY)
	out := bufio.NewWriter(w)
	rule := strings.Repeat("─", cw)
	var art *pictureArt
	if opt.Pictures != nil && theme != ThemeNoTTY {
		art = newPictureArt(opt.Pictures, PicturesBlocks)
	}
	for i := range s.Len() + 1 {
		if i > 0 {
			out.WriteString(st.Faint.Render(rule) + "\n")
		}
		// A 24-row page keeps the panels to the height of a screen's third.
		if art != nil && i > 0 {
			for _, pic := range s.Section(i - 1).Pictures {
				if !pic.Placeholder && pic.Source != "" {
					_, _ = art.loader.Load(context.Background(), pic.Source)
				}
			}
		}
		p := renderPage(pageSpec{story: s, index: i, width: cw, height: 24, theme: theme, styles: &st, print: true, art: art, method: opt.Method})
		lines := p.lines
		if notes := printedNotes(s, i, cw, st); opt.Notes && len(notes) > 0 {
			// Above the page's closing words, which end it.
			at := max(len(lines)-1-p.foot, 0)
			lines = slices.Concat(lines[:at], []string{""}, notes, lines[at+1:])
		}
		for _, l := range lines {
			if theme == ThemeNoTTY {
				l = strings.TrimRight(story.Clean(ansi.Strip(l)), " ")
			} else {
				l = safeANSI(l)
			}
			if opt.Method == ansi.WcWidth {
				// Laid out for a wcwidth terminal, drawn as it measures.
				l = unjoinEmoji(l)
			}
			out.WriteString(l + "\n")
		}
	}
	return out.Flush()
}
