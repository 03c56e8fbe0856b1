package ui

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// update handles a message; Update then enables the keys that can act in
// the state it leaves.
func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if mm, cmd, ok := m.updatePictures(msg); ok {
		return mm, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg)
	case tea.ModeReportMsg:
		return m.widthReport(msg)
	case tea.BackgroundColorMsg:
		return m.background(msg)
	case pageMsg:
		m = m.rendered(msg)
		return m, tea.Batch(m.encodeWanted()...)
	case searchMsg:
		return m.foundAll(msg)
	case ReloadMsg:
		return m.reload(msg)
	case PresentMsg:
		return m.presented(msg)
	case presenterGoneMsg:
		return m, tea.Quit
	case clockMsg:
		return m, m.clockTick()
	case openedMsg:
		return m.opened(msg)
	case picturesChangedMsg:
		return m.picturesChanged(msg)
	case tickMsg:
		return m.ticked(msg)
	case tea.MouseWheelMsg:
		return m.wheel(msg), nil
	case tea.ResumeMsg:
		// Back from ctrl+z: the shell drew over the screen.
		return m, tea.ClearScreen
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	}
	return m.updateInput(msg)
}

// resize lays the reader out for a new window size.
func (m Model) resize(msg tea.WindowSizeMsg) (Model, tea.Cmd) {
	m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
	m.help.model.SetWidth(m.width)
	m.setInputWidths()
	return m, tea.Batch(m.show(), m.researchIfStale())
}

// widthReport takes how the terminal counts columns, and lays the pages
// out again when it counts them otherwise than assumed.
func (m Model) widthReport(msg tea.ModeReportMsg) (Model, tea.Cmd) {
	if wm, ok := widthMethodFor(msg); ok && wm != m.method {
		m.method = wm
		m.cur = nil
		m.contents.measure(wm)
		return m, tea.Batch(m.show(), m.researchIfStale())
	}
	return m, nil
}

// background takes the terminal's background colour, for the theme that
// follows it. Most terminals answer "dark", the theme assumed until they
// do: then the pages drawn and prefetched at start-up stand.
func (m Model) background(msg tea.BackgroundColorMsg) (Model, tea.Cmd) {
	if t := map[bool]page.Theme{true: page.ThemeDark, false: page.ThemeLight}[msg.IsDark()]; m.auto && t != m.theme {
		m.setTheme(t)
		return m, tea.Batch(m.show(), m.researchIfStale())
	}
	return m, nil
}

// rendered takes a page rendered in the background; the current one is
// shown.
func (m Model) rendered(msg pageMsg) Model {
	delete(m.pending, msg.key)
	m.cache.put(msg.key, msg.page)
	if msg.key == m.key(m.pos.page) {
		m.cur = msg.page
		if m.toEnd {
			m.pos.y = len(m.cur.Lines)
		}
		m.pos = scroll(m.pos, 0, len(m.cur.Lines), m.bodyHeight())
	}
	return m
}

// readBack is shift+space. The previous page's end is where it goes;
// that page is not rendered here if it is not yet: it is shown, plainly
// until its render arrives, from its end (toEnd).
func (m *Model) readBack(h int) {
	m.pos = readBack(m.pos, h, func(p int) int {
		n, ok := m.cachedLen(p)
		if !ok {
			m.toEnd = true
			return math.MaxInt / 2
		}
		return n
	})
}

// ticked is a second of the slideshow.
func (m Model) ticked(msg tickMsg) (Model, tea.Cmd) {
	if !m.playing || msg.id != m.tickID {
		return m, nil
	}
	if m.overlay != overlayNone {
		// The show waits under the help (the other overlays stop it): no
		// page turns unseen.
		return m, m.tick()
	}
	return m.tickShow()
}

