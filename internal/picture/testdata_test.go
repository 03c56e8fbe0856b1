package picture

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the pictures of testdata/pictures")

// TestDeckPictures checks that the pictures of the sample deck in
// testdata/pictures are the ones drawn here (go test -update rewrites
// them), and that each decodes.
func TestDeckPictures(t *testing.T) {
	png := encodePNG(t, sunset(96, 64))
	files := map[string][]byte{
		"sunset.png":    png,
		"mountains.jpg": encodeJPEG(t, mountains(120, 80), 75),
		"kite.gif":      kiteGIF(t, 64, 40, 12),
		"flag.webp":     encodeWebP(t, flagPicture(60, 40)),
		"broken.png":    png[:len(png)/3],
	}
	dir := filepath.Join("..", "..", "testdata", "pictures", "img")
	for name, want := range files {
		path := filepath.Join(dir, name)
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./internal/picture -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the picture drawn here", name)
		}
		if _, err := Decode(got); (err != nil) != (name == "broken.png") {
			t.Errorf("%s: Decode: %v", name, err)
		}
	}
}
