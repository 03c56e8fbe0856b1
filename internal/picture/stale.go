package picture

import "slices"

// ForgetChanged drops the pictures held whose local file has changed
// since it was read (another size or modification time, or a file that
// has come or gone), so that the next Load reads it again, and returns
// their sources, sorted. It reads the file system: call it off the UI
// goroutine, as a story reloads.
func (l *Loader) ForgetChanged() []string {
	l.mu.Lock()
	held := make(map[string]Stamp, len(l.items))
	for src, e := range l.items {
		held[src] = e.Value.(*cached).stamp
	}
	l.mu.Unlock()
	var changed []string
	for src, was := range held {
		if now, local := l.origin.Stamp(src); local && !now.Equal(was) {
			changed = append(changed, src)
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, src := range changed {
		e, ok := l.items[src]
		if !ok || !e.Value.(*cached).stamp.Equal(held[src]) {
			continue // dropped, or read again, meanwhile
		}
		l.order.Remove(e)
		delete(l.items, src)
		l.used -= size(e.Value.(*cached).img)
	}
	slices.Sort(changed)
	return changed
}
