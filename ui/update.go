package ui

import (
	"fmt"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
)

// update handles a message; Update then enables the keys that can act in
// the state it leaves.
func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if mm, cmd, ok := m.updatePictures(msg); ok {
		return mm, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		m.help.SetWidth(m.width)
		m.input.SetWidth(max(m.width-12, 1))
		return m, tea.Batch(m.show(), m.researchIfStale())
	case tea.ModeReportMsg:
		if wm, ok := widthMethodFor(msg); ok && wm != m.method {
			m.method = wm
			m.cur = nil
			return m, tea.Batch(m.show(), m.researchIfStale())
		}
		return m, nil
	case tea.BackgroundColorMsg:
		// Most terminals answer "dark", the theme assumed until they do:
		// then the pages drawn and prefetched at start-up stand.
		if t := map[bool]Theme{true: ThemeDark, false: ThemeLight}[msg.IsDark()]; m.auto && t != m.theme {
			m.setTheme(t)
			return m, tea.Batch(m.show(), m.researchIfStale())
		}
		return m, nil
	case pageMsg:
		delete(m.pending, msg.key)
		m.cache.put(msg.key, msg.page)
		if msg.key == m.key(m.pos.page) {
			m.cur = msg.page
			m.pos = scroll(m.pos, 0, len(m.cur.lines), m.bodyHeight())
		}
		return m, nil
	case searchMsg:
		return m.foundAll(msg)
	case ReloadMsg:
		return m.reload(msg)
	case PresentMsg:
		return m.presented(msg)
	case presenterGoneMsg:
		return m, tea.Quit
	case picturesChangedMsg:
		return m.picturesChanged(msg)
	case tickMsg:
		if !m.playing || msg.id != m.tickID {
			return m, nil
		}
		if m.overlay != overlayNone {
			// The show waits under the help (the other overlays stop
			// it): no page turns unseen.
			return m, m.tick()
		}
		return m.tickShow()
	case tea.MouseWheelMsg:
		if m.overlay == overlayHelp {
			m.helpScroll(wheelDelta(msg))
			return m, nil
		}
		if m.overlay == overlayDetails {
			m.detailsY = clamp(m.detailsY+wheelDelta(msg), 0, m.detailsMaxY())
			return m, nil
		}
		if m.overlay != overlayNone {
			return m, nil
		}
		if d := wheelDelta(msg); d != 0 {
			m.pos = scroll(m.pos, d, m.pageLen(), m.bodyHeight())
			m.stopShow("slideshow stopped · a plays")
		}
		return m, nil
	case tea.KeyPressMsg:
		m.hint = ""
		if key.Matches(msg, m.keys.ForceQuit) {
			return m, tea.Interrupt
		}
		switch m.overlay {
		case overlayContents:
			return m.updateContents(msg)
		case overlaySearch:
			return m.updateSearchInput(msg)
		case overlayHelp:
			return m.updateHelp(msg)
		case overlayDetails:
			return m.updateDetails(msg)
		}
		return m.updateReading(msg)
	}
	if m.overlay == overlayContents || m.overlay == overlaySearch {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// wheelDelta is how many lines a wheel message scrolls.
func wheelDelta(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelDown:
		return 3
	case tea.MouseWheelUp:
		return -3
	}
	return 0
}

