package cli

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// sends is a program that keeps what it is sent.
type sends chan tea.Msg

func (s sends) Send(msg tea.Msg) {
	select {
	case s <- msg:
	default:
	}
}

func writePNG(t *testing.T, path string, c color.RGBA) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The reader watches the files of the pictures it has loaded: one loaded
// and then replaced on disk is reported to the reader, which draws it
// anew (ui's TestReplacedPictureFileRedrawsItsPage).
func TestLoadedPictureFilesAreWatched(t *testing.T) {
	dir := t.TempDir()
	chart := filepath.Join(dir, "chart.png")
	writePNG(t, chart, color.RGBA{200, 30, 30, 255})
	s, err := read.Parse([]byte("# Sales\n\n![sales](chart.png)\n"), story.Options{Name: "deck.md"})
	if err != nil {
		t.Fatal(err)
	}
	l := picture.NewLoader(picture.Origin{Dir: dir}, 64, 64, 0)
	m := ui.New(s, ui.Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
	got := make(sends, 1)
	pw := watchPictures(m, got)
	if pw == nil {
		t.Fatal("no watch")
	}
	defer pw.Stop()
	if _, err := l.Load(context.Background(), "chart.png"); err != nil {
		t.Fatal(err)
	}
	// The watch follows the file once the loader has kept it; a replaced
	// file is reported, however many writes the watch first sees settle.
	deadline := time.After(20 * time.Second)
	for i := 0; ; i++ {
		writePNG(t, chart, color.RGBA{30, 200, byte(i), 255})
		select {
		case msg := <-got:
			if _, ok := msg.(ui.PictureFilesMsg); !ok {
				t.Fatalf("sent %T", msg)
			}
			return
		case <-deadline:
			t.Fatal("a loaded picture replaced on disk was never reported")
		case <-time.After(500 * time.Millisecond):
		}
	}
}
