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
