package ui

import (
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// pageMsg brings a page rendered in the background.
type pageMsg struct {
	key  pageKey
	page *shownPage
}

// key identifies page i rendered as it would be shown now.
func (m Model) key(i int) pageKey {
	return pageKey{page: i, width: m.contentWidth(), wide: page.WideWidth(m.width), height: m.bodyHeight(), theme: m.theme, pictures: m.picturesKey(i), story: m.story, hidden: m.hiddenFor(i), method: m.method}
}

func (m Model) spec(i int) page.Spec {
	sp := page.Spec{Story: m.story, Index: i, Width: m.contentWidth(), Wide: page.WideWidth(m.width), Height: m.bodyHeight(), Theme: m.theme, Styles: m.styles, Deadline: m.deadline, Format: m.format, Hidden: m.hiddenFor(i), Method: m.method, FoldPlaceholders: m.foldPlaceholders()}
	if art := m.artIfOn(); art != nil {
		sp.Art = art // never a nil *graphics.Art: the page takes a non-nil Art to draw
	}
	return sp
}

// shownPage is a page as the reader keeps it: its render, and the
// pictures drawn in real pixels over its lines.
type shownPage struct {
	*page.Page
	pictures []graphics.PagePicture
}

// renderPage renders one page and takes its pictures' markers out. It is
// safe to call from any goroutine, and a bug in it gives the page as
// plain text that says it could not be drawn, never a crash.
func renderPage(sp page.Spec) *shownPage {
	var p *shownPage
	err := guard.Run("page render", func() error {
		p = &shownPage{Page: page.Render(sp)}
		art, _ := sp.Art.(*graphics.Art)
		p.pictures = graphics.MarkPictures(p.Lines, art, sp.Method)
		return nil
	})
	if err != nil {
		return &shownPage{Page: page.Failed(sp, err)}
	}
	return p
}

// cachedLen returns the length of page i as it would be shown now, if it
// is rendered.
func (m Model) cachedLen(i int) (int, bool) {
	k := m.key(i)
	if p := m.cache.get(k); p != nil {
		return len(p.Lines), true
	}
	if p := m.fromShared(k); p != nil {
		return len(p.Lines), true
	}
	return 0, false
}

// rendering is a page's render in the background, started by whichever
// needs it first: the prefetch's command when Bubble Tea runs it, or show
// when the reader turns to the page. Each page has at most one.
type rendering struct {
	spec    page.Spec
	render  func(page.Spec) *shownPage // renderPage, or through the shared cache
	once    sync.Once
	dropped atomic.Bool   // no longer wanted: if not begun, it never begins
	done    chan struct{} // closed once page is set, or the render dropped
	page    *shownPage    // nil if dropped before it began
}

// start begins the render, once; it returns r.
func (r *rendering) start() *rendering {
	r.once.Do(func() {
		if r.dropped.Load() {
			close(r.done)
			return
		}
		render := r.render
		if render == nil {
			render = renderPage
		}
		guard.Go("page render", func() {
			r.page = render(r.spec)
			close(r.done)
		}, func(err error) {
			r.page = &shownPage{Page: page.Broken(err)}
			close(r.done)
		})
	})
	return r
}

// rendering returns page k's render, new or already under way.
func (m *Model) rendering(k pageKey, sp page.Spec) *rendering {
	if r := m.pending[k]; r != nil {
		return r
	}
	r := &rendering{spec: sp, render: m.renderFor(k), done: make(chan struct{})}
	m.pending[k] = r
	return r
}

// delivery is the command that brings a render's page to Update.
func (r *rendering) delivery(k pageKey) tea.Cmd { return r.deliveryAfter(k, nil) }

// deliveryAfter is delivery with the render begun once wait's channel
// fires (nil: at once), unless the page is wanted before then.
func (r *rendering) deliveryAfter(k pageKey, wait func() <-chan time.Time) tea.Cmd {
	return func() tea.Msg {
		if wait != nil {
			select {
			case <-wait():
			case <-r.done:
			}
		}
		if <-r.start().done; r.page == nil {
			return nil // dropped
		}
		return pageMsg{key: k, page: r.page}
	}
}

// dropUnwanted forgets the renders under way for a layout no longer shown
// (another width, height, theme, width method or story): those not begun
// never begin. One begun runs on, as Glamour cannot be stopped, but a page
// is not formatted twice beside itself (page's lateFormats).
func (m *Model) dropUnwanted() {
	now := m.key(m.pos.page)
	for k, r := range m.pending {
		if k.width != now.width || k.height != now.height || k.theme != now.theme || k.method != now.method || k.story != now.story {
			r.dropped.Store(true)
			delete(m.pending, k)
		}
	}
}

// prefetchDelay is how long after a page turn its neighbours' renders
// begin: after the frame that shows the turn is out (Bubble Tea draws
// 120 a second), so that the key's frame and the renders do not share
// the CPU. With keys 130 ms apart (tui-bench, 100 slides, pictures off,
// two runs of 3-4) the mean key-to-screen went from 6.65 to 5.86 ms and
// from 6.40 to 5.74, the floor's being 4.3-4.4: the key more often makes
// the frame after it. With pictures drawn the difference is within the
// noise (7.16 against 7.81, then 7.60 against 7.21).
const prefetchDelay = 20 * time.Millisecond

// prefetchWait is the wait before a neighbour's render begins: a timer
// of prefetchDelay from when its command runs.
func (m *Model) prefetchWait() func() <-chan time.Time {
	d, after := m.prefetchDelay, m.prefetchTimer
	if d <= 0 {
		return nil
	}
	if after == nil {
		after = time.After
	}
	return func() <-chan time.Time { return after(d) }
}

// show makes the current page ready to draw and prefetches its
// neighbours. A page that takes longer than the render budget is shown as
// plain text until its render arrives: Update waits no longer than that.
func (m *Model) show() tea.Cmd { return m.showKeeping(false) }

// showKeeping is show; with keep, a page on screen whose render is out of
// date stays there while the new render runs in the background, rather
// than Update wait for it (a picture arriving: pictures.go).
func (m *Model) showKeeping(keep bool) tea.Cmd {
	if m.width <= 0 || m.height <= 0 {
		return nil
	}
	m.dropUnwanted()
	var cmds []tea.Cmd
	k := m.key(m.pos.page)
	if p := m.cache.get(k); p != nil {
		m.cur = p
	} else if p := m.fromShared(k); p != nil {
		m.cache.put(k, p)
		m.cur = p
	} else if sp := m.spec(m.pos.page); keep && m.cur != nil {
		cmds = append(cmds, m.rendering(k, sp).delivery(k))
	} else {
		r := m.rendering(k, sp).start()
		budget := time.NewTimer(m.renderBudget)
		select {
		case <-r.done:
			delete(m.pending, k)
			m.cache.put(k, r.page)
			m.cur = r.page
		case <-budget.C:
			m.cur = &shownPage{Page: page.Plain(sp)}
			cmds = append(cmds, r.delivery(k))
		}
		budget.Stop()
	}
	m.pos = scroll(m.pos, 0, len(m.cur.Lines), m.bodyHeight())
	for _, i := range []int{m.pos.page + 1, m.pos.page - 1} {
		if i < 0 || i >= m.pages() {
			continue
		}
		nk := m.key(i)
		if m.cache.get(nk) != nil || m.pending[nk] != nil {
			continue
		}
		if cmd, ok := m.prefetchShared(nk, m.spec(i), m.prefetchDelay); ok {
			cmds = append(cmds, cmd)
			continue
		}
		cmds = append(cmds, m.rendering(nk, m.spec(i)).deliveryAfter(nk, m.prefetchWait()))
	}
	cmds = append(cmds, m.pictureCmds()...)
	cmds = append(cmds, m.prefetchStep())
	return tea.Batch(cmds...)
}
