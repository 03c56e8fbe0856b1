package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
)

// BenchmarkPageTurnWithPictures turns to a page whose picture is loaded
// but not yet drawn at this size: Update renders the page, picture
// included, and View joins it. 100×30, half blocks.
func BenchmarkPageTurnWithPictures(b *testing.B) {
	s := loadStory(b, pictureDeck)
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, blocksPixels, blocksPixels, 0)
	m := New(s, Options{Theme: ThemeDark, Pictures: PicturesBlocks, Loader: l})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	for i := range s.Len() {
		for _, p := range s.Section(i).Pictures {
			_, _ = l.Load(b.Context(), p.Source)
		}
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("right"))
	// A new picture generation each time: nothing is cached but the
	// drawn pictures, as after a picture arrives.
	flipPages(b, m, func(m *Model) { m.picGen++ })
}

// BenchmarkPageTurnRealPixels is a page turn between two pages whose
// pictures are loaded and encoded as sixel: Update (the frame's pictures
// withdrawn and placed again) and View, 100×30. Encoding happens in
// commands, never here; compare BenchmarkPageTurnCached.
func BenchmarkPageTurnRealPixels(b *testing.B) {
	s := loadStory(b, pictureDeck)
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, kittyPixels, kittyPixels, 0)
	m := New(s, Options{Theme: ThemeDark, Pictures: PicturesSixel, Loader: l})
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.art.setCell(10, 20)
	for i := range s.Len() {
		for _, p := range s.Section(i).Pictures {
			_, _ = l.Load(b.Context(), p.Source)
		}
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("right"), keyMsg("right"))
	encode := func() {
		for _, p := range m.cur.pictures {
			img, _, _ := l.Cached(p.key.src)
			m.art.encoded(p.key, encodePixels(p.key, img)().(pixelsMsg).seq)
		}
	}
	encode()
	m = send(m, keyMsg("left"))
	encode()
	if len(m.placements()) == 0 {
		b.Fatal("no picture placed: the benchmark measures nothing of them")
	}
	flipPages(b, m, nil)
}
