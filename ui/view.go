package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

func (m Model) pageLen() int {
	if m.cur == nil {
		return 0
	}
	return len(m.cur.lines)
}

// bodyHeight is the number of rows for the page: all but the status bar.
func (m Model) bodyHeight() int { return max(m.height-1, 1) }

// View draws the reader. It only joins strings rendered in Update.
func (m Model) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			v = tea.NewView(fmt.Sprintf("reel: internal error: %v · q quits", r))
		}
	}()
	v = tea.NewView(m.content())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = story.OneLine(m.story.Title)
	return v
}

func (m Model) content() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return tooSmall(m.width)
	}
	h := m.bodyHeight()
	var body []string
	switch m.overlay {
	case overlayContents:
		body = m.contentsView(h)
	case overlayHelp:
		body = m.helpView(h)
	default:
		body = m.pageView(h)
	}
	for len(body) < h {
		body = append(body, "")
	}
	return strings.Join(body[:h], "\n") + "\n" + m.statusBar()
}

// tooSmall says the window is too small, in as many words as fit.
func tooSmall(w int) string {
	for _, msg := range []string{
		fmt.Sprintf("window too small: reel needs %d×%d", minWidth, minHeight),
		"window too small", "too small", "small",
	} {
		if ansi.StringWidth(msg) <= w {
			return msg
		}
	}
	return ansi.Truncate("small", w, "")
}

// pageView is the visible part of the current page, centred, with cues
// when more of it lies above or below.
func (m Model) pageView(h int) []string {
	if m.cur == nil {
		return nil
	}
	cw := contentWidth(m.width)
	pad := strings.Repeat(" ", max(0, (m.width-cw)/2))
	lines := m.cur.lines
	y := clamp(m.pos.y, 0, max(0, len(lines)-h))
	end := min(len(lines), y+h)
	out := make([]string, 0, h)
	if m.pos.page == 0 && len(lines) < h {
		// A cover that fits stands a third of the way down, like a title
		// page; a longer one starts at the top.
		for range (h - len(lines)) / 3 {
			out = append(out, "")
		}
	}
	for i := y; i < end; i++ {
		l := lines[i]
		if m.search.query != "" {
			l = highlight(l, m.search.query, m.styles.Match)
		}
		out = append(out, pad+l)
	}
	if y > 0 && len(out) > 0 {
		out[0] = pad + cue("▲ more above", cw, m.styles)
	}
	if end < len(lines) && len(out) > 1 {
		out[len(out)-1] = pad + cue("▼ more below · space reads on", cw, m.styles)
	}
	return out
}

// cue is a centred, faint line that says more of the page lies above or
// below.
func cue(text string, w int, st Styles) string {
	return lipgloss.PlaceHorizontal(w, lipgloss.Center, st.Faint.Render(ansi.Truncate(text, w, "…")))
}

// place centres a box in a w×h area and returns its lines.
func place(box string, w, h int) []string {
	lines := strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return lines
}

// helpView is the full key list, from the key map that drives the keys.
func (m Model) helpView(h int) []string {
	body := m.help.FullHelpView(m.keys.FullHelp())
	box := m.styles.Overlay.Render("Keys\n\n" + body + "\n\n" + m.styles.Faint.Render("? or esc closes"))
	return place(box, m.width, h)
}
