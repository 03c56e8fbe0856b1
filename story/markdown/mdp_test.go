package markdown_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/markdown"
	"github.com/reeltui/reel/story/read"
)

// TestMdpLines checks that an mdp deck is read as mdp reads it: every line
// a line, continuation lines' indentation kept, stop markers off the page
// and reveal steps where they were.
func TestMdpLines(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/mdp-keys.md")
	if !s.KeepLineBreaks {
		t.Error("an mdp deck is not marked to keep its line breaks")
	}
	keys := s.Section(0).Body
	for _, want := range []string{"left, down      *h*, *j*\nup, right", "next word       *w*\n\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0(or *W*"} {
		if !strings.Contains(keys, want) {
			t.Errorf("key table lost its lines or indentation; want %q in:\n%s", want, keys)
		}
	}
	for i, sec := range s.Sections() {
		for line := range strings.SplitSeq(sec.Body, "\n") {
			if l := strings.TrimSpace(line); l == "^" || l == "<br>" {
				t.Errorf("section %d shows the stop marker %q", i+1, l)
			}
		}
	}
	// The stops are reveal steps: the top-level <br> and the two inside
	// the list, each where it stood.
	modes := s.Section(1)
	if len(modes.Dropped) != 0 || strings.Contains(modes.Body, markdown.MdpPause) {
		t.Errorf("a stop was dropped or left in the text: %v\n%s", modes.Dropped, modes.Body)
	}
	want := []string{"Agenda", "Agenda\n* normal", "Agenda\n* normal\n* insert", "Agenda\n* normal\n* insert\n* visual"}
	if len(modes.Steps)+1 != len(want) {
		t.Fatalf("%d steps, want %d: %v in %q", len(modes.Steps)+1, len(want), modes.Steps, modes.Body)
	}
	for i, w := range want {
		if got := modes.Step(i); got != w {
			t.Errorf("step %d = %q, want %q", i, got, w)
		}
	}
	if !strings.Contains(s.Section(2).Body, "┌──────┬──────┐\n│ left │ right│\n└──────┴──────┘") {
		t.Errorf("drawing lost its lines:\n%s", s.Section(2).Body)
	}
}

func TestMdpOnlyInMdpDecks(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/md/deck.md")
	if s.KeepLineBreaks {
		t.Error("a CommonMark deck is marked to keep its line breaks")
	}
	src := "# A\n\nline one\n    line two\n"
	s = storytest.Must(read.Parse([]byte(src), story.Options{Name: "a.md"}))
	if body := s.Section(0).Body; body != "line one\n    line two" {
		t.Errorf("a CommonMark deck's text was rewritten: %q", body)
	}
}

func TestMdpFencesUntouched(t *testing.T) {
	src := "%title: T\n\n# A\n\n```\nint x;\n    ^\n<br>\n```\n"
	s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "a.md"}))
	if body := s.Section(0).Body; body != "```\nint x;\n    ^\n<br>\n```" {
		t.Errorf("code was rewritten: %q", body)
	}
}

func TestMdpTitleMarkup(t *testing.T) {
	s := storytest.Must(read.Parse([]byte("%title: Learning _vim_\n\n# A\n\nx\n"), story.Options{Name: "a.md"}))
	if s.Title != "Learning vim" || s.TitleMarkdown != "Learning _vim_" {
		t.Errorf("title, markdown = %q, %q", s.Title, s.TitleMarkdown)
	}
}
