// Package guard keeps a panic in a goroutine reel starts from ending the
// process. Bubble Tea restores the terminal only for panics on its own
// goroutines; a panic anywhere else would leave the terminal in raw mode
// on the alternate screen, lose the reader's place and, in a served
// story, end every viewer's session. Each goroutine reel starts runs its
// work through Go or Run, which turn the panic into an error that the
// caller shows where the failed work would have shown: a reload's note,
// a picture's reason, a session's last line.
package guard

import (
	"fmt"
	"runtime/debug"
)

// PanicError is a panic turned into an error.
type PanicError struct {
	// Where names the work that panicked, such as "reload" or "decode".
	Where string
	Value any
	// Stack is the panicking goroutine's stack, for --debug and logs.
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error in %s: %v (please report this)", e.Where, e.Value)
}

// Run calls f and returns its error, or its panic as a *PanicError.
func Run(where string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Where: where, Value: r, Stack: debug.Stack()}
		}
	}()
	return f()
}

// Go runs f in a new goroutine. A panic in f is recovered and given to
// onPanic (when not nil) as a *PanicError; the goroutine then ends.
func Go(where string, f func(), onPanic func(error)) {
	go func() {
		err := Run(where, func() error { f(); return nil })
		if err != nil && onPanic != nil {
			onPanic(err)
		}
	}()
}