// wheel scrolls what is shown: the help, the details or the page.
func (m Model) wheel(msg tea.MouseWheelMsg) Model {
	switch m.overlay {
	case overlayHelp:
		m.help.scroll(wheelDelta(msg), m.helpMaxY())
	case overlayDetails:
		m.details.scroll(wheelDelta(msg), m.detailsMaxY())
	case overlayNone:
		if d := wheelDelta(msg); d != 0 {
			m.pos = scroll(m.pos, d, m.pageLen(), m.bodyHeight())
			m.stopShow(stoppedNote)
		}
	}
	return m
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

// NoSuspendHint answers ctrl+z in a served story.
const NoSuspendHint = "ctrl+z does nothing here: suspending would stop the story for every viewer"

// keyPress handles a key: the overlay shown takes it, else the page.
// ctrl+c quits from anywhere.
func (m Model) keyPress(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	m.hint, m.toEnd = "", false
	if key.Matches(msg, m.keys.ForceQuit) {
		return m, tea.Interrupt
	}
	if key.Matches(msg, m.keys.Suspend) {
		return m, tea.Suspend
	}
	if m.noSuspend && msg.String() == "ctrl+z" {
		m.hint = NoSuspendHint
		return m, nil
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

// updateInput gives any other message (a paste, the cursor) to the input
// of the overlay shown, if it takes text.
func (m Model) updateInput(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.overlay {
	case overlayContents:
		m.contents.input, cmd = m.contents.input.Update(msg)
	case overlaySearch:
		m.search.input, cmd = m.search.input.Update(msg)
	}
	return m, cmd
}

// stoppedNote is what the status bar says when a key stops the slideshow.
const stoppedNote = "slideshow stopped · a plays"

// updateReading handles a key while a page is shown. Its groups of keys
// are tried in this order because some share a key: enter and G after a
// number go to it (numberKey, turnKey), not to the details or the last
// page; esc cancels a number or a search before it is told there is
// nothing to close.
func (m Model) updateReading(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	count := m.count
	m.count = ""
	if cmd, ok := m.feedKey(msg, count); ok {
		return m, cmd
	}
	if cmd, ok := m.numberKey(msg, count); ok {
		return m, cmd
	}
	before, hiddenBefore := m.pos, m.hidden()
	if m.turnKey(msg, count) || m.scrollKey(msg) {
		m.stopShow(stoppedNote)
		if m.pos.page != before.page || m.hidden() != hiddenBefore {
			return m, m.show()
		}
		return m, nil
	}
	if mm, cmd, ok := m.overlayKey(msg); ok {
		return mm, cmd
	}
	if cmd, ok := m.showKey(msg); ok {
		return m, cmd
	}
	return m.otherKey(msg)
}

// numberKey is a digit of a section number, typed after count, or esc
// cancelling the number or the search.
func (m *Model) numberKey(msg tea.KeyPressMsg, count string) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Jump):
		m.count = count + msg.Text
		if len(m.count) > 7 {
			m.count = m.count[:7]
		}
	case key.Matches(msg, m.keys.Cancel): // enabled only with something to cancel
		if count != "" {
			m.hint = "go to " + count + " cancelled"
			break
		}
		m.search.clear()
		m.hint = "search cleared"
	default:
		return nil, false
	}
	return nil, true
}

// turnKey is a key that turns the page: to section count (GoTo), the
// next or previous step or page, the cover, the last page.
func (m *Model) turnKey(msg tea.KeyPressMsg, count string) bool {
	k := m.keys
	switch {
	case key.Matches(msg, k.GoTo): // enabled only after a number
		n, _ := strconv.Atoi(count)
		m.pos, m.reveal = jump(n, m.pages()), reveal{}
		if n >= m.pages() {
			m.hint = TooFarNote(m.story.Len())
		}
	case key.Matches(msg, k.Next):
		m.forward()
	case key.Matches(msg, k.Prev):
		m.backward()
	case key.Matches(msg, k.First):
		m.pos = jump(0, m.pages())
	case key.Matches(msg, k.Last):
		m.pos, m.reveal = jump(m.pages()-1, m.pages()), reveal{}
	default:
		return false
	}
	return true
}

