// Package resume is the policy for reopening a story where the reader
// stopped: how a story is keyed in the state file, where a story that
// changed reopens, and what the status bar and --debug say about it.
package resume

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
)

// StateDir is where reel keeps reading positions: $XDG_STATE_HOME/reel,
// or the platform's equivalent. xdg reads the environment when the
// program starts, so tests set XDG_STATE_HOME for the process they run.
func StateDir() string { return filepath.Join(xdg.StateHome, "reel") }

// Off reports whether the reader asked reel to keep nothing on disk:
// noState (--no-state), or REEL_NO_STATE=1.
func Off(noState bool) bool {
	return noState || os.Getenv("REEL_NO_STATE") == "1"
}

// StoryID names a story in the state file (key) and tells its versions
// apart (hash). The hash is worked out when first asked for, once:
// hashing a long story takes milliseconds that the first frame need not
// wait for when no position is looked up before it (--start, --restart,
// a file read for the first time), and then only the saving of the
// position at the end needs it.
type StoryID struct {
	// file is the key of a file ("file:" and its absolute path) or a URL
	// ("url:" and the address the reader gave); "" for a pipe or the
	// bundled sample, which are keyed by their content.
	file string
	hash func() string
}

// ByContent names a story that has no name of its own, a pipe or the
// bundled sample, by its text.
func ByContent(data string) StoryID {
	return StoryID{hash: sync.OnceValue(func() string { return ContentHash(data) })}
}

// ByURL names a web story by the address the reader gave, which stays the
// same when the page it leads to does not.
func ByURL(addr, data string) StoryID {
	id := ByContent(data)
	id.file = "url:" + addr
	return id
}

// ByFile names a story file by its absolute path.
func ByFile(name, data string) StoryID {
	id := ByContent(data)
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	id.file = "file:" + abs
	return id
}

// Key is the story's key in the state file.
func (id StoryID) Key() string {
	if id.file == "" {
		return "pipe:" + id.hash()
	}
	return id.file
}

// Hash is the content hash of the story as read.
func (id StoryID) Hash() string { return id.hash() }

// ContentHash is the hash of a story's text, so that a file that changed
// can be told apart.
func ContentHash(data string) string {
	// Hashed in place: a copy of a 2 MB story as bytes would cost a
	// garbage collection before the first frame.
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(data), len(data)))
	return hex.EncodeToString(sum[:16])
}

// Point is where a story reopens, and what the status bar says about it.
type Point struct {
	Section, Scroll int
	Note            string // for the status bar
	Why             string // for --debug
}

// reopenAt finds where to reopen s from the entry kept for it. A file that
// changed reopens at the section with the same caption; one whose section
// is gone reopens at the cover and says so.
func reopenAt(e state.Entry, hash string, s *story.Story) Point {
	n := s.Len()
	if e.Section <= 0 {
		return Point{Why: "last read at the cover"}
	}
	at := func(sec, scroll int, changed string) Point {
		note := fmt.Sprintf("resumed at %d of %d · g for the cover", sec, n)
		if changed != "" {
			note = changed + ": " + note
		}
		return Point{Section: sec, Scroll: scroll, Note: note, Why: fmt.Sprintf("section %d of %d, line %d", sec, n, scroll)}
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
	return Point{
		Note: "the story changed since you last read it: opened at the cover",
		Why:  fmt.Sprintf("the story changed and section %d (%q) is gone", e.Section, story.OneLine(e.Caption)),
	}
}

// Asked is what the command line asked for that overrides resuming.
type Asked struct {
	Restart bool // --restart
	Start   bool // --start, even as 0
}

// Lookup returns where to reopen the story, unless the command line chose
// a page or state is off (store is nil).
func Lookup(store *state.Store, id StoryID, s *story.Story, asked Asked) Point {
	switch {
	case store == nil:
		return Point{Why: "off (--no-state or REEL_NO_STATE=1)"}
	case asked.Restart:
		return Point{Why: "not looked up: --restart"}
	case asked.Start:
		return Point{Why: "not looked up: --start"}
	}
	e, ok, err := store.Lookup(id.Key())
	switch {
	case err != nil:
		return Point{Why: "none: " + err.Error()}
	case !ok:
		return Point{Why: "none: first reading"}
	}
	return reopenAt(e, id.hash(), s)
}

// Place is where the reader stopped.
type Place struct {
	Section, Scroll int
	Caption         string // of the section, to find it again in a changed story
	Sections        int    // in the story then
}

// Save records where the reader stopped; hash is the content hash of the
// story last shown. It never fails reel: the error it returns is for
// --debug-style reporting only.
func Save(store *state.Store, id StoryID, hash func() string, p Place) error {
	if store == nil {
		return nil
	}
	return store.Save(state.Entry{Key: id.Key(), Hash: hash(), Section: p.Section, Scroll: p.Scroll, Caption: p.Caption, Sections: p.Sections})
}
