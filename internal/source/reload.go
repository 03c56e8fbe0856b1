package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/watch"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// reloadSettle is how long a file must be quiet before reel reloads it:
// long enough for an editor's write and rename, short enough to feel
// immediate.
const reloadSettle = 150 * time.Millisecond

// liveStory reloads a story's file whenever it changes, reading and
// parsing it off the UI goroutine, and sends the result to the reader.
type liveStory struct {
	cfg  config
	name string
	w    *watch.Watcher
	done chan struct{}

	mu    sync.Mutex
	first func() string // the hash of the story as first read
	hash  string        // of the story on screen, once reloaded
}

// watchable reports whether the story is a file reel can follow: not a
// pipe, a URL, the bundled sample or a FIFO, and not turned off.
func watchable(cfg config, name string) bool {
	if cfg.noWatch || cfg.path == "" || name == "-" || isURL(cfg.path) {
		return false
	}
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

// startLive follows the story's file, sending ui.ReloadMsg through send.
// first returns the content hash of the story as first read; it is asked
// for only when the file changes.
func startLive(cfg config, name string, first func() string, send func(tea.Msg)) (*liveStory, error) {
	w, err := watch.File(name, reloadSettle)
	if err != nil {
		return nil, err
	}
	ls := &liveStory{cfg: cfg, name: name, w: w, first: first, done: make(chan struct{})}
	go ls.run(send)
	return ls, nil
}

// Hash is the content hash of the story shown.
func (ls *liveStory) Hash() string {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.hash == "" {
		ls.hash = ls.first()
	}
	return ls.hash
}

// Stop stops following the file and waits for a reload under way.
func (ls *liveStory) Stop() {
	ls.w.Close()
	<-ls.done
}

func (ls *liveStory) run(send func(tea.Msg)) {
	defer close(ls.done)
	for range ls.w.Changes() {
		if msg, ok := ls.reload(); ok {
			send(msg)
		}
	}
}

// reload reads and parses the file. ok is false when there is nothing to
// say: the file was touched but reads the same.
func (ls *liveStory) reload() (msg ui.ReloadMsg, ok bool) {
	base := story.OneLine(filepath.Base(ls.name))
	data, err := readRegular(ls.name, ls.cfg.maxSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ui.ReloadMsg{Problem: base + " was moved or deleted: showing the last version read"}, true
	case err != nil:
		return ui.ReloadMsg{Problem: "not reloaded: " + fileError(base, err).Error()}, true
	}
	hash := contentHash(string(data))
	if hash == ls.Hash() {
		return ui.ReloadMsg{}, false
	}
	s, err := story.Parse(data, story.Options{Format: ls.cfg.format, Name: ls.name})
	if err != nil {
		return ui.ReloadMsg{Problem: "not reloaded: " + err.Error()}, true
	}
	ls.mu.Lock()
	ls.hash = hash
	ls.mu.Unlock()
	return ui.ReloadMsg{Story: s}, true
}

// readRegular reads a regular file of at most limit bytes.
func readRegular(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return story.ReadAll(f, limit)
}
