package ui

import (
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// frameCells draws a view into cells as Bubble Tea's renderer reads it.
func frameCells(view string, w, h int) *uv.ScreenBuffer {
	buf := uv.NewScreenBuffer(w, h)
	uv.NewStyledString(view).Draw(buf, buf.Bounds())
	return &buf
}

func TestPicturesDrawnInTheTerminalsColours(t *testing.T) {
	truecolour := turnTo(t, pictureModel(t, graphics.PicturesBlocks, 100, 34), "right")
	want := truecolour.View().Content
	if strings.Count(want, "▀") < 100 || !strings.Contains(want, "38;2;") {
		t.Fatalf("no true colour picture to start with:\n%s", ansi.Strip(want))
	}
	// Bubble Tea says the terminal has 256 colours.
	next, cmd := truecolour.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	m, _ := settle(t, next.(Model), cmd)
	got := m.View().Content
	if strings.Count(got, "▀") < 100 {
		t.Fatalf("the picture is gone:\n%s", ansi.Strip(got))
	}
	// The same picture, in the terminal's own colours already, so the
	// renderer has nothing to bring down: dithered, so a cell may differ
	// from the nearest colour, but on average the picture's colours stay
	// those of the true colour one.
	before, after := frameCells(want, 100, 34), frameCells(got, 100, 34)
	cells, inTrueColour := 0, 0
	var sumBefore, sumAfter [3]float64
	for y := range 34 {
		for x := range 100 {
			b, a := before.CellAt(x, y), after.CellAt(x, y)
			if b == nil || a == nil || b.Content != "▀" || a.Content != "▀" {
				continue
			}
			if _, ok := a.Style.Fg.(ansi.IndexedColor); !ok {
				inTrueColour++
			}
			for _, pair := range [][2]color.Color{{b.Style.Fg, a.Style.Fg}, {b.Style.Bg, a.Style.Bg}} {
				r1, g1, b1, _ := pair[0].RGBA()
				r2, g2, b2, _ := pair[1].RGBA()
				sumBefore[0], sumBefore[1], sumBefore[2] = sumBefore[0]+float64(r1>>8), sumBefore[1]+float64(g1>>8), sumBefore[2]+float64(b1>>8)
				sumAfter[0], sumAfter[1], sumAfter[2] = sumAfter[0]+float64(r2>>8), sumAfter[1]+float64(g2>>8), sumAfter[2]+float64(b2>>8)
			}
			cells++
		}
	}
	if inTrueColour > 0 {
		t.Errorf("%d cells of the picture are drawn in true colour, for the renderer to bring down on every frame", inTrueColour)
	}
	if cells < 100 {
		t.Fatalf("%d cells of picture in both frames", cells)
	}
	for ch := range 3 {
		if d := (sumAfter[ch] - sumBefore[ch]) / float64(2*cells); d > 6 || d < -6 {
			t.Errorf("channel %d: the 256-colour picture's mean is %.1f off the true colour one's", ch, d)
		}
	}
}

func sameColour(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

func TestColourProfileAtStartRendersNothingAgain(t *testing.T) {
	// As main starts the reader: sized, no picture loaded yet.
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	m := New(loadStory(t, pictureDeck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34, Start: 1})
	m.renderBudget = time.Minute
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 34})
	shown := m.cur
	next, _ := m.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	if next.(Model).cur != shown {
		t.Error("the page was rendered again for a colour profile, with no picture drawn in the old one")
	}
}
