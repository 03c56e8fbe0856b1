package encode

import (
	"image"
	"image/color"
	"image/draw"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// flat is a w×h picture of one colour.
func flat(w, h int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{c}, image.Point{}, draw.Src)
	return img
}

// TestBlocksDitherIn16Colours: Blocks draws an in-between colour with
// several of the sixteen in 16 colours, and never in 256 or true colour.
func TestBlocksDitherIn16Colours(t *testing.T) {
	orange := flat(20, 20, color.RGBA{255, 128, 0, 255})
	lines := Blocks(orange, 20, 10, colorprofile.ANSI)
	joined := strings.Join(lines, "")
	if n := len(sgrs(joined)); n < 3 {
		t.Errorf("16 colours: %d pairs of colours, want dithering: %q", n, lines[0])
	}
	if strings.Contains(joined, "38;5;") || strings.Contains(joined, "38;2;") {
		t.Errorf("16 colours drew outside the sixteen: %q", lines[0])
	}
	tc := strings.Join(Blocks(orange, 20, 10, colorprofile.TrueColor), "")
	if n := len(sgrs(tc)); n != 1 {
		t.Errorf("true colour: %d pairs of colours for a flat picture, want 1", n)
	}
}

// sgrs returns the distinct colour settings in s, resets left out.
func sgrs(s string) map[string]bool {
	set := map[string]bool{}
	for _, part := range strings.Split(s, "\x1b[")[1:] {
		if sgr, _, ok := strings.Cut(part, "m"); ok && sgr != "" && sgr != "0" {
			set[sgr] = true
		}
	}
	return set
}
