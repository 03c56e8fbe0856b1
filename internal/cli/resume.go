package cli

import (
	"github.com/reeltui/reel/internal/resume"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// newStoryID names the story read from name: a file by its absolute path,
// a URL by itself, and a pipe (or the bundled sample) by its content.
func newStoryID(cfg config, name string, data string) resume.StoryID {
	switch {
	case cfg.path == "" || name == "-":
		return resume.ByContent(data)
	case source.IsURL(cfg.path):
		return resume.ByURL(cfg.path, data)
	}
	return resume.ByFile(name, data)
}

// lookupResume returns where to reopen the story, unless the command line
// chose a page or state is off.
func lookupResume(cfg config, store *state.Store, id resume.StoryID, s *story.Story) resume.Point {
	return resume.Lookup(store, id, s, resume.Asked{Restart: cfg.restart, Start: cfg.startSet})
}

// savePosition records where the reader stopped in the story last shown,
// whose content hash is hash.
func savePosition(store *state.Store, id resume.StoryID, hash func() string, p ui.Position) error {
	return resume.Save(store, id, hash, resume.Place{Section: p.Section, Scroll: p.Scroll, Caption: p.Caption, Sections: p.Sections})
}

// watchable reports whether the story is a file reel can follow: not a
// pipe, a URL, the bundled sample or a FIFO, and not turned off.
func watchable(cfg config, name string) bool {
	return !cfg.noWatch && source.Watchable(cfg.path, name)
}
