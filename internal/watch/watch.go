// Package watch tells when a file, or one of a set of files, changes on
// disk. It watches each file's directory, not the file, so that editors
// that save by writing a new file and renaming it over the old one are
// followed, and it lets a burst of changes settle before it says so.
package watch

import (
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/reeltui/reel/internal/guard"
)

// Watcher follows a set of files.
type Watcher struct {
	fs      *fsnotify.Watcher
	settle  time.Duration
	most    time.Duration
	changes chan struct{}
	done    chan struct{}

	mu sync.Mutex
	// files maps each file's clean absolute path to where its symbolic
	// links lead, if anywhere else ("" if nowhere).
	files map[string]string
	names map[string]bool // the files and their targets: what run reports
	dirs  map[string]bool // the directories watched
}

// File watches path. A change is reported on Changes once the file has
// been quiet for settle, or, for a file that never stops changing, at
// least every four settles: a writer that saves a hundred times a second
// still shows its work, and never floods the reader.
func File(path string, settle time.Duration) (*Watcher, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	abs = filepath.Clean(abs)
	w, err := newWatcher(settle)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	if err := w.Follow([]string{abs}); err != nil {
		w.fs.Close()
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	guard.Go("watch", w.run, nil) // run closes Changes however it ends
	return w, nil
}

// Files watches the files of paths, as File does one; a change to any
// of them is reported. Files whose directory cannot be watched are left
// out; the error says why, and the others are watched all the same.
func Files(paths []string, settle time.Duration) (*Watcher, error) {
	w, err := newWatcher(settle)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	err = w.Follow(paths)
	guard.Go("watch", w.run, nil)
	return w, err
}

func newWatcher(settle time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	return &Watcher{
		fs:      fw,
		settle:  settle,
		most:    4 * settle,
		changes: make(chan struct{}, 1),
		done:    make(chan struct{}),
		files:   map[string]string{},
		names:   map[string]bool{},
		dirs:    map[string]bool{},
	}, nil
}

// Follow makes paths the files watched, in place of those watched
// before. A file whose directory cannot be watched is left out, and the
// first such error returned.
func (w *Watcher) Follow(paths []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	files := make(map[string]string, len(paths))
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		abs = filepath.Clean(abs)
		files[abs] = w.files[abs]
	}
	w.files = files
	for p := range files {
		w.follow(p)
	}
	return w.sync()
}

// Add watches paths as well as the files watched already.
func (w *Watcher) Add(paths []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	added := false
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if abs = filepath.Clean(abs); w.hasFile(abs) {
			continue
		}
		w.follow(abs)
		added = true
	}
	if !added {
		return nil
	}
	return w.sync()
}

// hasFile reports whether p is watched. It runs under w.mu.
func (w *Watcher) hasFile(p string) bool {
	_, ok := w.files[p]
	return ok
}

// follow watches where file p's symbolic link leads now: a link changes
// when its target does, and a link pointed at another file must follow
// that file from then on. A directory that cannot be watched leaves the
// link's own directory watched, which still sees the link change. It
// runs under w.mu; sync brings the directories watched up to date.
func (w *Watcher) follow(p string) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return
	}
	if target = filepath.Clean(target); target == p {
		target = ""
	}
	w.files[p] = target
}

// sync watches the directories of the files and their targets, and no
// others, and names them for run. It runs under w.mu, and returns the
// first error of a file's own directory (a target's may fail: its
// link's directory still sees the link change).
func (w *Watcher) sync() error {
	names := map[string]bool{}
	need := map[string]bool{}
	for p, target := range w.files {
		names[p], need[filepath.Dir(p)] = true, true
		if target != "" {
			names[target], need[filepath.Dir(target)] = true, true
		}
	}
	var first error
	for d := range need {
		if w.dirs[d] {
			continue
		}
		if err := w.fs.Add(d); err != nil {
			if first == nil {
				first = w.ownDirError(d, err)
			}
			continue
		}
		w.dirs[d] = true
	}
	for d := range w.dirs {
		if !need[d] {
			_ = w.fs.Remove(d)
			delete(w.dirs, d)
		}
	}
	w.names = names
	return first
}

// ownDirError is err if d is the directory of one of the files
// themselves, not only of a link's target; nil otherwise.
func (w *Watcher) ownDirError(d string, err error) error {
	for p := range w.files {
		if filepath.Dir(p) == d {
			return err
		}
	}
	return nil
}

// Changes receives once after each burst of changes to the file: written,
// created, renamed over, removed. Changes that come while one is waiting
// to be received are folded into it. It is closed by Close.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Close stops watching.
func (w *Watcher) Close() error {
	err := w.fs.Close()
	<-w.done
	return err
}

func (w *Watcher) run() {
	defer close(w.done)
	defer close(w.changes)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var first time.Time // when the burst being settled began; zero if none
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.event(filepath.Clean(ev.Name)) {
				continue
			}
			w.touched(timer, &first)
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			// An overflow may have hidden a change to the file: look.
			w.touched(timer, &first)
		case <-timer.C:
			first = time.Time{}
			select {
			case w.changes <- struct{}{}:
			default: // one is already waiting
			}
		}
	}
}

// event reports whether a change to name is one to report, and follows
// a file's link again when the file itself changed.
func (w *Watcher) event(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.names[name] {
		return false
	}
	if _, ok := w.files[name]; ok {
		w.follow(name)
		_ = w.sync()
	}
	return true
}

// touched starts or extends the settle timer, but never past most since
// the burst began.
func (w *Watcher) touched(timer *time.Timer, first *time.Time) {
	now := time.Now()
	if first.IsZero() {
		*first = now
	}
	timer.Reset(settleWait(now.Sub(*first), w.settle, w.most))
}

// settleWait is how long to wait for quiet after a change, when the
// burst it belongs to began since ago: settle, but never past most since
// the burst began.
func settleWait(since, settle, most time.Duration) time.Duration {
	return min(settle, max(0, most-since))
}
