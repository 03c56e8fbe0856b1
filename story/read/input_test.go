package read_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unsafe"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		err  string
	}{
		{"bom", []byte("\xEF\xBB\xBFhi"), "hi", ""},
		{"utf16le", []byte("\xFF\xFEh\x00i\x00"), "hi", ""},
		{"utf16be", []byte("\xFE\xFF\x00h\x00i"), "hi", ""},
		{"crlf and cr", []byte("a\r\nb\rc"), "a\nb\nc", ""},
		{"windows-1252", []byte("caf\xe9 \x93q\x94"), "café “q”", ""},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", "PNG image"},
		{"zip", []byte("PK\x03\x04rest"), "", "ZIP archive"},
		{"elf", []byte("\x7fELF\x02\x01"), "", "executable"},
		{"nul", []byte("text\x00more"), "", "NUL"},
		{"empty", []byte(""), "", "empty"},
		{"white space", []byte(" \n\t\r\n"), "", "empty"},
		{"only escapes", []byte("\x1b[2J\x1b[H"), "", "empty"},
		{"mz word is text", []byte("MZ is a word here"), "MZ is a word here", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read.Decode(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one naming %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Decode = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// zeros is an endless reader, like /dev/zero.
type zeros struct{ read int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += int64(len(p))
	return len(p), nil
}

func TestReadAllStopsAtLimit(t *testing.T) {
	z := &zeros{}
	_, err := read.ReadAll(z, 1<<20)
	var tl *read.TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 1<<20 {
		t.Fatalf("err = %v, want TooLargeError", err)
	}
	if z.read > 2<<20 {
		t.Errorf("read %d bytes past a 1 MiB limit", z.read)
	}
	if err.Error() != "the story is larger than 1 MiB" {
		t.Errorf("message = %q", err)
	}
	data, err := read.ReadAll(strings.NewReader("short"), 0)
	if err != nil || string(data) != "short" {
		t.Errorf("ReadAll = %q, %v", data, err)
	}
}

// TestReadAllFromAPipe reads input that does not say its size, in pieces,
// across several chunks, and at and just past the limit.
func TestReadAllFromAPipe(t *testing.T) {
	want := bytes.Repeat([]byte("0123456789abcdef"), 700<<10/16)
	for _, tt := range []struct {
		name  string
		limit int64
		ok    bool
	}{
		{"under the limit", 0, true},
		{"at the limit", int64(len(want)), true},
		{"one byte past it", int64(len(want)) - 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read.ReadAll(iotest.HalfReader(bytes.NewReader(want)), tt.limit)
			if !tt.ok {
				var tl *read.TooLargeError
				if !errors.As(err, &tl) {
					t.Fatalf("err = %v, want TooLargeError", err)
				}
				return
			}
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("ReadAll = %d bytes, %v; want the %d bytes read", len(got), err, len(want))
			}
		})
	}
}

// TestParseTextKeepsTheInput checks that a deck read with ReadText and
// ParseText is held once: its slides are read from the input's own memory.
func TestParseTextKeepsTheInput(t *testing.T) {
	src, err := read.ReadText(bytes.NewReader(storytest.GenStory(50, true)), 0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := read.ParseText(src, story.Options{Name: "deck.md"})
	if err != nil || s.Lazy() == nil {
		t.Fatalf("ParseText: %v", err)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(s.Lazy().(interface{ Text() string }).Text())))
	if at < start || at >= start+uintptr(len(src)) {
		t.Errorf("the deck's source is a copy of the input")
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, text string
		explicit         story.Format
		want             story.Format
	}{
		{"explicit wins", "a.md", "x", story.FormatText, story.FormatText},
		{"md extension", "a.md", "plain words", story.FormatAuto, story.FormatMarkdown},
		{"txt extension even with breaks", "a.txt", "# a\n---\n# b", story.FormatAuto, story.FormatText},
		{"html extension", "a.HTML", "x", story.FormatAuto, story.FormatHTML},
		{"sniff html", "-", "<!-- c -->\n<!doctype html><html>", story.FormatAuto, story.FormatHTML},
		{"sniff amp story", "", "<amp-story title=x>", story.FormatAuto, story.FormatHTML},
		{"sniff presenterm comment is markdown", "", "<!-- newlines: 6 -->\n# a\n<!-- end_slide -->", story.FormatAuto, story.FormatMarkdown},
		{"sniff front matter", "", "---\ntitle: x\n---\n", story.FormatAuto, story.FormatMarkdown},
		{"sniff two headings", "", "# a\n\ntext\n\n## b\n", story.FormatAuto, story.FormatMarkdown},
		{"a heading near the top", "", "Intro line.\n\n## Part one\n\nSome text here.\n", story.FormatAuto, story.FormatMarkdown},
		{"a heading first", "", "# Trip notes\nwords", story.FormatAuto, story.FormatMarkdown},
		{"hashtags are no headings", "", "In Pics- Diwali in Delhi\n\n#Diwali #Delhi #FestivalOfLights\n\nLamps lit the old city.\n\n#Rangoli\n\nColours at every door.\n", story.FormatAuto, story.FormatText},
		{"one heading-like line deep in text", "", strings.Repeat("A line of a long note.\n", 40) + "# 1 of 3\n", story.FormatAuto, story.FormatText},
		{"sniff image", "", "see ![a](b.png)", story.FormatAuto, story.FormatMarkdown},
		{"sniff fence", "", "```\ncode\n```", story.FormatAuto, story.FormatMarkdown},
		{"sniff mdp", "", "%title: x\n", story.FormatAuto, story.FormatMarkdown},
		{"plain gallery", "story", "In Pics- x\n\nintro", story.FormatAuto, story.FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, why := read.Detect(tt.explicit, tt.file, tt.text); got != tt.want || why == "" {
				t.Errorf("Detect = %v (%s), want %v", got, why, tt.want)
			}
		})
	}
}

