//go:build unix

package picture

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without waiting: a FIFO opens at
// once (and is then refused as not a regular file) instead of blocking
// until a writer comes, and a symbolic link swapped in after the path was
// checked is not followed.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
}
