package story_test

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		in, body, heading string
	}{
		{"plain words", "plain words", "plain words"},
		{"", "", ""},
		{"AT&T", "AT&amp;T", "AT&amp;T"},
		{"*bold* and _it_", `\*bold\* and \_it\_`, `\*bold\* and \_it\_`},
		{"[a](b) <b> `c` ~d~ |e| !f \\", "\\[a\\](b) \\<b\\> \\`c\\` \\~d\\~ \\|e\\| \\!f \\\\", "\\[a\\](b) \\<b\\> \\`c\\` \\~d\\~ \\|e\\| \\!f \\\\"},
		{"# not a heading", `\# not a heading`, `\# not a heading`},
		{"Rank #1 #", "Rank #1 #", `Rank \#1 \#`},
		{"+ - =", `\+ - =`, `\+ - =`},
		{"- item", `\- item`, `\- item`},
		{"1. first", `1\. first`, `1\. first`},
		{"2024) year", `2024\) year`, `2024\) year`},
		{"a 1. b", "a 1. b", "a 1. b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := story.EscapeMarkdown(tt.in); got != tt.body {
				t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.body)
			}
			if got := story.EscapeMarkdownHeading(tt.in); got != tt.heading {
				t.Errorf("EscapeMarkdownHeading(%q) = %q, want %q", tt.in, got, tt.heading)
			}
		})
	}
}

// TestEscapeMarkdownReadsBack: escaped text is one paragraph of the same
// text when rendered, and on a heading line reads back as the caption.
func TestEscapeMarkdownReadsBack(t *testing.T) {
	for _, s := range []string{
		"AT&T", "&lt; is not <", "&amp; stays", `a \& b`, "#1 & *two*", "1. AT&T", "Rank #",
		"- a list?", "+ or this", "= setext?", "> quote", "<b>bold</b>", "![x](y.png)", "[link](https://e.org)",
		"`code`", "~~gone~~", "a | b | c", "__init__", "9) nine", "C# and F#",
	} {
		var out bytes.Buffer
		if err := goldmark.Convert([]byte(story.EscapeMarkdown(s)), &out); err != nil {
			t.Fatal(err)
		}
		if want := "<p>" + html.EscapeString(s) + "</p>\n"; strings.ReplaceAll(out.String(), "&quot;", "&#34;") != want {
			t.Errorf("EscapeMarkdown(%q) renders %q, want %q", s, out.String(), want)
		}
		deck := "# " + story.EscapeMarkdownHeading(s) + "\n\nBody.\n"
		got, err := read.Parse([]byte(deck), story.Options{Format: story.FormatMarkdown})
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != s {
			t.Errorf("heading %q reads back as %q", deck, got.Title)
		}
	}
}
