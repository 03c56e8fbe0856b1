package encode

import (
	"image"
	"image/color"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// twoTone is a picture whose top half is one colour and bottom half
// another, so that each half-block cell has a known top and bottom.
func twoTone(w, h int, top, bottom color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := top
			if y >= h/2 {
				c = bottom
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func TestBlocksTrueColour(t *testing.T) {
	// 2×2 pixels drawn in 2×1 cells: each cell's upper pixel is red and
	// its lower one blue.
	img := twoTone(2, 2, color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255})
	lines := Blocks(img, 2, 1, colorprofile.TrueColor)
	want := "\x1b[38;2;255;0;0;48;2;0;0;255m▀▀\x1b[m"
	if len(lines) != 1 || lines[0] != want {
		t.Fatalf("Blocks = %q, want %q", lines, want)
	}
}

func TestBlocks256(t *testing.T) {
	img := twoTone(2, 2, color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255})
	lines := Blocks(img, 1, 1, colorprofile.ANSI256)
	// The nearest 256-colour entries of pure red and blue are 196 and 21.
	want := "\x1b[38;5;196;48;5;21m▀\x1b[m"
	if len(lines) != 1 || lines[0] != want {
		t.Fatalf("Blocks = %q, want %q", lines, want)
	}
}

func TestBlocksTransparency(t *testing.T) {
	clear := color.RGBA{}
	green := color.RGBA{0, 255, 0, 255}
	tests := []struct {
		name        string
		top, bottom color.RGBA
		want        string
	}{
		{"top only", green, clear, "\x1b[38;2;0;255;0;49m▀\x1b[m"},
		{"bottom only", clear, green, "\x1b[38;2;0;255;0;49m▄\x1b[m"},
		{"neither", clear, clear, "\x1b[0m \x1b[m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Blocks(twoTone(2, 2, tt.top, tt.bottom), 1, 1, colorprofile.TrueColor)
			if len(lines) != 1 || lines[0] != tt.want {
				t.Errorf("Blocks = %q, want %q", lines, tt.want)
			}
		})
	}
}

func TestBlocksSizeAndProfiles(t *testing.T) {
	img := sunset(120, 80)
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
		lines := Blocks(img, 30, 10, p)
		if len(lines) != 10 {
			t.Fatalf("%v: %d lines, want 10", p, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != 30 {
				t.Errorf("%v: line %d is %d columns wide, want 30", p, i, w)
			}
			if p != colorprofile.TrueColor && strings.Contains(l, "38;2;") {
				t.Errorf("%v: line %d has true colour: %q", p, i, l)
			}
		}
	}
	for _, p := range []colorprofile.Profile{colorprofile.ASCII, colorprofile.NoTTY} {
		if lines := Blocks(img, 30, 10, p); lines != nil {
			t.Errorf("%v: %d lines, want none", p, len(lines))
		}
	}
	if lines := Blocks(img, 0, 3, colorprofile.TrueColor); lines != nil {
		t.Errorf("0 columns: %d lines", len(lines))
	}
}

func TestBlocksForgetTheirColours(t *testing.T) {
	// A photograph has a thousand colours or more: drawing it must not
	// leave them remembered for the life of the process.
	rng := rand.New(rand.NewPCG(7, 11))
	img := image.NewRGBA(image.Rect(0, 0, 48, 36))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range 40 {
		for i := range img.Pix {
			img.Pix[i] = uint8(rng.Uint32())
			if i%4 == 3 {
				img.Pix[i] = 255
			}
		}
		if lines := Blocks(img, 48, 18, colorprofile.ANSI256); len(lines) != 18 {
			t.Fatalf("%d lines, want 18", len(lines))
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 1<<20 {
		t.Errorf("drawing 40 pictures left the heap %d KB larger: their colours are remembered for good", grown>>10)
	}
}
