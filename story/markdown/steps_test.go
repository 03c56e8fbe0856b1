package markdown_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/markdown"
	"github.com/reeltui/reel/story/read"
)

func TestSteps(t *testing.T) {
	tests := []struct {
		name  string
		slide string
		steps []string // each step's text; the last is the whole body
		notes []string
	}{
		{"presenterm pause", "## A\n\nOne.\n\n<!-- pause -->\n\nTwo.\n\n<!-- pause -->\n\nThree.\n", []string{"One.", "One.\n\nTwo.", "One.\n\nTwo.\n\nThree."}, nil},
		{"lookatme stop", "## A\n\nOne.\n\n<!-- stop -->\n\nTwo.\n", []string{"One.", "One.\n\nTwo."}, nil},
		{"patat dots", "## A\n\nOne.\n\n. . .\n\nTwo.\n", []string{"One.", "One.\n\nTwo."}, nil},
		{"mdp caret", "## A\n\nOne.\n\n^\n\nTwo.\n", []string{"One.", "One.\n\nTwo."}, nil},
		{"pause before the body", "## A\n\n<!-- pause -->\n\nOne.\n", []string{"", "One."}, nil},
		{"pause at the end", "## A\n\nOne.\n\n<!-- pause -->\n", []string{"One."}, nil},
		{"two pauses in a row", "## A\n\nOne.\n\n<!-- pause -->\n\n. . .\n\nTwo.\n", []string{"One.", "One.\n\nTwo."}, nil},
		{"a picture cut between", "## A\n\nOne.\n\n![alt](x.png)\n\n<!-- pause -->\n\nTwo.\n", []string{"One.", "One.\n\nTwo."}, nil},
		{"notes stay notes", "## A\n\nOne.\n\n<!-- speaker_note: say hello -->\n\n<!-- pause -->\n\n<!-- a patat note -->\n\nTwo.\n", []string{"One.", "One.\n\nTwo."}, []string{"say hello", "a patat note"}},
		{"no markers", "## A\n\nOne.\n\nTwo.\n", []string{"One.\n\nTwo."}, nil},
		{"a marker in code is text", "## A\n\n```\n<!-- pause -->\n. . .\n```\n", []string{"```\n<!-- pause -->\n. . .\n```"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec, _ := markdown.ParseSlide(markdown.SharedMarkdown(), tt.slide)
			if len(sec.Steps)+1 != len(tt.steps) {
				t.Fatalf("%d steps %v, want %d; body %q", len(sec.Steps)+1, sec.Steps, len(tt.steps), sec.Body)
			}
			for i, want := range tt.steps {
				// Cut markers leave blank lines behind, which Markdown folds.
				if got := sec.Step(i); collapseBlank(got) != want || !strings.HasPrefix(sec.Body, got) {
					t.Errorf("step %d = %q, want %q", i, got, want)
				}
			}
			if got := strings.Join(sec.Notes(), "|"); got != strings.Join(tt.notes, "|") {
				t.Errorf("notes %q, want %q", got, tt.notes)
			}
			for _, d := range sec.Dropped {
				if d.Text == "pause" || d.Text == "stop" {
					t.Errorf("a reveal marker is listed as dropped: %+v", d)
				}
			}
		})
	}
}

// manyPauses is a deck whose one slide has n pauses.
func manyPauses(n int) []byte {
	var b strings.Builder
	b.WriteString("# Deck\n\n---\n\n## Many\n\n")
	for range n {
		b.WriteString("Line.\n\n<!-- pause -->\n\n")
	}
	b.WriteString("End.\n")
	return []byte(b.String())
}

// TestTenThousandPauses reads a slide with 10 000 pauses: every one a
// step. BenchmarkTenThousandPauses says how long it takes.
func TestTenThousandPauses(t *testing.T) {
	s, err := read.Parse(manyPauses(10000), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	sec := s.Section(0)
	if len(sec.Steps) != 10000 {
		t.Errorf("%d steps, want 10000", len(sec.Steps))
	}
	if got := sec.Step(9999); !strings.HasSuffix(got, "Line.") || strings.Count(got, "Line.") != 10000 {
		t.Errorf("the last step holds %d lines", strings.Count(got, "Line."))
	}
}

func BenchmarkTenThousandPauses(b *testing.B) {
	data := manyPauses(10000)
	for b.Loop() {
		s, err := read.Parse(data, story.Options{Format: story.FormatMarkdown})
		if err != nil {
			b.Fatal(err)
		}
		_ = s.Section(0)
	}
}

func collapseBlank(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

// FuzzSteps checks that a slide's steps always lie in its body, in order,
// whatever the slide holds.
func FuzzSteps(f *testing.F) {
	for _, seed := range []string{
		"## A\n\nOne.\n\n<!-- pause -->\n\nTwo.\n",
		"<!-- stop -->\n. . .\n^\n",
		"## A\n\n- one\n\n. . .\n\n- two\n\n<!-- pause -->",
		"> quote\n\n<!-- pause -->\n\n![x](y.png)\n_Photo: z_\n\n^\n\ntext",
		"```\n<!-- pause -->\n```\n\n<!-- pause\n-->\n\n<!--\npause -->\n\nx",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, slide string) {
		sec, _ := markdown.ParseSlide(markdown.SharedMarkdown(), slide)
		prev := -1
		for _, o := range sec.Steps {
			if o <= prev || o < 0 || o > len(sec.Body) {
				t.Fatalf("steps %v in a body of %d bytes", sec.Steps, len(sec.Body))
			}
			prev = o
		}
		for i := range len(sec.Steps) + 1 {
			if !strings.HasPrefix(sec.Body, sec.Step(i)) {
				t.Fatalf("step %d %q is not the start of the body %q", i, sec.Step(i), sec.Body)
			}
		}
	})
}

func TestMdpStops(t *testing.T) {
	// mdp's stop lines ("^", "<br>") are reveal steps, even right under
	// a list item, and "^" in code is code.
	deck := "%title: Stops\n%author: Sam\n\n# Steps\n\n- one\n^\n- two\n<br>\n- three\n\n```\n^\n```\n"
	s, err := read.Parse([]byte(deck), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() == 0 {
		t.Fatalf("no sections; intro %q", s.Intro)
	}
	sec := s.Section(0)
	if len(sec.Steps) != 2 {
		t.Fatalf("steps %v in %q", sec.Steps, sec.Body)
	}
	if got := sec.Step(0); strings.Contains(got, "two") || strings.Contains(got, "pause") || !strings.Contains(got, "one") {
		t.Errorf("first step %q", got)
	}
	if got := sec.Step(1); !strings.Contains(got, "two") || strings.Contains(got, "three") {
		t.Errorf("second step %q", got)
	}
	if !strings.Contains(sec.Body, "three") || !strings.Contains(sec.Body, "```\n^\n```") {
		t.Errorf("text after a stop or in code was lost: %q", sec.Body)
	}
}

func TestParsedSteps(t *testing.T) {
	s, err := read.Parse([]byte("# Deck\n\n---\n\n## A\n\nOne.\n\n<!-- pause -->\n\nTwo.\n\n---\n\n## B\n\nThree.\n"), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.ParsedSteps(1); ok {
		t.Error("section 2 counted as parsed before anything asked for it")
	}
	_ = s.Section(0)
	if n, ok := s.ParsedSteps(0); !ok || n != 1 {
		t.Errorf("ParsedSteps(0) = %d, %v; want 1, true", n, ok)
	}
	if _, ok := s.ParsedSteps(1); ok {
		t.Error("ParsedSteps parsed a section")
	}
}
