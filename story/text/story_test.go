package text_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/golden"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
)

func TestSampleStory(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/kim-rally.txt")
	if s.Kicker != "In Pics" {
		t.Errorf("kicker = %q, want In Pics", s.Kicker)
	}
	if want := "Kim's North Korea holds mass rally in show of political loyalty"; s.Title != want {
		t.Errorf("title = %q, want %q", s.Title, want)
	}
	if !strings.HasPrefix(s.Intro, "A major outdoor rally") || !strings.HasSuffix(s.Intro, "Let's check out some pictures:") {
		t.Errorf("intro = %q", s.Intro)
	}
	want := []string{"Plans for new year", "A surreal scene", "Mass participation", "Jump-starting economic development", "Focused approach"}
	if got := storytest.Captions(s); !slices.Equal(got, want) {
		t.Fatalf("captions = %q, want %q", got, want)
	}
	paras := []int{2, 1, 2, 2, 1}
	for i, sec := range s.Sections() {
		if n := len(strings.Split(sec.Body, "\n\n")); n != paras[i] {
			t.Errorf("section %d has %d paragraphs, want %d", i+1, n, paras[i])
		}
		if len(sec.Pictures) != 1 || !sec.Pictures[0].Placeholder {
			t.Errorf("section %d pictures = %+v, want one placeholder", i+1, sec.Pictures)
		}
		if strings.Contains(sec.Body, "Read in App") {
			t.Errorf("section %d holds page chrome", i+1)
		}
	}
	if !slices.Contains(s.Dropped, story.Dropped{Kind: "chrome", Text: "Read in App"}) {
		t.Errorf("Read in App not kept as chrome: %v", s.Dropped)
	}
	golden.Check(t, "../../testdata/kim-rally.story.golden", storytest.Dump(s))
}

func TestTextGalleries(t *testing.T) {
	tests := []struct {
		file     string
		kicker   string
		title    string
		authors  []string
		date     string
		intro    string // a prefix
		captions []string
		credits  []string // per section
	}{
		{file: "credits.txt", kicker: "In Photos", title: "Floods sweep the valley", intro: "Heavy rain",
			captions: []string{"Rising water", "Rescue boats"}, credits: []string{"Photograph:AFP", "Photo: Reuters"}},
		{file: "period-caption.txt", kicker: "In Pics", title: "Harvest season begins", intro: "Farmers",
			captions: []string{"Golden fields", "Early start.", "Market day"}},
		{file: "quote.txt", kicker: "In Pics", title: "The mayor speaks", intro: "The mayor addressed",
			captions: []string{"On the steps", "Crowd reacts"}},
		{file: "no-title.txt", title: "no-title", intro: "Thousands of people",
			captions: []string{"Parade", "Music"}},
		{file: "byline.txt", kicker: "In Pics", title: "Snow blankets the north", authors: []string{"Jane Doe", "Raj Patel"},
			date: "Jan 13, 2022, 05:43 PM(IST)", intro: "Heavy snow", captions: []string{"Closed roads", "Children play"}},
		{file: "wrapped.txt", kicker: "In Pics", title: "A long walk home",
			intro:    "The pilgrims set out at dawn and walked for eleven days across the mountains, sleeping",
			captions: []string{"The first pass", "Arrival"}},
		{file: "hindi.txt", kicker: "तस्वीरों में", title: "दिल्ली में दिवाली का जश्न", intro: "दिल्ली में लोगों",
			captions: []string{"रोशन बाज़ार", "आतिशबाज़ी"}},
		{file: "cjk.txt", kicker: "写真で見る", title: "桜の季節", intro: "東京では",
			captions: []string{"上野公園", "夜桜"}},
		{file: "no-captions.txt", kicker: "In Pics", title: "Quiet streets", intro: "The city was quiet",
			captions: []string{"", "", ""}, credits: []string{"", "Photograph:AFP", ""}},
		{file: "no-leadin.txt", kicker: "In Pics", title: "Lanterns over the river", intro: "Thousands of lanterns",
			captions: []string{"Setting out", "Drifting"}},
		{file: "questions.txt", kicker: "In Pics", title: "Heatwave grips the plains", intro: "Temperatures crossed",
			captions: []string{"Empty streets", "Why is it so hot?", "Relief at the river"}, credits: []string{"", "", "Photograph:PTI"}},
		{file: "cold.txt", kicker: "In Pics", title: "A night at the winter market", intro: "The winter market",
			captions: []string{"Warm drinks", "Lights on the square"}},
		{file: "header-lines.txt", title: "Storm leaves thousands without power", authors: []string{"Maria Lopez"},
			date: "Mar 4, 2024, 09:15 AM(EST)", intro: "A winter storm", captions: []string{"Fallen trees", "Waves over the wall"}},
		{file: "leadin.txt", title: "Spring comes to the valley", intro: "The first blossoms",
			captions: []string{"", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := storytest.ParseFile(t, filepath.Join("../../testdata/text", tt.file))
			if s.Format != story.FormatText {
				t.Errorf("format = %v", s.Format)
			}
			if s.Kicker != tt.kicker || s.Title != tt.title {
				t.Errorf("kicker, title = %q, %q; want %q, %q", s.Kicker, s.Title, tt.kicker, tt.title)
			}
			if !slices.Equal(s.Authors, tt.authors) || s.Date != tt.date {
				t.Errorf("authors, date = %q, %q; want %q, %q", s.Authors, s.Date, tt.authors, tt.date)
			}
			if !strings.HasPrefix(s.Intro, tt.intro) {
				t.Errorf("intro = %q, want it to start with %q", s.Intro, tt.intro)
			}
			if got := storytest.Captions(s); !slices.Equal(got, tt.captions) {
				t.Errorf("captions = %q, want %q", got, tt.captions)
			}
			for i, want := range tt.credits {
				if got := s.Section(i).Pictures[0].Credit; got != want {
					t.Errorf("section %d credit = %q, want %q", i+1, got, want)
				}
			}
			for i, sec := range s.Sections() {
				if len(sec.Pictures) != 1 || !sec.Pictures[0].Placeholder || sec.Body == "" {
					t.Errorf("section %d = %+v, want a body and one placeholder picture", i+1, sec)
				}
			}
		})
	}
}

