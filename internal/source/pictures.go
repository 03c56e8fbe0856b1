package source

import (
	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/watch"
)

// PictureWatch follows the local picture files a story shows, and says
// when one changes, as Live does for the story's own file: a chart
// exported again shows without a key press. It reads nothing itself; the
// reader's loader tells which pictures changed.
type PictureWatch struct {
	w    *watch.Watcher
	done chan struct{}
}

// WatchPictures follows files (picture.Loader.Files names them) and
// calls changed, on a goroutine of its own, once after each burst of
// changes to them. A file whose folder cannot be watched is left out;
// the error says so, and the others are followed all the same. The
// watch is nil only when nothing can be watched.
func WatchPictures(files []string, changed func()) (*PictureWatch, error) {
	w, err := watch.Files(files, ReloadSettle)
	if w == nil {
		return nil, err
	}
	pw := &PictureWatch{w: w, done: make(chan struct{})}
	guard.Go("picture watch", func() {
		defer close(pw.done)
		for range w.Changes() {
			// A panic in changed ends the watch, never the reader.
			changed()
		}
	}, nil)
	return pw, err
}

// Add follows files as well as those followed already.
func (pw *PictureWatch) Add(files []string) {
	if pw != nil {
		_ = pw.w.Add(files)
	}
}

// Stop stops following the files.
func (pw *PictureWatch) Stop() {
	if pw == nil {
		return
	}
	pw.w.Close()
	<-pw.done
}
