package read

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/web"
)

// TestChromeMHTML reads a page Chrome saved as one .mhtml file: the HTML
// part, quoted-printable undone, read as a web page, and its pictures
// kept by the addresses the page names them with.
func TestChromeMHTML(t *testing.T) {
	data, err := os.ReadFile("../../testdata/saved/chrome-gallery.mhtml")
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []story.Options{
		{Name: "chrome-gallery.mhtml"},
		{Name: "-"},                               // piped: found by its headers
		{Name: "page", Format: story.FormatMHTML}, // --format mhtml
	} {
		s, err := Parse(data, opt)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		if s.Format != story.FormatMHTML || s.Title != "Autumn in the Dolomites, in pictures" || s.Source != "Alpine Weekly" {
			t.Errorf("%+v: format %v title %q source %q", opt, s.Format, s.Title, s.Source)
		}
		if s.BaseURL != "" {
			t.Errorf("a saved file has an address to fetch from: %q", s.BaseURL)
		}
		secs := s.Sections()
		if len(secs) != 2 {
			t.Fatalf("%d sections: %+v", len(secs), secs)
		}
		jpg, _ := os.ReadFile("../../testdata/pictures/img/mountains.jpg")
		png, _ := os.ReadFile("../../testdata/pictures/img/sunset.png")
		for i, want := range [][]byte{jpg, png} {
			p := secs[i].Pictures[0]
			if got := s.Embedded[p.Source]; string(got) != string(want) {
				t.Errorf("section %d picture %q: %d bytes embedded, want the %d of the part", i+1, p.Source, len(got), len(want))
			}
		}
		if secs[0].Pictures[0].Credit != "Lena Hofer" || !strings.HasPrefix(secs[1].Body, "In Val di Funes") {
			t.Errorf("sections %+v", secs)
		}
	}
}

// TestMHTMLRefusals: --format mhtml on a page that is none, and a saved
// page with no HTML part, say so; damaged base64 skips that picture only.
func TestMHTMLRefusals(t *testing.T) {
	if _, err := Parse([]byte("<html><body><p>hello</p></body></html>"), story.Options{Format: story.FormatMHTML}); !errors.Is(err, web.ErrNotMHTML) {
		t.Errorf("not MHTML: %v", err)
	}
	only := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://x.example/a.png\r\n\r\niVBORw0KGgo=\r\n--b--\r\n"
	if _, err := Parse([]byte(only), story.Options{Name: "a.mhtml"}); err == nil || !strings.Contains(err.Error(), "no HTML part") {
		t.Errorf("no HTML part: %v", err)
	}
	damaged := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Location: https://x.example/p\r\n\r\n" +
		"<html><body><article><h1>T</h1><p>Words enough to read.</p><figure><img src=\"a.png\" alt=\"A\"><figcaption>Cap</figcaption></figure></article></body></html>\r\n" +
		"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://x.example/a.png\r\n\r\n!!!! not base64 !!!!\r\n--b--\r\n"
	s, err := Parse([]byte(damaged), story.Options{Name: "d.mhtml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Embedded) != 0 || s.Len() != 1 || s.Section(0).Pictures[0].Source != "https://x.example/a.png" {
		t.Errorf("embedded %d, sections %+v", len(s.Embedded), s.Sections())
	}
}
