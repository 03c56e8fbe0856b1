// Command reel reads picture stories in the terminal: news photo
// galleries copied as text, and Markdown decks. It shows them as a
// slideshow, a cover and then one page per captioned section, with each
// picture drawn as a panel that says what the picture shows.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

//go:embed testdata/kim-rally.txt
var sampleStory []byte

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

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCode reports err on stderr in one line and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	var usage usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, tea.ErrInterrupted):
		return 130
	case errors.Is(err, errTerminated):
		return 128 + int(syscall.SIGTERM)
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "reel: %s\nRun 'reel --help' for usage.\n", story.OneLine(usage.msg))
		return 2
	}
	fmt.Fprintf(stderr, "reel: %s\n", story.OneLine(err.Error()))
	return 1
}

// config is what the command line asks for.
type config struct {
	path    string // "" for the bundled story, "-" for standard input
	format  story.Format
	theme   ui.Theme
	start   int
	play    time.Duration
	print   bool
	width   int
	maxSize int64
	debug   bool
}

const usageText = `reel reads picture stories in the terminal.

Usage:
  reel [flags] [FILE]

With no FILE and no pipe, reel opens its bundled sample story. FILE may be
"-" for standard input. When standard output is not a terminal, reel prints
the whole story as plain text.

Examples:
  reel                          open the sample story
  reel gallery.txt              read a news gallery copied as text
  reel deck.md --start 3        open a Markdown deck at section 3
  cat story.txt | reel          read a pipe; keys come from the terminal
  reel deck.md > deck.txt       print the story as plain text
  reel --print --width 60 a.md  print it on the terminal, styled
  reel --play 8s deck.md        start the slideshow, a page every 8 s

Flags:
`

// parseArgs reads flags and the file name. Flags may come before or
// after the file name. --help and --version write to stdout.
func parseArgs(args []string, stdout io.Writer) (config, error) {
	cfg := config{}
	fset := flag.NewFlagSet("reel", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	format := fset.String("format", "auto", "story format: auto, text or markdown")
	style := fset.String("style", "auto", "colours: auto, dark, light or notty (no styling)")
	fset.IntVar(&cfg.start, "start", 0, "open at section `N`")
	play := fset.String("play", "", "start the slideshow, turning pages every `DURATION` (5s, 1m)")
	fset.BoolVar(&cfg.print, "print", false, "print the whole story instead of opening the reader")
	fset.IntVar(&cfg.width, "width", 0, "width of printed output in `columns` (default: the terminal's, or 80)")
	maxSize := fset.Int64("max-size", story.DefaultLimit>>20, "refuse stories larger than `N` MiB")
	fset.BoolVar(&cfg.debug, "debug", false, "list how the story was read (format, sections, what was dropped) and exit")
	showVersion := fset.Bool("version", false, "print the version and exit")

	var paths []string
	for {
		if err := fset.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usageText)
				fset.SetOutput(stdout)
				fset.PrintDefaults()
				return cfg, flag.ErrHelp
			}
			return cfg, usageError{err.Error()}
		}
		if fset.NArg() == 0 {
			break
		}
		paths = append(paths, fset.Arg(0))
		args = fset.Args()[1:]
	}
	if *showVersion {
		fmt.Fprintln(stdout, "reel", buildVersion())
		return cfg, flag.ErrHelp
	}
	if len(paths) > 1 {
		return cfg, usageError{fmt.Sprintf("one story at a time: got %d files", len(paths))}
	}
	if len(paths) == 1 {
		cfg.path = paths[0]
	}
	var err error
	if cfg.format, err = story.ParseFormat(*format); err != nil {
		return cfg, usageError{err.Error()}
	}
	var ok bool
	if cfg.theme, ok = ui.ParseTheme(*style); !ok {
		return cfg, usageError{fmt.Sprintf("unknown style %q (want auto, dark, light or notty)", *style)}
	}
	if *play != "" {
		if cfg.play, err = parseDuration(*play); err != nil {
			return cfg, usageError{err.Error()}
		}
	}
	if cfg.start < 0 || cfg.width < 0 || *maxSize <= 0 {
		return cfg, usageError{"--start and --width cannot be negative, and --max-size must be positive"}
	}
	cfg.maxSize = *maxSize << 20
	return cfg, nil
}

// buildVersion is the version set at build time, or the module version
// that go install recorded.
func buildVersion() string {
	if version != "dev" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
}

