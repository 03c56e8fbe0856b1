package read_test

import (
	"os"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

func TestLineEnds(t *testing.T) {
	sample, err := os.ReadFile("../../testdata/kim-rally.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := storytest.Dump(storytest.Must(read.Parse(sample, story.Options{Name: "kim.txt"})))
	for name, data := range map[string][]byte{
		"crlf":  []byte(strings.ReplaceAll(string(sample), "\n", "\r\n")),
		"cr":    []byte(strings.ReplaceAll(string(sample), "\n", "\r")),
		"bom":   append([]byte{0xEF, 0xBB, 0xBF}, sample...),
		"utf16": utf16LE(string(sample)),
	} {
		t.Run(name, func(t *testing.T) {
			s, err := read.Parse(data, story.Options{Name: "kim.txt"})
			if err != nil {
				t.Fatal(err)
			}
			if got := storytest.Dump(s); got != want {
				t.Errorf("differs from the LF story:\n%s", got)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestGeneratedStories(t *testing.T) {
	for _, md := range []bool{false, true} {
		name := map[bool]string{false: "g.txt", true: "g.md"}[md]
		s := storytest.Must(read.Parse(storytest.GenStory(50, md), story.Options{Name: name}))
		if s.Len() != 50 {
			t.Fatalf("%s: %d sections, want 50", name, s.Len())
		}
		last := s.Section(49)
		if !strings.HasPrefix(last.Body, "SLIDE-000050") || len(last.Pictures) != 1 {
			t.Errorf("%s: last section = %+v", name, last)
		}
		if !md && (s.Date != "1 January 2025" || len(s.Authors) != 1 || s.Authors[0] != "the Bench Desk") {
			t.Errorf("byline: authors %q, date %q", s.Authors, s.Date)
		}
	}
}