// updateReading handles a key while a page is shown.
func (m Model) updateReading(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	before, hiddenBefore := m.pos, m.hidden()
	count := m.count
	m.count = ""
	h := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Jump):
		m.count = count + msg.Text
		if len(m.count) > 7 {
			m.count = m.count[:7]
		}
		return m, nil
	case key.Matches(msg, k.GoTo): // enabled only after a number
		n, _ := strconv.Atoi(count)
		m.pos, m.reveal = jump(n, m.pages()), reveal{}
		if n >= m.pages() {
			m.hint = TooFarNote(m.story.Len())
		}
	case key.Matches(msg, k.Cancel): // enabled only with something to cancel
		if count != "" {
			m.hint = "go to " + count + " cancelled"
			return m, nil
		}
		m.search.cancel()
		m.search = searchState{last: m.search.query, id: m.search.id}
		m.hint = "search cleared"
		return m, nil
	case key.Matches(msg, k.Close):
		// esc never quits: people press it to make sure an overlay is
		// closed, and a reader that then vanishes loses their place.
		m.hint = "nothing to close · q quits"
		return m, nil
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Follow):
		return m.toggleFollow()
	case key.Matches(msg, k.Next):
		m.forward()
	case key.Matches(msg, k.Prev):
		m.backward()
	case key.Matches(msg, k.First):
		m.pos = jump(0, m.pages())
	case key.Matches(msg, k.Last):
		m.pos, m.reveal = jump(m.pages()-1, m.pages()), reveal{}
	case key.Matches(msg, k.Down):
		m.pos = scroll(m.pos, 1, m.pageLen(), h)
	case key.Matches(msg, k.Up):
		m.pos = scroll(m.pos, -1, m.pageLen(), h)
	case key.Matches(msg, k.HalfDown):
		m.pos = scroll(m.pos, max(1, h/2), m.pageLen(), h)
	case key.Matches(msg, k.HalfUp):
		m.pos = scroll(m.pos, -max(1, h/2), m.pageLen(), h)
	case key.Matches(msg, k.ReadOn):
		m.readOn(h)
	case key.Matches(msg, k.ReadBack):
		m.pos = readBack(m.pos, h, func(p int) int { return len(m.render(p).lines) })
	case key.Matches(msg, k.Contents):
		m.stopShow("slideshow stopped · a plays")
		return m.openContents()
	case key.Matches(msg, k.Details): // after GoTo: enter ends a number first
		m.stopShow("slideshow stopped · a plays")
		return m.openDetails()
	case key.Matches(msg, k.Search):
		m.stopShow("slideshow stopped · a plays")
		return m.openSearch()
	case key.Matches(msg, k.NextMatch):
		m.stopShow("slideshow stopped · a plays")
		return m.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.stopShow("slideshow stopped · a plays")
		return m.stepMatch(-1)
	case key.Matches(msg, k.Play):
		if m.playing {
			m.stopShow("slideshow stopped · a plays")
			return m, nil
		}
		m.playing = true
		m.tickID++
		m.left = m.interval
		m.hint = m.intervalNote()
		return m, m.tick()
	case key.Matches(msg, k.Faster): // enabled only while playing
		m.interval = clampDuration(m.interval - time.Second)
		m.left = min(m.left, m.interval)
		m.hint = m.intervalNote()
		return m, nil
	case key.Matches(msg, k.Slower): // enabled only while playing
		m.interval = clampDuration(m.interval + time.Second)
		m.hint = m.intervalNote()
		return m, nil
	case key.Matches(msg, k.Help):
		m.overlay = overlayHelp
		m.helpY = 0
		return m, nil
	case key.Matches(msg, k.Pictures):
		return m.togglePictures()
	case key.Matches(msg, k.Notes):
		m.notesOpen = !m.notesOpen
		return m, m.show() // the page has fewer rows, or more

	default:
		return m, nil
	}
	m.stopShow("slideshow stopped · a plays")
	if m.pos.page != before.page || m.hidden() != hiddenBefore {
		return m, m.show()
	}
	return m, nil
}

// updateHelp handles a key while the help is shown: it scrolls when it is
// taller than the window.
func (m Model) updateHelp(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Help, k.Close, k.Quit):
		m.closeOverlay()
	case key.Matches(msg, k.Down):
		m.helpScroll(1)
	case key.Matches(msg, k.Up):
		m.helpScroll(-1)
	case key.Matches(msg, k.ReadOn, k.HalfDown, k.Next):
		rows, _ := m.helpRows(m.bodyHeight())
		m.helpScroll(rows) // a window at a time: no line skipped
	case key.Matches(msg, k.ReadBack, k.HalfUp, k.Prev):
		rows, _ := m.helpRows(m.bodyHeight())
		m.helpScroll(-rows)
	}
	return m, nil
}

