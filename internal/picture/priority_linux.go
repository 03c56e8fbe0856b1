package picture

import "syscall"

// lowerThreadPriority sets the calling thread (Linux gives each thread
// its own nice value) to the lowest priority.
func lowerThreadPriority() {
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), 19)
}
