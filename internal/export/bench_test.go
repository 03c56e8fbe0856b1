//go:build unix

package export

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/picture"
)

// BenchmarkExport measures the yardstick: a story of 100
// sections with a 1600×1200 JPEG each, exported to HTML and PDF, against
// decoding those pictures once. Compare html and pdf to decode, by
// wall time (ns/op) and by the CPU time the process spent (cpu-ms/op),
// which other work on a shared machine does not inflate.
func BenchmarkExport(b *testing.B) {
	dir := b.TempDir()
	photo := photoJPEG(b, 1600, 1200, 1)
	var deck strings.Builder
	deck.WriteString("---\ntitle: A hundred photographs\n---\n\n# A hundred photographs\n\nA long gallery.\n")
	for i := range 100 {
		name := fmt.Sprintf("p%03d.jpg", i)
		if err := os.WriteFile(filepath.Join(dir, name), photo, 0o644); err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(&deck, "\n---\n\n# Photograph %d\n\n![Photograph number %d](%s \"Caption %d\")\n_Photo: reel_\n\nA paragraph about it.\n", i+1, i+1, name, i+1)
	}
	path := filepath.Join(dir, "story.md")
	if err := os.WriteFile(path, []byte(deck.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	origin := picture.Origin{Dir: dir}
	b.Logf("picture: %d bytes", len(photo))

	b.Run("decode", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			for i := range 100 {
				data, err := origin.Read(context.Background(), fmt.Sprintf("p%03d.jpg", i))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := picture.Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, f := range []Format{FormatHTML, FormatPDF} {
		b.Run(f.String(), func(b *testing.B) {
			defer cpuPerOp(b)()
			for b.Loop() {
				// Parsed afresh each time: an export parses what it reads.
				s, _ := readStory(b, path)
				if err := Write(context.Background(), io.Discard, s, Options{Format: f, Origin: origin}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// photoJPEG is a picture with a photograph's detail: gradients and
// grain, so that it compresses as one does. Each seed gives another.
func photoJPEG(b testing.TB, w, h int, seed uint32) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			seed = seed*1664525 + 1013904223
			n := uint8(seed >> 27)
			img.SetRGBA(x, y, color.RGBA{uint8(x*255/w) ^ n, uint8(y*255/h) + n, uint8((x + y) * 255 / (w + h)), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// cpuPerOp reports the CPU time (user and system) the process spends
// per operation, from now until the returned function is called.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
