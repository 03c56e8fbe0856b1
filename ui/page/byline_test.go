package page

import (
	"bytes"
	"strings"
	"testing"

	"github.com/reeltui/reel/story/feed"
)

// TestPlainPrintShowsItemDatesAsText checks that plain print shows a feed
// item's date and author as text: the emphasis the feed reader gives them
// came out as "*Mon 19 Jan 2026 11:04 GMT · Ann_Lee*", Markdown's marks in
// plain text.
func TestPlainPrintShowsItemDatesAsText(t *testing.T) {
	src := `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>F</title>` +
		`<item><title>First</title><pubDate>Mon, 19 Jan 2026 11:04:56 GMT</pubDate><dc:creator>Ann_Lee</dc:creator>` +
		`<description>&lt;p&gt;One &lt;em&gt;big&lt;/em&gt; day.&lt;/p&gt;</description></item>` +
		`<item><title>Second</title><pubDate>Tue, 20 Jan 2026 08:00:00 GMT</pubDate></item></channel></rss>`
	s, err := feed.Parse([]byte(src), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Print(&b, s, PrintOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"\nMon 19 Jan 2026 11:04 GMT · Ann_Lee\n", "\nTue 20 Jan 2026 08:00 GMT\n", "\nOne big day.\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "*Mon") || strings.Contains(out, "*Tue") || strings.Contains(out, "_Tue") {
		t.Errorf("a date printed with the reader's marks:\n%s", out)
	}
}

// TestPlainPrintShowsFeedNoteAsText: the note a feed's reader ends the
// cover with, when it could not read all of the feed, prints as text in
// plain print, not as "*Not all of this feed could be read: …*".
func TestPlainPrintShowsFeedNoteAsText(t *testing.T) {
	src := `<rss version="2.0"><channel><title>F</title><description>About the feed.</description>` +
		`<item><title>First</title><description>one</description></item><item><title>Sec`
	s, err := feed.Parse([]byte(src), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Print(&b, s, PrintOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "\nAbout the feed.\n\nNot all of this feed could be read: ") || strings.Contains(out, "*Not all") {
		t.Errorf("the reader's note is not plain text:\n%s", out)
	}
}
