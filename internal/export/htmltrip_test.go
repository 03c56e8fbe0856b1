package export

import (
	"path/filepath"
	"regexp"
	"testing"
)

// The HTML export read back by reel's web reader.

func TestHTMLRoundTrip(t *testing.T) {
	s, origin := storyFile(t, "deck.md", sampleDeck, samplePictures(t))
	back, backOrigin, _ := exportAndRead(t, s, Options{Format: FormatHTML, Origin: origin}, "out.html")
	compareStories(t, s, back, origin, backOrigin, tripRules{})
	// The web reader keeps a link's words, not its address.
	if want := regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(s.Intro, "$1"); back.Intro != want {
		t.Errorf("intro %q, want %q", back.Intro, want)
	}
}

func TestHTMLRoundTripOfSamples(t *testing.T) {
	for _, path := range []string{
		"../../testdata/pictures/deck.md",
		"../../testdata/md/inline-pictures.md",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s, origin := readStory(t, path)
			back, backOrigin, _ := exportAndRead(t, s, Options{Format: FormatHTML, Origin: origin}, "out.html")
			compareStories(t, s, back, origin, backOrigin, tripRules{})
		})
	}
}
