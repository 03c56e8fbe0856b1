package encode

import (
	"image"
	"image/color"
	"math"
)

// sunset is a w×h scene: a sky that darkens upwards, a sun, a sea. (A
// copy of package picture's test picture: test files are not shared
// across packages.)
func sunset(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	horizon := h * 3 / 5
	cx, cy, r := float64(w)*0.65, float64(horizon)*0.8, float64(h)/6
	for y := range h {
		for x := range w {
			var c color.RGBA
			if y < horizon {
				t := float64(y) / float64(horizon)
				c = color.RGBA{uint8(40 + 200*t), uint8(30 + 90*t), uint8(110 - 60*t), 255}
				if math.Hypot(float64(x)-cx, float64(y)-cy) < r {
					c = color.RGBA{255, 214, 90, 255}
				}
			} else {
				t := float64(y-horizon) / float64(h-horizon)
				c = color.RGBA{uint8(20 + 30*t), uint8(60 + 40*t), uint8(120 + 50*t), 255}
				if (y-horizon)%4 == 0 && math.Abs(float64(x)-cx) < r*(1.2-t) {
					c = color.RGBA{230, 170, 80, 255}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}
