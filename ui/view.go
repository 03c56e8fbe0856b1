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
		body = m.contents.view(m.width, h, m.pos.page, m.styles, m.method)
	case overlayHelp:
		body = m.helpView(h)
	case overlayDetails:
		body = m.details.view(m.detailsBody(), m.width, h, m.styles, m.method)
	default:
		body = m.pageView(h)
	}
	for len(body) < h {
		body = append(body, "")
	}
	body = body[:h]
	if n := m.notesHeight(); n > 0 {
		body = append(body[:h], m.notesPane(n)...)
	}
	frame := strings.Join(body, "\n") + "\n" + m.statusBar()
	if m.method == ansi.WcWidth {
		frame = unjoinEmoji(frame)
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
func (m Model) pageView(h int) []string {
	if m.cur == nil {
		return nil
	}
	cw := contentWidth(m.width)
	win := m.pageWindow(h)
	pad := strings.Repeat(" ", win.pad)
	lines := m.cur.lines
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

func (m Model) pageWindow(h int) pageWindow {
	lines := m.cur.lines
	w := pageWindow{pad: max(0, (m.width-contentWidth(m.width))/2)}
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

// helpView is every key, from the key map that drives the keys, in as
// many columns as fit the window; it scrolls when taller than the window.
// It lays the KeyMap out itself, with help.Model's styles: help.Model's
// full view drops the columns that do not fit, cannot wrap a description
// or scroll, and leaves out a disabled key instead of saying when it acts.
func (m Model) helpView(h int) []string {
	st := m.styles
	inner := max(m.width-st.Overlay.GetHorizontalFrameSize(), 1)
	body := m.helpBody(inner)
	boxW := 0
	for _, l := range body {
		boxW = max(boxW, ansi.StringWidth(l))
	}
	title := st.Heading.Render("Keys")
	foot := "? or esc closes"
	rows, gap := m.helpRows(h)
	if len(body) > rows {
		foot = "↑/↓ more · esc closes"
		top := clamp(m.helpY, 0, len(body)-rows)
		body = body[top : top+rows]
	}
	lines := append(append([]string{title}, gap...), body...)
	lines = append(append(lines, gap...), st.Faint.Render(ansi.Truncate(foot, inner, "…")))
	// The box keeps the width of all the keys while it scrolls.
	box := st.Overlay.Width(min(boxW, inner) + st.Overlay.GetHorizontalFrameSize()).Render(strings.Join(lines, "\n"))
	return place(box, m.width, h)
}

// helpRows is how many rows of keys the help shows in h rows: around them
// the title, the foot, and a blank line after and before the keys (gap),
// which a low window goes without.
func (m Model) helpRows(h int) (rows int, gap []string) {
	room := h - m.styles.Overlay.GetVerticalFrameSize()
	gap = []string{""}
	if room-4 < 3 {
		gap = nil
	}
	return max(room-2-2*len(gap), 1), gap
}

// helpBody is the help's keys laid out in w columns.
func (m Model) helpBody(w int) []string {
	groups := m.keys.helpGroups()
	for _, cols := range []int{len(groups), 2} {
		if b, ok := m.helpColumns(groups, cols, w); ok {
			return b
		}
	}
	return m.helpColumn(groups, w)
}

// helpScroll moves the help by delta rows, within its length.
func (m *Model) helpScroll(delta int) {
	rows, _ := m.helpRows(m.bodyHeight())
	n := len(m.helpBody(max(m.width-m.styles.Overlay.GetHorizontalFrameSize(), 1)))
	m.helpY = clamp(m.helpY+delta, 0, max(0, n-rows))
}

// helpEntry is one key's help: the key and what it does, faint with when
// it acts if it cannot act now.
func (m Model) helpEntry(it helpItem) (k, desc string, on bool) {
	hk := it.Help()
	on = it.Enabled()
	desc = hk.Desc
	if !on && it.when != "" {
		desc += " (" + it.when + ")"
	}
	return hk.Key, desc, on
}

func (m Model) helpStyles(on bool) (k, desc lipgloss.Style) {
	if !on {
		return m.styles.Faint, m.styles.Faint
	}
	return m.help.Styles.FullKey, m.help.Styles.FullDesc
}

// helpColumns lays the groups out in cols columns, each entry on one
// line; ok is false when they do not fit in w columns. It measures before
// it styles: styling is the costly part.
func (m Model) helpColumns(groups [][]helpItem, cols, w int) ([]string, bool) {
	const gap = 3
	widths := make([]int, cols)
	keyWs := make([]int, len(groups))
	for g, items := range groups {
		for _, it := range items {
			keyWs[g] = max(keyWs[g], ansi.StringWidth(it.Help().Key))
		}
		for _, it := range items {
			_, desc, _ := m.helpEntry(it)
			widths[g%cols] = max(widths[g%cols], keyWs[g]+1+ansi.StringWidth(desc))
		}
	}
	total := gap * (cols - 1)
	for _, cw := range widths {
		total += cw
	}
	if total > w {
		return nil, false
	}
	columns := make([][]string, cols)
	for g, items := range groups {
		c := g % cols
		if len(columns[c]) > 0 {
			columns[c] = append(columns[c], "") // a blank line between groups
		}
		for _, it := range items {
			k, desc, on := m.helpEntry(it)
			ks, ds := m.helpStyles(on)
			line := ks.Render(k) + strings.Repeat(" ", keyWs[g]-ansi.StringWidth(k)+1) + ds.Render(desc)
			columns[c] = append(columns[c], line)
		}
	}
	height := 0
	for _, col := range columns {
		height = max(height, len(col))
	}
	lines := make([]string, height)
	for i, col := range columns {
		for r := range height {
			cell, cw := "", 0
			if r < len(col) {
				cell = col[r]
				cw = ansi.StringWidth(cell)
			}
			if i < len(columns)-1 {
				cell += strings.Repeat(" ", widths[i]-cw+gap)
			}
			lines[r] += cell
		}
	}
	return lines, true
}

// helpColumn is the help in one column of width w, for narrow windows:
// each description wrapped beside its key, or below it when even that
// leaves too little room.
func (m Model) helpColumn(groups [][]helpItem, w int) []string {
	var lines []string
	for gi, g := range groups {
		if gi > 0 {
			lines = append(lines, "")
		}
		keyW := 0
		for _, it := range g {
			keyW = max(keyW, ansi.StringWidth(it.Help().Key))
		}
		for _, it := range g {
			k, desc, on := m.helpEntry(it)
			ks, ds := m.helpStyles(on)
			if dw := w - keyW - 1; dw >= 10 {
				for i, d := range wrapWidth(desc, dw, m.method) {
					lead := strings.Repeat(" ", keyW+1)
					if i == 0 {
						lead = ks.Render(k) + strings.Repeat(" ", keyW-ansi.StringWidth(k)+1)
					}
					lines = append(lines, lead+ds.Render(d))
				}
				continue
			}
			lines = append(lines, wrapStyled(k, w, ks, m.method)...)
			for _, d := range wrapWidth(desc, max(w-2, 1), m.method) {
				lines = append(lines, "  "+ds.Render(d))
			}
		}
	}
	return lines
}
