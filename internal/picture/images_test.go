package picture

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"sort"
	"testing"
)

// Pictures for the tests are drawn here, not downloaded.

// sunset is a w×h scene: a sky that darkens upwards, a sun, a sea.
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

// mountains is a w×h scene of two peaks under a pale sky.
func mountains(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{170, 200, 230, 255}
			peak1 := h/4 + abs(x-w/3)*h/w*2
			peak2 := h/3 + abs(x-w*3/4)*h/w*2
			switch {
			case y > peak1 && y < peak1+h/10 && y < h/2:
				c = color.RGBA{245, 245, 250, 255}
			case y > peak1:
				c = color.RGBA{80, 90, 110, 255}
			case y > peak2:
				c = color.RGBA{110, 120, 100, 255}
			}
			if y > h*5/6 {
				c = color.RGBA{60, 110, 50, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image, quality int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// kiteGIF is an animated GIF of a kite crossing the sky in n frames.
func kiteGIF(t testing.TB, w, h, n int) []byte {
	t.Helper()
	g := &gif.GIF{Config: image.Config{Width: w, Height: h, ColorModel: color.Palette(palette.Plan9)}}
	for i := range n {
		fr := image.NewPaletted(image.Rect(0, 0, w, h), palette.Plan9)
		sky := fr.Palette.Index(color.RGBA{130, 180, 240, 255})
		kite := fr.Palette.Index(color.RGBA{220, 40, 40, 255})
		for j := range fr.Pix {
			fr.Pix[j] = uint8(sky)
		}
		kx, ky := (i*4)%w, h/3
		for y := -6; y <= 6; y++ {
			for x := -(6 - abs(y)); x <= 6-abs(y); x++ {
				fr.SetColorIndex(kx+x, ky+y, uint8(kite))
			}
		}
		g.Image = append(g.Image, fr)
		g.Delay = append(g.Delay, 10)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bitWriter writes bits least significant first, as VP8L wants.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	for w.nacc >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc -= 8
	}
}

func (w *bitWriter) bytes() []byte {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	return w.out
}

// encodeWebP writes img as a lossless WebP (VP8L) with no transforms and
// "simple" prefix codes, which hold one or two symbols each: so every
// channel of img may take at most two values. It is enough to make test
// pictures; Go has a WebP decoder but no encoder.
func encodeWebP(t testing.TB, img *image.RGBA) []byte {
	t.Helper()
	b := img.Bounds()
	// Channel order in VP8L's codes: green, red, blue, alpha.
	var values [4][]uint8
	for i := 0; i < len(img.Pix); i += 4 {
		p := img.Pix[i : i+4]
		for ch, v := range []uint8{p[1], p[0], p[2], p[3]} {
			if !containsByte(values[ch], v) {
				values[ch] = append(values[ch], v)
			}
		}
	}
	w := &bitWriter{}
	w.write(0x2f, 8)
	w.write(uint64(b.Dx()-1), 14)
	w.write(uint64(b.Dy()-1), 14)
	w.write(0, 1) // alpha is not used
	w.write(0, 3) // version
	w.write(0, 1) // no transform
	w.write(0, 1) // no colour cache
	w.write(0, 1) // no meta prefix codes
	simple := func(syms []uint8) {
		if len(syms) > 2 {
			t.Fatalf("encodeWebP: a channel takes %d values, at most 2 fit", len(syms))
		}
		sort.Slice(syms, func(i, j int) bool { return syms[i] < syms[j] })
		w.write(1, 1) // simple code
		w.write(uint64(len(syms)-1), 1)
		w.write(1, 1) // first symbol in 8 bits
		w.write(uint64(syms[0]), 8)
		if len(syms) == 2 {
			w.write(uint64(syms[1]), 8)
		}
	}
	for ch := range 4 {
		simple(values[ch])
	}
	simple([]uint8{0}) // distance: never used
	for i := 0; i < len(img.Pix); i += 4 {
		p := img.Pix[i : i+4]
		for ch, v := range []uint8{p[1], p[0], p[2], p[3]} {
			if len(values[ch]) == 2 {
				if v == values[ch][1] {
					w.write(1, 1)
				} else {
					w.write(0, 1)
				}
			}
		}
	}
	data := w.bytes()
	chunk := append([]byte("VP8L"), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	chunk = append(chunk, data...)
	if len(data)%2 == 1 {
		chunk = append(chunk, 0)
	}
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(4+len(chunk)))...)
	out = append(out, "WEBP"...)
	return append(out, chunk...)
}

func containsByte(s []uint8, v uint8) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// flagPicture is a w×h two-colour-per-channel picture: a red cross on white
// over a blue band, for WebP.
func flagPicture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{255, 255, 255, 255}
			switch {
			case y > h*3/4:
				c = color.RGBA{0, 0, 255, 255}
			case abs(x-w/2) < w/10 || abs(y-h*3/8) < h/10:
				c = color.RGBA{255, 0, 0, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}
