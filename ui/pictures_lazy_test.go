package ui

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/ui/page"
)

// TestPictureChecksReadFewItems checks that a reader with no colour
// (NO_COLOR) and its p key tell whether a long feed has pictures without
// reading every item whole when the feed shows none, and still find the
// one item that has one.
func TestPictureChecksReadFewItems(t *testing.T) {
	const n = 300
	t.Run("no pictures", func(t *testing.T) {
		s := lazyFeed(t, n, 0)
		m := testModel(s, Options{Theme: page.ThemeDark, NoPictures: "pictures need colour"})
		if read := parsedSections(s); read > 2 {
			t.Errorf("New read %d of %d items", read, n)
		}
		before := parsedSections(s)
		m, _ = m.togglePictures()
		if !strings.Contains(m.hint, "no pictures in this story") {
			t.Errorf("p: %q", m.hint)
		}
		if read := parsedSections(s) - before; read > 0 {
			t.Errorf("p read %d of %d items", read, n)
		}
	})
	t.Run("one picture", func(t *testing.T) {
		s := lazyFeed(t, n, n-10)
		m := testModel(s, Options{Theme: page.ThemeDark, NoPictures: "pictures need colour"})
		if m.hint != "pictures need colour" {
			t.Errorf("the note on pictures: %q", m.hint)
		}
		if read := parsedSections(s); read > 2 {
			t.Errorf("New read %d of %d items", read, n)
		}
		m, _ = m.togglePictures()
		if strings.Contains(m.hint, "no pictures") {
			t.Errorf("p: %q", m.hint)
		}
	})
}