// TestDetectForcedSays checks that a forced format holds and that its
// reason says when the story would read as another.
func TestDetectForcedSays(t *testing.T) {
	got, why := read.Detect(story.FormatHTML, "deck.md", "# Deck\n\ntext")
	if got != story.FormatHTML || !strings.Contains(why, "--format html") || !strings.Contains(why, "without it, markdown: file extension .md") {
		t.Errorf("Detect = %v (%s)", got, why)
	}
	if _, why := read.Detect(story.FormatMarkdown, "deck.md", "# Deck"); why != "--format markdown" {
		t.Errorf("a format that agrees: %q", why)
	}
}

func TestTitleFromName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"/dev/fd/63", "Untitled story"},
		{"/proc/self/fd/5", "Untitled story"},
		{"/dev/stdin", "Untitled story"},
		{"63", "Untitled story"},
		{"-", "Untitled story"},
		{"", "Untitled story"},
		{"stories/floods-2024.txt", "floods-2024"},
		{"deck.md", "deck"},
	}
	for _, tt := range tests {
		s := storytest.Must(read.Parse([]byte("Rain fell all day and the river rose over the path.\n"), story.Options{Name: tt.name, Format: story.FormatText}))
		if s.Title != tt.want {
			t.Errorf("title of %q = %q, want %q", tt.name, s.Title, tt.want)
		}
	}
}

func TestParseReadsHTML(t *testing.T) {
	s, err := read.Parse([]byte("<html><head><title>A page</title></head><body><p>Some words.</p></body></html>"), story.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != story.FormatHTML || s.Title != "A page" || s.Len() != 1 || s.Section(0).Body != "Some words." {
		t.Errorf("format %v, title %q, %d sections: %+v", s.Format, s.Title, s.Len(), s.Sections())
	}
}

// TestFrontMatterBomb checks that a YAML alias bomb in front matter costs
// nothing: aliases are never expanded.
func TestFrontMatterBomb(t *testing.T) {
	bomb := "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\ntitle: Bomb\nauthor: *i\n---\n\n# A\n\ntext\n"
	done := make(chan *story.Story)
	go func() { done <- storytest.Must(read.Parse([]byte(bomb), story.Options{Name: "b.md"})) }()
	select {
	case s := <-done:
		if s.Title != "Bomb" || len(s.Authors) != 0 {
			t.Errorf("title, authors = %q, %q", s.Title, s.Authors)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("an alias bomb hung the parser")
	}
}
