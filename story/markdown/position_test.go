package markdown_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/markdown"
	"github.com/reeltui/reel/story/read"
)

func TestPicturePlace(t *testing.T) {
	tests := []struct {
		name string
		md   string
		// before and after are the body's text before and after each
		// picture, trimmed.
		before, after []string
		// resume is each picture's ListResume; nil means all 0.
		resume []int
		body   string
	}{
		{
			name:   "picture first",
			md:     "## Cap\n\n![A](a.jpg)\n\nText.\n",
			before: []string{""}, after: []string{"Text."},
			body: "Text.",
		},
		{
			name:   "picture after text",
			md:     "## Cap\n\nBefore.\n\n![A](a.jpg)\nPhoto: AP\n\nAfter.\n",
			before: []string{"Before."}, after: []string{"After."},
			body: "Before.\n\n\nAfter.", // the credit line leaves its blank line
		},
		{
			name:   "picture last",
			md:     "## Cap\n\nBefore.\n\n![A](a.jpg)\n",
			before: []string{"Before."}, after: []string{""},
			body: "Before.",
		},
		{
			name:   "inside a paragraph",
			md:     "## Cap\n\nSee ![galaxy](/img/galaxy1.jpg) here.\n\nNext.\n",
			before: []string{"See here."}, after: []string{"Next."},
			body: "See here.\n\nNext.",
		},
		{
			name:   "inside a list",
			md:     "## Cap\n\nIntro.\n\n- one ![a](a.jpg \"title\")\n- two ![b][ref]\n\nAfter.\n\n[ref]: b.jpg\n",
			before: []string{"Intro.\n\n- one", "Intro.\n\n- one\n- two"},
			after:  []string{"- two\n\nAfter.\n\n[ref]: b.jpg", "After.\n\n[ref]: b.jpg"},
			body:   "Intro.\n\n- one\n- two\n\nAfter.\n\n[ref]: b.jpg",
		},
		{
			name:   "list item, the issue's case",
			md:     "## Cap\n\n- Step one ![alt](a.png)\n- Step two\n",
			before: []string{"- Step one"}, after: []string{"- Step two"},
			body: "- Step one\n- Step two",
		},
		{
			name:   "ordered list numbered 1. 1. 1.",
			md:     "## Cap\n\n1. One\n1. Two ![b](b.png)\n1. Three\n",
			before: []string{"1. One\n1. Two"}, after: []string{"1. Three"},
			resume: []int{3},
			body:   "1. One\n1. Two\n1. Three",
		},
		{
			name:   "ordered list starting at 7, loose",
			md:     "## Cap\n\n7) Seven ![s](s.png)\n\n8) Eight\n",
			before: []string{"7) Seven"}, after: []string{"8) Eight"},
			resume: []int{8},
			body:   "7) Seven\n\n8) Eight",
		},
		{
			name:   "picture in the last item",
			md:     "## Cap\n\n1. One\n2. Two ![b](b.png)\n\nAfter.\n",
			before: []string{"1. One\n2. Two"}, after: []string{"After."},
			body: "1. One\n2. Two\n\nAfter.",
		},
		{
			name:   "picture opening an item",
			md:     "## Cap\n\n1. One\n2. ![b](b.png) Two\n3. Three\n",
			before: []string{"1. One"}, after: []string{"2. Two\n3. Three"},
			resume: []int{2},
			body:   "1. One\n2. Two\n3. Three",
		},
		{
			name:   "an item that is only a picture goes with it",
			md:     "## Cap\n\n1. One\n2. ![p](p.png)\n3. Three\n",
			before: []string{"1. One"}, after: []string{"3. Three"},
			resume: []int{3},
			body:   "1. One\n3. Three",
		},
		{
			name:   "the last item is only a picture",
			md:     "## Cap\n\n- a\n- ![p](p.png) ![q](q.png)\n\nAfter.\n",
			before: []string{"- a", "- a"}, after: []string{"After.", "After."},
			body: "- a\n\nAfter.",
		},
		{
			name: "list item between pauses",
			md:   "## Cap\n\n1. One\n<!-- pause -->\n2. Two ![b](b.png)\n<!-- pause -->\n3. Three\n",
			// The cut picture and marker leave "Two" its line break.
			before: []string{"1. One\n2. Two"}, after: []string{"3. Three"},
			body: "1. One\n2. Two\n3. Three",
		},
		{
			name: "nested list: after the top-level item",
			md:   "## Cap\n\n- a\n  - a1 ![n](n.png)\n  - a2\n- b\n",
			// Split inside the nested list, "  - a2" would join the outer one.
			before: []string{"- a\n  - a1\n  - a2"}, after: []string{"- b"},
			body: "- a\n  - a1\n  - a2\n- b",
		},
		{
			name:   "quote: after the quoted paragraph",
			md:     "## Cap\n\n> First ![q](q.png) words.\n>\n> Second.\n",
			before: []string{"> First words.\n>"}, after: []string{"> Second."},
			body: "> First words.\n>\n> Second.",
		},
		{
			name:   "table cell: after the table",
			md:     "## Cap\n\n| a | b |\n|---|---|\n| ![t](t.png) x | y |\n| z | w |\n\nAfter.\n",
			before: []string{"| a | b |\n|---|---|\n| x | y |\n| z | w |"}, after: []string{"After."},
			body: "| a | b |\n|---|---|\n| x | y |\n| z | w |\n\nAfter.",
		},
		{
			name:   "in a quote, after a picture paragraph",
			md:     "## Cap\n\n![top](t.jpg)\n\n> Quoted *![q](q.jpg)* words.\n\nEnd.\n",
			before: []string{"", "> Quoted ** words."}, after: []string{"> Quoted ** words.\n\nEnd.", "End."},
			body: "> Quoted ** words.\n\nEnd.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec, _ := markdown.ParseSlide(markdown.NewMarkdown(), tt.md)
			if sec.Body != tt.body {
				t.Errorf("body = %q, want %q", sec.Body, tt.body)
			}
			if len(sec.Pictures) != len(tt.before) {
				t.Fatalf("%d pictures, want %d", len(sec.Pictures), len(tt.before))
			}
			for i, p := range sec.Pictures {
				if p.At < 0 || p.At > len(sec.Body) {
					t.Fatalf("picture %d at %d, body is %d long", i, p.At, len(sec.Body))
				}
				if got := strings.TrimSpace(sec.Body[:p.At]); got != tt.before[i] {
					t.Errorf("picture %d: text before = %q, want %q", i, got, tt.before[i])
				}
				if got := strings.TrimSpace(sec.Body[p.At:]); got != tt.after[i] {
					t.Errorf("picture %d: text after = %q, want %q", i, got, tt.after[i])
				}
				want := 0
				if tt.resume != nil {
					want = tt.resume[i]
				}
				if p.ListResume != want {
					t.Errorf("picture %d: ListResume = %d, want %d", i, p.ListResume, want)
				}
			}
		})
	}
}

