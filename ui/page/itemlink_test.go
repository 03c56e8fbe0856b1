package page

import (
	"bytes"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/feed"
)

// TestPrintListsItemLinks checks that print mode gives each feed item its
// link, under its own page, and no link to an item that has none.
func TestPrintListsItemLinks(t *testing.T) {
	src := `<rss version="2.0"><channel><title>F</title>` +
		`<item><title>First</title><link>https://e.example/1?x=1&amp;y=2</link><description>one</description></item>` +
		`<item><title>Second</title><description>two, no link</description></item>` +
		`<item><title>Third</title><link>https://e.example/3</link></item></channel></rss>`
	s, err := feed.Parse([]byte(src), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Print(&b, s, PrintOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(b.String(), strings.Repeat("─", 60))
	if len(pages) != 4 {
		t.Fatalf("%d pages printed, want 4:\n%s", len(pages), b.String())
	}
	want := []string{"", "Link: https://e.example/1?x=1&y=2", "", "Link: https://e.example/3"}
	for i, w := range want {
		got := ""
		for _, l := range strings.Split(pages[i], "\n") {
			if strings.HasPrefix(l, "Link:") {
				got = l
			}
		}
		if got != w {
			t.Errorf("page %d: link line %q, want %q", i, got, w)
		}
	}
	// A story that is not a feed prints no links.
	plain := &story.Story{Title: "T"}
	plain.AddSection(story.Section{Caption: "c", Body: "b"})
	b.Reset()
	if err := Print(&b, plain, PrintOptions{Width: 60}); err != nil || strings.Contains(b.String(), "Link:") {
		t.Errorf("a plain story printed a link (%v):\n%s", err, b.String())
	}
}

// TestPrintLastItemLinkBeforeEnd checks that the last item's link is part
// of its page, above the story's closing words, as every other item's is
// above the rule that follows it; notes printed with it stay above it too.
func TestPrintLastItemLinkBeforeEnd(t *testing.T) {
	src := `<rss version="2.0"><channel><title>F</title>` +
		`<item><title>First</title><link>https://e.example/1</link><description>one</description></item>` +
		`<item><title>Last</title><link>https://e.example/last</link><description>the last one</description></item></channel></rss>`
	for _, opt := range []PrintOptions{{}, {Width: 60}, {Width: 100, Measure: 60}, {Width: 60, Notes: true}} {
		s, err := feed.Parse([]byte(src), feed.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := Print(&b, s, opt); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		link, end := strings.Index(out, "Link: https://e.example/last"), strings.Index(out, "End of story")
		text := strings.Index(out, "the last one")
		if link < 0 || end < 0 || !(text < link && link < end) {
			t.Errorf("%+v: text at %d, link at %d, end of story at %d:\n%s", opt, text, link, end, out)
		}
		if tail := strings.TrimRight(out[end:], "\n "); strings.Contains(tail, "\n") {
			t.Errorf("%+v: lines after the end of story:\n%s", opt, out)
		}
	}
}
