package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/golden"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// TestWebPages reads the real pages in testdata/web (their sources are
// named in its README) and compares each story with its reviewed dump.
func TestWebPages(t *testing.T) {
	pages, err := filepath.Glob("../../testdata/web/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages: %v", err)
	}
	for _, path := range pages {
		name := strings.TrimSuffix(filepath.Base(path), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := read.Parse(data, story.Options{Name: filepath.Base(path)})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "reader: %s\ntitle from: %s\nposter: %q\n", s.Reader, s.TitleFrom, s.Poster.Source)
			b.WriteString(storytest.Dump(s))
			b.WriteString(placed(s))
			golden.Check(t, "../../testdata/web/"+name+".story.golden", b.String())
		})
	}
}

// placed lists the pictures that stand inside their section's text
// rather than above it, each with the words it stands before.
func placed(s *story.Story) string {
	var b strings.Builder
	for i, sec := range s.Sections() {
		for j, p := range sec.Pictures {
			if p.At == 0 {
				continue
			}
			next := "(the end)"
			if rest := []rune(sec.Body[p.At:]); len(rest) > 0 {
				next = strconv.Quote(string(rest[:min(len(rest), 40)]))
			}
			fmt.Fprintf(&b, "section %d picture %d stands at byte %d, before %s\n", i+1, j+1, p.At, next)
		}
	}
	return b.String()
}
