package ui

import (
	"context"
	"net/url"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
)

// FeedOptions are what the reader needs for a feed beyond its story. ui
// never reaches the web or the disk itself: the caller gives it the ways
// to, and each runs off the UI goroutine, in a tea.Cmd.
type FeedOptions struct {
	// Seen reports whether the item with that id (story.FeedItem.ID) was
	// on screen in an earlier reading; nil for none.
	Seen func(itemID string) bool
	// Open reads an item's link as a story. nil turns o off, as for the
	// viewers of a served story.
	Open func(ctx context.Context, link string) (*story.Story, error)
	// Reload reads the feed again. nil turns r off (a piped feed).
	Reload func(ctx context.Context) (*story.Story, error)
}

// openTimeout bounds the opening of a link or the reading of the feed
// again; the fetcher has its own, shorter bounds too.
const openTimeout = time.Minute

// feedState is the reader's state for a feed: the items shown in this
// reading, and the feed itself while one of its items' links is open. It
// is a value of the model, so that a copy of the model (a test's, an
// older frame's) keeps its own place.
type feedState struct {
	on    bool // the story is a feed
	opt   FeedOptions
	shown map[string]bool
	order []string   // the ids of the items shown, in the order first shown
	back  *feedPlace // the feed, while an item's link is shown
	gen   int        // the open under way; an answer to an older one is dropped
}

// feedPlace is where the reader was in the feed when it opened a link.
type feedPlace struct {
	story  *story.Story
	pos    position
	reveal reveal
}

// newFeedState is the feed state for a story read from a feed, and the
// zero state, off, for any other.
func newFeedState(s *story.Story, opt FeedOptions) feedState {
	if s == nil || s.Feed == nil {
		return feedState{}
	}
	return feedState{on: true, opt: opt, shown: map[string]bool{}}
}

// openedMsg is a link read as a story, or why it could not be.
type openedMsg struct {
	gen   int
	link  string
	story *story.Story
	err   error
}

// FeedShown returns the ids of the feed's items that were on screen in
// this reading, for remembering them as seen.
func (m Model) FeedShown() []string {
	return append([]string(nil), m.feed.order...)
}

// onFeed reports whether the feed itself is shown (not an item's link).
func (m Model) onFeed() bool { return m.feed.on && m.feed.back == nil }

// item is the feed item shown, or nil.
func (m Model) item() *story.FeedItem {
	if !m.onFeed() || m.pos.page <= 0 {
		return nil
	}
	return m.story.Section(m.pos.page - 1).Item
}

// itemLink is the link of the feed item shown, or "".
func (m Model) itemLink() string {
	if it := m.item(); it != nil {
		return it.Link
	}
	return ""
}

// markSeen notes the item on screen as seen.
func (m *Model) markSeen() {
	it := m.item()
	if it == nil || it.ID == "" || m.feed.shown[it.ID] {
		return
	}
	m.feed.shown[it.ID] = true
	m.feed.order = append(m.feed.order, it.ID)
}

// seen reports whether an item was on screen, now or in an earlier
// reading.
func (f feedState) seen(id string) bool {
	return f.shown[id] || (f.opt.Seen != nil && f.opt.Seen(id))
}

// nextUnseen is the page of the first item after the page shown, going
// round past the end, that was never on screen; -1 if there is none.
func (m Model) nextUnseen() int {
	n := m.story.Len()
	for d := 1; d <= n; d++ {
		i := (m.pos.page - 1 + d) % n
		if i < 0 {
			i += n
		}
		// By the item's id alone: reading every item of a long feed
		// whole took a fifth of a second, and kept them all.
		if id, ok := m.story.ItemID(i); ok && !m.feed.seen(id) {
			return i + 1
		}
	}
	return -1
}

// feedKey is a key of the feed: open an item's link and come back from
// it, read the feed again, go to the next new item, copy an item's link.
// backspace while typing a section number takes back a digit, in any
// story. esc comes back from a link only when it has nothing to clear.
func (m *Model) feedKey(msg tea.KeyPressMsg, count string) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back) && count != "":
		m.count = count[:len(count)-1]
		return nil, true
	case key.Matches(msg, k.Back), key.Matches(msg, k.Close) && m.feed.on && m.feed.back != nil && count == "" && !k.Cancel.Enabled():
		return m.goBack(), true
	case key.Matches(msg, k.Open):
		return m.openLink(), true
	case m.feed.on && !k.FeedOpens && matchesDisabled(msg, k.Open):
		m.hint = "this reader opens no links"
		return nil, true
	case m.item() != nil && m.itemLink() == "" && (matchesDisabled(msg, k.Open) || matchesDisabled(msg, k.Copy)):
		m.hint = "this item has no link"
		return nil, true
	case m.onFeed() && !k.FeedReloads && matchesDisabled(msg, k.Reload):
		m.hint = "this feed cannot be read again here"
		return nil, true
	case key.Matches(msg, k.Reload):
		reload := m.feed.opt.Reload
		m.hint = "reading the feed again…"
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
			defer cancel()
			s, err := reload(ctx)
			if err != nil {
				return ReloadMsg{Problem: err.Error()}
			}
			return ReloadMsg{Story: s}
		}, true
	case key.Matches(msg, k.Unseen):
		page := m.nextUnseen()
		if page < 0 {
			m.hint = "no new items: every one has been on screen"
			return nil, true
		}
		m.pos, m.reveal = jump(page, m.pages()), reveal{}
		m.stopShow(stoppedNote)
		return m.show(), true
	case key.Matches(msg, k.Copy):
		link := m.itemLink()
		m.hint = "link copied: " + shortLink(link)
		return tea.SetClipboard(link), true
	}
	return nil, false
}

