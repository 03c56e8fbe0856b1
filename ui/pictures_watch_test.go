package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/picture/encode"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// A chart the story shows is exported again, written in place or renamed
// over the old file: the page shows the new picture without a key press,
// and the old one is no longer held.
func TestReplacedPictureFileRedrawsItsPage(t *testing.T) {
	dir := t.TempDir()
	chart, deck := filepath.Join(dir, "chart.png"), filepath.Join(dir, "deck.md")
	writeColour(t, chart, 40, 30, color.RGBA{200, 30, 30, 255})
	if err := os.WriteFile(deck, []byte("# Sales\n\n![sales by month](chart.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mode := graphics.PicturesBlocks
	l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 0)
	s := loadStory(t, deck)
	m := New(s, Options{Theme: page.ThemeDark, Pictures: mode, Loader: l, Start: 1})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m = sized(t, m, 100, 30)
	if !strings.Contains(m.View().Content, "38;2;200;30;30") {
		t.Fatalf("the red chart is not drawn:\n%s", frame(m))
	}

	changed := make(chan tea.Msg, 1)
	pw, err := source.WatchPictures(m.PictureLoader().Files(PictureSources(s)), func() {
		select {
		case changed <- PictureFilesMsg{}:
		default:
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Stop()

	for _, step := range []struct {
		how    string
		w      int
		colour color.RGBA
		cell   string
	}{
		{"written in place", 48, color.RGBA{30, 200, 30, 255}, "38;2;30;200;30"},
		{"renamed over", 56, color.RGBA{30, 30, 200, 255}, "38;2;30;30;200"},
	} {
		old, _, _ := l.Cached("chart.png")
		if step.how == "written in place" {
			writeColour(t, chart, step.w, 30, step.colour)
		} else {
			tmp := filepath.Join(dir, ".chart.png.tmp")
			writeColour(t, tmp, step.w, 30, step.colour)
			if err := os.Rename(tmp, chart); err != nil {
				t.Fatal(err)
			}
		}
		// Each report of the watch is handed to the reader, until the new
		// chart shows: a save may come as more than one burst.
		deadline := time.After(10 * time.Second)
		for !strings.Contains(m.View().Content, step.cell) {
			select {
			case msg := <-changed:
				next, cmd := m.Update(msg)
				m, _ = settle(t, next.(Model), cmd)
			case <-deadline:
				t.Fatalf("%s: the new chart never showed:\n%s", step.how, frame(m))
			}
		}
		if view := m.View().Content; strings.Contains(view, "38;2;200;30;30") || step.how == "renamed over" && strings.Contains(view, "38;2;30;200;30") {
			t.Errorf("%s: the old chart still shows beside the new one:\n%s", step.how, frame(m))
		}
		if img, _, ok := l.Cached("chart.png"); !ok || img == old || img.Bounds().Dx() != step.w {
			t.Errorf("%s: the loader holds %v, not the new %d-pixel chart", step.how, img.Bounds(), step.w)
		}
	}
}

// A picture the loader let go (its memory went to others) and whose file
// changed meanwhile is read again when its page comes back: what was
// drawn of the old one is not shown in its place, and kitty's copy of it
// is deleted from the terminal.
func TestPictureLetGoAndChangedIsDrawnAnew(t *testing.T) {
	for _, mode := range []graphics.PictureMode{graphics.PicturesBlocks, graphics.PicturesKitty} {
		letGoAndChanged(t, mode)
	}
}

func letGoAndChanged(t *testing.T, mode graphics.PictureMode) {
	dir := t.TempDir()
	a, b, deck := filepath.Join(dir, "a.png"), filepath.Join(dir, "b.png"), filepath.Join(dir, "deck.md")
	writeColour(t, a, 40, 30, color.RGBA{200, 30, 30, 255})
	writeColour(t, b, 40, 30, color.RGBA{30, 200, 30, 255})
	// Pages 2 and 3 have no pictures: a page's neighbours load with it,
	// and a and b are never wanted at once.
	if err := os.WriteFile(deck, []byte("# Two\n\n## A\n\n![a](a.png)\n\n---\n\n## Words\n\nNo picture.\n\n---\n\n## More words\n\nNone.\n\n---\n\n## B\n\n![b](b.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Room for one picture: the second pushes the first out.
	size := graphics.PicturePixels(mode)
	l := picture.NewLoader(picture.Origin{Dir: dir}, size, size, 40*30*4+1)
	m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: mode, Loader: l, Start: 1})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m = sized(t, m, 100, 30)
	var sent []int
	if mode == graphics.PicturesKitty {
		if sent = m.art.SentIDs(); len(sent) != 1 {
			t.Fatalf("kitty: %d placements sent, want 1", len(sent))
		}
	} else if !strings.Contains(m.View().Content, "38;2;200;30;30") {
		t.Fatalf("a is not drawn:\n%s", frame(m))
	}
	m = turnTo(t, m, "right right right")
	if _, _, held := l.Cached("a.png"); held {
		t.Fatal("a is still held: the loader's budget is not what the test needs")
	}
	// The same size, another colour, a later time.
	writeColour(t, a, 40, 30, color.RGBA{30, 30, 200, 255})
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(a, later, later); err != nil {
		t.Fatal(err)
	}
	var raw []string
	for _, k := range keys("left left left") {
		next, cmd := m.Update(k)
		var out []string
		m, out = settle(t, next.(Model), cmd)
		raw = append(raw, out...)
	}
	if mode == graphics.PicturesBlocks {
		if view := m.View().Content; strings.Contains(view, "38;2;200;30;30") || !strings.Contains(view, "38;2;30;30;200") {
			t.Errorf("blocks: the old a shows, not the new:\n%s", frame(m))
		}
		return
	}
	all := strings.Join(raw, "")
	if !strings.Contains(all, encode.KittyDelete(sent[0])) {
		t.Errorf("kitty: the old a (id %d) was not deleted from the terminal", sent[0])
	}
	if !strings.Contains(all, "a=T") || strings.Contains(m.View().Content, fmt.Sprintf("\x1b[38;5;%dm", sent[0])) {
		t.Errorf("kitty: the new a was not placed, or the page shows the old one's placeholders")
	}
}

// A page whose pictures do not all fit in the loader's memory does not
// load them round and round, each pushing the other out: the reader
// settles with what fits.
func TestPicturesBeyondTheLoadersMemorySettle(t *testing.T) {
	dir := t.TempDir()
	writeColour(t, filepath.Join(dir, "a.png"), 40, 30, color.RGBA{200, 30, 30, 255})
	writeColour(t, filepath.Join(dir, "b.png"), 40, 30, color.RGBA{30, 200, 30, 255})
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, []byte("# Two\n\n## Both\n\n![a](a.png)\n\n![b](b.png)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mode := graphics.PicturesBlocks
	l := picture.NewLoader(picture.Origin{Dir: dir}, graphics.PicturePixels(mode), graphics.PicturePixels(mode), 40*30*4+1)
	m := New(loadStory(t, deck), Options{Theme: page.ThemeDark, Pictures: mode, Loader: l, Start: 1})
	m.renderBudget, m.deadline, m.picDelay = time.Minute, time.Minute, 0
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m = sized(t, m, 100, 60) // settle fails the test if the loads never end
	if loads := l.Loads(); loads > 4 {
		t.Errorf("%d loads for two pictures", loads)
	}
	view := m.View().Content
	if !strings.Contains(view, "38;2;200;30;30") && !strings.Contains(view, "38;2;30;200;30") {
		t.Errorf("neither picture shows:\n%s", frame(m))
	}
}
