package ui

import (
	"math"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/ui/page"
)

// Reveal steps: a deck's pauses show a page a step at a time. → and
// space reveal the next step before they turn the page, ← hides it again;
// every other way onto a page (the contents, G, a number, search, going
// back) opens it whole.

// stepsOf is the number of reveal steps page i has beyond its first.
func (m Model) stepsOf(i int) int {
	if m.noSteps || i <= 0 || i > m.story.Len() {
		return 0
	}
	return len(m.story.Section(i - 1).Steps)
}

// reveal is how many reveal steps are hidden on one page. On any other
// page, every step is shown.
type reveal struct {
	page, hidden int
}

// hidden is how many steps of the current page are hidden.
func (m Model) hidden() int {
	if m.reveal.page == m.pos.page {
		return m.reveal.hidden
	}
	return 0
}

// hiddenFor is how many steps of page i are hidden when it is shown: the
// current page's as the reader left them, and the next page's all but
// its first, as → opens it. The next page is only prefetched: until its
// section has been parsed (in the background, by its render), it is
// prefetched whole.
func (m Model) hiddenFor(i int) int {
	switch {
	case i == m.pos.page:
		return m.hidden()
	case i == m.pos.page+1 && !m.noSteps && i > 0:
		n, _ := m.story.ParsedSteps(i - 1)
		return n
	}
	return 0
}

// forward is →: the next step of this page, else the next page at its
// first step.
func (m *Model) forward() {
	if h := m.hidden(); h > 0 {
		m.reveal.hidden = h - 1
		// The step shows at the page's end: scroll it into view (show
		// clamps this to the last window, or the top of a short page).
		m.pos.y = math.MaxInt32
		return
	}
	next := turn(m.pos, 1, m.pages())
	if next.page == m.pos.page {
		return // the last page: the reader stays where they are
	}
	m.reveal = reveal{page: next.page, hidden: m.stepsOf(next.page)}
	m.pos = next
}

// readOn is space, and the slideshow's tick, in a body h rows tall: a
// window down, then at the bottom the next step, or page. The last page
// has no page to turn to, but may still have steps to reveal.
func (m *Model) readOn(h int) {
	if next := readOn(m.pos, m.pageLen(), h, m.pages()); next.page == m.pos.page && next != m.pos {
		m.pos = next
		return
	}
	m.forward()
}

// backward is ←: hide the last step shown, else the previous page whole.
func (m *Model) backward() {
	if h := m.hidden(); h < m.stepsOf(m.pos.page) {
		m.reveal = reveal{page: m.pos.page, hidden: h + 1}
		return
	}
	if m.pos.page > 0 { // on the cover, the reader stays where they are
		m.pos = turn(m.pos, -1, m.pages())
	}
}

// wholeKey and wholeSpec are page i shown whole, every step revealed: what
// search counts in, as a match opens its page whole.
func (m Model) wholeKey(i int) pageKey {
	k := m.key(i)
	k.hidden = 0
	return k
}

func (m Model) wholeSpec(i int) page.Spec {
	sp := m.spec(i)
	sp.Hidden = 0
	return sp
}

// prefetchStep renders the current page's next step in the background,
// so that → shows it at once.
func (m *Model) prefetchStep() tea.Cmd {
	h := m.hidden()
	if h == 0 {
		return nil
	}
	k, sp := m.key(m.pos.page), m.spec(m.pos.page)
	k.hidden, sp.Hidden = h-1, h-1
	if m.cache.get(k) != nil || m.pending[k] != nil {
		return nil
	}
	if cmd, ok := m.prefetchShared(k, sp, 0); ok {
		return cmd
	}
	return m.rendering(k, sp).delivery(k)
}
