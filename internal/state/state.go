// Package state keeps where the reader stopped in each story, so that
// reopening a story opens it there. Positions live in one small JSON file
// in a directory of the caller's choosing (reel uses the XDG state
// directory), written atomically and merged under a lock, so that two
// readers closing at once lose neither position.
//
// Nothing here ever stops reel: a state file that cannot be read or
// written is reported as an error for --debug, and reading goes on
// without resuming.
package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/reeltui/reel/internal/limit"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Limits on what the store keeps and reads.
const (
	// Limit is the number of stories remembered: the latest read.
	Limit = 1000
	// MaxFileSize caps how much of a state file is read. A thousand
	// entries take a few hundred KB; anything beyond the cap is not a
	// state file reel wrote.
	MaxFileSize = 8 << 20
	// maxField caps each string kept, so that a story with a huge path or
	// caption cannot swell the file.
	maxField = 4096
)

const (
	fileName = "positions.json"
	lockName = "positions.lock"
	badName  = "positions.json.bad"
)

// Entry is where the reader stopped in one story.
type Entry struct {
	// Key says which story: "file:" and an absolute path, "url:" and a
	// URL, or "pipe:" and a content hash.
	Key string `json:"key"`
	// Hash is the content hash of the story as it was last read.
	Hash string `json:"hash,omitempty"`
	// Section is the page (0 is the cover) and Scroll the first line
	// shown of it.
	Section int `json:"section"`
	Scroll  int `json:"scroll,omitempty"`
	// Caption is the section's caption, to find it again after an edit
	// moved it.
	Caption string `json:"caption,omitempty"`
	// Sections is the story's number of sections when it was last read.
	Sections int       `json:"sections,omitempty"`
	Time     time.Time `json:"time"`
}

// file is the state file's shape.
type file struct {
	Version int     `json:"version"`
	Stories []Entry `json:"stories"`
}

// Store is the positions kept in one directory.
type Store struct {
	dir string
	// lockWait bounds how long Save waits for another reel's lock; past
	// it Save merges without the lock rather than hang.
	lockWait time.Duration
}

// Open returns the store kept in dir. It touches nothing on disk.
func Open(dir string) *Store {
	return &Store{dir: dir, lockWait: 2 * time.Second}
}

// Path is the state file's path.
func (s *Store) Path() string { return filepath.Join(s.dir, fileName) }

// errCorrupt marks a state file that was read but is not one reel wrote.
var errCorrupt = errors.New("not a reel state file")

// version is the state file's format. A file of a higher version was
// written by a newer reel: this one neither resumes from it nor writes
// over it, so that going back to an older reel for a day loses nothing.
const version = 1

// NewerError is returned for a state file written by a newer reel.
type NewerError struct {
	Path    string
	Version int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("%s was written by a newer reel (format %d): positions are neither read nor saved", e.Path, e.Version)
}

// Lookup returns the entry kept for key. ok is false when there is none;
// err says why the state file could not be used, if it could not.
func (s *Store) Lookup(key string) (e Entry, ok bool, err error) {
	entries, err := s.load()
	if err != nil {
		return Entry{}, false, err
	}
	for _, e := range entries {
		if e.Key == key {
			return e, true, nil
		}
	}
	return Entry{}, false, nil
}

// load reads the state file. A missing file is no entries and no error.
func (s *Store) load() ([]Entry, error) {
	f, err := openNoBlock(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Path(), err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Path(), err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: not a regular file", s.Path())
	}
	data, err := limit.ReadAll(f, MaxFileSize)
	var large *limit.TooLargeError
	if errors.As(err, &large) {
		return nil, fmt.Errorf("read %s: %w: %w", s.Path(), errCorrupt, err)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Path(), err)
	}
	var st file
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&st); err != nil || st.Version < version {
		return nil, fmt.Errorf("read %s: %w", s.Path(), errCorrupt)
	}
	if st.Version > version {
		return nil, &NewerError{Path: s.Path(), Version: st.Version}
	}
	return st.Stories, nil
}

// Save records e (its Time set to now if zero), merged with what the
// file holds now: the entry for e.Key is replaced, the others kept, and
// only the latest Limit kept. It writes a temporary file in the same
// directory and renames it over the old one, so a reader never sees half
// a file. A state file that is not one reel wrote is kept aside as
// positions.json.bad, not lost; one that cannot be read, or that a newer
// reel wrote, is left alone and nothing is saved.
func (s *Store) Save(e Entry) error {
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	e.Key, e.Hash, e.Caption = cut(e.Key), cut(e.Hash), cut(e.Caption)
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("state directory: %w", err)
	}
	unlock := s.lock()
	defer unlock()
	old, err := s.load()
	if errors.Is(err, errCorrupt) {
		if err := os.Rename(s.Path(), filepath.Join(s.dir, badName)); err != nil {
			return fmt.Errorf("keep the unreadable state file aside: %w", err)
		}
		old = nil
	} else if err != nil {
		return err
	}
	return s.write(merge(old, e))
}

// merge puts e in place of the entry with its key and keeps the latest
// Limit entries, newest first.
func merge(old []Entry, e Entry) []Entry {
	out := make([]Entry, 0, min(len(old)+1, Limit))
	out = append(out, e)
	for _, o := range old {
		if o.Key != e.Key && o.Key != "" {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return b.Time.Compare(a.Time) })
	if len(out) > Limit {
		out = out[:Limit]
	}
	return out
}

func (s *Store) write(entries []Entry) error {
	data, err := json.Marshal(file{Version: version, Stories: entries})
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(s.dir, fileName+".*.tmp")
	if err != nil {
		return fmt.Errorf("write state: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write state: %w", err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write state: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.Path()); err != nil {
		return fmt.Errorf("write state: %w", err)
	}
	return nil
}

// cut keeps at most maxField bytes of s, on a rune boundary.
func cut(s string) string {
	if len(s) <= maxField {
		return s
	}
	i := maxField
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i]
}
