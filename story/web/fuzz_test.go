package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// FuzzParseHTML reads any bytes as a web page, from a file and from a URL:
// no panic, no hang, and every string of the story is clean text.
func FuzzParseHTML(f *testing.F) {
	pages, _ := filepath.Glob("../../testdata/web/*.html")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil && len(data) < 8<<10 {
			f.Add(data, true)
		}
	}
	f.Add([]byte(`<article><h2>Clip</h2><iframe src="https://www.youtube.com/embed/a%1b&#x1b;[31m" title="&#x1b;]0;t&#7;"></iframe><table><tr><th>a&#x1b;[2J</th><td>b</td></tr></table></article>`), false)
	f.Add([]byte(`<html><head><title>&#x1b;]0;t&#7;</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"&#x1b;[31m","author":[{"name":"\u001b[2J"}]}]}</script></head><body><figure><img src="javascript:x" data-src="//h/a.jpg" srcset="a 1w, b 2w" alt="&lt;b&gt;x"></figure><figcaption>c (AP)</figcaption></body></html>`), false)
	f.Add([]byte(`<amp-story title="t"><amp-story-page id="cover"><amp-story-grid-layer><h1>t</h1><p>By a</p></amp-story-grid-layer></amp-story-page><amp-story-page><amp-story-grid-layer><div style="top:5%"><q>q</q></div><amp-video poster="p.jpg"></amp-video></amp-story-grid-layer></amp-story-page></amp-story>`), true)
	f.Add([]byte(strings.Repeat("<div>", 600)+"x"), false)
	f.Fuzz(func(t *testing.T, data []byte, fromURL bool) {
		opt := story.Options{Format: story.FormatHTML, Name: "page.html"}
		if fromURL {
			opt.BaseURL = "https://example.com/a/b"
		}
		s, err := read.Parse(data, opt)
		if err != nil {
			return
		}
		for _, v := range []string{s.Kicker, s.Title, s.Subtitle, s.Date, s.Source, s.Intro, s.Reader, s.TitleFrom, s.Poster.Source, strings.Join(s.Authors, " ")} {
			storytest.CheckText(t, "story field", v)
		}
		for _, sec := range s.Sections() {
			storytest.CheckText(t, "caption", sec.Caption)
			storytest.CheckText(t, "body", sec.Body)
			for _, p := range sec.Pictures {
				storytest.CheckText(t, "picture", p.Source+p.Alt+p.Caption+p.Credit+p.Video)
				if strings.HasPrefix(strings.ToLower(p.Source), "javascript:") || strings.HasPrefix(strings.ToLower(p.Source), "file:") {
					t.Fatalf("picture source %q", p.Source)
				}
			}
		}
		for _, d := range s.AllDropped() {
			storytest.CheckText(t, "dropped", d.Text)
		}
	})
}
