//go:build !unix

package state

import "os"

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
