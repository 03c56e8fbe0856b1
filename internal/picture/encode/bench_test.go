package encode

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/reeltui/reel/internal/picture"
)

func BenchmarkSixel(b *testing.B) {
	img := sunset(640, 400)
	for b.Loop() {
		_ = Sixel(img, 480, 300)
	}
}

func BenchmarkITerm(b *testing.B) {
	img := sunset(640, 400)
	for b.Loop() {
		_, _ = ITerm(img, 48, 15, 480, 300)
	}
}

// benchPhoto is the astronaut of testdata/photos, its file's bytes and
// its picture.
func benchPhoto(b *testing.B) ([]byte, image.Image) {
	data, err := os.ReadFile(filepath.Join("testdata", "photos", "astronaut.jpg"))
	if err != nil {
		b.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	return data, img
}

// BenchmarkPhotoDecode is the decode of a 480×480 JPEG photograph, for
// comparison with the conversion to half blocks below.
func BenchmarkPhotoDecode(b *testing.B) {
	data, _ := benchPhoto(b)
	for b.Loop() {
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPhotoShrink is the loader's shrinking of that photograph to
// the 160 pixels half blocks keep.
func BenchmarkPhotoShrink(b *testing.B) {
	_, img := benchPhoto(b)
	for b.Loop() {
		_ = picture.Shrink(img, 160, 160)
	}
}

// BenchmarkPhotoBlocks is the conversion alone, at 80 columns, of the
// shrunk photograph to half blocks at each depth: scaling to the cells,
// diffusion, and the escape sequences.
func BenchmarkPhotoBlocks(b *testing.B) {
	_, img := benchPhoto(b)
	shrunk := picture.Shrink(img, 160, 160)
	cols, rows := cellsOf(img)
	for _, prof := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
		b.Run(chafaColours[prof], func(b *testing.B) {
			for b.Loop() {
				_ = Blocks(shrunk, cols, rows, prof)
			}
		})
	}
}
