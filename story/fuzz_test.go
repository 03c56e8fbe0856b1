package story_test

import (
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/storytest"
)

// FuzzClean checks that Clean leaves no control character and is
// idempotent.
func FuzzClean(f *testing.F) {
	f.Add("a\x1b]0;t\x07b\u202e\u009b31m\x1bPq\x1b\\")
	f.Fuzz(func(t *testing.T, s string) {
		c := story.Clean(s)
		storytest.CheckText(t, "Clean", c)
		if again := story.Clean(c); again != c {
			t.Fatalf("Clean is not idempotent: %q -> %q -> %q", s, c, again)
		}
	})
}
