package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// statusBar is the bottom line: the title, the slideshow clock, a
// progress bar, the page position, and the short help or a hint.
func (m Model) statusBar() string {
	st := m.styles
	w := m.width
	if m.overlay == overlaySearch || m.overlay == overlayContents {
		label := "search: "
		if m.overlay == overlayContents {
			label = "filter: "
		}
		return m.method.Truncate(st.StatusTitle.Render(label)+m.input.View(), w, "")
	}
	posText := fmt.Sprintf(" %d / %d ", m.pos.page, m.story.Len())
	if m.pos.page == 0 {
		posText = fmt.Sprintf(" cover · %d ", m.story.Len())
	}
	// The right part: what is under way, then where the reader is. In a
	// narrow window the search says less, so the position still shows.
	rightPart := func(short bool) string {
		var right []string
		switch {
		case m.count != "":
			right = append(right, st.StatusTitle.Render(" go to "+m.count+"… "))
		case m.search.query != "":
			right = append(right, st.StatusBar.Render(" "+m.searchStatus(short)+" "))
		}
		if m.playing {
			right = append(right, st.StatusTitle.Render(fmt.Sprintf(" ▶ %ds ", int(m.left.Seconds()))))
		}
		if s := m.presentStatus(); s != "" {
			right = append(right, st.StatusTitle.Render(" "+s+" "))
		}
		right = append(right, m.progressBar(min(16, w/8)), st.StatusTitle.Render(posText))
		return strings.Join(right, "")
	}
	// The title keeps 14 columns, and a note of the reader's own (where
	// a number led, a reload) its length too: it shows once, while the
	// search's summary shows until the search is cleared.
	noteRoom := 0
	if m.hint != "" {
		noteRoom = m.method.StringWidth(m.hint) + 2
	}
	rightText := rightPart(false)
	if m.method.StringWidth(rightText) > w-14-noteRoom {
		rightText = rightPart(true)
	}
	room := w - m.method.StringWidth(rightText)
	hint := m.hint
	keyHint := hint == "" && m.search.query == ""
	if keyHint {
		hint = m.keyHint(w)
	}
	// The title takes a third of the bar when there is a hint to show,
	// and less when a hint of the reader's own (not the key help) needs
	// the room.
	titleRoom := room
	if hint != "" {
		titleRoom = max(min(room, w/3), 12)
	}
	if m.hint != "" {
		titleRoom = max(min(titleRoom, room-m.method.StringWidth(m.hint)-4), 12)
	}
	left := st.StatusTitle.Render(" " + m.method.Truncate(m.story.Title, max(titleRoom-2, 1), "…") + " ")
	if used := m.method.StringWidth(left); keyHint {
		// Whole keys only, as many as fit.
		if hint = m.keyHint(room - used - 2); hint != "" {
			left += st.StatusBar.Render(" " + hint + " ")
		}
	} else if room-used > 12 && hint != "" {
		left += st.StatusBar.Render(" " + m.method.Truncate(hint, room-used-2, "…") + " ")
	}
	gap := max(0, w-m.method.StringWidth(left)-m.method.StringWidth(rightText))
	bar := left + st.StatusBar.Render(strings.Repeat(" ", gap)) + rightText
	return m.method.Truncate(bar, w, "")
}

// progressBar draws how far through the story the reader is.
func (m Model) progressBar(w int) string {
	if w < 4 {
		return ""
	}
	done := 0
	if m.pages() > 1 {
		done = w * m.pos.page / (m.pages() - 1)
	}
	full, empty := "━", "─"
	return m.styles.BarFull.Render(strings.Repeat(full, done)) + m.styles.BarEmpty.Render(strings.Repeat(empty, w-done))
}

// keyHint is the status bar's key help in at most width columns: as many
// of the main keys as fit whole, "? help" the last to give way.
func (m Model) keyHint(width int) string {
	first := m.pos.page == 0
	last := m.pos.page == m.pages()-1 && m.hidden() == 0
	for n := 6; n > 0; n-- {
		if h := ansi.Strip(m.help.ShortHelpView(m.keys.shortHelp(n, first, last))); m.method.StringWidth(h) <= width {
			return h
		}
	}
	return ""
}
