package graphics

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
)

// Kitty draws real pixels: once the terminal has said its cell size, a
// small picture takes the cells its pixels fill, no more.
func TestKittyIconKeepsItsPixels(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, "icon.png"), 16, 16)
	l := picture.NewLoader(picture.Origin{Dir: dir}, PicturePixels(PicturesKitty), PicturePixels(PicturesKitty), 0)
	if _, err := l.Load(t.Context(), "icon.png"); err != nil {
		t.Fatal(err)
	}
	a := NewArt(l, PicturesKitty, false)
	a.SetCell(8, 16)
	a.panelArt(story.Picture{Source: "icon.png"}, 80, 20)
	wanted := a.TakeWanted()
	if len(wanted) != 1 || wanted[0].Cols != 2 || wanted[0].Rows != 1 {
		t.Errorf("placements %+v, want one of 2×1 cells (16×16 pixels in 8×16 cells)", wanted)
	}
}

// writePNG writes a w×h PNG of one colour.
func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestKittyPlacementSentOnce(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir("../../testdata/pictures/deck.md")}, 64, 64, 0)
	a := NewArt(l, PicturesKitty, false)
	if _, err := l.Load(context.Background(), "img/sunset.png"); err != nil {
		t.Fatal(err)
	}
	p := story.Picture{Source: "img/sunset.png"}
	// Two renders ask before the first placement is encoded.
	a.panelArt(p, 40, 10)
	first := a.TakeWanted()
	a.panelArt(p, 40, 10)
	if again := a.TakeWanted(); len(first) != 1 || len(again) != 0 {
		t.Fatalf("asked for %d then %d placements, want 1 then 0", len(first), len(again))
	}
	a.Placed(first[0], 5)
	if lines, _ := a.panelArt(p, 40, 10); !strings.Contains(strings.Join(lines, ""), "\x1b[38;5;5m") {
		t.Error("no placeholders once placed")
	}
}