// parseDuration reads "8s", "1m" or a bare number of seconds.
func parseDuration(s string) (time.Duration, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 0 {
		return time.Duration(n * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--play wants a duration such as 5s or 1m, not %q", s)
	}
	return d, nil
}

func run(args []string, stdin *os.File, stdout *os.File) error {
	cfg, err := parseArgs(args, stdout)
	if err != nil {
		return err
	}
	stdinTTY := term.IsTerminal(stdin.Fd())
	data, name, err := readStory(cfg, stdin, stdinTTY)
	if err != nil {
		return err
	}
	s, err := story.Parse(data, story.Options{Format: cfg.format, Name: name})
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(name), err)
	}
	if cfg.debug {
		return debugListing(stdout, s, name)
	}
	stdoutTTY := term.IsTerminal(stdout.Fd())
	if cfg.print || !stdoutTTY {
		return printStory(stdout, s, cfg, stdoutTTY)
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
	w, h, _ := term.GetSize(stdout.Fd())
	m := ui.New(s, ui.Options{Start: cfg.start, Play: cfg.play, Theme: cfg.theme, Hint: hint, Width: w, Height: h})
	// Bubble Tea turns SIGTERM into a plain quit; note it, so that reel
	// ends with the status a killed program has.
	sigterm := make(chan os.Signal, 1)
	signal.Notify(sigterm, syscall.SIGTERM)
	defer signal.Stop(sigterm)
	final, err := tea.NewProgram(m, opts...).Run()
	if err != nil {
		return err
	}
	select {
	case <-sigterm:
		return errTerminated
	default:
	}
	if fm, ok := final.(ui.Model); ok {
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

// readStory reads the story the command line names: a file, standard
// input, or the bundled sample.
func readStory(cfg config, stdin *os.File, stdinTTY bool) ([]byte, string, error) {
	switch {
	case cfg.path == "" && stdinTTY:
		return sampleStory, sampleName, nil
	case cfg.path == "" || cfg.path == "-":
		data, err := story.ReadAll(stdin, cfg.maxSize)
		if err != nil {
			return nil, "", fmt.Errorf("standard input: %w", err)
		}
		return data, "-", nil
	}
	name := cfg.path
	info, err := os.Stat(name)
	if err == nil && info.IsDir() {
		return nil, "", fmt.Errorf("%s is a directory, not a story", displayName(name))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, "", fileError(name, err)
	}
	defer f.Close()
	data, err := story.ReadAll(f, cfg.maxSize)
	if err != nil {
		return nil, "", fileError(name, err)
	}
	return data, name, nil
}

// fileError says in plain words what went wrong with a file.
func fileError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", displayName(name))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", displayName(name))
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	return fmt.Errorf("%s: %w", displayName(name), err)
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return story.OneLine(name)
}

// printStory writes the whole story: plain text unless --print asked for
// it on a terminal and NO_COLOR is unset.
func printStory(stdout *os.File, s *story.Story, cfg config, tty bool) error {
	theme := ui.ThemeNoTTY
	if tty && os.Getenv("NO_COLOR") == "" {
		switch cfg.theme {
		case ui.ThemeLight, ui.ThemeNoTTY:
			theme = cfg.theme
		default:
			theme = ui.ThemeDark
		}
	}
	width := cfg.width
	if width == 0 && tty {
		if w, _, err := term.GetSize(stdout.Fd()); err == nil {
			width = w
		}
	}
	var w io.Writer = stdout
	if theme != ui.ThemeNoTTY {
		w = colorprofile.NewWriter(stdout, os.Environ())
	}
	return ui.Print(w, s, ui.PrintOptions{Width: width, Theme: theme})
}

// debugListing shows how the story was read.
func debugListing(w io.Writer, s *story.Story, name string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "file:     %s\nformat:   %s (%s)\ntitle:    %s\nkicker:   %s\nsections: %d\n", displayName(name), s.Format, s.FormatReason, s.Title, s.Kicker, s.Len())
	for i, sec := range s.Sections() {
		pics := "pictures"
		if len(sec.Pictures) == 1 {
			pics = "picture"
		}
		fmt.Fprintf(&b, "  %3d. %s (%d %s)\n", i+1, sec.Caption, len(sec.Pictures), pics)
	}
	for _, d := range s.AllDropped() {
		fmt.Fprintf(&b, "dropped %s: %s\n", d.Kind, story.OneLine(d.Text))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
