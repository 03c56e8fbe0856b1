//go:build unix

package picture_test

import (
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
