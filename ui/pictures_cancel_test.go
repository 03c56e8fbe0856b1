package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// TestPassedPagesLoadsAreCancelled: the downloads of a page the reader
// has moved on from (beyond its neighbours) are cancelled, and do not
// hold the download slots.
func TestPassedPagesLoadsAreCancelled(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Web\n")
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		md.WriteString("\n---\n\n## " + n + "\n\n![" + n + "](" + n + ".png)\n")
	}
	s, err := read.Parse([]byte(md.String()), story.Options{Name: "web.md"})
	if err != nil {
		t.Fatal(err)
	}
	cancelled := make(chan string, 10)
	fetch := func(ctx context.Context, raw string, limit int64) ([]byte, error) {
		<-ctx.Done()
		cancelled <- raw[strings.LastIndex(raw, "/")+1:]
		return nil, ctx.Err()
	}
	base, _ := url.Parse("https://example.com/web")
	l := picture.NewLoader(picture.Origin{Base: base, Fetch: fetch}, 64, 64, 0)
	m := New(s, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesBlocks, Loader: l, Width: 100, Height: 34, Start: 1})
	m.renderBudget, m.deadline = time.Minute, time.Minute
	// Page 1's pictures and its neighbours' start loading (and hang).
	next, cmd := m.Update(pictureDueMsg{page: 1})
	m = next.(Model)
	runAll(cmd)
	// The reader jumps to page 5: pages 0 to 2 are passed.
	m.pos.page = 5
	next, cmd = m.Update(pictureDueMsg{page: 5})
	m = next.(Model)
	runAll(cmd)
	got := map[string]bool{}
	for len(got) < 2 {
		select {
		case name := <-cancelled:
			got[name] = true
		case <-time.After(10 * time.Second):
			t.Fatalf("cancelled so far: %v; want a.png and b.png", got)
		}
	}
	if !got["a.png"] || !got["b.png"] {
		t.Errorf("cancelled %v, want a.png and b.png (pages 1 and 2)", got)
	}
	m.cancelPassedLoads(-10) // the rest: no download left hanging
}

// runAll runs the commands of cmd, batches unpacked, each on a goroutine
// of its own, and does not wait for them.
func runAll(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				runAll(c)
			}
		}
	}()
}
