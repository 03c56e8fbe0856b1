package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// oneDeck is a reader, in blocks, of a one-slide deck showing picture
// name (a w×h PNG written beside it), at 100×30 as the tester had it.
func oneDeck(t *testing.T, name string, w, h int) Model {
	t.Helper()
	dir := t.TempDir()
	writePNG(t, filepath.Join(dir, name), w, h)
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, []byte("# Strip\n\n![a "+name+"]("+name+")\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	return turnTo(t, sized(t, m, 100, 30), "right")
}

// blockCells counts the half-block cells of view, line by line.
func blockCells(view string) (cells, widest int) {
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		n := strings.Count(l, "▀") + strings.Count(l, "▄")
		cells += n
		widest = max(widest, n)
	}
	return cells, widest
}

// A very tall picture is drawn as a thin strip, not left as "▣ picture"
// for ever with no reason.
func TestTallPictureDrawnAsAStrip(t *testing.T) {
	m := oneDeck(t, "tall.png", 20, 2000)
	view := m.View().Content
	cells, widest := blockCells(view)
	if widest != 1 || cells < graphics.MinArtRows {
		t.Fatalf("%d half-block cells, %d at most on a line: want a strip one column wide:\n%s", cells, widest, ansi.Strip(view))
	}
	if strings.Contains(ansi.Strip(view), "▣ picture") {
		t.Errorf("the panel still says it has a picture it does not draw:\n%s", ansi.Strip(view))
	}
}

// A 1×1 picture stays one cell: it is not blown up to fill its panel.
func TestTinyPictureNotEnlarged(t *testing.T) {
	for _, tt := range []struct {
		w, h, cells int
	}{
		{1, 1, 1},   // a spacer: one pixel, half a cell
		{8, 6, 24},  // an icon: 8 columns of 3 rows
		{30, 2, 30}, // a rule: one row
	} {
		m := oneDeck(t, "icon.png", tt.w, tt.h)
		if cells, _ := blockCells(m.View().Content); cells != tt.cells {
			t.Errorf("%d×%d picture drawn in %d cells, want %d:\n%s", tt.w, tt.h, cells, tt.cells, frame(m))
		}
	}
}
