package encode

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reeltui/reel/internal/picture"
)

func readPhoto(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "photos", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// BenchmarkHalfBlocks times the conversion alone (scaling, colour
// choice, dithering, the escape sequences), from a decoded photograph
// held as the loader holds it, to an 80-column panel: no process start,
// no decode. BenchmarkDecodePhoto times the decode of the same file.
func BenchmarkHalfBlocks(b *testing.B) {
	data := readPhoto(b, "coffee.jpg")
	img, err := picture.Decode(data)
	if err != nil {
		b.Fatal(err)
	}
	held := picture.Shrink(img, 160, 160)
	for _, d := range qualityDepths {
		b.Run(d.name, func(b *testing.B) {
			for b.Loop() {
				if lines := Blocks(held, 80, 27, d.profile); len(lines) != 27 {
					b.Fatal("no lines")
				}
			}
		})
	}
}

func BenchmarkDecodePhoto(b *testing.B) {
	data := readPhoto(b, "coffee.jpg")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := picture.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
