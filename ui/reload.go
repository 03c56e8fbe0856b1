package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/graphics"
)

// ReloadMsg brings the story again after its file changed on disk. The
// caller reads and parses the file off the UI goroutine and sends this
// with Program.Send.
type ReloadMsg struct {
	// Story is the story as the file now reads; nil when the file could
	// not be read or parsed, or is gone.
	Story *story.Story
	// Problem says why Story is nil. It shows on the status bar while
	// the last good story stays on screen.
	Problem string
}

// reload swaps in a new version of the story and stays on the same page:
// the section with the same caption, nearest first, else the same number.
func (m Model) reload(msg ReloadMsg) (Model, tea.Cmd) {
	if mm, ok := m.reloadBehind(msg); ok {
		return mm, nil
	}
	if msg.Story == nil {
		m.hint = story.OneLine(msg.Problem)
		return m, nil
	}
	page := samePage(m.story, msg.Story, m.pos.page)
	m.story = msg.Story
	m.cache.clear()
	m.cur = nil
	hidden := m.hidden()
	m.pos = position{page: page, y: m.pos.y} // the scroll is clamped by show
	m.reveal = reveal{page: page, hidden: min(hidden, m.stepsOf(page))}
	if m.overlay == overlayContents {
		m.contents.refill(contentsLabels(m.story), page, m.method)
	}
	m.hint = "reloaded"
	cmds := []tea.Cmd{m.show(), m.forgetChangedPictures()}
	if m.search.query != "" {
		// Count again in the new story; a count of the old one under way
		// is dropped.
		cmds = append(cmds, m.recount())
	}
	return m, tea.Batch(cmds...)
}

// picturesChangedMsg names the pictures whose files changed on disk
// since they were read; the loader has forgotten them.
type picturesChangedMsg struct{ srcs []string }

// forgetChangedPictures is what a reload does for the story's pictures:
// the loader keeps them by name, so one edited on disk would keep its
// old pixels; those whose file changed are forgotten, off the UI
// goroutine, and read again.
func (m Model) forgetChangedPictures() tea.Cmd {
	if m.art == nil {
		return nil
	}
	l := m.art.Loader()
	return func() tea.Msg {
		if srcs := l.ForgetChanged(); len(srcs) > 0 {
			return picturesChangedMsg{srcs: srcs}
		}
		return nil
	}
}

// picturesChanged draws the pictures whose files changed again: what was
// drawn of them goes (kitty's copies in the terminal too), and their
// pages, rendered anew, load them.
func (m Model) picturesChanged(msg picturesChangedMsg) (Model, tea.Cmd) {
	var gone strings.Builder
	for _, src := range msg.srcs {
		for _, id := range m.art.Forget(src) {
			gone.WriteString(encode.KittyDelete(id))
		}
		delete(m.picPending, src)
		delete(m.picDone, src)
		m.picVer[src]++
	}
	cmds := []tea.Cmd{m.show()}
	if seq := gone.String(); seq != "" {
		if m.art.Tmux() {
			seq = graphics.Passthrough(seq)
		}
		cmds = append(cmds, tea.Raw(seq))
	}
	return m, tea.Batch(cmds...)
}

// samePage is the page of next that shows what page of prev showed.
func samePage(prev, next *story.Story, page int) int {
	n := next.Len()
	if page <= 0 {
		return 0
	}
	caption := prev.Section(page - 1).Caption
	if caption != "" {
		if i, ok := next.NearestCaption(caption, page-1, n+page); ok {
			return i + 1
		}
	}
	return min(page, n)
}
