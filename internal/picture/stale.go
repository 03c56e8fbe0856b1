package picture

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ForgetChanged drops the pictures held whose local file has changed
// since it was read (another size or modification time, or a file that
// has come or gone), so that the next Load reads it again, and returns
// their sources, sorted. It reads the file system: call it off the UI
// goroutine, as a story reloads.
func (l *Loader) ForgetChanged() []string {
	var changed []string
	for src, c := range l.cache.Snapshot() {
		if now, local := l.origin.Stamp(src); local && !now.Equal(c.stamp) {
			changed = append(changed, src)
			// A picture read again meanwhile stays.
			l.cache.RemoveIf(src, func(held *cached) bool { return held == c })
		}
	}
	slices.Sort(changed)
	return changed
}

// Files returns the local files the pictures srcs name, sorted, for a
// watcher to follow: only files Load would read, in the story's folder,
// and files not there yet (a chart still to be exported) by the name they
// will have. Web pictures, data: URIs and pictures the story carries
// have none. It reads the file system.
func (l *Loader) Files(srcs []string) []string {
	seen := map[string]bool{}
	var files []string
	for _, src := range srcs {
		if f, ok := l.origin.watchPath(src); ok && !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	slices.Sort(files)
	return files
}

// watchPath is the file to watch for the local picture src: the name
// the story gives it (a symbolic link is followed by the watcher, which
// sees it retargeted), if Load would read it or it is not there yet.
func (o Origin) watchPath(src string) (string, bool) {
	src = strings.TrimSpace(src)
	if !o.localPicture(src) {
		return "", false
	}
	name := src
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		if _, err := o.resolveLocal(src[:i]); err == nil || Reason(err) == "file not found" {
			name = src[:i]
		}
	}
	real, err := o.resolveLocal(name)
	if err != nil && Reason(err) != "file not found" {
		return "", false
	}
	given := filepath.FromSlash(name)
	if !filepath.IsAbs(given) {
		given = filepath.Join(o.Dir, given)
	}
	given, aerr := filepath.Abs(given)
	switch {
	case aerr != nil:
		return "", false
	case err != nil:
		return given, true // not there yet
	}
	if _, serr := os.Lstat(given); serr != nil {
		return real, true // a name with URL escapes ("my%20photo.jpg")
	}
	return given, true
}
