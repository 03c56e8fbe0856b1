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

// A copied text gallery's photos are not in the text: the export writes
// each as a panel of words, and reel reads each back as the placeholder
// it stands for, in its own section, with its credit.
func TestHTMLRoundTripOfTextGalleries(t *testing.T) {
	for _, path := range []string{
		"../../testdata/text/ap-photos.txt",
		"../../testdata/text/guardian-in-pictures.txt",
		"../../testdata/text/bbc-in-pictures.txt",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s, origin := readStory(t, path)
			back, _, _ := exportAndRead(t, s, Options{Format: FormatHTML, Origin: origin}, "out.html")
			if back.Len() != s.Len() {
				t.Fatalf("%d sections read back, want %d", back.Len(), s.Len())
			}
			for i := range s.Len() {
				a, b := s.Section(i).Pictures, back.Section(i).Pictures
				if len(a) != len(b) {
					t.Errorf("section %d: %d pictures, want %d", i+1, len(b), len(a))
					continue
				}
				for k := range a {
					if a[k].Placeholder != b[k].Placeholder || a[k].Credit != b[k].Credit || a[k].Alt != b[k].Alt {
						t.Errorf("section %d picture %d: %+v, want %+v", i+1, k+1, b[k], a[k])
					}
				}
			}
		})
	}
}
