package cli

import (
	"errors"
	"fmt"
	"io"
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

// commandUsageError is a usage mistake in a subcommand, whose own --help
// explains its flags: "Run 'reel export --help'".
type commandUsageError struct {
	usageError
	command string
}

// forCommand marks a usage mistake in err as command's; any other error
// passes as it is.
func forCommand(command string, err error) error {
	var usage usageError
	if errors.As(err, &usage) {
		return commandUsageError{usage, command}
	}
	return err
}

// exitCode reports err on stderr in one line and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	var usage usageError
	var cmdUsage commandUsageError
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
	case errors.As(err, &cmdUsage):
		fmt.Fprintf(stderr, "reel: %s\nRun '%s --help' for usage.\n", story.OneLine(cmdUsage.msg), cmdUsage.command)
		return 2
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "reel: %s\nRun 'reel --help' for usage.\n", story.OneLine(usage.msg))
		return 2
	}
	fmt.Fprintf(stderr, "reel: %s\n", story.OneLine(err.Error()))
	return 1
}
