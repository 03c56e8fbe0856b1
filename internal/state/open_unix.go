//go:build unix

package state

import (
	"os"
	"syscall"
)

// openLock opens (or makes) the lock file without following a symbolic
// link, which would make reel create a file wherever the link points.
func openLock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
}
