package text_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// headerSource puts line under a gallery's title, over its intro and two
// captioned photos.
func headerSource(line string) string {
	return "Snow in the hills\n\n" + line + "\n\nHeavy snow closed the passes overnight.\n\n" +
		"Closed roads\n\nThe pass was shut to all traffic.\n\nChildren play\n\nSchools closed for the day.\n"
}

// TestHeaderLines checks which lines under a title are read as a byline or
// a timestamp: real ones as copied galleries print them, and never a
// sentence that starts with "By" or "Updated" (an intro, a photo's
// caption), which stays text where it was.
func TestHeaderLines(t *testing.T) {
	tests := []struct {
		line    string
		authors []string
		date    string
	}{
		// Bylines.
		{line: "By Jane Doe", authors: []string{"Jane Doe"}},
		{line: "By Jane Doe and John Roe, BBC News", authors: []string{"Jane Doe", "John Roe", "BBC News"}},
		{line: "By the Desk, 1 January 2025", authors: []string{"the Desk"}, date: "1 January 2025"},
		{line: "By The Associated Press", authors: []string{"The Associated Press"}},
		{line: "By Jane Doe | BBC News", authors: []string{"Jane Doe", "BBC News"}},
		{line: "By Jane Doe & Raj Patel", authors: []string{"Jane Doe", "Raj Patel"}},
		{line: "By: Maria de la Cruz", authors: []string{"Maria de la Cruz"}},
		{line: "By J. R. Smith Jr. and Ali al-Hassan", authors: []string{"J. R. Smith Jr.", "Ali al-Hassan"}},
		{line: "Written by Ludwig van Beethoven", authors: []string{"Ludwig van Beethoven"}},
		{line: "By राहुल शर्मा", authors: []string{"राहुल शर्मा"}},
		{line: "By 山田太郎", authors: []string{"山田太郎"}},
		{line: "By Jane Doe, Dec 4, 2026", authors: []string{"Jane Doe"}, date: "Dec 4, 2026"},
		{line: "By Jane Doe | Updated 10:30 AM GMT, December 4, 2026", authors: []string{"Jane Doe"}, date: "10:30 AM GMT, December 4, 2026"},
		{line: "By Jane Doe, political correspondent", authors: []string{"Jane Doe", "political correspondent"}},
		{line: "By Jane Doe (Reuters)", authors: []string{"Jane Doe"}},
		// Timestamps.
		{line: "Updated: Jan 13, 2022, 05:43 PM(IST)", date: "Jan 13, 2022, 05:43 PM(IST)"},
		{line: "Published 2 hours ago", date: "2 hours ago"},
		{line: "Posted on 12/03/2026 10:00", date: "12/03/2026 10:00"},
		{line: "Last updated: 14:32 GMT, 3 Dec 2026", date: "14:32 GMT, 3 Dec 2026"},
		{line: "Updated 10:30 AM GMT, December 4, 2026", date: "10:30 AM GMT, December 4, 2026"},
		{line: "First published on Monday 3 March 2025", date: "Monday 3 March 2025"},
		{line: "Updated: 2026-12-03T10:00:00Z", date: "2026-12-03T10:00:00Z"},
		{line: "Published: Wed 3rd Dec 2026, 9.15am", date: "Wed 3rd Dec 2026, 9.15am"},
		// Sentences, which are neither.
		{line: "By Tuesday morning, crews had cleared most roads."},
		{line: "By the river, families stacked sandbags through the night as water rose."},
		{line: "By Jane Doe. She filed the story at dawn from the valley."},
		{line: "By Jane Doe (AP Photo/Jane Example), Reuters"},
		{line: "By nightfall the snow had stopped"},
		{line: "Updated forecasts warned of gusts of 90mph on Monday 3 March."},
		{line: "Updated figures show 300 homes flooded."},
		{line: "Published reports put the toll at 12 on Sunday"},
	}
	for _, tt := range tests {
		s := storytest.Must(read.Parse([]byte(headerSource(tt.line)), story.Options{Name: "snow.txt"}))
		if !slices.Equal(s.Authors, tt.authors) || s.Date != tt.date {
			t.Errorf("%q: authors, date = %q, %q; want %q, %q", tt.line, s.Authors, s.Date, tt.authors, tt.date)
		}
		// Neither: the line stays the story's text (its intro, or a
		// caption as it may be).
		if d := storytest.Dump(s); tt.authors == nil && tt.date == "" && !strings.Contains(d, tt.line) {
			t.Errorf("%q: the line is lost: %s", tt.line, d)
		}
	}
}

