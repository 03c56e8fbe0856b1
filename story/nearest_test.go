package story_test

import (
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func TestNearestCaption(t *testing.T) {
	s, err := read.Parse([]byte("# T\n\n## A\n\nx\n\n## B\n\ny\n\n## A\n\nz\n\n## C\n\nw\n"), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		caption     string
		near, reach int
		want        int
		ok          bool
	}{
		{"B", 1, 4, 1, true},
		{"A", 1, 4, 2, true}, // a tie: the later
		{"A", 3, 4, 2, true},
		{"C", 0, 4, 3, true},
		{"C", 0, 3, 0, false}, // out of reach
		{"A", 9, 4, 0, false}, // past the end, and reach stops short of it
		{"A", 9, 10, 2, true},
		{"Z", 1, 4, 0, false},
	} {
		if got, ok := s.NearestCaption(tt.caption, tt.near, tt.reach); got != tt.want || ok != tt.ok {
			t.Errorf("NearestCaption(%q, %d, %d) = %d, %v; want %d, %v", tt.caption, tt.near, tt.reach, got, ok, tt.want, tt.ok)
		}
	}
}
