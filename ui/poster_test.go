package ui

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/page"
)

// TestWebStoryPosterAndVideo: an AMP story's poster stands on the cover,
// under the title and above the intro, and a video's panel says it is a
// video's poster, not a picture.
func TestWebStoryPosterAndVideo(t *testing.T) {
	html := `<!doctype html><html amp><head><title>Tide pools</title></head><body>
<amp-story standalone title="Tide pools" publisher="Coast Desk" poster-portrait-src="https://example.com/cover.jpg">
<amp-story-page id="one"><amp-story-grid-layer template="vertical">
<h1>Low tide</h1>
<amp-video autoplay width="720" height="1280" layout="responsive" poster="https://example.com/crab-poster.jpg">
<source src="https://example.com/crab.mp4" type="video/mp4"></amp-video>
<p>A crab crosses the rocks.</p>
</amp-story-grid-layer></amp-story-page>
</amp-story></body></html>`
	s, err := read.Parse([]byte(html), story.Options{Name: "tide.html"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Print(&b, s, page.PrintOptions{Width: 70}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	cover, rest, ok := strings.Cut(out, "1 section follows")
	if !ok {
		t.Fatalf("no cover:\n%s", out)
	}
	if !strings.Contains(cover, "https://example.com/cover.jpg") || strings.Index(cover, "Tide pools") > strings.Index(cover, "cover.jpg") {
		t.Errorf("the poster is not on the cover under the title:\n%s", cover)
	}
	if !strings.Contains(rest, "▶ video: its poster") || !strings.Contains(rest, "crab-poster.jpg") {
		t.Errorf("the video's panel does not say it is a video:\n%s", rest)
	}
	// The reader says so too.
	m := newTestModel(s, 60, 16)
	if f := frame(send(m, keyMsg("right"))); !strings.Contains(f, "▶ video") {
		t.Errorf("the reader's video panel:\n%s", f)
	}
}

// TestEmbeddedVideoPanel: a video a page embeds from YouTube has no
// poster of its own: its panel says it is a video and gives its address,
// in print and in the reader.
func TestEmbeddedVideoPanel(t *testing.T) {
	html := `<html><body><article><h1>VR games</h1><p>` + strings.Repeat("Rez gets the VR treatment. ", 12) + `</p>
<h2>Rez Infinite</h2><iframe src="https://www.youtube.com/embed/YlDxEOwj5j8"></iframe><p>` + strings.Repeat("It gets better the more you play it. ", 12) + `</p></article></body></html>`
	s, err := read.Parse([]byte(html), story.Options{Name: "vr.html"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Print(&b, s, page.PrintOptions{Width: 70}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{b.String(), frame(send(newTestModel(s, 80, 30), keyMsg("right")))} {
		if !strings.Contains(f, "▶ video") || strings.Contains(f, "its poster") || !strings.Contains(f, "youtube.com/embed/YlDxEOwj5j8") {
			t.Errorf("the video's panel:\n%s", f)
		}
	}
	// Its details give the video's address, and no "Source: none".
	if f := frame(send(newTestModel(s, 80, 30), keyMsg("right"), keyMsg("i"))); !strings.Contains(f, "youtube.com/embed/YlDxEOwj5j8") || strings.Contains(f, "Source") {
		t.Errorf("the video's details:\n%s", f)
	}
}
