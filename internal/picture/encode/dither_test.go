package encode

import (
	"image"
	"image/color"
	"image/draw"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

func flat(w, h int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{c}, image.Point{}, draw.Src)
	return img
}

// TestDither16KeepsTheMeanColour: a colour between the sixteen comes out
// as a mix of them whose mean is the colour, where the nearest colour
// alone would be a flat area of another colour.
func TestDither16KeepsTheMeanColour(t *testing.T) {
	for _, c := range []color.RGBA{{255, 128, 0, 255}, {100, 140, 180, 255}, {60, 60, 60, 255}} {
		idx := dither16(flat(40, 40, c))
		var sum [3]int
		kinds := map[int16]bool{}
		for _, k := range idx {
			kinds[k] = true
			p := palette16[k]
			sum[0], sum[1], sum[2] = sum[0]+int(p.R), sum[1]+int(p.G), sum[2]+int(p.B)
		}
		n := len(idx)
		mean := [3]int{sum[0] / n, sum[1] / n, sum[2] / n}
		want := [3]int{int(c.R), int(c.G), int(c.B)}
		for ch := range 3 {
			if d := mean[ch] - want[ch]; d > 12 || d < -12 {
				t.Errorf("%v: mean %v, want within 12 of %v", c, mean, want)
				break
			}
		}
		if len(kinds) < 2 {
			t.Errorf("%v: one colour only, not dithered", c)
		}
	}
}

// TestDither16LeavesExactColours: a picture already in the sixteen
// colours gets no noise, and transparent pixels stay transparent.
func TestDither16LeavesExactColours(t *testing.T) {
	img := flat(10, 10, color.RGBA{255, 0, 0, 255})
	img.SetRGBA(3, 3, color.RGBA{})
	for i, k := range dither16(img) {
		want := int16(9)
		if i == 3*10+3 {
			want = transparent
		}
		if k != want {
			t.Fatalf("pixel %d: %d, want %d", i, k, want)
		}
	}
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

// TestDither256KeepsTheMeanColour: in 256 colours too, a colour between
// the cube's steps comes out as a mix whose mean is the colour.
func TestDither256KeepsTheMeanColour(t *testing.T) {
	c := color.RGBA{120, 80, 30, 255} // between the cube's 95 and 135, 0 and 95
	idx := dither256(flat(40, 40, c))
	var sum [3]int
	kinds := map[int16]bool{}
	for _, k := range idx {
		kinds[k] = true
		p := palette256[k]
		sum[0], sum[1], sum[2] = sum[0]+int(p.R), sum[1]+int(p.G), sum[2]+int(p.B)
	}
	n := len(idx)
	for ch, want := range []int{int(c.R), int(c.G), int(c.B)} {
		if d := sum[ch]/n - want; d > 6 || d < -6 {
			t.Errorf("channel %d: mean %d, want within 6 of %d", ch, sum[ch]/n, want)
		}
	}
	if len(kinds) < 2 {
		t.Error("one colour only, not dithered")
	}
}
