package ui

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/lru"
	"github.com/reeltui/reel/ui/page"
)

// SharedPages is a render cache that the readers of one served story
// share (reel serve): followers show the presenter's page at the same
// size and theme, and one render then serves them all, rather than a
// hundred Glamour renders of the same page at once. A page is shared
// only when nothing of one reader's own goes into its render: its key is
// everything that makes two renders differ (the page, its reveal step,
// the width and height it fills, theme, width method, the story's
// version, whether pictures are on or folded), and a page whose pictures
// are drawn is never shared, since each reader's terminal draws them its
// own way. Scroll, search highlights and overlays are drawn over the
// page in View, per reader, and never reach it.
type SharedPages struct {
	done *lru.Cache[sharedKey, *shownPage]

	mu       sync.Mutex
	inflight map[sharedKey]*sharedRender
}

// sharedKey is a pageKey whose pictures say only whether pictures are
// on (0), off (-1) or folded (-2), with the format deadline.
type sharedKey struct {
	pageKey
	deadline time.Duration
}

// sharedRender is a render under way that others wait for.
type sharedRender struct {
	done chan struct{}
	page *shownPage
}

// DefaultSharedBytes bounds a served story's shared pages: some 300
// pages of a hundred 100-column lines.
const DefaultSharedBytes = 32 << 20

// NewSharedPages returns a cache of pages within limit bytes of text.
func NewSharedPages(limit int64) *SharedPages {
	return &SharedPages{
		done:     lru.New[sharedKey](limit, pageBytes),
		inflight: map[sharedKey]*sharedRender{},
	}
}

// pageBytes is what a rendered page weighs in the cache.
func pageBytes(p *shownPage) int64 {
	n := int64(64)
	for _, l := range p.Lines {
		n += int64(len(l)) + 16
	}
	return n
}

// get returns the page held for k, if any.
func (s *SharedPages) get(k sharedKey) *shownPage {
	p, _ := s.done.Get(k)
	return p
}

// render returns page k: held, being rendered by another reader (it
// waits for it), or rendered now by render.
func (s *SharedPages) render(k sharedKey, render func() *shownPage) *shownPage {
	if p := s.get(k); p != nil {
		return p
	}
	s.mu.Lock()
	if p := s.get(k); p != nil {
		s.mu.Unlock()
		return p
	}
	if r := s.inflight[k]; r != nil {
		s.mu.Unlock()
		<-r.done
		return r.page
	}
	r := &sharedRender{done: make(chan struct{})}
	s.inflight[k] = r
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.inflight, k)
		s.mu.Unlock()
		close(r.done)
	}()
	r.page = render() // renderPage recovers from a panic: it returns a page
	s.done.Add(k, r.page)
	return r.page
}

// sharedKey is page k's key in the shared cache; ok is false when the
// page is this reader's own: no cache is shared, the format is a test's,
// or the page has pictures this reader's terminal draws.
func (m Model) sharedKey(k pageKey) (sk sharedKey, ok bool) {
	if m.shared == nil || m.format != nil {
		return sk, false
	}
	if k.pictures >= 0 {
		if len(page.Pictures(m.story, k.page)) > 0 {
			return sk, false
		}
		k.pictures = 0 // the picture generation counts this reader's arrivals
	}
	return sharedKey{pageKey: k, deadline: m.deadline}, true
}

// renderFor is how page k is rendered: from the shared cache when it can
// be, else by this reader alone.
func (m Model) renderFor(k pageKey) func(page.Spec) *shownPage {
	sk, ok := m.sharedKey(k)
	if !ok {
		return renderPage
	}
	shared := m.shared
	return func(sp page.Spec) *shownPage {
		return shared.render(sk, func() *shownPage { return renderPage(sp) })
	}
}

// fromShared is page k if another reader has rendered it.
func (m Model) fromShared(k pageKey) *shownPage {
	if sk, ok := m.sharedKey(k); ok {
		return m.shared.get(sk)
	}
	return nil
}

// prefetchShared is the prefetch of page k (rendered as sp, after delay)
// for a reader with a shared cache: the render goes to the shared cache
// and brings no message, since a hundred followers each told of a page
// another rendered would each draw a frame for nothing; the page is
// taken from the cache when shown. ok is false when page k is this
// reader's own; cmd is nil when the page is held already.
func (m *Model) prefetchShared(k pageKey, sp page.Spec, delay time.Duration) (cmd tea.Cmd, ok bool) {
	sk, ok := m.sharedKey(k)
	if !ok {
		return nil, false
	}
	if p := m.shared.get(sk); p != nil {
		m.cache.put(k, p)
		return nil, true
	}
	shared := m.shared
	return func() tea.Msg {
		if delay > 0 {
			time.Sleep(delay)
		}
		shared.render(sk, func() *shownPage { return renderPage(sp) })
		return nil
	}, true
}
