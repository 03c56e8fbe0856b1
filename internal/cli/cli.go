// Package cli is reel's command layer: it reads the command line, loads
// the story, prints it or opens the reader on the terminal, keeps the
// reader's place, and turns the way reel ended into an exit status.
package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/resume"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/internal/tune"
)

// Build is what the binary brings with it.
type Build struct {
	// Version is set at build time with -ldflags "-X main.version=...";
	// "dev" when it was not.
	Version string
	// SampleName and Sample are the bundled story, opened when no story
	// is named and standard input is a terminal.
	SampleName, Sample string
}

// Main runs reel with the command line's arguments (without the program
// name) on the given standard streams, and returns the exit status.
func Main(args []string, stdin, stdout, stderr *os.File, b Build) int {
	return exitCode(safeRun(args, stdin, stdout, stderr, b), stderr)
}

// safeRun is run with a last guard: a panic is a bug, and the user sees
// one line about it, not a stack trace. (The reader restores the terminal
// before anything can get here.)
func safeRun(args []string, stdin, stdout, stderr *os.File, b Build) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v (please report this)", r)
		}
	}()
	return run(args, stdin, stdout, stderr, b)
}

func run(args []string, stdin, stdout, stderr *os.File, b Build) error {
	// Subcommands only as the first argument: "reel ./serve" reads a
	// file named serve.
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return underCommand("export", runExport(args[1:], stdin, stdout, stderr, b))
		case "serve":
			return underCommand("serve", runServe(args[1:], stdin, stdout, stderr, b))
		}
	}
	cfg, err := parseArgs(args, stdout, b.Version)
	if err != nil {
		return err
	}
	if err := applySettings(&cfg, os.Getenv, stderr); err != nil {
		return err
	}
	stdinTTY := term.IsTerminal(stdin.Fd())
	if cfg.path == "" && !stdinTTY && stdinHoldsStory(stdin) {
		// A pipe with no file named is standard input, as "-" names it;
		// an empty path means the bundled sample, which has no pictures.
		cfg.path = "-"
	}
	var notice io.Writer = io.Discard
	if term.IsTerminal(stderr.Fd()) {
		notice = stderr
	}
	// The collector waits while a file or a pipe loads (internal/tune); a
	// web page, whose parse makes garbage of its own, loads as usual.
	release := func() {}
	if !source.IsURL(cfg.path) {
		release = tune.HoldCollector(source.Size(cfg.path))
	}
	defer release()
	req := source.Request{Path: cfg.path, Format: cfg.format, MaxSize: cfg.maxSize, UserAgent: cfg.userAgent(), Base: cfg.base,
		Sample: source.Sample{Name: b.SampleName, Text: b.Sample}}
	ld, err := source.Load(req, stdin, stdinTTY, notice, release)
	if err != nil {
		return err
	}
	tune.CapMemory(len(ld.Data))
	stdoutTTY := term.IsTerminal(stdout.Fd())
	if !cfg.debug && (cfg.print || !stdoutTTY) {
		// Printing keeps no place: no state to open, no key to hash.
		release()
		return printStory(stdout, stderr, ld.Story, cfg, stdoutTTY, ld.Base)
	}
	var store *state.Store
	if !resume.Off(cfg.noState) {
		store = state.Open(resume.StateDir())
	}
	id := feedStoryID(cfg, ld, newStoryID(cfg, ld.Name, ld.Data))
	if cfg.debug {
		release()
		if err := debugListing(stdout, ld.Story, ld.Name, lookupResume(cfg, store, id, ld.Story).Why, pictureCheck(cfg)); err != nil {
			return err
		}
		return debugSettings(stdout, cfg.settings)
	}
	return readInTerminal(cfg, ld, terminal{stdin, stdout, stderr, stdinTTY}, store, id, release)
}
