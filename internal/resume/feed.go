package resume

import (
	"fmt"
	"strings"
	"time"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
)

// ByFeedLink names a piped feed by what it says it is: its own address,
// its id, else its site. A feed that says none of these is named by its
// content, as any pipe is (and its new items cannot be told apart).
func ByFeedLink(s *story.Story, data string) StoryID {
	id := ByContent(data)
	if s.Feed == nil {
		return id
	}
	for _, name := range []string{s.Feed.Self, s.Feed.ID, s.Feed.Link} {
		if name != "" {
			// Kept as a hash, as a URL is (ByURL): the state file
			// names no address.
			id.file = "feed:" + strings.TrimPrefix(ByURL(name, "").file, "url:")
			break
		}
	}
	return id
}

// FeedPoint is where a feed opens, and the seen items kept for it.
type FeedPoint struct {
	Point
	// Seen is the state file's record of the feed's seen items
	// (state.Entry.Seen), "" for none.
	Seen string
}

// SeenBefore returns whether each of a feed's items (by its
// story.FeedItem.ID) was on screen in an earlier reading: nil when state
// is off or holds nothing for the feed.
func SeenBefore(store *state.Store, id StoryID) func(itemID string) bool {
	if store == nil {
		return nil
	}
	e, ok, err := store.Lookup(id.Key())
	if err != nil || !ok || e.Seen == "" {
		return nil
	}
	set := state.SeenSet(e.Seen)
	return func(itemID string) bool { return set[state.SeenID(itemID)] }
}

// LookupFeed returns where a feed opens: at its first item not seen
// before, with a note that says how many are new and since when; at the
// place the reader stopped when nothing is new. --start and --restart
// win over both.
func LookupFeed(store *state.Store, id StoryID, s *story.Story, asked Asked, now time.Time) FeedPoint {
	switch {
	case store == nil:
		return FeedPoint{Point: Point{Why: "off (--no-state or REEL_NO_STATE=1)"}}
	case asked.Restart:
		return FeedPoint{Point: Point{Why: "not looked up: --restart"}}
	}
	e, ok, err := store.Lookup(id.Key())
	switch {
	case err != nil:
		return FeedPoint{Point: Point{Why: "none: " + err.Error()}}
	case !ok:
		return FeedPoint{Point: Point{Why: "none: first reading, every item is new"}}
	}
	fp := FeedPoint{Seen: e.Seen}
	if asked.Start {
		fp.Why = "not looked up: --start"
		return fp
	}
	set := state.SeenSet(e.Seen)
	first, n := -1, 0
	for i := range s.Len() {
		if id, ok := s.ItemID(i); ok && !set[state.SeenID(id)] {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if n == 0 {
		fp.Point = reopenAt(e, id.Hash(), s)
		fp.Note = NewSince(0, e.Time, now)
		return fp
	}
	fp.Point = Point{Section: first + 1, Note: NewSince(n, e.Time, now) + " · u next new",
		Why: fmt.Sprintf("%d new items, the first is section %d", n, first+1)}
	return fp
}

// NewSince says how many items are new since the reader last read the
// feed, at last: "3 new since Tuesday", "1 new since yesterday",
// "nothing new since 14:05".
func NewSince(n int, last, now time.Time) string {
	what := "nothing new"
	if n > 0 {
		what = fmt.Sprintf("%d new", n)
	}
	if last.IsZero() {
		return what
	}
	last, now = last.Local(), now.Local()
	y1, m1, d1 := last.Date()
	y2, m2, d2 := now.Date()
	days := int(time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	var when string
	switch {
	case days <= 0:
		when = last.Format("15:04")
	case days == 1:
		when = "yesterday"
	case days < 7:
		when = last.Weekday().String()
	case y1 == y2:
		when = last.Format("2 January")
	default:
		when = last.Format("2 January 2006")
	}
	return what + " since " + when
}

// SaveFeed records where the reader stopped in a feed, and the items
// that were on screen (their story.FeedItem.IDs) with the ones seen
// before, as the state file holds them now (another reel may have added
// some).
func SaveFeed(store *state.Store, id StoryID, hash func() string, p Place, shown []string) error {
	if store == nil {
		return nil
	}
	e, _, err := store.Lookup(id.Key())
	if err != nil {
		return err
	}
	seen := e.Seen
	ids := make([]string, len(shown))
	for i, s := range shown {
		ids[i] = state.SeenID(s)
	}
	return store.Save(state.Entry{Key: id.Key(), Hash: hash(), Section: p.Section, Scroll: p.Scroll, Caption: p.Caption,
		Sections: p.Sections, Seen: state.MarkSeen(seen, ids...)})
}
