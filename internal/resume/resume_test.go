package resume

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

func parse(t *testing.T, md string) *story.Story {
	t.Helper()
	s, err := read.Parse([]byte(md), story.Options{Format: story.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestResumeFrom(t *testing.T) {
	s := parse(t, "# T\n\n## One\n\nx\n\n## Two\n\ny\n\n## Three\n\nz\n")
	tests := []struct {
		name    string
		entry   state.Entry
		hash    string
		section int
		scroll  int
		note    string
	}{
		{"same story", state.Entry{Hash: "h", Section: 2, Scroll: 4, Caption: "Two"}, "h", 2, 4, "resumed at 2 of 3 · g for the cover"},
		{"at the cover", state.Entry{Hash: "h"}, "h", 0, 0, ""},
		{"edited, same sections", state.Entry{Hash: "old", Section: 2, Scroll: 4, Caption: "Two"}, "h", 2, 4, "the story changed: resumed at 2 of 3"},
		{"edited, section moved", state.Entry{Hash: "old", Section: 1, Scroll: 4, Caption: "Three"}, "h", 3, 0, "the story changed: resumed at 3 of 3"},
		{"replaced", state.Entry{Hash: "old", Section: 2, Caption: "Gone"}, "h", 0, 0, "the story changed since you last read it: opened at the cover"},
		{"same hash, fewer sections", state.Entry{Hash: "h", Section: 9, Caption: "Nine"}, "h", 0, 0, "opened at the cover"},
		{"no caption, same count", state.Entry{Hash: "old", Section: 3, Sections: 3}, "h", 3, 0, "resumed at 3 of 3"},
		{"no caption, new count", state.Entry{Hash: "old", Section: 3, Sections: 5}, "h", 0, 0, "opened at the cover"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rp := reopenAt(tt.entry, tt.hash, s)
			if rp.Section != tt.section || rp.Scroll != tt.scroll || !strings.Contains(rp.Note, tt.note) || (tt.note == "") != (rp.Note == "") {
				t.Errorf("got %+v, want section %d scroll %d note %q", rp, tt.section, tt.scroll, tt.note)
			}
		})
	}
}

// TestHashOnlyWhenLookedUp: the content hash is worked out only when a
// position is looked up for a story the state file knows, or keyed by its
// content; --start, --restart and a first reading of a file open without
// it, so the first frame of a long story does not wait for it.
func TestHashOnlyWhenLookedUp(t *testing.T) {
	s := parse(t, "# T\n\n## One\n\nx\n\n## Two\n\ny\n")
	store := state.Open(t.TempDir())
	counted := func(id StoryID) (StoryID, *int) {
		n := new(int)
		hash := id.hash
		id.hash = func() string { *n++; return hash() }
		return id, n
	}
	const text = "# T\n\n## One\n\nx\n\n## Two\n\ny\n"
	file := ByFile("testdata/md/deck.md", text)
	for _, tt := range []struct {
		name   string
		id     StoryID
		asked  Asked
		saved  bool // the state file knows the story
		hashed bool
	}{
		{"first reading of a file", file, Asked{}, false, false},
		{"--start", file, Asked{Start: true}, true, false},
		{"--restart", file, Asked{Restart: true}, true, false},
		{"a file read before", file, Asked{}, true, true},
		{"a pipe, keyed by its content", ByContent(text), Asked{}, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			id, n := counted(tt.id)
			if tt.saved {
				if err := store.Save(state.Entry{Key: id.Key(), Hash: "h", Section: 2, Caption: "Two"}); err != nil {
					t.Fatal(err)
				}
			}
			*n = 0
			Lookup(store, id, s, tt.asked)
			if hashed := *n > 0; hashed != tt.hashed {
				t.Errorf("hashed: %v, want %v", hashed, tt.hashed)
			}
		})
	}
}