// TestSentenceNotHeader reads galleries whose first caption or intro
// starts as a byline or a timestamp does ("By Tuesday morning, …",
// "Updated forecasts …"), and one whose real header is followed by such a
// caption: every photo keeps its caption and credit, and the header only
// what is its own.
func TestSentenceNotHeader(t *testing.T) {
	tests := []struct {
		name, src string
		authors   []string
		date      string
		intro     string
		bodies    []string // a prefix of each section's
		credits   []string
	}{
		{name: "a byline-like caption",
			src:     "Storm hits coast\n\nBy Tuesday morning, crews had cleared most roads. (AP Photo/Jane Example)\n\nWaves broke over the wall. (AP Photo/Sam Sample)\n",
			bodies:  []string{"By Tuesday morning, crews had cleared most roads.", "Waves broke over the wall."},
			credits: []string{"AP Photo/Jane Example", "AP Photo/Sam Sample"}},
		{name: "a timestamp-like caption",
			src:     "Storm hits coast\n\nUpdated forecasts warned of gusts of 90mph on Monday 3 March. (AP Photo/Jane Example)\n\nWaves broke over the wall. (AP Photo/Sam Sample)\n",
			bodies:  []string{"Updated forecasts warned of gusts of 90mph on Monday 3 March.", "Waves broke over the wall."},
			credits: []string{"AP Photo/Jane Example", "AP Photo/Sam Sample"}},
		{name: "a byline-like intro",
			src:     "Floods across the valley\n\nBy the river, families stacked sandbags through the night as water rose.\n\nResidents wade through the flooded high street in Tewkesbury. Photograph: Jane Example/PA\n\nA man rows a boat past the abbey. Photograph: Sam Sample/Reuters\n",
			intro:   "By the river, families stacked sandbags through the night as water rose.",
			bodies:  []string{"Residents wade through the flooded high street in Tewkesbury.", "A man rows a boat past the abbey."},
			credits: []string{"Photograph: Jane Example/PA", "Photograph: Sam Sample/Reuters"}},
		{name: "a header, then a timestamp-like caption",
			src:     "Floods across the valley\nUpdated: 2 hours ago\nBy Jane Doe and John Roe, BBC News\n\nFamilies stacked sandbags through the night.\n\nUpdated figures show 300 homes flooded. Residents wade through the flooded high street. Photograph: Jane Example/PA\n\nA man rows a boat past the abbey. Photograph: Sam Sample/Reuters\n",
			authors: []string{"Jane Doe", "John Roe", "BBC News"}, date: "2 hours ago",
			intro:   "Families stacked sandbags through the night.",
			bodies:  []string{"Updated figures show 300 homes flooded. Residents wade through the flooded high street.", "A man rows a boat past the abbey."},
			credits: []string{"Photograph: Jane Example/PA", "Photograph: Sam Sample/Reuters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storytest.Must(read.Parse([]byte(tt.src), story.Options{Name: "storm.txt"}))
			if !slices.Equal(s.Authors, tt.authors) || s.Date != tt.date || s.Intro != tt.intro {
				t.Errorf("authors, date, intro = %q, %q, %q; want %q, %q, %q", s.Authors, s.Date, s.Intro, tt.authors, tt.date, tt.intro)
			}
			if s.Len() != len(tt.bodies) {
				t.Fatalf("%d sections, want %d: %s", s.Len(), len(tt.bodies), storytest.Dump(s))
			}
			for i, sec := range s.Sections() {
				if sec.Body != tt.bodies[i] {
					t.Errorf("section %d body = %q, want %q", i+1, sec.Body, tt.bodies[i])
				}
				if len(sec.Pictures) != 1 || !sec.Pictures[0].Placeholder || sec.Pictures[0].Credit != tt.credits[i] {
					t.Errorf("section %d pictures = %+v, want one placeholder credited %q", i+1, sec.Pictures, tt.credits[i])
				}
			}
		})
	}
}

// TestSecondTimestampIsADate checks that a line under a page's timestamp
// joins it as a second timestamp only when it is itself a date ("Updated:
// Dec 4, 2026, …"), not a sentence that starts with the label.
func TestSecondTimestampIsADate(t *testing.T) {
	tests := []struct{ second, date string }{
		{"Updated: Dec 4, 2026, 10:30 AM GMT", "Dec 4, 2026, 08:00 AM GMT · Updated: Dec 4, 2026, 10:30 AM GMT"},
		{"Updated 2 hours ago", "Dec 4, 2026, 08:00 AM GMT · Updated 2 hours ago"},
		{"Updated figures show 300 homes flooded.", "Dec 4, 2026, 08:00 AM GMT"},
		{"Updated forecasts warned of gusts of 90mph on Monday 3 March.", "Dec 4, 2026, 08:00 AM GMT"},
	}
	for _, tt := range tests {
		src := "Storm hits the coast\nPublished: Dec 4, 2026, 08:00 AM GMT\n" + tt.second +
			"\n\nA storm swept the coast overnight.\n\nFallen trees\n\nCrews cleared the roads by noon.\n\nHigh waves\n\nWaves broke over the wall.\n"
		s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "storm.txt"}))
		if s.Date != tt.date {
			t.Errorf("%q: date = %q, want %q", tt.second, s.Date, tt.date)
		}
		if d := storytest.Dump(s); !strings.Contains(s.Date, tt.second) && !strings.Contains(d, tt.second) {
			t.Errorf("%q: the line is lost: %s", tt.second, d)
		}
	}
}

// A photo with no caption (an agency gallery's) is named in the contents
// by its first words, which a filter can find, not by its number alone.
func TestUncaptionedPhotosNamedByTheirWords(t *testing.T) {
	s := storytest.ParseFile(t, "../../testdata/text/ap-photos.txt")
	labels := s.Labels()
	if len(labels) == 0 || !strings.HasPrefix(labels[0], "Lanterns drift over the river") {
		t.Errorf("labels %q", labels)
	}
}
