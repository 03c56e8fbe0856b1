package feed

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// checkText fails the test if s is not valid UTF-8 or holds a character
// that could drive a terminal.
func checkText(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s is not valid UTF-8: %q", what, s)
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) {
			t.Fatalf("%s holds control character %U: %q", what, r, s)
		}
	}
}

// FuzzParseFeed checks that no input makes the reader panic, and that
// every string it hands out is clean text.
func FuzzParseFeed(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, p := range files {
		if filepath.Ext(p) == ".golden" {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, false)
		}
	}
	f.Add([]byte(rss(`<item><title>a&#x1b;]52;c;aGk=&#7;</title><description>&lt;p&gt;&amp;#155;x&lt;/p&gt;</description></item>`)), true)
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"\u001b[31m","content_html":"<img src=x>"}]}`), false)
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>x</p></div></content></entry></feed>`), true)
	f.Fuzz(func(t *testing.T, data []byte, fromURL bool) {
		opt := Options{}
		if fromURL {
			opt.BaseURL = "https://feeds.example.com/x/feed.xml"
		}
		Detect(data, "")
		s, err := Parse(data, opt)
		if err != nil {
			checkText(t, "error", err.Error())
			return
		}
		for _, v := range []string{s.Title, s.Intro, s.Source, s.Date, s.Poster.Source, s.Poster.Alt, s.Feed.Kind, s.Feed.Link, s.Feed.Self, s.Feed.ID} {
			checkText(t, "cover", v)
		}
		for _, sec := range s.Sections() {
			for _, v := range []string{sec.Caption, sec.Body, sec.Item.Link, sec.Item.Date, sec.Item.Author} {
				checkText(t, "section", v)
			}
			for _, p := range sec.Pictures {
				for _, v := range []string{p.Source, p.Alt, p.Credit} {
					checkText(t, "picture", v)
				}
			}
		}
	})
}
