package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

func (m Model) pageLen() int {
	if m.cur == nil {
		return 0
	}
	return len(m.cur.Lines)
}

// bodyHeight is the number of rows for the page: all but the status bar.
func (m Model) bodyHeight() int { return max(m.height-1-m.notesHeight(), 1) }

// View draws the reader. It only joins strings rendered in Update.
func (m Model) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			v = tea.NewView(fmt.Sprintf("reel: internal error: %v · q quits", r))
		}
	}()
	v = tea.NewView(m.content())
	v.AltScreen = true
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = story.OneLine(m.story.Title)
	return v
}

func (m *Model) content() string {
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
		body = m.contents.view(m.width, h, m.pos.page, m.styles, m.method)
	case overlayHelp:
		body = m.help.view(m.keys.helpGroups(), m.width, h, m.styles, m.method)
	case overlayDetails:
		body = m.details.view(m.detailsBody(), m.width, h, m.styles, m.method)
	default:
		if m.notesView && m.overlay == overlayNone {
			body = m.notesViewBody(h)
			break
		}
		body = m.pageView(h)
	}
	for len(body) < h {
		body = append(body, "")
	}
	body = body[:h]
	if n := m.notesHeight(); n > 0 {
		body = append(body[:h], m.notesPane(n)...)
	}
	frame := strings.Join(body, "\n") + "\n" + m.status().draw(m.width, m.styles, m.method)
	if m.method == ansi.WcWidth {
		frame = page.UnjoinEmoji(frame)
	}
	return frame
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
func (m *Model) pageView(h int) []string {
	if m.cur == nil {
		return nil
	}
	cw := m.contentWidth()
	win := m.pageWindow(h)
	pad := strings.Repeat(" ", win.pad)
	lines := m.cur.Lines
	y, end := win.y, win.end
	out := make([]string, 0, h)
	for range win.top {
		out = append(out, "")
	}
	// The current match is the nth occurrence on its page: count from the
	// page's top, the lines above the window included.
	q, nth := m.search.query, -1
	if s := m.search; len(s.matches) > 0 && !s.searching && s.matches[s.current].page == m.pos.page {
		nth = s.matches[s.current].nth
	}
	seen := 0
	if q != "" {
		for _, l := range lines[:y] {
			seen += len(findIn(ansi.Strip(l), q))
		}
	}
	for i := y; i < end; i++ {
		l := lines[i]
		if q != "" {
			var n int
			l, n = highlight(l, q, nth-seen, m.styles.Match, m.styles.CurrentMatch)
			seen += n
		}
		if m.cur.Shifts != nil && m.cur.Shifts[i] > 0 {
			// A table or code block wider than the text.
			out = append(out, strings.Repeat(" ", max(0, win.pad-m.cur.Shifts[i]))+l)
			continue
		}
		out = append(out, pad+l)
	}
	if y > 0 && len(out) > 0 {
		out[0] = pad + cue("▲ more above", cw, *m.styles)
	}
	if end < len(lines) && len(out) > 1 {
		out[len(out)-1] = pad + cue("▼ more below · space reads on", cw, *m.styles)
	}
	return out
}

// pageWindow is where the current page stands in h rows: its lines y to
// end are shown, from row top and column pad; lines first to last are
// the page's own (the others show a cue that more lies above or below).
type pageWindow struct {
	y, end, top, pad int
	first, last      int
}

func (m *Model) pageWindow(h int) pageWindow {
	lines := m.cur.Lines
	w := pageWindow{pad: max(0, (m.width-m.contentWidth())/2)}
	w.y = clamp(m.pos.y, 0, max(0, len(lines)-h))
	w.end = min(len(lines), w.y+h)
	if m.pos.page == 0 && len(lines) < h {
		// A cover that fits stands a third of the way down, like a title
		// page; a longer one starts at the top.
		w.top = (h - len(lines)) / 3
	}
	w.first, w.last = w.y, w.end-1
	if w.y > 0 && w.end > w.y {
		w.first++
	}
	if w.end < len(lines) && w.end-w.y > 1 {
		w.last--
	}
	return w
}

// cue is a centred, faint line that says more of the page lies above or
// below.
func cue(text string, w int, st page.Styles) string {
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

// contentWidth is the width of the page's text in this window: the
// measure asked for, or the default one.
func (m Model) contentWidth() int { return page.MeasureWidth(m.width, m.measure) }
