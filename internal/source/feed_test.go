package source

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/reeltui/reel/story"
)

// TestFeedFromURL checks that a feed read from a URL is told apart by its
// content and by the Content-Type its server sends, even a server that
// calls it a web page, and that its relative pictures resolve against
// its address.
func TestFeedFromURL(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Local news</title>` +
		`<item><title>One</title><link>/a/1</link><media:content url="pics/1.jpg" medium="image"/></item></channel></rss>`
	for _, tt := range []struct {
		contentType, body, reason string
	}{
		{"application/rss+xml", rss, "RSS 2.0"},
		{"text/html; charset=utf-8", rss, "RSS 2.0"},
		{"text/xml", rss, "RSS 2.0"},
		{"application/atom+xml", "\n<!-- a comment, then the feed -->\n" + `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>e</title></entry></feed>`, "Atom 1.0"},
	} {
		t.Run(tt.contentType, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				io.WriteString(w, tt.body)
			}))
			defer srv.Close()
			ld, err := Load(Request{Path: srv.URL + "/feeds/news.xml", MaxSize: 1 << 20}, os.Stdin, false, io.Discard, func() {})
			if err != nil {
				t.Fatal(err)
			}
			s := ld.Story
			if s.Format != story.FormatFeed || s.FormatReason != tt.reason {
				t.Fatalf("format %v (%s), want feed (%s)", s.Format, s.FormatReason, tt.reason)
			}
			if tt.reason != "RSS 2.0" {
				return
			}
			sec := s.Section(0)
			if sec.Item.Link != srv.URL+"/a/1" || len(sec.Pictures) != 1 || sec.Pictures[0].Source != srv.URL+"/feeds/pics/1.jpg" {
				t.Errorf("link %q, pictures %+v", sec.Item.Link, sec.Pictures)
			}
		})
	}
}