// openLink starts reading the item's link as a story.
func (m *Model) openLink() tea.Cmd {
	link, open := m.itemLink(), m.feed.opt.Open
	m.feed.gen++
	gen := m.feed.gen
	m.hint = "opening " + shortLink(link) + "…"
	m.stopShow(stoppedNote)
	return func() (msg tea.Msg) {
		defer func() {
			// A reader's bug must not end reel: it is shown as the
			// link's problem.
			if r := recover(); r != nil {
				msg = openedMsg{gen: gen, link: link, err: errPanic}
			}
		}()
		ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
		defer cancel()
		s, err := open(ctx, link)
		return openedMsg{gen: gen, link: link, story: s, err: err}
	}
}

// errPanic stands for a panic caught while a link was read.
var errPanic = errorString("the page could not be read (an internal error)")

type errorString string

func (e errorString) Error() string { return string(e) }

// opened shows the story an item's link led to; backspace comes back.
func (m Model) opened(msg openedMsg) (Model, tea.Cmd) {
	if !m.feed.on || msg.gen != m.feed.gen || m.feed.back != nil {
		return m, nil // the reader moved on, or opened another
	}
	if msg.err != nil || msg.story == nil {
		problem := "the page holds nothing to read"
		if msg.err != nil {
			problem = msg.err.Error()
		}
		m.hint = "cannot open the link: " + story.OneLine(problem)
		return m, nil
	}
	m.feed.back = &feedPlace{story: m.story, pos: m.pos, reveal: m.reveal}
	m.swapStory(msg.story, position{}, reveal{})
	m.hint = "⌫ back to the feed"
	return m, m.show()
}

// goBack returns from an item's link to the feed, at the same item.
func (m *Model) goBack() tea.Cmd {
	if !m.feed.on || m.feed.back == nil {
		return nil
	}
	b := m.feed.back
	m.feed.back = nil
	m.swapStory(b.story, b.pos, b.reveal)
	m.hint = "back to the feed"
	return m.show()
}

// swapStory shows another story at pos: a link's, or the feed again. The
// pages rendered stay cached (their keys name their story), so coming
// back draws the feed at once.
func (m *Model) swapStory(s *story.Story, pos position, rev reveal) {
	m.story = s
	m.cur = nil
	m.pos, m.reveal = pos, rev
	m.overlay = overlayNone
	m.search.clear()
	m.stopShow("")
}

// reloadBehind takes a new version of the feed that arrives while an
// item's link is shown: the feed behind it is replaced, at the same item,
// and the link's story stays on screen.
func (m Model) reloadBehind(msg ReloadMsg) (Model, bool) {
	if !m.feed.on || m.feed.back == nil {
		return m, false
	}
	if msg.Story != nil {
		b := *m.feed.back
		page := samePage(b.story, msg.Story, b.pos.page)
		b.story, b.pos, b.reveal = msg.Story, position{page: page}, reveal{page: page}
		m.feed.back = &b
		m.hint = "the feed was read again: ⌫ goes back to it"
	} else {
		m.hint = story.OneLine(msg.Problem)
	}
	return m, true
}

// feedPosition is where the reader is in the feed, for keeping between
// sittings, while an item's link is shown: the item it came from.
func (m Model) feedPosition() (position, *story.Story, bool) {
	if !m.feed.on || m.feed.back == nil {
		return position{}, nil, false
	}
	return m.feed.back.pos, m.feed.back.story, true
}

// shortLink is a link as the status bar names it: its host and path.
func shortLink(link string) string {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return story.OneLine(link)
	}
	return story.OneLine(u.Host + u.EscapedPath())
}

// updateFeedKeys enables the feed's keys where they can act.
func (m *Model) updateFeedKeys() {
	k := &m.keys
	k.FeedKeys = m.feed.on
	k.FeedOpens, k.FeedReloads = m.feed.opt.Open != nil, m.feed.opt.Reload != nil
	link := m.itemLink() != ""
	k.Back.SetEnabled(m.count != "" || (m.feed.on && m.feed.back != nil))
	k.Open.SetEnabled(link && m.feed.on && m.feed.opt.Open != nil)
	k.Copy.SetEnabled(link)
	k.Reload.SetEnabled(m.onFeed() && m.feed.opt.Reload != nil)
	k.Unseen.SetEnabled(m.onFeed() && m.story.Len() > 0)
	if m.item() != nil {
		k.Details.SetEnabled(true)
		k.Details.SetHelp("i", "item's link and pictures")
	} else {
		k.Details.SetHelp("i", "picture details")
	}
}

// IsFeed reports whether the reader shows a feed.
func (m Model) IsFeed() bool { return m.feed.on }
