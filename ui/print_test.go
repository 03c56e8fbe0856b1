package ui

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// TestPrintNotesBeforeTheEnd: with --notes, a page's speaker notes come
// before its closing line, so "End of story" ends the print and "1
// section follows" stays right above the rule to that section.
func TestPrintNotesBeforeTheEnd(t *testing.T) {
	md := "Speaker Notes\n===\n\nIntro.\n\n<!-- speaker_note: note on the cover -->\n\n<!-- end_slide -->\n\nUsage\n===\n\nRun it.\n\n<!-- speaker_note: note on the last slide -->\n"
	s, err := read.Parse([]byte(md), story.Options{Name: "n.md"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Print(&b, s, page.PrintOptions{Width: 60, Notes: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, order := range [][2]string{{"note on the cover", "1 section follows"}, {"note on the last slide", "End of story"}} {
		note, foot := strings.Index(out, order[0]), strings.Index(out, order[1])
		if note < 0 || foot < 0 || note > foot {
			t.Errorf("%q is not before %q:\n%s", order[0], order[1], out)
		}
	}
}

// TestPrintDownloadsPicturesTogether: print loads a web story's pictures
// a few at a time, ahead of the page it prints, rather than one after
// another as each page comes: with a slow server, a story of 30 pictures
// waited 30 times its delay. The fake server holds each download until a
// second one is asked for, or a second has passed.
func TestPrintDownloadsPicturesTogether(t *testing.T) {
	png, err := os.ReadFile("../testdata/pictures/img/sunset.png")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var once sync.Once
	inFlight, most := 0, 0
	second := make(chan struct{})
	fetch := func(ctx context.Context, raw string, limit int64) ([]byte, error) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		if inFlight == 2 {
			once.Do(func() { close(second) })
		}
		mu.Unlock()
		select {
		case <-second:
		case <-time.After(time.Second):
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		return png, nil
	}
	base, _ := url.Parse("https://news.example/gallery")
	var md strings.Builder
	md.WriteString("# Gallery\n")
	for i := range 6 {
		fmt.Fprintf(&md, "\n---\n\n## Picture %d\n\n![A sunset](https://news.example/%d.png)\n", i, i)
	}
	s, err := read.Parse([]byte(md.String()), story.Options{Name: "g.md"})
	if err != nil {
		t.Fatal(err)
	}
	l := picture.NewLoader(picture.Origin{Base: base, Fetch: fetch}, graphics.PicturePixels(graphics.PicturesBlocks), graphics.PicturePixels(graphics.PicturesBlocks), 0)
	var out strings.Builder
	if err := Print(&out, s, page.PrintOptions{Width: 60, Theme: page.ThemeDark, Pictures: l}); err != nil {
		t.Fatal(err)
	}
	if most < 2 {
		t.Errorf("print downloaded one picture at a time")
	}
	if n := strings.Count(out.String(), "▀"); n < 6*20 {
		t.Errorf("%d half blocks printed, want six pictures", n)
	}
}
