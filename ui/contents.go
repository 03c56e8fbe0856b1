package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/ui/page"
)

// contentsState is the contents overlay: every page, filtered by what the
// reader types.
type contentsState struct {
	labels   []string // one a page, cover first
	filtered []int    // pages whose label matches the filter
	cursor   int      // index into filtered
}

func (m Model) openContents() (Model, tea.Cmd) {
	labels := make([]string, 0, m.pages())
	labels = append(labels, "Cover · "+m.story.Title)
	// The numbers are right-aligned to the widest, so the captions
	// start in one column past 9.
	digits := len(strconv.Itoa(m.story.Len()))
	for i, c := range m.story.Labels() {
		if c == "" {
			c = fmt.Sprintf("Picture %d", i+1)
		}
		labels = append(labels, fmt.Sprintf("%*d. %s", digits, i+1, c))
	}
	m.contents = contentsState{labels: labels}
	m.contents.filter("")
	for i, p := range m.contents.filtered {
		if p == m.pos.page {
			m.contents.cursor = i
		}
	}
	return m, m.openInput(overlayContents, "type to filter · enter opens · esc closes")
}

// filter keeps the pages whose label holds text, ignoring case.
func (c *contentsState) filter(text string) {
	q := strings.ToLower(strings.TrimSpace(text))
	c.filtered = c.filtered[:0]
	for i, l := range c.labels {
		if q == "" || strings.Contains(strings.ToLower(l), q) {
			c.filtered = append(c.filtered, i)
		}
	}
	c.cursor = clamp(c.cursor, 0, len(c.filtered)-1)
}

func (m Model) updateContents(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	c := &m.contents
	switch {
	case key.Matches(msg, m.keys.Close):
		m.closeOverlay()
		return m, nil
	case key.Matches(msg, m.keys.Enter):
		m.closeOverlay()
		if len(c.filtered) == 0 {
			return m, nil
		}
		m.pos, m.reveal = jump(c.filtered[c.cursor], m.pages()), reveal{}
		return m, m.show()
	case key.Matches(msg, m.keys.ListUp):
		c.cursor = clamp(c.cursor-1, 0, len(c.filtered)-1)
		return m, nil
	case key.Matches(msg, m.keys.ListDown):
		c.cursor = clamp(c.cursor+1, 0, len(c.filtered)-1)
		return m, nil
	case key.Matches(msg, m.keys.ListPgUp):
		c.cursor = clamp(c.cursor-contentsRows(m.bodyHeight()), 0, len(c.filtered)-1)
		return m, nil
	case key.Matches(msg, m.keys.ListPgDn):
		c.cursor = clamp(c.cursor+contentsRows(m.bodyHeight()), 0, len(c.filtered)-1)
		return m, nil
	}
	var cmd tea.Cmd
	before := m.input.Value()
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		c.cursor = 0 // a new filter starts at its first entry
		c.filter(m.input.Value())
	}
	return m, cmd
}

// contentsRows is how many entries the contents show in a body of h
// rows: the frame, the heading and its gap, and the filter line aside.
func contentsRows(h int) int { return max(h-6, 1) }

// contentsView draws the contents list as a box, scrolled to keep the
// cursor in view.
func (m Model) contentsView(h int) []string {
	c := m.contents
	st := m.styles
	w := min(page.ContentWidth(m.width), 70)
	inner := w - st.Overlay.GetHorizontalFrameSize()
	rows := contentsRows(h)
	top := clamp(c.cursor-rows/2, 0, max(0, len(c.filtered)-rows))
	lines := []string{st.Heading.Render("Contents"), ""}
	if len(c.filtered) == 0 {
		lines = append(lines, st.Faint.Render("nothing matches"))
	}
	for i := top; i < min(len(c.filtered), top+rows); i++ {
		page := c.filtered[i]
		// The cursor has a sign of its own, not only a colour (NO_COLOR
		// drops that); "•" is the page being read.
		mark := "  "
		switch {
		case i == c.cursor:
			mark = "▸ "
		case page == m.pos.page:
			mark = "• "
		}
		label := m.method.Truncate(mark+c.labels[page], inner, "…")
		if i == c.cursor {
			label = st.Selected.Render(label)
		}
		lines = append(lines, label)
	}
	return page.PlaceLines(page.FramePanel(lines, w, st.Overlay, m.method), m.width, h)
}
