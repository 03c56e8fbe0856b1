package text_test

import (
	"slices"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
	"github.com/reeltui/reel/story/read"
)

// TestCaptionEndsInQuote checks that a caption line ending in a closing
// quote mark is a caption, its section and credit its own.
func TestCaptionEndsInQuote(t *testing.T) {
	for _, caption := range []string{"The banner reads “No more”", "The banner reads ‘No more’", "The banner reads «Non»", "The banner reads \"No more\""} {
		src := "In Pics- Rally in the square\n\nThousands gathered in the square on Sunday.\n\nThe crowd\n\nPeople filled the square from early morning.\n\n" +
			caption + "\n\nMarchers carried banners down the main street.\n\nPhoto: Reuters\n"
		s := storytest.Must(read.Parse([]byte(src), story.Options{Name: "rally.txt"}))
		if got := storytest.Captions(s); !slices.Equal(got, []string{"The crowd", caption}) {
			t.Errorf("captions = %q, want %q", got, []string{"The crowd", caption})
			continue
		}
		if c := s.Section(1).Pictures[0].Credit; c != "Photo: Reuters" {
			t.Errorf("%q: credit = %q", caption, c)
		}
	}
}
