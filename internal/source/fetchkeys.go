package source

import (
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// Keys while a page is fetched: before the reader starts, the terminal
// is still in its line mode, where q and esc would only be echoed. For
// the fetch, q, esc and ctrl+c cancel it, as ctrl+c does in the reader.

// watchQuitKeys reads the terminal on in while a page is fetched and calls
// cancel when q, esc or ctrl+c is typed. The terminal reads a key at a
// time with no echo, and returns from a read every tenth of a second, so
// that the watch ends at stop without holding on to a key the reader
// should have. stop restores the terminal as it was.
func watchQuitKeys(in *os.File, cancel func()) (stop func()) {
	fd := int(in.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return func() {}
	}
	raw := *old
	raw.Lflag &^= unix.ICANON | unix.ECHO | unix.ISIG
	raw.Cc[unix.VMIN], raw.Cc[unix.VTIME] = 0, 1
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &raw); err != nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if recover() != nil {
				// A failed watch gives the terminal back its line mode,
				// where ctrl+c signals again.
				_ = unix.IoctlSetTermios(fd, unix.TCSETS, old)
			}
		}()
		buf := make([]byte, 16)
		for {
			select {
			case <-done:
				return
			default:
			}
			n, _ := unix.Read(fd, buf)
			if quitKeyIn(buf[:max(n, 0)]) {
				cancel()
				return
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		_ = unix.IoctlSetTermios(fd, unix.TCSETS, old)
	}
}

// quitKeyIn reports whether b, bytes read from the terminal, hold q, a
// lone esc (not the start of an arrow key's sequence) or ctrl+c.
func quitKeyIn(b []byte) bool {
	for i, c := range b {
		switch {
		case c == 'q' || c == 'Q' || c == 0x03:
			return true
		case c == 0x1b && i == len(b)-1:
			return true
		}
	}
	return false
}
