//go:build unix

package state

import (
	"path/filepath"
	"syscall"
	"time"
)

// lock takes an exclusive lock on the store's lock file, waiting at most
// lockWait, and returns its release. Without the lock (another reel holds
// it too long, or the file cannot be made) Save still re-reads and merges
// right before its rename, which narrows the race to a moment.
func (s *Store) lock() (unlock func()) {
	f, err := openLock(filepath.Join(s.dir, lockName))
	if err != nil {
		return func() {}
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return func() {}
	}
	deadline := time.Now().Add(s.lockWait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}
		}
		if err != syscall.EWOULDBLOCK && err != syscall.EINTR || time.Now().After(deadline) {
			f.Close()
			return func() {}
		}
		time.Sleep(5 * time.Millisecond)
	}
}
