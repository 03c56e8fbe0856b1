//go:build !linux

package picture

// lowerThreadPriority does nothing where threads have no priority of
// their own.
func lowerThreadPriority() {}
