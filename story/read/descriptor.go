package read

import (
	"path/filepath"
	"strings"
)

// IsDescriptor reports whether name is an open file descriptor rather
// than a file in a folder: /dev/fd/63 from a process substitution
// (`reel <(curl -s URL)`), /proc/self/fd/N, /dev/stdin. What is read
// through one is a pipe's text by another name: it has no folder of its
// own to take pictures from, and the same name stands for a new story
// each time.
func IsDescriptor(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	clean := filepath.ToSlash(filepath.Clean(name))
	dir := filepath.ToSlash(filepath.Dir(clean))
	switch {
	case clean == "/dev/stdin", dir == "/dev/fd":
		return true
	case strings.HasPrefix(dir, "/proc/") && strings.HasSuffix(dir, "/fd") && strings.Count(dir, "/") == 3:
		return true // /proc/self/fd/N, /proc/1234/fd/N
	}
	return false
}
