package picture

import "slices"

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