// openInput opens an overlay that takes typed text: the contents filter
// or the search query.
func (m *Model) openInput(o overlay, placeholder string) tea.Cmd {
	m.overlay = o
	m.input.Reset()
	m.input.Prompt = ""
	m.input.Placeholder = placeholder
	return m.input.Focus()
}

func (m *Model) closeOverlay() {
	m.overlay = overlayNone
	m.input.Blur()
}

// stopShow is the one way the slideshow stops: by a key, or by itself on
// the last page. The note says so on the status bar.
func (m *Model) stopShow(note string) {
	if m.playing {
		m.playing = false
		m.tickID++
		m.hint = note
	}
}

// intervalNote tells the slideshow's interval, after a change.
func (m Model) intervalNote() string {
	limit := ""
	switch m.interval {
	case minInterval:
		limit = " (the fastest)"
	case maxInterval:
		limit = " (the slowest)"
	}
	return fmt.Sprintf("slideshow: a page every %s%s · +/- changes it", m.interval, limit)
}

// tickShow counts the slideshow down a second. When the time is up it
// reads on: the rest of a long page first, a window at a time, then the
// next page; after the last page's end it stops.
func (m Model) tickShow() (Model, tea.Cmd) {
	m.left -= time.Second
	if m.left > 0 {
		return m, m.tick()
	}
	h := m.bodyHeight()
	atBottom := m.pos.y >= max(0, m.pageLen()-h)
	if atBottom && m.pos.page >= m.pages()-1 && m.hidden() == 0 {
		m.stopShow("slideshow ended: this is the last page")
		return m, nil
	}
	m.left = m.interval
	before, hiddenBefore := m.pos.page, m.hidden()
	m.readOn(h)
	if m.pos.page != before || m.hidden() != hiddenBefore {
		return m, tea.Batch(m.show(), m.tick())
	}
	return m, m.tick()
}

// updateKeys enables the bindings that can act now, so that help never
// offers a dead key and a key that cannot act does nothing.
func (m *Model) updateKeys() {
	hasMatches := len(m.search.matches) > 0
	m.keys.NextMatch.SetEnabled(hasMatches)
	m.keys.PrevMatch.SetEnabled(hasMatches)
	m.keys.Faster.SetEnabled(m.playing)
	m.keys.Slower.SetEnabled(m.playing)
	m.keys.Jump.SetEnabled(m.story.Len() > 0)
	m.keys.GoTo.SetEnabled(m.count != "")
	m.keys.Cancel.SetEnabled(m.count != "" || m.search.query != "")
	m.keys.Recall.SetEnabled(m.search.last != "")
	// A plain-text gallery has no pictures, only panels for the photos
	// its text left out: p could show nothing there.
	m.keys.Pictures.SetEnabled((m.art != nil || m.picWhyNot != "") && m.story.Format != story.FormatText)
	// Only decks carry speaker notes.
	m.keys.Notes.SetEnabled(m.story.Format == story.FormatMarkdown)
	m.keys.Details.SetEnabled(len(m.pagePictures()) > 0)
	m.presentKeys()
}

type tickMsg struct{ id int }

func (m Model) tick() tea.Cmd {
	return m.after(time.Second, tickMsg{id: m.tickID})
}

// TooFarNote says where a section number past the end has led: to the last
// section, or to the cover when there is none. --start and a number typed
// in the reader say the same.
func TooFarNote(sections int) string {
	switch sections {
	case 0:
		return "the story has no sections: opened the cover"
	case 1:
		return "the story has one section: opened it"
	}
	return fmt.Sprintf("the story has %d sections: opened the last", sections)
}
