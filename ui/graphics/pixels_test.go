package graphics

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/jpeg"
	"strings"
	"testing"
)

// itermPictureSize is the size of the picture an iTerm2 inline image
// sequence carries.
func itermPictureSize(t *testing.T, seq string) image.Point {
	t.Helper()
	_, payload, ok := strings.Cut(strings.TrimSuffix(seq, "\x07"), ":")
	if !ok {
		t.Fatalf("no payload in %.80q", seq)
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return image.Point{X: cfg.Width, Y: cfg.Height}
}

// A picture whose box is more pixels than a screen has (a cell size a
// served viewer can claim, up to 256×512) is encoded at no more than
// maxEncodedPixels, its shape kept; a real box is encoded at its size.
func TestEncodePixelsCapped(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	k := Key{Src: "p.png", Cols: 60, Rows: 40, Mode: PicturesITerm, cell: image.Point{X: 64, Y: 128}}
	got := itermPictureSize(t, EncodePixels(k, img))
	if got.X*got.Y > maxEncodedPixels {
		t.Errorf("a 60×40-cell box of 64×128-pixel cells was encoded at %v, over %d pixels", got, maxEncodedPixels)
	}
	if ratio := float64(got.X) / float64(got.Y); ratio < 0.74 || ratio > 0.76 {
		t.Errorf("encoded at %v: not the box's shape (3840×5120)", got)
	}
	k.cell = image.Point{X: 10, Y: 20}
	if got := itermPictureSize(t, EncodePixels(k, img)); got != (image.Point{X: 600, Y: 800}) {
		t.Errorf("a 600×800-pixel box was encoded at %v", got)
	}
}

// pixelBox keeps a box within maxEncodedPixels whatever its cells claim
// (up to the 256×512 SetCell takes), in the box's shape, and leaves a
// real box as it is.
func TestPixelBox(t *testing.T) {
	tests := []struct {
		cols, rows int
		cell       image.Point
		exact      image.Point // the size, where the box is a real one
	}{
		{80, 78, image.Point{X: 256, Y: 512}, image.Point{}},
		{1000, 1, image.Point{X: 256, Y: 512}, image.Point{}},
		{1, 1000, image.Point{X: 256, Y: 512}, image.Point{}},
		{1 << 20, 1, image.Point{X: 256, Y: 2}, image.Point{}},
		{48, 18, image.Point{X: 10, Y: 20}, image.Point{X: 480, Y: 360}},
		{48, 18, image.Point{}, image.Point{X: 480, Y: 360}}, // defaultCell
		{384, 108, image.Point{X: 10, Y: 20}, image.Point{X: 3840, Y: 2160}},
	}
	for _, tt := range tests {
		k := Key{Cols: tt.cols, Rows: tt.rows, Mode: PicturesSixel, cell: tt.cell}
		w, h := pixelBox(k)
		if tt.exact != (image.Point{}) {
			if (image.Point{X: w, Y: h}) != tt.exact {
				t.Errorf("%d×%d cells of %v: %d×%d, want %v", tt.cols, tt.rows, tt.cell, w, h, tt.exact)
			}
			continue
		}
		if w < 1 || h < 1 || w*h > maxEncodedPixels {
			t.Errorf("%d×%d cells of %v: %d×%d, want at least 1×1 and at most %d pixels", tt.cols, tt.rows, tt.cell, w, h, maxEncodedPixels)
		}
		box := float64(tt.cols*tt.cell.X) / float64(tt.rows*tt.cell.Y)
		if got := float64(w) / float64(h); h > 1 && w > 1 && (got < box*0.99 || got > box*1.01) {
			t.Errorf("%d×%d cells of %v: %d×%d is not the box's shape", tt.cols, tt.rows, tt.cell, w, h)
		}
	}
}
