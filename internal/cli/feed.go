package cli

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/reeltui/reel/internal/resume"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// feedStoryID names a piped feed by its own link or id, so that its seen
// items are found again the next time it is piped in, changed. A feed
// from a file or a URL keeps its path or address.
func feedStoryID(cfg config, ld source.Loaded, id resume.StoryID) resume.StoryID {
	if ld.Story.Feed == nil || !(cfg.path == "" || ld.Name == "-") {
		return id
	}
	return resume.ByFeedLink(ld.Story, ld.Data)
}

// lookupFeed is where a feed opens: at its first new item.
func lookupFeed(cfg config, store *state.Store, id resume.StoryID, s *story.Story) resume.Point {
	return resume.LookupFeed(store, id, s, resume.Asked{Restart: cfg.restart, Start: cfg.startSet}, time.Now()).Point
}

// feedOptions give the reader of a feed what it cannot reach itself: the
// items seen before, the web for an item's link, and the feed again.
func feedOptions(cfg config, ld source.Loaded, store *state.Store, id resume.StoryID) ui.FeedOptions {
	if ld.Story.Feed == nil {
		return ui.FeedOptions{}
	}
	opt := ui.FeedOptions{
		Seen: resume.SeenBefore(store, id),
		Open: func(ctx context.Context, link string) (*story.Story, error) {
			return source.OpenLink(ctx, link, source.LinkOptions{Feed: ld.Base, MaxSize: cfg.maxSize, UserAgent: cfg.userAgent()})
		},
	}
	if cfg.path != "" && cfg.path != "-" {
		// A file or a URL can be read again; a pipe cannot.
		opt.Reload = func(context.Context) (*story.Story, error) {
			req := source.Request{Path: cfg.path, Format: cfg.format, MaxSize: cfg.maxSize, UserAgent: cfg.userAgent()}
			again, err := source.Load(req, os.Stdin, true, io.Discard, func() {})
			if err != nil {
				return nil, err
			}
			return again.Story, nil
		}
	}
	return opt
}

// saveReading records where the reader stopped, and for a feed the items
// that were on screen.
func saveReading(store *state.Store, id resume.StoryID, hash func() string, fm ui.Model) error {
	p := fm.Position()
	if shown := fm.FeedShown(); shown != nil || fm.IsFeed() {
		return resume.SaveFeed(store, id, hash, resume.Place{Section: p.Section, Scroll: p.Scroll, Caption: p.Caption, Sections: p.Sections}, shown)
	}
	return savePosition(store, id, hash, p)
}
