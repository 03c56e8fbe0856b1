package read_test

import (
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestFeedFormat checks that feeds are told apart from the web pages and
// text they resemble, by content or by Content-Type, and that --debug's
// reason names their kind.
func TestFeedFormat(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` +
		`<item><title>One</title><description><![CDATA[<html><body><p>a whole page</p></body></html>]]></description></item></channel></rss>`
	tests := []struct {
		name             string
		opt              story.Options
		src              string
		format           story.Format
		reason, readerIs string
	}{
		{"RSS quoting a web page", story.Options{Name: "news.xml"}, rss, story.FormatFeed, "RSS 2.0", "RSS 2.0"},
		{"piped Atom", story.Options{Name: "-"}, `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>e</title></entry></feed>`,
			story.FormatFeed, "Atom 1.0", "Atom 1.0"},
		{"JSON Feed", story.Options{}, `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"x"}]}`,
			story.FormatFeed, "JSON Feed 1.1", "JSON Feed 1.1"},
		{"--format feed", story.Options{Format: story.FormatFeed, Name: "feed.txt"}, rss, story.FormatFeed,
			"RSS 2.0; --format feed; without it, text: file extension .txt", "RSS 2.0"},
		{"a Content-Type", story.Options{ContentType: "application/rss+xml; charset=utf-8"},
			"\n\n<!-- generated -->" + rss, story.FormatFeed, "RSS 2.0", "RSS 2.0"},
		{"a web page is no feed", story.Options{}, `<!DOCTYPE html><html><body><p>Feed: <a href="/rss">rss</a></p></body></html>`,
			story.FormatHTML, "content: starts as a web page", "article (whole body element)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := read.Parse([]byte(tt.src), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if s.Format != tt.format || s.FormatReason != tt.reason || s.Reader != tt.readerIs {
				t.Errorf("format %v (%q), reader %q; want %v (%q), %q", s.Format, s.FormatReason, s.Reader, tt.format, tt.reason, tt.readerIs)
			}
		})
	}
	for _, opt := range []story.Options{{Format: story.FormatFeed}, {Name: "drawing.svg"}, {Name: "-"}} {
		if _, err := read.Parse([]byte(`<?xml version="1.0"?><svg/>`), opt); err == nil ||
			err.Error() != "not a feed: the XML's root element is <svg>, not <rss>, <rdf:RDF> or <feed>" {
			t.Errorf("an SVG (%+v): %v", opt, err)
		}
	}
	// XHTML is a web page, not XML that is no feed.
	s, err := read.Parse([]byte(`<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Words.</p></body></html>`), story.Options{})
	if err != nil || s.Format != story.FormatHTML {
		t.Errorf("XHTML: %v", err)
	}
}
