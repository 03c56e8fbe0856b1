package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/spf13/pflag"

	"github.com/reeltui/reel/internal/settings"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// config is what the command line asks for.
type config struct {
	path    string // "" for the bundled story, "-" for standard input
	format  story.Format
	theme   page.Theme
	start   int
	play    time.Duration
	print   bool
	width   int
	maxSize int64
	debug   bool
	// pictures says how pictures are drawn in the reader.
	pictures graphics.PictureMode
	// The settings the settings file may also hold, as the command line
	// gave them, the file named by --config, and where each setting came
	// from (settings.go).
	picturesFlag, styleFlag, mouseFlag, widthFlag settings.Flag
	configFile                                    string
	settings                                      []string

	startSet  bool // --start was given, even as 0: it wins over resuming
	restart   bool
	noState   bool
	noWatch   bool
	noSteps   bool
	notes     bool
	present   bool   // another terminal may follow this one's pages
	follow    bool   // follow the presenter of this story in another terminal
	notesView bool   // a follower shows the notes, the next title and a clock
	mouse     bool   // --mouse: report the mouse to the reader
	base      string // --base: the web address of a piped or saved page

	version string // reel's, for --version and the web's User-Agent
}

// userAgent is how reel names itself to web servers.
func (cfg config) userAgent() string { return "reel/" + cfg.version }

// errHelp ends reel after --help or --version, with status 0.
var errHelp = pflag.ErrHelp

const usageText = `reel reads picture stories in the terminal.

Usage:
  reel [flags] [FILE | URL]

With no FILE and no pipe, reel opens its bundled sample story. FILE may be
"-" for standard input, and may be a saved web page or AMP story. A URL
(http or https) is fetched; q, esc or ctrl+c cancels. When standard output is not a
terminal, reel prints the whole story as plain text.

Examples:
  reel                          open the sample story
  reel gallery.txt              read a news gallery copied as text
  reel deck.md --start 3        open a Markdown deck at section 3
  reel https://example.com/a    read a photo gallery or a web story
  curl -s URL | reel            read a web page from a pipe
  cat story.txt | reel          read a pipe; keys come from the terminal
  reel deck.md > deck.txt       print the story as plain text
  reel -p -w 60 deck.md         print it on the terminal, styled, 60 columns
  reel --play 8s deck.md        start the slideshow, a page every 8 s
  reel serve deck.md            share it over SSH (reel serve --help)
  reel -p --notes deck.md       print a deck with its speaker notes
  reel export URL -o page.html  keep a story as one page (or .pdf, .md: reel export -h)

reel remembers where you stopped in each story and reopens it there;
--restart opens at the cover, --no-state keeps nothing. While a file is
open, saving it reloads the story on the same page (--no-watch: not).

Flags:
`

