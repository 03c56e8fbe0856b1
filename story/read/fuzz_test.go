package read_test

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// FuzzParse checks that no input makes a parser panic, and that every
// string of the model is clean text.
func FuzzParse(f *testing.F) {
	storytest.AddSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		s, err := read.Parse(data, story.Options{Format: story.Format(format % 3), Name: "fuzz"})
		if err != nil {
			return
		}
		for _, v := range []string{s.Kicker, s.Title, s.TitleMarkdown, s.Subtitle, s.Date, s.Source, s.Intro, strings.Join(s.Authors, " ")} {
			storytest.CheckText(t, "story field", v)
		}
		for _, sp := range s.TitleSpans() {
			storytest.CheckText(t, "title span", sp.Text)
		}
		for _, sec := range s.Sections() {
			storytest.CheckText(t, "caption", sec.Caption)
			storytest.CheckText(t, "body", sec.Body)
			for _, p := range sec.Pictures {
				storytest.CheckText(t, "picture", p.Source+p.Alt+p.Caption+p.Credit)
			}
		}
		for _, d := range s.AllDropped() {
			storytest.CheckText(t, "dropped", d.Text)
		}
	})
}

// FuzzDetect checks format detection on any input.
func FuzzDetect(f *testing.F) {
	storytest.AddSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, _ uint8) {
		got, why := read.Detect(story.FormatAuto, "", string(data))
		if got == story.FormatAuto || why == "" {
			t.Fatalf("Detect = %v, %q", got, why)
		}
	})
}
