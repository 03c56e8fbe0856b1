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
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/internal/state"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
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
	var notice io.Writer = io.Discard
	if term.IsTerminal(os.Stderr.Fd()) {
		notice = os.Stderr
	}
	var (
		data       string
		name       string
		opt        = story.Options{Format: cfg.format}
		serverHTML bool   // the server said the page is HTML, and no --format overrode it
		base       string // a web story's address: its pictures' base
	)
	if isURL(cfg.path) {
		page, err := fetchStory(cfg.path, cfg.maxSize, notice)
		if err != nil {
			return err
		}
		data, name, opt.BaseURL = string(page.data), shortURL(page.url), page.url
		base = page.url
		if page.html && opt.Format == story.FormatAuto {
			opt.Format, serverHTML = story.FormatHTML, true
		}
	} else if err := schemeError(cfg.path); err != nil {
		return err
	} else if data, name, err = readStory(cfg, stdin, stdinTTY, notice); err != nil {
		return err
	}
	opt.Name = name
	s, err := story.ParseText(data, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(name), err)
	}
	if serverHTML {
		s.FormatReason = "the server sent an HTML page"
	}
	var store *state.Store
	if !stateOff(cfg) {
		store = state.Open(stateDir())
	}
	key, hash := storyKey(cfg, name, data)
	if cfg.debug {
		return debugListing(stdout, s, name, lookupResume(cfg, store, key, hash, s).why)
	}
	stdoutTTY := term.IsTerminal(stdout.Fd())
	if cfg.print || !stdoutTTY {
		return printStory(stdout, s, cfg, stdoutTTY, base)
	}

	// 120 frames a second, Bubble Tea's most: a key shows on screen within
	// about 8 ms instead of 16.
	opts := []tea.ProgramOption{tea.WithFPS(120), tea.WithEnvironment(withoutTMUX(os.Environ()))}
	if !stdinTTY {
		// The story came through standard input: keys come from the
		// terminal itself.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return errors.New("no terminal to read keys from: use --print to print the story")
		}
		defer tty.Close()
		opts = append(opts, tea.WithInput(tty))
	}
	hint := ""
	if cfg.path == "" && stdinTTY {
		hint = "sample story · reel FILE opens yours"
	}
	start, scroll := cfg.start, 0
	if rp := lookupResume(cfg, store, key, hash, s); rp.note != "" {
		start, scroll, hint = rp.section, rp.scroll, rp.note
	}
	if n := s.Len(); cfg.start > n {
		hint = ui.TooFarNote(n)
	}
	w, h, _ := term.GetSize(stdout.Fd())
	pics, noPics := cfg.pictures, ""
	switch {
	case os.Getenv("NO_COLOR") != "":
		pics, noPics = ui.PicturesOff, "pictures need colour: NO_COLOR is set"
	case pics == ui.PicturesAuto && !placeholderTerminal(os.Getenv):
		pics = ui.PicturesBlocks
	}
	m := ui.New(s, ui.Options{Start: start, Scroll: scroll, Play: cfg.play, Theme: cfg.theme, Hint: hint, Width: w, Height: h,
		Pictures: pics, NoPictures: noPics, Loader: pictureLoader(cfg, pics, base), Tmux: os.Getenv("TMUX") != "", NoSteps: cfg.noSteps, Notes: cfg.notes})
	// Bubble Tea blanks the window title on exit: save the one the
	// terminal had before anything is drawn, and bring it back once the
	// program has restored the terminal, whichever way it ended (a key,
	// ctrl+c, SIGTERM, an error, a panic caught in safeRun).
	_, _ = io.WriteString(stdout, ui.PushTitle)
	defer func() { _, _ = io.WriteString(stdout, ui.PopTitle) }()
	prog := tea.NewProgram(m, opts...)
	// Bubble Tea turns SIGTERM into a plain quit; note it, so that reel
	// ends with the status a killed program has. SIGHUP (the window closed,
	// ssh dropped) would kill reel before it kept the reader's place:
	// make it a quit too.
	var ended atomic.Value // the signal that ended the reader
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		for sig := range sigs {
			ended.Store(sig)
			if sig == syscall.SIGHUP {
				prog.Quit()
			}
		}
	}()
	var live *liveStory
	if watchable(cfg, name) {
		// A file that cannot be watched is still read, without reloads.
		live, _ = startLive(cfg, name, hash, prog.Send)
	}
	final, err := prog.Run()
	if live != nil {
		live.Stop()
		hash = live.Hash() // of the story last shown
	}
	fm, ok := final.(ui.Model)
	if ok && fm.Err() == nil && (err == nil || errors.Is(err, tea.ErrInterrupted)) {
		// ctrl+c and SIGTERM end a reading as q does: keep its place.
		// Failing to is no reason to fail reel.
		_ = savePosition(store, key, hash, fm.Position())
	}
	if ok {
		// Kitty keeps the pictures sent to it until told to drop them,
		// however the reader ended.
		_, _ = io.WriteString(stdout, fm.KittyCleanup())
	}
	if err != nil {
		return err
	}
	switch ended.Load() {
	case syscall.SIGTERM:
		return errTerminated
	case syscall.SIGHUP:
		return errHangup
	}
	if ok {
		return fm.Err()
	}
	return nil
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
