package story

import (
	"strings"
	"testing"
)

// TestMdpLines checks that an mdp deck is read as mdp reads it: every line
// a line, continuation lines' indentation kept, stop markers off the page
// and filed where they were.
func TestMdpLines(t *testing.T) {
	s := parseFile(t, "../testdata/md/mdp-keys.md")
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
	modes := s.Section(1)
	if len(modes.Dropped) != 1 || modes.Dropped[0] != (Dropped{Kind: "directive", Text: "pause"}) {
		t.Errorf("the top-level <br> stop is not a pause directive: %v", modes.Dropped)
	}
	if n := strings.Count(modes.Body, mdpPause); n != 2 {
		t.Errorf("the two stops inside the list are not kept in place (%d):\n%s", n, modes.Body)
	}
	if !strings.Contains(s.Section(2).Body, "┌──────┬──────┐\n│ left │ right│\n└──────┴──────┘") {
		t.Errorf("drawing lost its lines:\n%s", s.Section(2).Body)
	}
}

func TestMdpOnlyInMdpDecks(t *testing.T) {
	s := parseFile(t, "../testdata/md/deck.md")
	if s.KeepLineBreaks {
		t.Error("a CommonMark deck is marked to keep its line breaks")
	}
	src := "# A\n\nline one\n    line two\n"
	s = must(Parse([]byte(src), Options{Name: "a.md"}))
	if body := s.Section(0).Body; body != "line one\n    line two" {
		t.Errorf("a CommonMark deck's text was rewritten: %q", body)
	}
}

func TestMdpFencesUntouched(t *testing.T) {
	src := "%title: T\n\n# A\n\n```\nint x;\n    ^\n<br>\n```\n"
	s := must(Parse([]byte(src), Options{Name: "a.md"}))
	if body := s.Section(0).Body; body != "```\nint x;\n    ^\n<br>\n```" {
		t.Errorf("code was rewritten: %q", body)
	}
}

func TestMdpTitleMarkup(t *testing.T) {
	s := must(Parse([]byte("%title: Learning _vim_\n\n# A\n\nx\n"), Options{Name: "a.md"}))
	if s.Title != "Learning vim" || s.TitleMarkdown != "Learning _vim_" {
		t.Errorf("title, markdown = %q, %q", s.Title, s.TitleMarkdown)
	}
}
