// Package watch tells when a file changes on disk. It watches the file's
// directory, not the file, so that editors that save by writing a new
// file and renaming it over the old one are followed, and it lets a burst
// of changes settle before it says so.
package watch

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/reeltui/reel/internal/guard"
)

// Watcher follows one file.
type Watcher struct {
	fs      *fsnotify.Watcher
	path    string          // the file's clean absolute path
	target  string          // where path's symbolic links lead, if anywhere else
	names   map[string]bool // path and target: only run reads them once it starts
	settle  time.Duration
	most    time.Duration
	changes chan struct{}
	done    chan struct{}
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
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	w := &Watcher{
		fs:      fw,
		path:    filepath.Clean(abs),
		names:   map[string]bool{filepath.Clean(abs): true},
		settle:  settle,
		most:    4 * settle,
		changes: make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	if err := fw.Add(filepath.Dir(w.path)); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	w.follow()
	guard.Go("watch", w.run, nil) // run closes Changes however it ends
	return w, nil
}

// follow watches where the file's symbolic link leads now: a link changes
// when its target does, and a link pointed at another file must follow
// that file from then on. A directory that cannot be watched leaves the
// link's own directory watched, which still sees the link change.
func (w *Watcher) follow() {
	target, err := filepath.EvalSymlinks(w.path)
	if err != nil || filepath.Clean(target) == w.target {
		return
	}
	target = filepath.Clean(target)
	if w.target != "" && w.target != w.path {
		delete(w.names, w.target)
		if filepath.Dir(w.target) != filepath.Dir(w.path) {
			_ = w.fs.Remove(filepath.Dir(w.target))
		}
	}
	w.target = target
	w.names[target] = true
	if filepath.Dir(target) != filepath.Dir(w.path) {
		_ = w.fs.Add(filepath.Dir(target))
	}
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
			name := filepath.Clean(ev.Name)
			if !w.names[name] {
				continue
			}
			if name == w.path {
				w.follow()
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
