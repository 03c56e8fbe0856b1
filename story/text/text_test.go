package text_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/story/text"
)

// TestProseIsProse checks that text with no sign of being a gallery reads
// as prose: no placeholder pictures, no invented sections, every
// paragraph kept in order.
func TestProseIsProse(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/text/note.txt")
	if s.Title != "Notes from the allotment" {
		t.Errorf("title = %q", s.Title)
	}
	if !strings.HasPrefix(s.Intro, "The beans came up") {
		t.Errorf("intro = %q, want the first paragraphs", s.Intro)
	}
	text := s.Intro
	for i, sec := range s.Sections() {
		if sec.HasPictures() {
			t.Errorf("section %d has pictures %+v: prose stands for none", i+1, sec.Pictures)
		}
		if body := strings.TrimSpace(strings.ReplaceAll(sec.Body, `\`, "")); body == "" || body == "---" {
			t.Errorf("section %d body = %q", i+1, sec.Body)
		}
		if !strings.HasPrefix(sec.Body, strings.TrimSuffix(sec.Caption, "…")) {
			t.Errorf("section %d caption %q is not its first words", i+1, sec.Caption)
		}
		text += "\n\n" + sec.Body
	}
	// Pages hold whole paragraphs, in the order of the text.
	last := -1
	for _, p := range []string{"The beans came up", "Margaret from plot 14", "Jobs before the autumn", "The water butt", "Next year I would like", "Things to ask", "Remember to pay the rent"} {
		at := strings.Index(text, p)
		if at <= last {
			t.Errorf("paragraph %q at %d, after %d", p, at, last)
		}
		last = at
	}
	if strings.Count(text, `\---`) != 2 {
		t.Errorf("the two --- lines are not kept as text:\n%s", text)
	}
}

// TestGallerySigns decides, both ways, whether text with no caption lines
// is a gallery whose paragraphs stood for pictures.
func TestGallerySigns(t *testing.T) {
	const paras = "The square filled with people before dawn on the first day of the festival.\n\nDancers in masks led the procession through the narrow streets of the old town.\n\nBy the evening the crowds had moved down to the river to watch the boats.\n"
	tests := []struct {
		name    string
		text    string
		gallery bool
	}{
		{"kicker", "In Pics- Festival of masks\n\n" + paras, true},
		{"picture lead-in", "Festival of masks\n\nThe festival began on Monday.\n\nTake a look at the pictures:\n\n" + paras, true},
		{"credit line", "Festival of masks\n\n" + paras + "Photo: Reuters\n", true},
		{"note", "Festival of masks\n\n" + paras, false},
		{"note with a list lead-in", "Packing for the festival\n\nThings to bring:\n\n" + paras, false},
		{"one line", "Buy milk and call the plumber about the boiler.\n", false},
		{"headed document", "Licence\n\nPreamble\n\n" + strings.Repeat("The licences for most software are designed to take away your freedom to share and change it. ", 12) +
			"\n\nTerms\n\n" + strings.Repeat("Each licensee is addressed as you, and the work is the program. ", 20) + "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.Must(read.Parse([]byte(tt.text), story.Options{Name: "story.txt"}))
			pictures := 0
			for _, sec := range s.Sections() {
				pictures += len(sec.Pictures)
			}
			// The first paragraph of a gallery with no lead-in is its intro.
			if tt.gallery && (s.Len() < 2 || pictures != s.Len()) {
				t.Errorf("%d sections, %d pictures; want a placeholder in each section", s.Len(), pictures)
			}
			if !tt.gallery && pictures != 0 {
				t.Errorf("%d placeholder pictures in prose", pictures)
			}
		})
	}
}

// TestCaptionLines checks the lines that are and are not captions in a
// gallery known to have captions.
func TestCaptionLines(t *testing.T) {
	tests := []struct {
		line    string
		caption bool
	}{
		{"Why is it so hot?", true},
		{"Early start.", true},
		{"Golden fields", true},
		{"It was cold.", false},
		{"The roads were closed.", false},
		{"They waited.", false},
		{"\"We will rebuild\"", false},
		{"Not one, not two, but three reasons.", true},
		{"jo@example.com", false},
		{"The guide is at https://example.com/guide", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := text.CaptionLike(tt.line, true); got != tt.caption {
				t.Errorf("captionLike(%q, loose) = %v, want %v", tt.line, got, tt.caption)
			}
		})
	}
}

// TestGalleryRules checks that a separator line in a gallery with no
// captions is kept as text and stands for no picture.
func TestGalleryRules(t *testing.T) {
	src := "In Pics- Festival of masks\n\nThe festival began on Monday.\n\nDancers in masks led the procession through the old town.\n\n---\n\nBy evening the crowds had moved down to the river.\n"
	s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "masks.txt"}))
	if s.Len() != 2 {
		t.Fatalf("%d sections, want 2: %q", s.Len(), storytest.Captions(s))
	}
	if body := s.Section(0).Body; body != "Dancers in masks led the procession through the old town.\n\n\\---" {
		t.Errorf("first section body = %q", body)
	}
}

// TestGalleryBodyEndings checks that a one-line body paragraph keeps the
// caption above it a caption however the paragraph ends: in a bracket, an
// emoji, a year or a hanging dash as much as in a period.
func TestGalleryBodyEndings(t *testing.T) {
	for _, body := range []string{
		"The sky lit up for an hour. 👍🏽",
		"The sky lit up for an hour 🎆",
		"The sky lit up for an hour (or so)",
		"The fair has run every spring since 1998",
		"The sky lit up for an hour —",
		"The sky lit up for an hour.",
		"The sky lit up for an hour!",
		"The sky lit up for an hour…",
	} {
		t.Run(body, func(t *testing.T) {
			src := "In Pics- X\n\nIntro.\n\nFireworks over the river\n\n" + body + "\n\nFamilies at the ghat\n\nThey sat.\n"
			s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "e.txt"}))
			want := []string{"Fireworks over the river", "Families at the ghat"}
			if got := storytest.Captions(s); !slices.Equal(got, want) {
				t.Errorf("captions = %q, want %q (intro %q)", got, want, s.Intro)
			}
		})
	}
	// Short items in a row stay a list, not captions over each other.
	src := "In Pics- X\n\nIntro.\n\nFireworks over the river\n\nA long first paragraph that runs on\nover two lines.\n\nApples (red)\n\nPears (green)\n\nPlums (blue)\n"
	s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "l.txt"}))
	if got := storytest.Captions(s); !slices.Equal(got, []string{"Fireworks over the river"}) {
		t.Errorf("list: captions = %q", got)
	}
}

// TestCopiedArticleChrome: an article copied from the Guardian's page
// brings its share buttons and sponsor label along; they are no captions
// of sections of their own ("Share via Email", "About this content").
func TestCopiedArticleChrome(t *testing.T) {
	text := "'What is the sea telling us?': Māori tribes fearful over whale strandings\n\nAbout this content\n\nThu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST\n\nShare on Facebook\n\nShare on Twitter\n\nShare via Email\n\n" +
		"Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding, a beaching of porpoises in New Zealand’s Northland.\n\n" +
		"Seven decades later, Parata, 75, has now overseen more than 500 strandings and is renowned in New Zealand as the leading Māori whale expert.\n"
	s := storytest.Must(read.Parse([]byte(text), story.Options{Format: story.FormatText}))
	for _, chrome := range []string{"Share via Email", "About this content"} {
		if !slices.Contains(s.Dropped, story.Dropped{Kind: "chrome", Text: chrome}) {
			t.Errorf("%q not kept off the pages as chrome: %v", chrome, s.Dropped)
		}
	}
	for _, c := range storytest.Captions(s) {
		if strings.HasPrefix(c, "Share") || strings.HasPrefix(c, "About") {
			t.Errorf("captions %q", storytest.Captions(s))
		}
	}
}

func TestChromeLines(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/text/cold.txt")
	for _, want := range []string{"Follow Us", "Read in App"} {
		if !slices.Contains(s.Dropped, story.Dropped{Kind: "chrome", Text: want}) {
			t.Errorf("%q not kept off the pages as chrome: %v", want, s.Dropped)
		}
	}
	if body := s.Section(s.Len() - 1).Body; strings.Contains(body, "Follow") {
		t.Errorf("last section holds chrome: %q", body)
	}
}
