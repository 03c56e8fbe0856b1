//go:build !unix

package picture

import (
	"errors"
	"os"
)

// openNoBlock opens a file for reading, refusing anything but a regular
// file before it is opened, since this system has no non-blocking open.
func openNoBlock(path string) (*os.File, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return os.Open(path)
}
