package ui

import (
	"image"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

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

// BenchmarkPictureFrame is what a frame with a new picture (48×18 cells
// of half blocks, as the 100×30 benchmark deck shows) costs Bubble Tea's
// renderer on a terminal of 256 colours: the view read into cells,
// compared with the screen and written. This runs after Update and View,
// before the frame reaches the screen: it is part of the page turn's
// latency. Each frame has colours never seen before, as a new photograph
// has. Drawn in true colour, the renderer searched the palette for each
// new colour of every cell: 4.2-4.8 ms a frame here, against 0.9-1.1 ms
// drawn in the terminal's colours, whose search is done once, when the
// page is rendered in the background (live, under tui-bench, the frame
// after a key went from 4.0 to 1.1 ms, medians of 20 keys).
func BenchmarkPictureFrame(b *testing.B) {
	for _, drawn := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256} {
		b.Run("drawn in "+drawn.String(), func(b *testing.B) {
			var out countingWriter
			r := uv.NewTerminalRenderer(&out, []string{"TERM=xterm-256color"})
			r.SetColorProfile(colorprofile.ANSI256)
			r.SetFullscreen(true)
			buf := uv.NewScreenBuffer(100, 30)
			// A new seed each run: the palette searches are remembered for
			// the process.
			rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0))
			img := image.NewRGBA(image.Rect(0, 0, 48, 36))
			b.ReportAllocs()
			frames := 0
			for b.Loop() {
				b.StopTimer()
				for i := range img.Pix {
					img.Pix[i] = uint8(rng.Uint32())
					if i%4 == 3 {
						img.Pix[i] = 255
					}
				}
				lines := picture.Blocks(img, 48, 18, drawn)
				view := "\n\n  Caption\n\n" + strings.Join(lines, "\n") + "\n\n  alt text\n"
				b.StartTimer()
				buf.Clear()
				uv.NewStyledString(view).Draw(buf, buf.Bounds())
				r.Render(buf.RenderBuffer)
				if err := r.Flush(); err != nil {
					b.Fatal(err)
				}
				frames++
			}
			b.ReportMetric(float64(out.n)/float64(frames), "bytes/frame")
		})
	}
}

type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// BenchmarkPictureArrives is Update's share of a picture arriving for the
// page shown (half blocks, 100×30): the page is drawn again, with the
// picture, in the background, so a key pressed meanwhile does not wait.
// Drawn in Update, it cost the page's render: 0.33-0.36 ms here, with the
// picture's half blocks already drawn at this size, and about 3 ms more
// for a new 48×18-cell photograph's palette search on a 256-colour
// terminal; now 18 µs.
func BenchmarkPictureArrives(b *testing.B) {
	s := loadStory(b, pictureDeck)
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, blocksPixels, blocksPixels, 0)
	m := New(s, Options{Theme: ThemeDark, Pictures: PicturesBlocks, Loader: l})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	src := s.Section(0).Pictures[0].Source
	if _, err := l.Load(b.Context(), src); err != nil {
		b.Fatal(err)
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("right"))
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(pictureMsg{src: src})
		m = next.(Model)
	}
}
