package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// writeColour writes a w×h PNG of colour c to path.
func writeColour(t *testing.T, path string, w, h int, c color.RGBA) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range w * h {
		img.SetRGBA(i%w, i/w, c)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A picture edited on disk shows its new pixels once its story reloads:
// the loader kept the old ones by name.
func TestReloadReadsChangedPictures(t *testing.T) {
	red, blue := color.RGBA{200, 30, 30, 255}, color.RGBA{30, 30, 200, 255}
	const redCell, blueCell = "38;2;200;30;30", "38;2;30;30;200"
	for _, mode := range []graphics.PictureMode{graphics.PicturesBlocks, graphics.PicturesKitty} {
		dir := t.TempDir()
		pic, deck := filepath.Join(dir, "bird.png"), filepath.Join(dir, "deck.md")
		writeColour(t, pic, 40, 30, red)
		if err := os.WriteFile(deck, []byte("# Birds\n\n![a bird](bird.png)\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 0)
		m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: mode, Loader: l, Start: 1})
		m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
		m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
		m = sized(t, m, 100, 30)
		if mode == graphics.PicturesBlocks && !strings.Contains(m.View().Content, redCell) {
			t.Fatalf("the red picture is not drawn:\n%s", frame(m))
		}
		sent := m.art.SentIDs()
		if mode == graphics.PicturesKitty && len(sent) != 1 {
			t.Fatalf("%d kitty placements sent, want 1", len(sent))
		}

		// The file is saved again, a new picture; then the deck, which
		// reloads.
		writeColour(t, pic, 40, 30, blue)
		later := time.Now().Add(time.Minute) // whatever the file system's clock
		if err := os.Chtimes(pic, later, later); err != nil {
			t.Fatal(err)
		}
		next, cmd := m.Update(ReloadMsg{Story: loadStory(t, deck)})
		m, raw := settle(t, next.(Model), cmd)
		switch view := m.View().Content; mode {
		case graphics.PicturesBlocks:
			if strings.Contains(view, redCell) || !strings.Contains(view, blueCell) {
				t.Errorf("blocks: after the reload the old picture shows:\n%s", frame(m))
			}
		case graphics.PicturesKitty:
			if !strings.Contains(strings.Join(raw, ""), encode.KittyDelete(sent[0])) {
				t.Error("kitty: the old picture was not deleted from the terminal")
			}
			if now := m.art.SentIDs(); len(now) != 1 || now[0] == sent[0] {
				t.Errorf("kitty: placements %v after the reload, want one new one (not %d)", now, sent[0])
			}
		}
	}
}
