package picture

import (
	"image"
	"image/color"
	"testing"
)

// TestAreaScaleAverages checks that shrinking averages what each pixel
// covers: stripes of black and white one pixel wide become mid grey, with
// no ringing, and a picture shrunk by a fraction keeps its mean colour.
func TestAreaScaleAverages(t *testing.T) {
	stripes := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := range 200 {
		for x := range 300 {
			v := uint8(0)
			if x%2 == 0 {
				v = 255
			}
			stripes.SetRGBA(x, y, color.RGBA{v, v, v, 255})
		}
	}
	got := ScaleTo(stripes, 100, 50)
	for y := range 50 {
		for x := range 100 {
			c := got.RGBAAt(x, y)
			// Three stripes a pixel: two white and one black, or the other
			// way round.
			if c.R != c.G || c.G != c.B || c.R != 85 && c.R != 170 || c.A != 255 {
				t.Fatalf("pixel %d,%d is %v, want the average of three stripes", x, y, c)
			}
		}
	}
	odd := ScaleTo(stripes, 77, 41)
	var sum int
	for i := 0; i < len(odd.Pix); i += 4 {
		sum += int(odd.Pix[i])
	}
	if mean := float64(sum) / float64(77*41); mean < 126 || mean > 129 {
		t.Errorf("mean %.1f after shrinking by a fraction, want 127.5", mean)
	}
}
