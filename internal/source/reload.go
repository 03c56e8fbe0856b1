package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/reeltui/reel/internal/watch"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// ReloadSettle is how long a file must be quiet before reel reloads it:
// long enough for an editor's write and rename, short enough to feel
// immediate.
const ReloadSettle = 150 * time.Millisecond

// Reload is what a change to the story's file brought: the story read
// again, or the problem that kept it from being read.
type Reload struct {
	Story   *story.Story
	Problem string
}

// LiveOptions say how a story file is followed.
type LiveOptions struct {
	Format  story.Format
	MaxSize int64
	// First returns the content hash of the story as first read; it is
	// asked for only when the file changes.
	First func() string
	// Hash is the content hash of a story's text.
	Hash func(data string) string
}

// Live reloads a story's file whenever it changes, reading and parsing
// it off the UI goroutine, and sends the result to the reader.
type Live struct {
	opt  LiveOptions
	name string
	w    *watch.Watcher
	done chan struct{}

	mu   sync.Mutex
	hash string // of the story on screen, once reloaded
}

// Watchable reports whether the story read from name is a file reel can
// follow: not a pipe, a URL, the bundled sample or a FIFO. path is the
// story as the command line names it.
func Watchable(path, name string) bool {
	if path == "" || name == "-" || IsURL(path) {
		return false
	}
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

// StartLive follows the story's file, sending what each change brings
// through send.
func StartLive(name string, opt LiveOptions, send func(Reload)) (*Live, error) {
	w, err := watch.File(name, ReloadSettle)
	if err != nil {
		return nil, err
	}
	ls := &Live{opt: opt, name: name, w: w, done: make(chan struct{})}
	go ls.run(send)
	return ls, nil
}

// Hash is the content hash of the story shown.
func (ls *Live) Hash() string {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.hash == "" {
		ls.hash = ls.opt.First()
	}
	return ls.hash
}

// Stop stops following the file and waits for a reload under way.
func (ls *Live) Stop() {
	ls.w.Close()
	<-ls.done
}

func (ls *Live) run(send func(Reload)) {
	defer close(ls.done)
	for range ls.w.Changes() {
		if msg, ok := ls.reload(); ok {
			send(msg)
		}
	}
}

// reload reads and parses the file. ok is false when there is nothing to
// say: the file was touched but reads the same.
func (ls *Live) reload() (msg Reload, ok bool) {
	base := story.OneLine(filepath.Base(ls.name))
	data, err := readRegular(ls.name, ls.opt.MaxSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Reload{Problem: base + " was moved or deleted: showing the last version read"}, true
	case err != nil:
		return Reload{Problem: "not reloaded: " + fileError(base, err).Error()}, true
	}
	hash := ls.opt.Hash(string(data))
	if hash == ls.Hash() {
		return Reload{}, false
	}
	s, err := read.Parse(data, story.Options{Format: ls.opt.Format, Name: ls.name})
	if err != nil {
		return Reload{Problem: "not reloaded: " + err.Error()}, true
	}
	ls.mu.Lock()
	ls.hash = hash
	ls.mu.Unlock()
	return Reload{Story: s}, true
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
	return read.ReadAll(f, limit)
}
