package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/reeltui/reel/ui/page"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// ContentsKeyMap is the keys of the contents list; every other key types
// into its filter.
type ContentsKeyMap struct {
	Open     key.Binding
	Close    key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding // a list's height up
	PageDown key.Binding
}

// DefaultContentsKeyMap returns the contents list's keys.
func DefaultContentsKeyMap() ContentsKeyMap {
	return ContentsKeyMap{
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
	}
}

// contentsList is the contents overlay: every page, filtered by what the
// reader types into its own input.
type contentsList struct {
	input    textinput.Model // the filter, shown on the status bar
	labels   []string        // one a page, cover first
	filtered []int           // pages whose label matches the filter
	cursor   int             // index into filtered
	// longest is the width of the widest filtered label, as wm counts
	// columns: measured when the list is built or filtered, not on each
	// frame (a 10,000-item feed has as many labels).
	longest int
	wm      ansi.Method
}

func newContentsList() contentsList { return contentsList{input: textinput.New()} }

// contentsLabels are the contents' entries for s: the cover, then each
// section numbered, the numbers right-aligned to the widest so that the
// captions start in one column past 9.
func contentsLabels(s *story.Story) []string {
	labels := make([]string, 0, s.Len()+1)
	labels = append(labels, "Cover · "+s.Title)
	digits := len(strconv.Itoa(s.Len()))
	for i, c := range s.Labels() {
		if c == "" {
			c = fmt.Sprintf("Picture %d", i+1)
		}
		labels = append(labels, fmt.Sprintf("%*d. %s", digits, i+1, c))
	}
	return labels
}

// open fills the list with labels, unfiltered, the cursor on page, and
// focuses the filter; wm measures the labels.
func (c *contentsList) open(labels []string, page int, wm ansi.Method) tea.Cmd {
	c.labels, c.filtered, c.cursor, c.wm = labels, nil, 0, wm
	c.filter("")
	for i, p := range c.filtered {
		if p == page {
			c.cursor = i
		}
	}
	return openInput(&c.input, "type to filter · enter opens · esc closes")
}

// refill is open in a story reloaded under the list: the filter typed
// stays, and filters the new labels.
func (c *contentsList) refill(labels []string, page int, wm ansi.Method) {
	filter := c.input.Value()
	_ = c.open(labels, page, wm)
	c.input.SetValue(filter)
	c.filter(filter)
}

// filter keeps the pages whose label holds text, ignoring case.
func (c *contentsList) filter(text string) {
	q := strings.ToLower(strings.TrimSpace(text))
	c.filtered = c.filtered[:0]
	for i, l := range c.labels {
		if q == "" || strings.Contains(strings.ToLower(l), q) {
			c.filtered = append(c.filtered, i)
		}
	}
	c.cursor = clamp(c.cursor, 0, len(c.filtered)-1)
	c.measure(c.wm)
}

// measure finds the widest filtered label as wm counts columns.
func (c *contentsList) measure(wm ansi.Method) {
	c.wm, c.longest = wm, 0
	for _, p := range c.filtered {
		c.longest = max(c.longest, wm.StringWidth(c.labels[p]))
	}
}

// bestMatch is the filtered entry that matches text best: the first whose
// caption starts with it, else the first where it starts a word, else the
// first entry. The cover's label holds the whole title, so "mass" would
// otherwise pick it over "3. Mass participation".
func (c *contentsList) bestMatch(text string) int {
	q := strings.ToLower(strings.TrimSpace(text))
	best, bestScore := 0, 0
	for i, page := range c.filtered {
		l := strings.ToLower(c.labels[page])
		caption := l
		if _, after, ok := strings.Cut(l, ". "); ok && page > 0 {
			caption = after
		} else if page == 0 {
			caption = strings.TrimPrefix(l, "cover · ")
		}
		score := 0
		switch {
		case q == "":
		case strings.HasPrefix(caption, q):
			score = 2
		case strings.Contains(" "+caption, " "+q):
			score = 1
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// update handles a key in a list showing rows entries. closed says the
// list is done; chosen is the page to open, or -1.
func (c *contentsList) update(msg tea.KeyPressMsg, k ContentsKeyMap, rows int) (closed bool, chosen int, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, k.Close):
		c.input.Blur()
		return true, -1, nil
	case key.Matches(msg, k.Open):
		c.input.Blur()
		if len(c.filtered) == 0 {
			return true, -1, nil
		}
		return true, c.filtered[c.cursor], nil
	case key.Matches(msg, k.Up):
		c.move(-1)
	case key.Matches(msg, k.Down):
		c.move(1)
	case key.Matches(msg, k.PageUp):
		c.move(-rows)
	case key.Matches(msg, k.PageDown):
		c.move(rows)
	default:
		before := c.input.Value()
		c.input, cmd = c.input.Update(msg)
		if c.input.Value() != before {
			c.filter(c.input.Value())
			c.cursor = c.bestMatch(c.input.Value()) // a new filter starts at its best entry
		}
	}
	return false, -1, cmd
}

// move moves the cursor by delta entries, within the list.
func (c *contentsList) move(delta int) {
	c.cursor = clamp(c.cursor+delta, 0, len(c.filtered)-1)
}

// contentsRows is how many entries the contents show in a body of h
// rows: the frame, the heading and its gap, and the filter line aside.
func contentsRows(h int) int { return max(h-6, 1) }

// view draws the list as a box in a window w wide and a body h rows tall,
// scrolled to keep the cursor in view; reading is the page being read.
func (c contentsList) view(w, h, reading int, st *page.Styles, wm ansi.Method) []string {
	bw := min(page.ContentWidth(w), 70)
	// A longer entry widens the box while the window has room, so that
	// the cover's title is not cut with columns to spare.
	if wm != c.wm {
		c.measure(wm) // counted otherwise since: this frame only
	}
	if need := c.longest + 2 + st.Overlay.GetHorizontalFrameSize(); need > bw {
		bw = max(bw, min(need, w-4))
	}
	inner := bw - st.Overlay.GetHorizontalFrameSize()
	rows := contentsRows(h)
	top := clamp(c.cursor-rows/2, 0, max(0, len(c.filtered)-rows))
	head := st.Heading.Render("Contents")
	if end := min(len(c.filtered), top+rows); top > 0 || end < len(c.filtered) {
		// Not all of the list shows: say which part, so that none is
		// taken for missing.
		head = wm.Truncate(head+st.Faint.Render(fmt.Sprintf(" · %d–%d of %d", top+1, end, len(c.filtered))), inner, "…")
	}
	lines := []string{head, ""}
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
		case page == reading:
			mark = "• "
		}
		label := wm.Truncate(mark+c.labels[page], inner, "…")
		if i == c.cursor {
			label = st.Selected.Render(label)
		}
		lines = append(lines, label)
	}
	return page.PlaceLines(page.FramePanel(lines, bw, st.Overlay, wm), w, h)
}

// openContents shows the contents, the cursor on the page being read.
func (m Model) openContents() (Model, tea.Cmd) {
	m.overlay = overlayContents
	return m, m.contents.open(contentsLabels(m.story), m.pos.page, m.method)
}

// updateContents handles a key while the contents are shown.
func (m Model) updateContents(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	closed, page, cmd := m.contents.update(msg, m.keys.InContents, contentsRows(m.bodyHeight()))
	if closed {
		m.overlay = overlayNone
	}
	if page < 0 {
		return m, cmd
	}
	m.pos, m.reveal = jump(page, m.pages()), reveal{}
	return m, m.show()
}
