package ui

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
)

// TestStatusHintShowsWholeKeys: the status bar's key hint never cuts a
// key's words ("←/h pr…"), and keeps "? help", the way to every other
// key, at any width where a hint shows at all.
func TestStatusHintShowsWholeKeys(t *testing.T) {
	s, err := story.Parse([]byte("---\ntitle: 'Markdown Presentation Tool: lookatme'\n---\n\n# One\n\nText.\n\n# Two\n\nMore.\n"), story.Options{Name: "l.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{40, 60, 80, 100, 120} {
		m := newTestModel(s, w, 16)
		for _, keys := range []string{"", "right"} {
			m = runKeys(t, m, keys)
			lines := strings.Split(frame(m), "\n")
			bar := lines[len(lines)-1]
			if !strings.Contains(bar, "? help") {
				t.Errorf("%d columns: no \"? help\" in %q", w, bar)
			}
			// Only the title may be cut short.
			if cuts := strings.Count(bar, "…"); cuts > 1 || cuts == 1 && strings.Contains(bar, "lookatme") {
				t.Errorf("%d columns: a key's words are cut in %q", w, bar)
			}
		}
	}
}
