//go:build unix

package picture_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
)

// BenchmarkPhotoToPanel decodes a 4000×3000 JPEG, shrinks it and draws
// it as the half blocks of a 76×12 panel: the work done off the UI
// goroutine for one picture. The target is under 150 ms.
func BenchmarkPhotoToPanel(b *testing.B) {
	data := picture.EncodeJPEG(b, picture.Sunset(4000, 3000), 85)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu0 := picture.CPUTime()
	for b.Loop() {
		img, err := picture.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		small := picture.Shrink(img, picture.BlocksMax, picture.BlocksMax)
		cols, rows := picture.Cells(small.Bounds().Dx(), small.Bounds().Dy(), 76, 12)
		if lines := encode.Blocks(small, cols, rows, colorprofile.TrueColor); len(lines) != rows {
			b.Fatal("no lines")
		}
	}
	// On a busy machine wall time says little: report the CPU time too.
	b.ReportMetric(float64((picture.CPUTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkPhotoColdDecode decodes the same 4000×3000 JPEG as reel does
// for a picture not seen before (picture.Decode: its checks of size and
// kind, then the decode) beside image/jpeg's own decode of the same
// bytes, the floor reel's decode stands on.
func BenchmarkPhotoColdDecode(b *testing.B) {
	data := picture.EncodeJPEG(b, picture.Sunset(4000, 3000), 85)
	for _, bb := range []struct {
		name   string
		decode func([]byte) (image.Image, error)
	}{
		{"image-jpeg", func(d []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(d)) }},
		{"reel", picture.Decode},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			cpu0 := picture.CPUTime()
			for b.Loop() {
				img, err := bb.decode(data)
				if err != nil || img.Bounds().Dx() != 4000 {
					b.Fatal("not decoded", err)
				}
			}
			b.ReportMetric(float64((picture.CPUTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