func TestPictureOpeningAParagraph(t *testing.T) {
	md := "## Cap\n\nBefore.\n\n![Peaks](m.jpg)\n_Drawn by hand_\n\nAfter.\n"
	sec, _ := markdown.ParseSlide(markdown.NewMarkdown(), md)
	if len(sec.Pictures) != 1 {
		t.Fatalf("%d pictures", len(sec.Pictures))
	}
	at := sec.Pictures[0].At
	if before, after := strings.TrimSpace(sec.Body[:at]), strings.TrimSpace(sec.Body[at:]); before != "Before." || after != "After." {
		t.Errorf("before %q, after %q", before, after)
	}
	// The emphasised line under the picture is its credit, not body text.
	if got := sec.Pictures[0].Credit; got != "Drawn by hand" {
		t.Errorf("credit = %q, want %q", got, "Drawn by hand")
	}
}

// TestLinkedPictureLeavesNoBrackets: a linked picture (a README's badge,
// [![crates](badge.svg)](https://crates.io/x), or a thumbnail that links
// to its full size) is cut out whole: its link's brackets do not stay in
// the text as "[ [ [".
func TestLinkedPictureLeavesNoBrackets(t *testing.T) {
	md := "# Tool\n\n---\n\n## Install\n\n[![crates-badge]][crates-package] [![brew-badge](https://img.example/brew.svg)](https://brew.sh/x) and some words.\n\n[crates-badge]: https://img.example/crates.svg\n[crates-package]: https://crates.io/x\n"
	s := storytest.Must(read.Parse([]byte(md), story.Options{Name: "r.md"}))
	sec := s.Section(0)
	if len(sec.Pictures) != 2 {
		t.Fatalf("pictures %+v", sec.Pictures)
	}
	body := strings.TrimSpace(refDefLines.ReplaceAllString(sec.Body, ""))
	if strings.Contains(body, "[") || strings.Contains(body, "](") || !strings.Contains(body, "and some words.") {
		t.Errorf("body %q", sec.Body)
	}
}

// refDefLines matches link reference definitions, which a body keeps.
var refDefLines = regexp.MustCompile(`(?m)^\[[^\]]+\]:.*$`)