// parseArgs reads flags and the file name, GNU style: flags may come
// before or after the file name, with short forms for the common ones.
// --help and --version write to stdout and return errHelp.
// version is the one set at build time ("dev" if none was).
func parseArgs(args []string, stdout io.Writer, version string) (config, error) {
	cfg := config{version: buildVersion(version)}
	fset := pflag.NewFlagSet("reel", pflag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.SortFlags = false
	format := fset.String("format", "auto", "story format: auto, text, markdown, html, mhtml or feed")
	style := fset.String("style", "auto", "colours: auto, dark, light or notty (no styling)")
	fset.IntVarP(&cfg.start, "start", "s", 0, "open at section `N` (0 is the cover)")
	play := fset.String("play", "", "start the slideshow, turning pages every `DURATION` (5s, 1m)")
	switchVar(fset, &cfg.print, "print", "p", "print the whole story instead of opening the reader")
	fset.IntVarP(&cfg.width, "width", "w", 0, "text width in `COLUMNS`, in the reader and in print (default: 80, or the window's when narrower)")
	maxSize := fset.Int64("max-size", read.DefaultLimit>>20, "refuse stories (and fetched pages) larger than `N` MiB")
	fset.StringVar(&cfg.base, "base", "", "the web `URL` a piped or saved page came from: its pictures load from there")
	pictures := fset.String("pictures", "auto", "draw pictures: auto, blocks (half blocks), kitty, iterm, sixel or off (or set REEL_PICTURES)")
	fset.StringVar(&cfg.configFile, "config", "", "read settings from `FILE` (default: $XDG_CONFIG_HOME/reel/config.yaml)")
	readingSwitches(fset, &cfg)
	presentFlags(fset, &cfg)
	var showVersion, help bool
	switchVar(fset, &showVersion, "version", "v", "print the version and exit")
	switchVar(fset, &help, "help", "h", "show this help and exit")

	if err := fset.Parse(args); err != nil {
		return cfg, usageError{err.Error()}
	}
	if help {
		fmt.Fprint(stdout, usageText)
		fmt.Fprint(stdout, fset.FlagUsages())
		return cfg, errHelp
	}
	if showVersion {
		fmt.Fprintln(stdout, "reel", cfg.version)
		return cfg, errHelp
	}
	cfg.startSet = fset.Changed("start")
	paths := fset.Args()
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
	if cfg.theme, ok = page.ParseTheme(*style); !ok {
		return cfg, usageError{fmt.Sprintf("unknown style %q (want auto, dark, light or notty)", *style)}
	}
	if cfg.pictures, ok = graphics.ParsePictureMode(*pictures); !ok {
		return cfg, usageError{fmt.Sprintf("unknown picture mode %q (want auto, blocks, kitty, iterm, sixel or off)", *pictures)}
	}
	cfg.settingFlags(fset, *pictures, *style)
	if *play != "" {
		if cfg.play, err = parseDuration(*play); err != nil {
			return cfg, usageError{err.Error()}
		}
	}
	switch {
	case cfg.start < 0:
		return cfg, usageError{fmt.Sprintf("--start cannot be negative (got %d)", cfg.start)}
	case cfg.width < 0:
		return cfg, usageError{fmt.Sprintf("--width cannot be negative (got %d)", cfg.width)}
	case cfg.presentError() != "":
		return cfg, usageError{cfg.presentError()}
	case *maxSize <= 0:
		return cfg, usageError{fmt.Sprintf("--max-size must be at least 1 MiB (got %d)", *maxSize)}
	case *maxSize > 1<<20:
		return cfg, usageError{fmt.Sprintf("--max-size is in MiB: %d is more than any story needs", *maxSize)}
	}
	cfg.maxSize = *maxSize << 20
	if err := checkFlagPairs(cfg, fset); err != nil {
		return cfg, err
	}
	return cfg, cfg.checkBase()
}

// readingSwitches are the reader's on/off flags.
func readingSwitches(fset *pflag.FlagSet, cfg *config) {
	switchVar(fset, &cfg.restart, "restart", "", "open at the cover, not where you stopped last time")
	switchVar(fset, &cfg.noState, "no-state", "", "keep nothing on disk: do not remember or resume where you stopped (or set REEL_NO_STATE=1)")
	switchVar(fset, &cfg.noWatch, "no-watch", "", "do not reload the story when its file changes")
	switchVar(fset, &cfg.noSteps, "no-steps", "", "show every page whole, not a reveal step at a time")
	switchVar(fset, &cfg.notes, "notes", "", "show speaker notes: under each page with --print, in a pane in the reader")
	switchVar(fset, &cfg.mouse, "mouse", "", "let the reader take the mouse (the wheel scrolls overlays too; selecting text then needs shift)")
	switchVar(fset, &cfg.debug, "debug", "", "list how the story was read (format, sections, what was dropped) and exit")
}

// settingFlags keeps what the command line said of the settings the
// settings file may also hold, for applySettings to weigh against it.
func (cfg *config) settingFlags(fset *pflag.FlagSet, pictures, style string) {
	cfg.picturesFlag = settings.Flag{Value: pictures, Set: fset.Changed("pictures")}
	cfg.styleFlag = settings.Flag{Value: style, Set: fset.Changed("style")}
	cfg.mouseFlag = settings.Flag{Value: strconv.FormatBool(cfg.mouse), Set: fset.Changed("mouse")}
	cfg.widthFlag = settings.Flag{Value: strconv.Itoa(cfg.width), Set: fset.Changed("width")}
}

// minWidth is the narrowest --width: below it no panel, heading or table
// has room to say anything.
const minWidth = settings.MinWidth

// checkFlagPairs refuses flags that would be accepted and then do nothing
// or break the page: a width too narrow to read (0 included, once given),
// and reader-only flags with --print, which prints the whole story at once.
func checkFlagPairs(cfg config, fset *pflag.FlagSet) error {
	switch {
	case fset.Changed("width") && cfg.width < minWidth:
		return usageError{fmt.Sprintf("--width must be at least %d columns (got %d)", minWidth, cfg.width)}
	case cfg.print && fset.Changed("play"):
		return usageError{"--play runs the slideshow in the reader: it cannot go with --print, which prints the whole story"}
	case cfg.print && cfg.startSet:
		return usageError{"--start opens the reader at a section: it cannot go with --print, which prints the whole story"}
	}
	return nil
}

// switchValue is a bool flag that pflag's help lists as the README
// names it, "--restart": pflag 1.1 shows each of its own bool flags as
// "--restart[=true|false]", which reads as if the switch wanted a value.
// It lacks IsBoolFlag for that reason; NoOptDefVal lets it stand alone.
type switchValue struct{ p *bool }

func (v switchValue) String() string {
	if v.p == nil {
		return "false"
	}
	return strconv.FormatBool(*v.p)
}

func (v switchValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	*v.p = b
	return nil
}

func (v switchValue) Type() string { return "bool" }

// switchVar defines a switch: --name (or -short) sets p, --name=false
// clears it.
func switchVar(fset *pflag.FlagSet, p *bool, name, short, usage string) {
	fset.VarPF(switchValue{p}, name, short, usage).NoOptDefVal = "true"
}

// isHelp reports whether err only asks for help or the version.
func isHelp(err error) bool { return errors.Is(err, errHelp) }

// buildVersion is the version set at build time, or the module version
// that go install recorded.
func buildVersion(version string) string {
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