// scrollKey is a key that scrolls the page, or reads on or back across
// pages.
func (m *Model) scrollKey(msg tea.KeyPressMsg) bool {
	k, h := m.keys, m.bodyHeight()
	switch {
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
		m.readBack(h)
	default:
		return false
	}
	return true
}

// overlayKey is a key that opens an overlay over the page, or goes to a
// match of the search; each stops the slideshow first.
func (m Model) overlayKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k := m.keys
	var open func(Model) (Model, tea.Cmd)
	switch {
	case key.Matches(msg, k.Contents):
		open = Model.openContents
	case key.Matches(msg, k.Details): // after GoTo: enter ends a number first
		open = Model.openDetails
	case key.Matches(msg, k.Search):
		open = Model.openSearch
	case key.Matches(msg, k.NextMatch):
		open = func(m Model) (Model, tea.Cmd) { return m.stepMatch(1) }
	case key.Matches(msg, k.PrevMatch):
		open = func(m Model) (Model, tea.Cmd) { return m.stepMatch(-1) }
	default:
		return m, nil, false
	}
	m.stopShow(stoppedNote)
	m, cmd := open(m)
	return m, cmd, true
}

// showKey is a key of the slideshow: start or stop it, or change its
// interval.
func (m *Model) showKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Play):
		if m.playing {
			m.stopShow(stoppedNote)
			return nil, true
		}
		m.playing = true
		m.tickID++
		m.left = m.interval
		m.hint = m.intervalNote()
		return m.tick(), true
	case key.Matches(msg, m.keys.Faster): // enabled only while playing
		m.interval = clampDuration(m.interval - time.Second)
		m.left = min(m.left, m.interval)
	case key.Matches(msg, m.keys.Slower): // enabled only while playing
		m.interval = clampDuration(m.interval + time.Second)
	default:
		return nil, false
	}
	m.hint = m.intervalNote()
	return nil, true
}

// otherKey is every other key on a page: esc, quit, the help, and the
// pictures and notes toggles.
func (m Model) otherKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		// esc never quits: people press it to make sure an overlay is
		// closed, and a reader that then vanishes loses their place.
		m.hint = "nothing to close · q quits"
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Follow):
		return m.toggleFollow()
	case key.Matches(msg, k.Help):
		return m.openHelp(), nil
	case key.Matches(msg, k.Pictures):
		return m.togglePictures()
	case key.Matches(msg, k.Notes):
		m.notesOpen = !m.notesOpen
		return m, m.show() // the page has fewer rows, or more
	case matchesDisabled(msg, k.Notes) && k.NotesOff:
		m.hint = "speaker notes are the presenter's"
	case matchesDisabled(msg, k.Notes):
		m.hint = "no speaker notes: only Markdown decks have them"
	case matchesDisabled(msg, k.Details):
		m.hint = "no pictures on this page to show in detail"
	}
	return m, nil
}

// matchesDisabled reports whether msg is a key of b while b is disabled:
// a key that cannot act now, which then says why rather than nothing.
func matchesDisabled(msg tea.KeyPressMsg, b key.Binding) bool {
	if b.Enabled() {
		return false
	}
	b.SetEnabled(true)
	return key.Matches(msg, b)
}

// openInput empties an overlay's input, names what it takes, and focuses
// it: the contents filter or the search query.
func openInput(in *textinput.Model, placeholder string) tea.Cmd {
	in.Reset()
	in.Prompt = ""
	in.Placeholder = placeholder
	return in.Focus()
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
	m.keys.InSearch.Recall.SetEnabled(m.search.last != "")
	// A plain-text gallery has no pictures, only panels for the photos
	// its text left out: p could show nothing there.
	// p acts in every story: it turns pictures off and on, folding the
	// photos a text left out with them, or says why there is nothing to
	// turn.
	m.keys.Pictures.SetEnabled(true)
	// Only decks carry speaker notes.
	m.keys.Notes.SetEnabled(m.story.Format == story.FormatMarkdown)
	m.keys.Details.SetEnabled(len(m.pagePictures()) > 0)
	m.presentKeys()
	m.updateFeedKeys()
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
