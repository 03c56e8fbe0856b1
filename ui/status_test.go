package ui

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestStatusHintShowsWholeKeys: the status bar's key hint never cuts a
// key's words ("←/h pr…"), and keeps "? help", the way to every other
// key, at any width where a hint shows at all.
func TestStatusHintShowsWholeKeys(t *testing.T) {
	s, err := read.Parse([]byte("---\ntitle: 'Markdown Presentation Tool: lookatme'\n---\n\n# One\n\nText.\n\n# Two\n\nMore.\n"), story.Options{Name: "l.md"})
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

// TestStatusHintOffersOnlyLiveKeys: the hint offers no previous page on
// the cover and no next page on the last page, where those keys do
// nothing, and both in between.
func TestStatusHintOffersOnlyLiveKeys(t *testing.T) {
	s, err := read.Parse([]byte("# One\n\nText.\n\n# Two\n\nMore.\n\n# Three\n\nLast.\n"), story.Options{Name: "d.md"})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(s, 120, 16)
	for _, step := range []struct {
		keys       string
		next, prev bool
	}{{"", true, false}, {"right", true, true}, {"G", false, true}} {
		m = runKeys(t, m, step.keys)
		lines := strings.Split(frame(m), "\n")
		bar := lines[len(lines)-1]
		if got := strings.Contains(bar, "next page"); got != step.next {
			t.Errorf("after %q: next page offered %v, want %v: %q", step.keys, got, step.next, bar)
		}
		if got := strings.Contains(bar, "previous page"); got != step.prev {
			t.Errorf("after %q: previous page offered %v, want %v: %q", step.keys, got, step.prev, bar)
		}
	}
}

// TestStatusNoteShowsDuringASearch: a note of the reader's own, such as
// where a number past the end has led, shows on the status bar while a
// search is on; the search then says less. The long search status left
// no room, and the note was dropped unsaid.
func TestStatusNoteShowsDuringASearch(t *testing.T) {
	deck := loadStory(t, "../testdata/md/deck.md")
	for _, w := range []int{80, 100} {
		m := runKeys(t, search(t, newTestModel(deck, w, 24), "egret"), "9 enter")
		lines := strings.Split(frame(m), "\n")
		bar := lines[len(lines)-1]
		if !strings.Contains(bar, "the story has 3 sections") || !strings.Contains(bar, "3 / 3") {
			t.Errorf("%d columns: the status bar lacks the note or the position: %q", w, bar)
		}
		if !strings.Contains(bar, "2 matches") {
			t.Errorf("%d columns: the search's count is gone: %q", w, bar)
		}
	}
}
