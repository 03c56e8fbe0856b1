package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"github.com/adrg/xdg"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// stateDir is where reel keeps reading positions: $XDG_STATE_HOME/reel,
// or the platform's equivalent. xdg reads the environment when the
// program starts, so tests set XDG_STATE_HOME for the process they run.
func stateDir() string { return filepath.Join(xdg.StateHome, "reel") }

// stateOff reports whether the reader asked reel to keep nothing on disk.
func stateOff(cfg config) bool {
	return cfg.noState || os.Getenv("REEL_NO_STATE") == "1"
}

// storyID names a story in the state file (key) and tells its versions
// apart (hash). The hash is worked out when first asked for, once:
// hashing a long story takes milliseconds that the first frame need not
// wait for when no position is looked up before it (--start, --restart,
// a file read for the first time), and then only the saving of the
// position at the end needs it.
type storyID struct {
	// file is the key of a file ("file:" and its absolute path) or a URL
	// ("url:" and the address the reader gave); "" for a pipe or the
	// bundled sample, which are keyed by their content.
	file string
	hash func() string
}

// newStoryID names the story read from name: a file by its absolute path,
// a URL by itself, and a pipe (or the bundled sample) by its content.
func newStoryID(cfg config, name string, data string) storyID {
	id := storyID{hash: sync.OnceValue(func() string { return contentHash(data) })}
	switch {
	case cfg.path == "" || name == "-":
	case isURL(cfg.path):
		// The address the reader gave, which stays the same when the
		// page it leads to does not.
		id.file = "url:" + cfg.path
	default:
		abs, err := filepath.Abs(name)
		if err != nil {
			abs = name
		}
		id.file = "file:" + abs
	}
	return id
}

// key is the story's key in the state file.
func (id storyID) key() string {
	if id.file == "" {
		return "pipe:" + id.hash()
	}
	return id.file
}

// contentHash is the hash of a story's text, so that a file that changed
// can be told apart.
func contentHash(data string) string {
	// Hashed in place: a copy of a 2 MB story as bytes would cost a
	// garbage collection before the first frame.
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(data), len(data)))
	return hex.EncodeToString(sum[:16])
}

// resumePoint is where a story reopens, and what the status bar says
// about it.
type resumePoint struct {
	section, scroll int
	note            string // for the status bar
	why             string // for --debug
}

// resumeFrom finds where to reopen s from the entry kept for it. A file
// that changed reopens at the section with the same caption; one whose
// section is gone reopens at the cover and says so.
func resumeFrom(e state.Entry, hash string, s *story.Story) resumePoint {
	n := s.Len()
	if e.Section <= 0 {
		return resumePoint{why: "last read at the cover"}
	}
	at := func(sec, scroll int, changed string) resumePoint {
		note := fmt.Sprintf("resumed at %d of %d · g for the cover", sec, n)
		if changed != "" {
			note = changed + ": " + note
		}
		return resumePoint{section: sec, scroll: scroll, note: note, why: fmt.Sprintf("section %d of %d, line %d", sec, n, scroll)}
	}
	if e.Hash == hash && e.Section <= n {
		return at(e.Section, e.Scroll, "")
	}
	// The story changed: find the section by its caption, nearest first.
	if e.Caption != "" {
		if i, ok := s.NearestCaption(e.Caption, e.Section-1, n); ok {
			scroll := e.Scroll
			if i != e.Section-1 {
				scroll = 0
			}
			return at(i+1, scroll, "the story changed")
		}
	} else if e.Sections == n && e.Section <= n {
		return at(e.Section, 0, "the story changed")
	}
	return resumePoint{
		note: "the story changed since you last read it: opened at the cover",
		why:  fmt.Sprintf("the story changed and section %d (%q) is gone", e.Section, story.OneLine(e.Caption)),
	}
}

// lookupResume returns where to reopen the story, unless the command line
// chose a page or state is off.
func lookupResume(cfg config, store *state.Store, id storyID, s *story.Story) resumePoint {
	switch {
	case store == nil:
		return resumePoint{why: "off (--no-state or REEL_NO_STATE=1)"}
	case cfg.restart:
		return resumePoint{why: "not looked up: --restart"}
	case cfg.startSet:
		return resumePoint{why: "not looked up: --start"}
	}
	e, ok, err := store.Lookup(id.key())
	switch {
	case err != nil:
		return resumePoint{why: "none: " + err.Error()}
	case !ok:
		return resumePoint{why: "none: first reading"}
	}
	return resumeFrom(e, id.hash(), s)
}

// savePosition records where the reader stopped; hash is the content
// hash of the story last shown. It never fails reel: the error it returns
// is for --debug-style reporting only.
func savePosition(store *state.Store, id storyID, hash func() string, p ui.Position) error {
	if store == nil {
		return nil
	}
	return store.Save(state.Entry{Key: id.key(), Hash: hash(), Section: p.Section, Scroll: p.Scroll, Caption: p.Caption, Sections: p.Sections})
}
