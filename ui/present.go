package ui

import (
	"fmt"
	"math"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Presentation links a reader to a shared presentation (reel serve
// --present): the presenter's page turns are everyone's, and each
// follower may go its own way and come back.
type Presentation struct {
	// Presenter says this reader presents: Turned hears each of its
	// turns. Otherwise it follows; with Turned set, it may come to
	// present (PresentMsg.Presenting) once another presenter leaves.
	Presenter bool
	Turned    func(page, hidden int)
	// Next waits until the presentation changes and returns it as a
	// PresentMsg; nil once this reader has left it.
	Next func() tea.Msg
}

// PresentMsg is the presentation as it now stands.
type PresentMsg struct {
	Page, Hidden int  // the presenter's page and the steps it still hides
	Presented    bool // the presenter has shown a page yet
	Followers    int
	Ended        bool // the presenter has left
	// Presenting says this reader presents from now on: the presenter
	// before it has left.
	Presenting bool
}

// presentState is a reader's part in a presentation.
type presentState struct {
	p          *Presentation
	presenting bool // this reader presents (Presenter, or handed the stage since)
	following  bool
	last       PresentMsg
}

// presenterGoneMsg ends a follower's reader once the presenter has left.
type presenterGoneMsg struct{}

// presenterGoneWait is how long a follower still reads once the presenter
// has left.
const presenterGoneWait = 5 * time.Second

// FollowHint is what a follower's page keys say.
const FollowHint = "following the presenter · F to read on your own"

// StandbyHint is what a second presenter reads: one presents at a time.
const StandbyHint = "another session is presenting · you follow"

// HandedOverHint is what it reads once the presenter has left.
const HandedOverHint = "the presenter left · you present now"

// PresenterEnded is what followers read when the presenter leaves.
const PresenterEnded = "the presenter ended the session"

func (m Model) presenter() bool { return m.present.p != nil && m.present.presenting }
func (m Model) follower() bool  { return m.present.p != nil && !m.present.presenting }

// waitPresentation waits for the presentation's next change.
func (m Model) waitPresentation() tea.Cmd {
	if m.present.p == nil || m.present.p.Next == nil {
		return nil
	}
	return m.present.p.Next
}

// presented takes in a change of the presentation.
func (m Model) presented(msg PresentMsg) (Model, tea.Cmd) {
	if msg.Presented && !m.present.last.Presented && m.follower() && m.hint != StandbyHint {
		m.hint = "" // such as "waiting for a presenter": one is here
	}
	m.present.last = msg
	cmds := []tea.Cmd{m.waitPresentation()}
	if msg.Presenting && m.follower() && m.present.p.Turned != nil {
		// Handed the stage: from the page the presenter left on.
		m.present.following = true
		cmds = append(cmds, m.goToPresenter())
		m.present.presenting, m.present.following = true, false
		m.hint = HandedOverHint
		m.updateKeys()
		return m, tea.Batch(cmds...)
	}
	switch {
	case !m.follower():
	case msg.Ended:
		m.present.following = false
		m.hint = PresenterEnded
		cmds = append(cmds, m.after(presenterGoneWait, presenterGoneMsg{}))
	case m.present.following:
		cmds = append(cmds, m.goToPresenter())
	}
	return m, tea.Batch(cmds...)
}

// presenterAt tells where the presenter is, clamped to this story.
func (m Model) presenterAt() (page, hidden int) {
	if !m.present.last.Presented {
		return 0, m.stepsOf(0)
	}
	page = clamp(m.present.last.Page, 0, m.pages()-1)
	return page, clamp(m.present.last.Hidden, 0, m.stepsOf(page))
}

// goToPresenter shows the presenter's page and step.
func (m *Model) goToPresenter() tea.Cmd {
	page, hidden := m.presenterAt()
	if page == m.pos.page && hidden == m.hidden() {
		return nil
	}
	if page != m.pos.page {
		m.pos = jump(page, m.pages())
	} else if hidden < m.hidden() {
		m.pos.y = math.MaxInt32 // the new step shows at the page's end
	}
	m.reveal = reveal{page: page, hidden: hidden}
	return m.show()
}

// toggleFollow is F: read on one's own, or follow the presenter again.
func (m Model) toggleFollow() (Model, tea.Cmd) {
	m.present.following = !m.present.following
	if !m.present.following {
		m.hint = "reading on your own · F follows the presenter"
		return m, nil
	}
	m.hint = "following the presenter"
	return m, m.goToPresenter()
}

// keepPresentation runs after each update: a presenter's turn is told to
// the followers, and a follower that follows stays on the presenter's
// page whatever turned it (a key, the contents, its own slideshow).
func (m Model) keepPresentation(before Model, cmd tea.Cmd) (Model, tea.Cmd) {
	if m.present.p == nil || (m.pos.page == before.pos.page && m.hidden() == before.hidden()) {
		return m, cmd
	}
	if m.presenter() {
		if m.present.p.Turned != nil {
			m.present.p.Turned(m.pos.page, m.hidden())
		}
		return m, cmd
	}
	if page, hidden := m.presenterAt(); !m.present.following || (page == m.pos.page && hidden == m.hidden()) {
		return m, cmd
	}
	m.pos, m.reveal = before.pos, before.reveal
	m.hint = FollowHint
	return m, tea.Batch(cmd, m.show())
}

// presentStatus is the status bar's word on the presentation.
func (m Model) presentStatus() string {
	switch {
	case m.presenter() && m.present.last.Followers == 1:
		return "1 watching"
	case m.presenter():
		return fmt.Sprintf("%d watching", m.present.last.Followers)
	case !m.follower():
		return ""
	case m.present.last.Ended:
		return "ended"
	case m.present.following:
		return "following"
	}
	return "on your own"
}

// presentKeys enables F for followers only, and speaker notes for all
// but followers: notes are the presenter's alone.
func (m *Model) presentKeys() {
	m.keys.Follow.SetEnabled(m.follower() && !m.present.last.Ended)
	m.keys.Following = m.follower() && m.present.following && !m.present.last.Ended
	m.keys.NotesOff = m.follower()
	if m.follower() {
		m.keys.Notes.SetEnabled(false)
	}
}
