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
)

// Watcher follows one file.
type Watcher struct {
	fs      *fsnotify.Watcher
	names   map[string]bool // the file's clean absolute path, and its link's target
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
	names := map[string]bool{filepath.Clean(abs): true}
	// A symbolic link changes when its target does: watch the target's
	// directory too.
	if target, err := filepath.EvalSymlinks(abs); err == nil {
		names[filepath.Clean(target)] = true
	}
	dirs := map[string]bool{}
	for name := range names {
		dirs[filepath.Dir(name)] = true
	}
	for dir := range dirs {
		if err := fw.Add(dir); err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch %s: %w", path, err)
		}
	}
	w := &Watcher{
		fs:      fw,
		names:   names,
		settle:  settle,
		most:    4 * settle,
		changes: make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	go w.run()
	return w, nil
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
			if !w.names[filepath.Clean(ev.Name)] {
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
