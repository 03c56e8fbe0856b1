package cli

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/story"
)

// errTerminated ends reel after SIGTERM: exit status 143, no message.
var errTerminated = errors.New("terminated")

// errHangup ends reel after SIGHUP: exit status 129, no message.
var errHangup = errors.New("hangup")

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// commandUsage is a usage error of a subcommand's, such as serve's: its
// help is its own (reel serve --help), whose flags are not the reader's.
type commandUsage struct {
	usageError
	cmd string
}

func (e commandUsage) Unwrap() error { return e.usageError }

// underCommand makes a usage error of err's point to cmd's own help.
func underCommand(cmd string, err error) error {
	var usage usageError
	if errors.As(err, &usage) {
		return commandUsage{usage, cmd}
	}
	return err
}

// endedBy is the error of a reader that signal ended (watchSignals):
// errTerminated, errHangup, or nil for none.
func endedBy(ended *atomic.Value) error {
	switch ended.Load() {
	case syscall.SIGTERM:
		return errTerminated
	case syscall.SIGHUP:
		return errHangup
	}
	return nil
}

// exitCode reports err on stderr in one line and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	var usage usageError
	var interrupted *source.InterruptedError
	switch {
	case err == nil, isHelp(err):
		return 0
	case errors.Is(err, tea.ErrInterrupted):
		return 130
	case errors.As(err, &interrupted):
		return 128 + int(interrupted.Signal)
	case errors.Is(err, errTerminated):
		return 128 + int(syscall.SIGTERM)
	case errors.Is(err, errHangup):
		return 128 + int(syscall.SIGHUP)
	case errors.As(err, &usage):
		help := "reel --help"
		if sub := (commandUsage{}); errors.As(err, &sub) {
			help = "reel " + sub.cmd + " --help"
		}
		fmt.Fprintf(stderr, "reel: %s\nRun '%s' for usage.\n", story.OneLine(usage.msg), help)
		return 2
	}
	fmt.Fprintf(stderr, "reel: %s\n", story.OneLine(err.Error()))
	return 1
}
