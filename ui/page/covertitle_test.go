package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func TestCoverTitleKeepsEmphasis(t *testing.T) {
	s, err := read.Parse([]byte("---\ntitle: Introducing _presenterm_\n---\n\n# One\n\nx\n"), story.Options{Name: "deck.md"})
	if err != nil {
		t.Fatal(err)
	}
	lines := coverTitle(s, 80, NewStyles(true, false), ansi.WcWidth)
	if len(lines) != 1 || ansi.Strip(lines[0]) != "Introducing presenterm" {
		t.Fatalf("title lines = %q", lines)
	}
	if !strings.Contains(lines[0], "3m") && !strings.Contains(lines[0], ";3") {
		t.Errorf("no italics in %q", lines[0])
	}
	// Without styling, and where the title must wrap, it is plain text.
	for _, tt := range []struct {
		w     int
		plain bool
	}{{80, true}, {12, false}} {
		got := ansi.Strip(strings.Join(coverTitle(s, tt.w, NewStyles(true, tt.plain), ansi.WcWidth), " "))
		if got != "Introducing presenterm" {
			t.Errorf("width %d, plain %v: title = %q", tt.w, tt.plain, got)
		}
	}
}
