package realterm

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"testing"
)

// screen returns a white 400×300 screenshot with pic drawn at (20, 20).
func screen(pic image.Image) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	if pic != nil {
		draw.Draw(img, pic.Bounds().Add(image.Pt(20, 20)), pic, pic.Bounds().Min, draw.Src)
	}
	return img
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// halfBlocks draws img as half blocks would in cells cw×ch pixels: each
// half cell one colour, sampled from its middle.
func halfBlocks(img image.Image, cw, ch int) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx()/cw*cw, b.Dy()/ch*ch))
	for y := 0; y < out.Bounds().Dy(); y++ {
		for x := 0; x < out.Bounds().Dx(); x++ {
			half := y / (ch / 2)
			out.Set(x, y, img.At(x/cw*cw+cw/2, half*(ch/2)+ch/4))
		}
	}
	return out
}

// tofu draws rows of empty boxes, as kitty does for characters it has
// no glyph for.
func tofu(cols, rows, cw, ch int, c color.Color) *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, cols*cw, rows*ch))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	for r := range rows {
		for col := range cols {
			x0, y0 := col*cw+1, r*ch+2
			for x := x0; x < x0+cw-2; x++ {
				out.Set(x, y0, c)
				out.Set(x, y0+ch-4, c)
			}
			for y := y0; y < y0+ch-3; y++ {
				out.Set(x0, y, c)
				out.Set(x0+cw-3, y, c)
			}
		}
	}
	return out
}

func TestAnalyse(t *testing.T) {
	stripes := decodePNG(t, Stripes(300, 120))
	red := color.RGBA{220, 0, 0, 255}
	tests := []struct {
		name string
		img  image.Image
		want Kind
	}{
		{"real pixels", screen(stripes), RealPixels},
		{"half blocks, 6×13 cells", screen(halfBlocks(stripes, 6, 13)), HalfBlocks},
		{"half blocks, 9×20 cells", screen(halfBlocks(stripes, 9, 20)), HalfBlocks},
		{"tofu", screen(tofu(30, 6, 9, 20, red)), Nothing},
		{"nothing", screen(nil), Nothing},
		{"a plain picture", screen(decodePNG(t, Solid(100, 200, color.RGBA{150, 120, 90, 255}))), Nothing},
		// Real pixels cut to a single line of text's height are not a
		// picture: coloured text is not.
		{"a line of colour", screen(stripes.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(0, 0, 300, 13))), Nothing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyse(tt.img); got.Kind != tt.want {
				t.Errorf("Analyse = %s (%+v), want %s", got.Kind, got, tt.want)
			}
		})
	}
}

func TestCountNear(t *testing.T) {
	img := screen(decodePNG(t, Solid(10, 20, color.RGBA{150, 120, 90, 255})))
	if got := CountNear(img, color.RGBA{160, 110, 80, 255}, 12); got != 200 {
		t.Errorf("CountNear = %d, want 200", got)
	}
	if got := CountNear(img, color.RGBA{180, 110, 80, 255}, 12); got != 0 {
		t.Errorf("CountNear of a colour 30 away = %d, want 0", got)
	}
}