// TestTextKeepsEveryWord checks that every word of a gallery that is not
// page chrome ends up somewhere in the model.
var (
	counterLines = regexp.MustCompile(`(?m)^\d+ ?/ ?\d+$`)
	photoLabels  = regexp.MustCompile(`(?m)^Image (source|caption),`)
)

func TestTextKeepsEveryWord(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/text/*.txt")
	files = append(files, "../../testdata/kim-rally.txt")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, _ := os.ReadFile(f)
			s := storytest.ParseFile(t, f)
			var all strings.Builder
			all.WriteString(strings.Join([]string{s.Kicker, s.Title, s.Subtitle, strings.Join(s.Authors, " "), s.Date, s.Intro}, " "))
			for _, sec := range s.Sections() {
				all.WriteString(" " + sec.Caption + " " + sec.Body)
				for _, p := range sec.Pictures {
					all.WriteString(" " + p.Credit)
				}
			}
			for _, d := range s.Dropped {
				all.WriteString(" " + d.Text)
			}
			got := strings.ReplaceAll(all.String(), `\`, "")
			first, rest, _ := strings.Cut(strings.TrimPrefix(string(data), "\ufeff"), "\n")
			if !strings.HasSuffix(first, s.Title) || !strings.HasPrefix(first, s.Kicker) {
				rest = string(data) // no title line: every word counts
			}
			// A counted gallery's counters ("1 / 12") are its section breaks.
			rest = counterLines.ReplaceAllString(rest, "")
			// A labelled gallery's labels ("Image source, Getty Images")
			// are its section breaks, and name its captions and credits.
			rest = photoLabels.ReplaceAllString(rest, "")
			for _, w := range strings.Fields(rest) {
				w = strings.Trim(w, "():")
				// "By", "and", "Updated" and "Published" are the labels of
				// bylines and timestamps.
				if w != "" && !strings.Contains(got, w) && w != "By" && w != "and" && w != "Updated" && w != "Published" {
					t.Errorf("word %q is lost", w)
				}
			}
		})
	}
}
