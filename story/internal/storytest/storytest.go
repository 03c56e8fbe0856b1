// Package storytest holds the helpers the story packages' tests share:
// parsing a file, dumping a story, generated stories, fuzz seeds. It is
// imported by tests only.
package storytest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// CheckText fails the test if s is not valid UTF-8 or holds a character
// that could drive a terminal.
func CheckText(t *testing.T, what, s string) {
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

// AddSeeds adds the stories of testdata, and a few hostile inputs, to a
// fuzz target's corpus.
func AddSeeds(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/*/*.*")
	files = append(files, "../../testdata/kim-rally.txt")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte("---\ntitle: x\n---\n# a\n\x1b]52;c;aGk=\x07\n---\n## b\n![bg 30](x.png)\n_Photo: AP_\n"), uint8(2))
	f.Add([]byte("In Pics- a\n\nb\n\nc\n\nd.\n(Photograph:AFP)\n"), uint8(1))
	f.Add([]byte("<!--\n---\n```\n~~~\n&#27;[31m"), uint8(2))
}

// BenchSizes are the numbers of sections the benchmarks read.
var BenchSizes = []int{10, 1000, 10000}

// BenchSentences are the sentences GenStory writes.
var BenchSentences = []string{
	"Commuters haul a burned-out bus in Manila amid heavy rain.",
	"Prices at the market have risen sharply since the spring.",
	"Local residents say the tradition dates back centuries.",
	"Forecasters expect calmer weather later in the week.",
	"Many of those taking part travelled overnight to be there.",
}

// GenStory writes a synthetic story of n sections, about 220 bytes each,
// in the shape of the benchmark generator's: caption, paragraph, picture.
func GenStory(n int, markdown bool) []byte {
	var b strings.Builder
	if !markdown {
		fmt.Fprintf(&b, "In Pics: A synthetic week in %d photographs\n\nBy the Bench Desk, 1 January 2025\n\nThese pictures were generated for benchmarking.\n\n", n)
	}
	for i := 1; i <= n; i++ {
		body := fmt.Sprintf("SLIDE-%06d %s %s", i, BenchSentences[i%5], BenchSentences[(i+2)%5])
		if markdown {
			fmt.Fprintf(&b, "## Caption %d\n\n%s\n\n![alt text %d](img/%d.jpg)\n\n---\n\n", i, body, i, i)
		} else {
			fmt.Fprintf(&b, "Dancers carry a flooded square %d\n\n%s\n\n", i, body)
		}
	}
	return []byte(b.String())
}

// ParseFile reads and parses the story at path, failing the test if it
// cannot.
func ParseFile(t *testing.T, path string) *story.Story {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.Parse(data, story.Options{Name: path})
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return s
}

// Dump writes the structure of a story as text, for golden files.
func Dump(s *story.Story) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s (%s)\nkicker: %q\ntitle: %q\nsubtitle: %q\nauthors: %q\ndate: %q\nsource: %q\n",
		s.Format, s.FormatReason, s.Kicker, s.Title, s.Subtitle, s.Authors, s.Date, s.Source)
	fmt.Fprintf(&b, "intro:\n%s\n", indent(s.Intro))
	for i, sec := range s.Sections() {
		fmt.Fprintf(&b, "section %d: %q\n", i+1, sec.Caption)
		for _, p := range sec.Pictures {
			fmt.Fprintf(&b, "  picture: source=%q alt=%q caption=%q credit=%q placeholder=%v\n", p.Source, p.Alt, p.Caption, p.Credit, p.Placeholder)
		}
		fmt.Fprintf(&b, "  body:\n%s\n", indent(indent(sec.Body)))
	}
	for _, d := range s.AllDropped() {
		fmt.Fprintf(&b, "dropped %s: %q\n", d.Kind, d.Text)
	}
	return b.String()
}

func indent(s string) string {
	if s == "" {
		return "  (none)"
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// Captions returns the caption of every section of s.
func Captions(s *story.Story) []string {
	var out []string
	for _, sec := range s.Sections() {
		out = append(out, sec.Caption)
	}
	return out
}

// Must returns s, and panics if err is not nil.
func Must(s *story.Story, err error) *story.Story {
	if err != nil {
		panic(err)
	}
	return s
}

// ParseHTMLString parses src as a web page, failing the test if it cannot.
func ParseHTMLString(t *testing.T, src string, opt story.Options) *story.Story {
	t.Helper()
	opt.Format = story.FormatHTML
	s, err := read.Parse([]byte(src), opt)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

// AllText is every string of a story, for tests that look for leaks.
func AllText(s *story.Story) string {
	parts := []string{s.Title, s.Subtitle, s.Intro, s.Date, s.Source, strings.Join(s.Authors, ","), s.Poster.Source}
	for _, sec := range s.Sections() {
		parts = append(parts, sec.Caption, sec.Body)
		for _, p := range sec.Pictures {
			parts = append(parts, p.Source, p.Alt, p.Caption, p.Credit, p.Video)
		}
	}
	return strings.Join(parts, "\n")
}
