package picture_test

import (
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
)

// FuzzDecode feeds Decode arbitrary bytes, seeded with a picture of each
// format and the hostile headers of the tests: it must never panic,
// never decode past its caps, and whatever it decodes must draw.
func FuzzDecode(f *testing.F) {
	f.Add(picture.EncodePNG(f, picture.Sunset(16, 10)))
	f.Add(picture.EncodeJPEG(f, picture.Sunset(16, 10), 70))
	f.Add(picture.KiteGIF(f, 16, 10, 3))
	f.Add(picture.EncodeWebP(f, picture.FlagPicture(12, 8)))
	f.Add(picture.JPEGClaiming(65000, 65000))
	f.Add(append(picture.PNGHeader(100000, 100000), picture.PNGChunk("IEND", nil)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := picture.Decode(data)
		if err != nil {
			if picture.Reason(err) == "" {
				t.Fatal("an error with no reason")
			}
			return
		}
		b := img.Bounds()
		if int64(b.Dx())*int64(b.Dy()) > picture.MaxPixels {
			t.Fatalf("decoded %v, past the cap", b)
		}
		small := picture.Shrink(img, 32, 32)
		cols, rows := picture.Cells(small.Bounds().Dx(), small.Bounds().Dy(), 20, 6)
		if lines := encode.Blocks(small, cols, rows, colorprofile.TrueColor); len(lines) != rows {
			t.Fatalf("%d lines, want %d", len(lines), rows)
		}
	})
}
