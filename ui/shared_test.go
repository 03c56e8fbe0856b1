package ui

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// Readers that share a cache and show a page alike show one render of
// it; another size, theme or reveal step is rendered apart.
func TestSharedPagesOneRenderServesAll(t *testing.T) {
	s := loadStory(t, "../testdata/kim-rally.txt")
	shared := NewSharedPages(DefaultSharedBytes)
	reader := func(theme page.Theme, w, h int) Model {
		return send(testModel(s, Options{Theme: theme, Shared: shared}), tea.WindowSizeMsg{Width: w, Height: h}, keyMsg("right"))
	}
	a, b := reader(page.ThemeDark, 100, 30), reader(page.ThemeDark, 100, 30)
	if a.cur == nil || a.cur != b.cur {
		t.Errorf("two readers alike rendered page 1 twice")
	}
	for name, other := range map[string]Model{
		"narrower": reader(page.ThemeDark, 80, 30),
		"shorter":  reader(page.ThemeDark, 100, 20),
		"light":    reader(page.ThemeLight, 100, 30),
	} {
		if other.cur == a.cur {
			t.Errorf("a %s reader was given the page rendered for another", name)
		}
	}
	if alone := send(testModel(s, Options{Theme: page.ThemeDark}), tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("right")); alone.cur == a.cur {
		t.Errorf("a reader without the shared cache used it")
	}
}

// A search is one reader's own: its highlights are drawn over the shared
// page, never into it. A reader beside the searcher sees what a reader
// with no shared cache sees.
func TestSharedPagesKeepSearchOwn(t *testing.T) {
	s := loadStory(t, "../testdata/kim-rally.txt")
	shared := NewSharedPages(DefaultSharedBytes)
	reader := func(shared *SharedPages) Model {
		return send(testModel(s, Options{Theme: page.ThemeDark, Shared: shared}), tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("right"))
	}
	a := reader(shared)
	a, _ = run(t, a, append(append([]tea.Msg{keyMsg("/")}, typeText("rally")...), keyMsg("enter"))...)
	b, alone := reader(shared), reader(nil)
	if a.search.query != "rally" || b.cur != a.cur || a.View().Content == b.View().Content {
		t.Fatalf("the readers do not share the page, or the search shows nothing")
	}
	if got, want := b.View().Content, alone.View().Content; got != want {
		t.Errorf("a search of one reader's shows on another's screen:\n%q\nwant\n%q", got, want)
	}
}

// A page whose pictures a reader's terminal draws is that reader's own.
func TestSharedPagesLeavePicturesOwn(t *testing.T) {
	shared := NewSharedPages(DefaultSharedBytes)
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	s := loadStory(t, pictureDeck)
	reader := func() Model {
		m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Shared: shared})
		m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
		m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
		return send(sized(t, m, 100, 30), keyMsg("right"))
	}
	a, b := reader(), reader()
	if a.cur == nil || a.cur == b.cur {
		t.Errorf("a page with pictures drawn was shared")
	}
	if n := shared.done.Len(); n != 1 { // the cover, which has no picture
		t.Errorf("the shared cache holds %d pages, want the cover alone", n)
	}
	if a.pages() < 2 || len(page.Pictures(s, 1)) == 0 {
		t.Fatalf("page 1 of %s has no picture", pictureDeck)
	}
}

// Readers that want a page at once wait for one render of it.
func TestSharedPagesRenderOnceAtOnce(t *testing.T) {
	shared := NewSharedPages(DefaultSharedBytes)
	k := sharedKey{pageKey: pageKey{page: 3, width: 80}}
	// The render waits until every reader has asked for the page, so all
	// ask while it is under way.
	var renders, asked atomic.Int32
	var wg sync.WaitGroup
	got := make([]*shownPage, 8)
	for i := range got {
		wg.Go(func() {
			asked.Add(1)
			got[i] = shared.render(k, func() *shownPage {
				renders.Add(1)
				for asked.Load() < int32(len(got)) {
					runtime.Gosched()
				}
				return &shownPage{Page: &page.Page{Lines: []string{"page 3"}}}
			})
		})
	}
	wg.Wait()
	if n := renders.Load(); n != 1 {
		t.Fatalf("%d renders", n)
	}
	for _, p := range got {
		if p != got[0] {
			t.Errorf("readers were given different renders of one page")
		}
	}
	if p := shared.get(k); p != got[0] {
		t.Errorf("the render is not held")
	}
}

// With a shared cache, a page's neighbours are prefetched into it and
// bring no message (a hundred followers would each draw a frame for
// nothing); the next turn shows the page from it.
func TestSharedPrefetchBringsNoMessage(t *testing.T) {
	s := loadStory(t, "../testdata/kim-rally.txt")
	shared := NewSharedPages(DefaultSharedBytes)
	m := send(testModel(s, Options{Theme: page.ThemeDark, Shared: shared}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m.prefetchDelay = 0
	next, cmd := m.Update(keyMsg("right"))
	m = next.(Model)
	delivered := 0
	for queue := []tea.Cmd{cmd}; len(queue) > 0; queue = queue[1:] {
		if queue[0] == nil {
			continue
		}
		switch msg := queue[0]().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case pageMsg:
			delivered++
		}
	}
	if delivered != 0 {
		t.Errorf("%d pages delivered as messages", delivered)
	}
	sk, ok := m.sharedKey(m.key(2))
	if !ok || shared.get(sk) == nil {
		t.Fatal("page 2 was not prefetched into the shared cache")
	}
	if m = send(m, keyMsg("right")); m.cur != shared.get(sk) {
		t.Error("the turn to page 2 did not show the page prefetched")
	}
}
