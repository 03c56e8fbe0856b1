package markdown_test

import (
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func TestFrontMatterLanguage(t *testing.T) {
	s, err := read.Parse([]byte("---\ntitle: Deck\nlang: de-CH\n---\n\n# One\n\nText.\n"), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	if s.Lang != "de-CH" {
		t.Errorf("lang %q, want de-CH", s.Lang)
	}
}
