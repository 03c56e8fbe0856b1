//go:build !unix

package limit

import "os"

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
