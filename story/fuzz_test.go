package story

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*/*.*")
	files = append(files, "../testdata/kim-rally.txt")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte("---\ntitle: x\n---\n# a\n\x1b]52;c;aGk=\x07\n---\n## b\n![bg 30](x.png)\n_Photo: AP_\n"), uint8(2))
	f.Add([]byte("In Pics- a\n\nb\n\nc\n\nd.\n(Photograph:AFP)\n"), uint8(1))
	f.Add([]byte("<!--\n---\n```\n~~~\n&#27;[31m"), uint8(2))
}

// FuzzParse checks that no input makes a parser panic, and that every
// string of the model is clean text.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		s, err := Parse(data, Options{Format: Format(format % 3), Name: "fuzz"})
		if err != nil {
			return
		}
		for _, v := range []string{s.Kicker, s.Title, s.TitleMarkdown, s.Subtitle, s.Date, s.Source, s.Intro, strings.Join(s.Authors, " ")} {
			checkText(t, "story field", v)
		}
		for _, sp := range s.TitleSpans() {
			checkText(t, "title span", sp.Text)
		}
		for _, sec := range s.Sections() {
			checkText(t, "caption", sec.Caption)
			checkText(t, "body", sec.Body)
			for _, p := range sec.Pictures {
				checkText(t, "picture", p.Source+p.Alt+p.Caption+p.Credit)
			}
		}
		for _, d := range s.AllDropped() {
			checkText(t, "dropped", d.Text)
		}
	})
}

// FuzzDetect checks format detection on any input.
func FuzzDetect(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, _ uint8) {
		got, why := Detect(FormatAuto, "", string(data))
		if got == FormatAuto || why == "" {
			t.Fatalf("Detect = %v, %q", got, why)
		}
	})
}

// FuzzClean checks that Clean leaves no control character and is
// idempotent.
func FuzzClean(f *testing.F) {
	f.Add("a\x1b]0;t\x07b\u202e\u009b31m\x1bPq\x1b\\")
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		checkText(t, "Clean", c)
		if again := Clean(c); again != c {
			t.Fatalf("Clean is not idempotent: %q -> %q -> %q", s, c, again)
		}
	})
}

// strongest keeps the marks of the kind that splits the deck: end_slide
// comments, else thematic breaks, else headings.
func strongest(marks []mark) []mark {
	for _, kind := range []lineKind{lineEndSlide, lineBreak, lineHeading} {
		var out []mark
		for _, m := range marks {
			if m.kind == kind {
				out = append(out, m)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// FuzzSplit is a differential fuzz of the slide splitter against goldmark,
// which reel renders with: the splitter must find the thematic breaks,
// headings and end_slide comments that goldmark finds at the top level of
// the document, on the same lines. It also checks that reading the slides
// from one parse of the whole deck gives what parsing each alone gives.
func FuzzSplit(f *testing.F) {
	addSeeds(f)
	for _, c := range splitCases {
		f.Add([]byte(c), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, _ uint8) {
		src := string(data)
		last := -1
		for _, m := range scanMarks(src) {
			if m.start < 0 || m.end > len(src) || m.start >= m.end || m.start < last {
				t.Fatalf("bad mark %+v in %d bytes", m, len(src))
			}
			last = m.start
		}
		if got, want := fmt.Sprint(scanSplits(src)), fmt.Sprint(strongest(scanMarks(src))); got != want {
			t.Fatalf("%q: the split's marks %s, want %s", src, got, want)
		}
		if got, want := splitterLines(src), goldmarkLines(src); got != want {
			t.Fatalf("%q:\nsplitter: %s\ngoldmark: %s", src, got, want)
		}
		each, err := Parse(data, Options{Format: FormatMarkdown})
		if err != nil {
			return
		}
		whole := must(Parse(data, Options{Format: FormatMarkdown}))
		parseWholeDeck(whole)
		for i := range each.Len() {
			if a, b := fmt.Sprint(each.Section(i)), fmt.Sprint(whole.Section(i)); a != b {
				t.Fatalf("%q section %d:\none by one: %s\nwhole:      %s", src, i+1, a, b)
			}
		}
	})
}

// FuzzParseHTML reads any bytes as a web page, from a file and from a URL:
// no panic, no hang, and every string of the story is clean text.
func FuzzParseHTML(f *testing.F) {
	pages, _ := filepath.Glob("../testdata/web/*.html")
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
		opt := Options{Format: FormatHTML, Name: "page.html"}
		if fromURL {
			opt.BaseURL = "https://example.com/a/b"
		}
		s, err := Parse(data, opt)
		if err != nil {
			return
		}
		for _, v := range []string{s.Kicker, s.Title, s.Subtitle, s.Date, s.Source, s.Intro, s.Reader, s.TitleFrom, s.Poster.Source, strings.Join(s.Authors, " ")} {
			checkText(t, "story field", v)
		}
		for _, sec := range s.Sections() {
			checkText(t, "caption", sec.Caption)
			checkText(t, "body", sec.Body)
			for _, p := range sec.Pictures {
				checkText(t, "picture", p.Source+p.Alt+p.Caption+p.Credit+p.Video)
				if strings.HasPrefix(strings.ToLower(p.Source), "javascript:") || strings.HasPrefix(strings.ToLower(p.Source), "file:") {
					t.Fatalf("picture source %q", p.Source)
				}
			}
		}
		for _, d := range s.AllDropped() {
			checkText(t, "dropped", d.Text)
		}
	})
}
