package resume

import (
	"strings"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/feed"
)

func feedStory(t *testing.T, ids ...string) *story.Story {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>F</title><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="https://e.example/feed"/>`)
	for _, id := range ids {
		b.WriteString("<item><title>" + id + "</title><guid>" + id + "</guid></item>")
	}
	b.WriteString("</channel></rss>")
	s, err := feed.Parse([]byte(b.String()), feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLookupFeed checks that a feed opens at its first item not seen
// before, says how many are new, and that --start and --restart win.
func TestLookupFeed(t *testing.T) {
	store := state.Open(t.TempDir())
	old := feedStory(t, "c", "b", "a")
	id := ByFeedLink(old, "data")
	if want := "feed:" + strings.TrimPrefix(ByURL("https://e.example/feed", "").Key(), "url:"); id.Key() != want || strings.Contains(id.Key(), "e.example") {
		t.Fatalf("key %q", id.Key())
	}
	now := time.Date(2026, 12, 10, 12, 0, 0, 0, time.Local) // a Thursday
	if fp := LookupFeed(store, id, old, Asked{}, now); fp.Section != 0 || fp.Note != "" {
		t.Errorf("first reading: %+v", fp)
	}
	// Items c and b were on screen; a was not.
	last := time.Date(2026, 12, 8, 9, 0, 0, 0, time.Local) // Tuesday
	if err := store.Save(state.Entry{Key: id.Key(), Section: 2, Time: last, Seen: state.MarkSeen("", state.SeenID("c"), state.SeenID("b"))}); err != nil {
		t.Fatal(err)
	}
	next := feedStory(t, "e", "d", "c", "b", "a")
	fp := LookupFeed(store, id, next, Asked{}, now)
	if fp.Section != 1 || !strings.HasPrefix(fp.Note, "3 new since Tuesday") {
		t.Errorf("got %+v, want section 1 and 3 new since Tuesday", fp.Point)
	}
	// Counting them named each item without reading it whole: a long
	// feed opens as soon as the page it opens at is read.
	for i := range next.Len() {
		if _, parsed := next.ParsedSteps(i); parsed {
			t.Errorf("finding the new items read item %d whole", i+1)
		}
	}
	if fp := LookupFeed(store, id, next, Asked{Start: true}, now); fp.Section != 0 || fp.Seen == "" {
		t.Errorf("--start: %+v", fp)
	}
	if fp := LookupFeed(store, id, next, Asked{Restart: true}, now); fp.Section != 0 || fp.Note != "" {
		t.Errorf("--restart: %+v", fp)
	}
	// Everything seen: back where the reader stopped, nothing new.
	if err := SaveFeed(store, id, func() string { return "h" }, Place{Section: 4, Caption: "b", Sections: 5}, []string{"e", "d", "a"}); err != nil {
		t.Fatal(err)
	}
	fp = LookupFeed(store, id, next, Asked{}, now)
	if !strings.HasPrefix(fp.Note, "nothing new since") || fp.Section != 4 {
		t.Errorf("nothing new: %+v", fp.Point)
	}
	seen := SeenBefore(store, id)
	for _, item := range []string{"a", "b", "c", "d", "e"} {
		if !seen(item) {
			t.Errorf("item %s is not remembered as seen", item)
		}
	}
	if seen("f") {
		t.Error("an item never shown counts as seen")
	}
}

func TestNewSince(t *testing.T) {
	now := time.Date(2026, 12, 10, 12, 0, 0, 0, time.Local)
	for _, tt := range []struct {
		n    int
		last time.Time
		want string
	}{
		{3, time.Date(2026, 12, 8, 9, 0, 0, 0, time.Local), "3 new since Tuesday"},
		{1, time.Date(2026, 12, 9, 23, 0, 0, 0, time.Local), "1 new since yesterday"},
		{0, time.Date(2026, 12, 10, 8, 5, 0, 0, time.Local), "nothing new since 08:05"},
		{2, time.Date(2026, 11, 2, 8, 5, 0, 0, time.Local), "2 new since 2 November"},
		{2, time.Date(2025, 11, 2, 8, 5, 0, 0, time.Local), "2 new since 2 November 2025"},
		{5, time.Time{}, "5 new"},
	} {
		if got := NewSince(tt.n, tt.last, now); got != tt.want {
			t.Errorf("NewSince(%d, %v) = %q, want %q", tt.n, tt.last, got, tt.want)
		}
	}
}
