package picture

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// FuzzDecode feeds Decode arbitrary bytes, seeded with a picture of each
// format and the hostile headers of the tests: it must never panic,
// never decode past its caps, and whatever it decodes must draw.
func FuzzDecode(f *testing.F) {
	f.Add(encodePNG(f, sunset(16, 10)))
	f.Add(encodeJPEG(f, sunset(16, 10), 70))
	f.Add(kiteGIF(f, 16, 10, 3))
	f.Add(encodeWebP(f, flagPicture(12, 8)))
	f.Add(jpegClaiming(65000, 65000))
	f.Add(append(pngHeader(100000, 100000), pngChunk("IEND", nil)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := Decode(data)
		if err != nil {
			if Reason(err) == "" {
				t.Fatal("an error with no reason")
			}
			return
		}
		b := img.Bounds()
		if int64(b.Dx())*int64(b.Dy()) > MaxPixels {
			t.Fatalf("decoded %v, past the cap", b)
		}
		small := Shrink(img, 32, 32)
		cols, rows := Cells(small.Bounds().Dx(), small.Bounds().Dy(), 20, 6)
		if lines := Blocks(small, cols, rows, colorprofile.TrueColor); len(lines) != rows {
			t.Fatalf("%d lines, want %d", len(lines), rows)
		}
	})
}
