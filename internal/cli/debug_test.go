package cli

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// --debug names a data: picture by its kind and size, as its panel does,
// not by its whole address: an exported page's are thousands of
// characters long.
func TestDebugListingShortensDataPictures(t *testing.T) {
	payload := strings.Repeat("A", 9000)
	page := "<html><head><title>Kept</title></head><body><h1>Kept</h1><p>Intro words for the page here.</p>" +
		"<figure><img src=\"data:image/png;base64," + payload + "\" alt=\"a kept picture\"><figcaption>A caption of the kept picture.</figcaption></figure></body></html>"
	s, err := read.Parse([]byte(page), story.Options{Name: "kept.html"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := debugListing(&b, s, "kept.html", "none", nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), payload[:100]) || !strings.Contains(b.String(), "data: image/png, 6.6 KiB, in the story") {
		t.Errorf("--debug does not name the data: picture by its kind and size:\n%.600s", b.String())
	}
}

// TestDebugListingLeavesOutEmptyFields checks that --debug lists only the
// fields a story has: no "kicker:" line with nothing after it for a story
// without one, as the other optional fields are left out; a story with a
// kicker still shows it.
func TestDebugListingLeavesOutEmptyFields(t *testing.T) {
	bare := &story.Story{Title: "Bare"}
	bare.AddSection(story.Section{Caption: "one"})
	kicked := &story.Story{Title: "Rally", Kicker: "In Pics", Format: story.FormatText, FormatReason: "content: plain text"}
	// A page reel exported holds photos its text left out: no address to name.
	held := &story.Story{Title: "Held", Format: story.FormatHTML}
	held.AddSection(story.Section{Caption: "one", Pictures: []story.Picture{{Placeholder: true, Credit: "AP Photo/Jane Example"}, {Placeholder: true}}})
	for _, tt := range []struct {
		s      *story.Story
		resume string
		want   []string
	}{
		{bare, "", []string{"title:    Bare", "sections: 1"}},
		{kicked, "none: first reading", []string{"kicker:   In Pics", "resume:   none: first reading", "format:   text (content: plain text)"}},
		{held, "", []string{"       picture not in the text: AP Photo/Jane Example", "       picture not in the text"}},
	} {
		var b strings.Builder
		if err := debugListing(&b, tt.s, "s.txt", tt.resume, nil); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
			if strings.HasSuffix(strings.TrimSpace(l), ":") || strings.HasSuffix(l, "()") || strings.HasSuffix(l, " ") {
				t.Errorf("%s: an empty field %q:\n%s", tt.s.Title, l, b.String())
			}
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w+"\n") {
				t.Errorf("%s: no %q:\n%s", tt.s.Title, w, b.String())
			}
		}
	}
}
