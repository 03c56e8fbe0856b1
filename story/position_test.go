package story

import (
	"strings"
	"testing"
)

func TestPicturePlace(t *testing.T) {
	tests := []struct {
		name string
		md   string
		// before and after are the body's text before and after each
		// picture, trimmed.
		before, after []string
		body          string
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
			before: []string{"Intro.\n\n- one\n- two", "Intro.\n\n- one\n- two"},
			after:  []string{"After.\n\n[ref]: b.jpg", "After.\n\n[ref]: b.jpg"},
			body:   "Intro.\n\n- one\n- two\n\nAfter.\n\n[ref]: b.jpg",
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
			sec, _ := parseSlide(newMarkdown(), tt.md)
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
			}
		})
	}
}

func TestPictureOpeningAParagraph(t *testing.T) {
	md := "## Cap\n\nBefore.\n\n![Peaks](m.jpg)\n_Drawn by hand_\n\nAfter.\n"
	sec, _ := parseSlide(newMarkdown(), md)
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
