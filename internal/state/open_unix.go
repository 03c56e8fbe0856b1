//go:build unix

package state

import (
	"os"
	"syscall"
)

// openNoBlock opens the state file for reading without waiting: a FIFO
// put in its place opens at once (and is then refused as not a regular
// file) instead of blocking reel until a writer comes.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// openLock opens (or makes) the lock file without following a symbolic
// link, which would make reel create a file wherever the link points.
func openLock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
}
