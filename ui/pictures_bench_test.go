package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// BenchmarkPageTurnWithPictures turns to a page whose picture is loaded
// but not yet drawn at this size: Update renders the page, picture
// included, and View joins it. 100×30, half blocks.
func BenchmarkPageTurnWithPictures(b *testing.B) {
	s := loadStory(b, pictureDeck)
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
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
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l})
	m.renderBudget, m.deadline, m.picDelay, m.placeDelay = time.Minute, time.Minute, 0, 0
	m.art.SetCell(10, 20)
	for i := range s.Len() {
		for _, p := range s.Section(i).Pictures {
			_, _ = l.Load(b.Context(), p.Source)
		}
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("right"), keyMsg("right"))
	encode := func() {
		for _, p := range m.cur.pictures {
			img, _, _ := l.Cached(p.Key.Src)
			m.art.Encoded(p.Key, encodePixels(p.Key, img)().(pixelsMsg).seq)
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
				lines := encode.Blocks(img, 48, 18, drawn)
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
	l := picture.NewLoader(picture.Origin{Dir: "../testdata/pictures"}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
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

// BenchmarkHundredPicturedPages reads a deck of 100 pages, each with its
// own 800×600 photograph, in half blocks at 100×30 on a 256-colour
// terminal, and reports the heap the reader holds once it has shown them
// all: the pictures kept, the pages rendered, the colours found. Its
// peak memory is twice this and more (the collector's pacing), against a
// target of 80 MB. Pictures kept at 320 pixels held 32 MB here, and 44 MB
// with the colours colorprofile remembered; now 10 MB.
func BenchmarkHundredPicturedPages(b *testing.B) {
	dir := b.TempDir()
	var md []byte
	rng := rand.New(rand.NewPCG(3, 5))
	for i := range 100 {
		img := image.NewRGBA(image.Rect(0, 0, 800, 600))
		for y := range 600 {
			for x := range 800 {
				g := uint8(rng.Uint32() >> 28) // a little grain
				img.SetRGBA(x, y, color.RGBA{uint8(x/4+i*7) + g, uint8(y/3) + g, uint8((x+y)/7) + g, 255})
			}
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.jpg", i)), buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		md = fmt.Appendf(md, "## Photo %d\n\nA few words about photo %d.\n\n![photo %d](%d.jpg)\n\n---\n\n", i+1, i+1, i+1, i)
	}
	deck := filepath.Join(dir, "photos.md")
	if err := os.WriteFile(deck, md, 0o644); err != nil {
		b.Fatal(err)
	}
	var held uint64
	for b.Loop() {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		s := loadStory(b, deck)
		l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
		m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
		m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
		m = send(m, tea.ColorProfileMsg{Profile: colorprofile.ANSI256}, tea.WindowSizeMsg{Width: 100, Height: 30})
		for i := range s.Len() {
			for _, p := range s.Section(i).Pictures {
				if _, err := l.Load(b.Context(), p.Source); err != nil {
					b.Fatal(err)
				}
			}
			m = send(m, keyMsg("right"))
			if !strings.Contains(m.View().Content, "▀") {
				b.Fatalf("page %d has no picture", i+1)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		held = ms.HeapAlloc - min(base, ms.HeapAlloc)
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(held)/(1<<20), "held-MB")
}
