package realterm

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Stripes returns a PNG w×h pixels of vertical stripes a pixel wide, in
// saturated colours that go once round the colour wheel from left to
// right, every other stripe a quarter darker. Drawn in real pixels its
// colour changes at every pixel along a row; in half blocks only at cell
// edges, and, averaged there, the colours stay saturated.
func Stripes(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		c := hue(float64(x) / float64(w))
		if x%2 == 1 {
			c.R, c.G, c.B = c.R/4*3, c.G/4*3, c.B/4*3
		}
		for y := range h {
			img.SetRGBA(x, y, c)
		}
	}
	return encodePNG(img)
}

// Solid returns a PNG w×h pixels of colour c.
func Solid(w, h int, c color.RGBA) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	return encodePNG(img)
}

// hue is the colour of hue h (0 to 1) at full saturation and brightness.
func hue(h float64) color.RGBA {
	channel := func(n float64) uint8 {
		k := math.Mod(n+h*6, 6)
		v := 1 - max(0, min(k, 4-k, 1))
		return uint8(math.Round(v * 255))
	}
	return color.RGBA{channel(5), channel(3), channel(1), 255}
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an in-memory RGBA always encodes
	}
	return b.Bytes()
}
