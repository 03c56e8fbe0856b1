package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/reeltui/reel/ui/page"

	"github.com/charmbracelet/x/ansi"
)

// statusBar is the bottom line: the title, the slideshow clock, a
// progress bar, the page position, and the short help or a note. It is
// gathered from the reader for each frame (status) and drawn from what it
// holds alone.
type statusBar struct {
	title    string
	typing   string // "filter: " or "search: " while the reader types
	input    string // what they type, drawn by its input
	count    string // digits typed before enter or G
	search   func(short bool) string
	playing  bool
	left     time.Duration // until the slideshow turns the page
	present  string        // a shared presentation's word: "3 watching", "following"
	progress string        // drawn for the window's width
	position string
	note     string                 // a note of the reader's own, until the next key
	keys     func(width int) string // the short help in at most width columns
}

// status gathers the status bar for the window's width.
func (m *Model) status() statusBar {
	b := statusBar{
		title:    m.story.Title,
		count:    m.count,
		playing:  m.playing,
		left:     m.left,
		present:  m.presentStatus(),
		progress: m.progressBar(min(16, m.width/8)),
		position: fmt.Sprintf(" %d / %d ", m.pos.page, m.story.Len()),
		note:     m.hint,
	}
	hints, wm := m.keyHintList(), m.method
	b.keys = func(width int) string { return fitKeyHint(hints, width, wm) }
	if m.pos.page == 0 {
		b.position = fmt.Sprintf(" cover · %d ", m.story.Len())
	}
	switch m.overlay {
	case overlaySearch:
		b.typing, b.input = "search: ", m.search.input.View()
	case overlayContents:
		b.typing, b.input = "filter: ", m.contents.input.View()
	}
	if m.search.query != "" {
		// Both said now: a closure over m would copy the whole reader to
		// the heap on every frame.
		long, short := m.search.status(false, m.pos.page), m.search.status(true, m.pos.page)
		b.search = func(s bool) string {
			if s {
				return short
			}
			return long
		}
	}
	return b
}

// draw draws the bar in w columns.
func (b statusBar) draw(w int, st *page.Styles, wm ansi.Method) string {
	if b.typing != "" {
		return wm.Truncate(st.StatusTitle.Render(b.typing)+b.input, w, "")
	}
	// The title keeps 14 columns, and a note of the reader's own (where
	// a number led, a reload) its length too: it shows once, while the
	// search's summary shows until the search is cleared.
	noteRoom := 0
	if b.note != "" {
		noteRoom = wm.StringWidth(b.note) + 2
	}
	rightText := b.fitRight(w-14-noteRoom, st, wm)
	room := w - wm.StringWidth(rightText)
	hint := b.note
	keyHint := hint == "" && b.search == nil
	if keyHint {
		hint = b.keys(w)
	}
	// The title takes a third of the bar when there is a hint to show,
	// and less when a hint of the reader's own (not the key help) needs
	// the room.
	titleRoom := room
	if hint != "" {
		titleRoom = max(min(room, w/3), 12)
	}
	if b.note != "" {
		titleRoom = max(min(titleRoom, room-wm.StringWidth(b.note)-4), 12)
	}
	left := st.StatusTitle.Render(" " + wm.Truncate(b.title, max(titleRoom-2, 1), "…") + " ")
	if used := wm.StringWidth(left); keyHint {
		// Whole keys only, as many as fit.
		if hint = b.keys(room - used - 2); hint != "" {
			left += st.StatusBar.Render(" " + hint + " ")
		}
	} else if room-used > 12 && hint != "" {
		left += st.StatusBar.Render(" " + wm.Truncate(hint, room-used-2, "…") + " ")
	}
	gap := max(0, w-wm.StringWidth(left)-wm.StringWidth(rightText))
	bar := left + st.StatusBar.Render(strings.Repeat(" ", gap)) + rightText
	return wm.Truncate(bar, w, "")
}

// fitRight is the bar's right part in at most room columns where it
// can be: the search says less, and for a note of the reader's own the
// progress bar gives way, so that the note shows whole (in 80 columns
// "no speaker notes: only Markdown decks have them" was cut).
func (b statusBar) fitRight(room int, st *page.Styles, wm ansi.Method) string {
	var out string
	for _, short := range []bool{false, true} {
		if out = b.right(short, st); wm.StringWidth(out) <= room {
			return out
		}
		if b.note != "" && b.progress != "" {
			bare := b
			bare.progress = ""
			if out = bare.right(short, st); wm.StringWidth(out) <= room {
				return out
			}
		}
	}
	return out
}

// right is the bar's right part: what is under way, then where the reader
// is. In a narrow window (short) the search says less, so the position
// still shows.
func (b statusBar) right(short bool, st *page.Styles) string {
	var right []string
	switch {
	case b.count != "":
		right = append(right, st.StatusTitle.Render(" go to "+b.count+"… "))
	case b.search != nil:
		right = append(right, st.StatusBar.Render(" "+b.search(short)+" "))
	}
	if b.playing {
		right = append(right, st.StatusTitle.Render(fmt.Sprintf(" ▶ %ds ", int(b.left.Seconds()))))
	}
	if b.present != "" {
		right = append(right, st.StatusTitle.Render(" "+b.present+" "))
	}
	right = append(right, b.progress, st.StatusTitle.Render(b.position))
	return strings.Join(right, "")
}

// progressBar draws how far through the story the reader is.
func (m *Model) progressBar(w int) string {
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

// fitKeyHint is the first of hints, the key help with fewer and fewer
// keys, that fits in width columns: "? help" the last to give way.
func fitKeyHint(hints []string, width int, wm ansi.Method) string {
	for _, h := range hints {
		if wm.StringWidth(h) <= width {
			return h
		}
	}
	return ""
}
