// Command reel reads picture stories in the terminal: news photo
// galleries copied as text, and Markdown decks. It shows them as a
// slideshow, a cover and then one page per captioned section, with each
// picture drawn as a panel that says what the picture shows.
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

//go:embed testdata/kim-rally.txt
var sampleStory string

const sampleName = "kim-rally.txt"

func main() {
	os.Exit(exitCode(safeRun(os.Args[1:], os.Stdin, os.Stdout), os.Stderr))
}

// safeRun is run with a last guard: a panic is a bug, and the user sees
// one line about it, not a stack trace. (The reader restores the terminal
// before anything can get here.)
func safeRun(args []string, stdin, stdout *os.File) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v (please report this)", r)
		}
	}()
	return run(args, stdin, stdout)
}

// errTerminated ends reel after SIGTERM: exit status 143, no message.
var errTerminated = errors.New("terminated")

// errHangup ends reel after SIGHUP: exit status 129, no message.
var errHangup = errors.New("hangup")

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCode reports err on stderr in one line and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	var usage usageError
	switch {
	case err == nil, isHelp(err):
		return 0
	case errors.Is(err, tea.ErrInterrupted):
		return 130
	case errors.Is(err, errTerminated):
		return 128 + int(syscall.SIGTERM)
	case errors.Is(err, errHangup):
		return 128 + int(syscall.SIGHUP)
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "reel: %s\nRun 'reel --help' for usage.\n", story.OneLine(usage.msg))
		return 2
	}
	fmt.Fprintf(stderr, "reel: %s\n", story.OneLine(err.Error()))
	return 1
}

func run(args []string, stdin *os.File, stdout *os.File) error {
	cfg, err := parseArgs(args, stdout)
	if err != nil {
		return err
	}
	stdinTTY := term.IsTerminal(stdin.Fd())
	if cfg.path == "" && !stdinTTY {
		// A pipe with no file named is standard input, as "-" names it;
		// an empty path means the bundled sample, which has no pictures.
		cfg.path = "-"
	}
	var notice io.Writer = io.Discard
	if term.IsTerminal(os.Stderr.Fd()) {
		notice = os.Stderr
	}
	// The collector waits while a file or a pipe loads (collector.go); a
	// web page, whose parse makes garbage of its own, loads as usual.
	release := func() {}
	if !isURL(cfg.path) {
		release = holdCollector(fileSize(cfg))
	}
	defer release()
	ld, err := loadStory(cfg, stdin, stdinTTY, notice, release)
	if err != nil {
		return err
	}
	capMemory(len(ld.data))
	stdoutTTY := term.IsTerminal(stdout.Fd())
	if !cfg.debug && (cfg.print || !stdoutTTY) {
		// Printing keeps no place: no state to open, no key to hash.
		release()
		return printStory(stdout, ld.story, cfg, stdoutTTY, ld.base)
	}
	var store *state.Store
	if !stateOff(cfg) {
		store = state.Open(stateDir())
	}
	id := newStoryID(cfg, ld.name, ld.data)
	if cfg.debug {
		release()
		return debugListing(stdout, ld.story, ld.name, lookupResume(cfg, store, id, ld.story).why)
	}
	return readInTerminal(cfg, ld, stdin, stdout, stdinTTY, store, id, release)
}

// withoutTMUX returns env without TMUX. Inside tmux, Bubble Tea's colour
// detection runs "tmux info" twice, about 25 ms each, before the first
// frame, to learn whether tmux passes true colour; without TMUX it goes by
// TERM and terminfo, and reel's palette reads as well in 256 colours.
func withoutTMUX(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TMUX=") {
			out = append(out, kv)
		}
	}
	return out
}
