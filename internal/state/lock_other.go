//go:build !unix

package state

// lock is a no-op where flock is missing: Save re-reads and merges right
// before its rename, which narrows a race between two readers to a moment.
func (s *Store) lock() (unlock func()) { return func() {} }
