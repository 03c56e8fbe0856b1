package story

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"
	"unsafe"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "héllo\tworld\n", "héllo\tworld\n"},
		{"osc52 clipboard with BEL", "a\x1b]52;c;ZWNobyBoaQ==\x07b", "ab"},
		{"osc title with ST", "a\x1b]0;pwned\x1b\\b", "ab"},
		{"csi colour", "\x1b[31mred\x1b[0m", "red"},
		{"csi private", "\x1b[?1049hx", "x"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"two-byte esc", "a\x1bcb\x1b(Bc", "abc"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"c1 other", "a\u0085b", "ab"},
		{"bel bs del cr", "a\x07b\x08c\x7fd\re", "abcde"},
		{"unterminated osc stops at newline", "a\x1b]0;x\nkept", "a\nkept"},
		{"lone esc at end", "a\x1b", "a"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"bidi override closed at line end", "a\u202Eevil\nok", "a\u202Eevil\u202C\nok"},
		{"bidi isolate closed", "x\u2067y", "x\u2067y\u2069"},
		{"stray pop dropped", "x\u202Cy\u2069z", "xyz"},
		{"balanced kept", "\u2067ab\u2069", "\u2067ab\u2069"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

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
			got, err := Decode(tt.in)
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
	_, err := ReadAll(z, 1<<20)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 1<<20 {
		t.Fatalf("err = %v, want TooLargeError", err)
	}
	if z.read > 2<<20 {
		t.Errorf("read %d bytes past a 1 MiB limit", z.read)
	}
	if err.Error() != "the story is larger than 1 MiB" {
		t.Errorf("message = %q", err)
	}
	data, err := ReadAll(strings.NewReader("short"), 0)
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
			got, err := ReadAll(iotest.HalfReader(bytes.NewReader(want)), tt.limit)
			if !tt.ok {
				var tl *TooLargeError
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
	src, err := ReadText(bytes.NewReader(genStory(50, true)), 0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseText(src, Options{Name: "deck.md"})
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
		explicit         Format
		want             Format
	}{
		{"explicit wins", "a.md", "x", FormatText, FormatText},
		{"md extension", "a.md", "plain words", FormatAuto, FormatMarkdown},
		{"txt extension even with breaks", "a.txt", "# a\n---\n# b", FormatAuto, FormatText},
		{"html extension", "a.HTML", "x", FormatAuto, FormatHTML},
		{"sniff html", "-", "<!-- c -->\n<!doctype html><html>", FormatAuto, FormatHTML},
		{"sniff amp story", "", "<amp-story title=x>", FormatAuto, FormatHTML},
		{"sniff presenterm comment is markdown", "", "<!-- newlines: 6 -->\n# a\n<!-- end_slide -->", FormatAuto, FormatMarkdown},
		{"sniff front matter", "", "---\ntitle: x\n---\n", FormatAuto, FormatMarkdown},
		{"sniff two headings", "", "# a\n\ntext\n\n## b\n", FormatAuto, FormatMarkdown},
		{"a heading near the top", "", "Intro line.\n\n## Part one\n\nSome text here.\n", FormatAuto, FormatMarkdown},
		{"a heading first", "", "# Trip notes\nwords", FormatAuto, FormatMarkdown},
		{"hashtags are no headings", "", "In Pics- Diwali in Delhi\n\n#Diwali #Delhi #FestivalOfLights\n\nLamps lit the old city.\n\n#Rangoli\n\nColours at every door.\n", FormatAuto, FormatText},
		{"one heading-like line deep in text", "", strings.Repeat("A line of a long note.\n", 40) + "# 1 of 3\n", FormatAuto, FormatText},
		{"sniff image", "", "see ![a](b.png)", FormatAuto, FormatMarkdown},
		{"sniff fence", "", "```\ncode\n```", FormatAuto, FormatMarkdown},
		{"sniff mdp", "", "%title: x\n", FormatAuto, FormatMarkdown},
		{"plain gallery", "story", "In Pics- x\n\nintro", FormatAuto, FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, why := Detect(tt.explicit, tt.file, tt.text); got != tt.want || why == "" {
				t.Errorf("Detect = %v (%s), want %v", got, why, tt.want)
			}
		})
	}
}

// TestDetectForcedSays checks that a forced format holds and that its
// reason says when the story would read as another.
func TestDetectForcedSays(t *testing.T) {
	got, why := Detect(FormatHTML, "deck.md", "# Deck\n\ntext")
	if got != FormatHTML || !strings.Contains(why, "--format html") || !strings.Contains(why, "without it, markdown: file extension .md") {
		t.Errorf("Detect = %v (%s)", got, why)
	}
	if _, why := Detect(FormatMarkdown, "deck.md", "# Deck"); why != "--format markdown" {
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
		s := must(Parse([]byte("Rain fell all day and the river rose over the path.\n"), Options{Name: tt.name, Format: FormatText}))
		if s.Title != tt.want {
			t.Errorf("title of %q = %q, want %q", tt.name, s.Title, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": FormatAuto, "auto": FormatAuto, "TEXT": FormatText, "md": FormatMarkdown, "markdown": FormatMarkdown, "html": FormatHTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf\x1b[31m"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("ParseFormat(pdf) err = %q", err)
	}
}

func TestParseReadsHTML(t *testing.T) {
	s, err := Parse([]byte("<html><head><title>A page</title></head><body><p>Some words.</p></body></html>"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != FormatHTML || s.Title != "A page" || s.Len() != 1 || s.Section(0).Body != "Some words." {
		t.Errorf("format %v, title %q, %d sections: %+v", s.Format, s.Title, s.Len(), s.Sections())
	}
}

// TestFrontMatterBomb checks that a YAML alias bomb in front matter costs
// nothing: aliases are never expanded.
func TestFrontMatterBomb(t *testing.T) {
	bomb := "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\ntitle: Bomb\nauthor: *i\n---\n\n# A\n\ntext\n"
	done := make(chan *Story)
	go func() { done <- must(Parse([]byte(bomb), Options{Name: "b.md"})) }()
	select {
	case s := <-done:
		if s.Title != "Bomb" || len(s.Authors) != 0 {
			t.Errorf("title, authors = %q, %q", s.Title, s.Authors)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("an alias bomb hung the parser")
	}
}

// TestIsCleanWordByWord holds isClean's eight-bytes-at-a-time pass to a
// plain byte-by-byte look-up, for every byte value at every place in a
// word, next to the edges of the range it passes over (0x1F, 0x20, 0x7E,
// 0x7F) and to newlines and tabs.
func TestIsCleanWordByWord(t *testing.T) {
	byteByByte := func(s string) bool {
		for i := range len(s) {
			if !quietAt(s, i) {
				return false
			}
		}
		return utf8.ValidString(s)
	}
	for _, fill := range []byte{'a', ' ', '~', '\n'} {
		for c := range 256 {
			for at := range 17 {
				b := bytes.Repeat([]byte{fill}, 17)
				b[at] = byte(c)
				if s := string(b); isClean(s) != byteByByte(s) {
					t.Fatalf("isClean(%q) = %v", s, isClean(s))
				}
			}
		}
	}
}
