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
	// The same picture, in the palette's colours already, so that the
	// renderer has nothing to bring down: each cell's colours near the true
	// colour one's (diffusion chooses a neighbour of the nearest colour
	// where that brings the area's average nearer), and the picture's
	// average colour the same.
	before, after := frameCells(want, 100, 34), frameCells(got, 100, 34)
	var cells, worst, inTrueColour int
	var sumBefore, sumAfter [3]int
	for y := range 34 {
		for x := range 100 {
			b, a := before.CellAt(x, y), after.CellAt(x, y)
			if b == nil || a == nil || b.Content != "▀" {
				continue
			}
			if a.Content != "▀" {
				t.Fatalf("cell %d,%d is %q in 256 colours", x, y, a.Content)
			}
			for _, pair := range [][2]color.Color{{b.Style.Fg, a.Style.Fg}, {b.Style.Bg, a.Style.Bg}} {
				worst = max(worst, colourDistance(pair[0], pair[1]))
				cells++
				for i, c := range pair {
					r, g, b, _ := c.RGBA()
					sum := &sumBefore
					if i == 1 {
						sum = &sumAfter
					}
					sum[0] += int(r >> 8)
					sum[1] += int(g >> 8)
					sum[2] += int(b >> 8)
				}
			}
			if _, ok := a.Style.Fg.(ansi.IndexedColor); !ok {
				inTrueColour++
			}
		}
	}
	if inTrueColour > 0 {
		t.Errorf("%d cells of the picture are drawn in true colour, for the renderer to bring down on every frame", inTrueColour)
	}
	for ch := range 3 {
		if d := float64(sumAfter[ch]-sumBefore[ch]) / float64(cells); d > 4 || d < -4 {
			t.Errorf("channel %d of the average colour is %.1f off in 256 colours", ch, d)
		}
	}
	if worst > 200 {
		t.Errorf("a cell is %d off in 256 colours (the channels' sum), want at most 200", worst)
	}
}

// colourDistance is the sum of the differences of a's and b's channels,
// from 0 to 765.
func colourDistance(a, b color.Color) int {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) int { return max(int(x>>8)-int(y>>8), int(y>>8)-int(x>>8)) }
	return d(r1, r2) + d(g1, g2) + d(b1, b2)
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
