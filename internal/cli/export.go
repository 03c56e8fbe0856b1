package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/pflag"

	"github.com/reeltui/reel/internal/export"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/internal/source"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// exportConfig is what "reel export" is asked for.
type exportConfig struct {
	path, out, to, page string
	format              story.Format
	notes, steps, debug bool
	maxSize             int64
	version             string
}

const exportUsage = `reel export writes a story out to keep: one self-contained HTML page
(its pictures inside it), a PDF, or a Markdown deck with its pictures in
NAME_files/ beside it. Each reads back in reel.

Usage:
  reel export [flags] [FILE | URL | -] -o OUT

With no story named, the export reads standard input when it is a pipe,
and the bundled sample otherwise, as reel itself does. The format comes
from OUT's extension (.html, .pdf, .md) or --to. "-o -"
writes HTML (or, with --to md, Markdown) to standard output. An existing
OUT is replaced only once the export is whole; ctrl+c leaves it as it was.

Examples:
  reel export https://example.com/gallery -o gallery.html
  reel export deck.md -o deck.pdf --page letter
  reel export story.txt -o story.md
  cat page.html | reel export - --to md -o - > deck.md

Flags:
`

// parseExportArgs reads the flags of "reel export".
func parseExportArgs(args []string, stdout io.Writer, version string) (exportConfig, error) {
	cfg := exportConfig{version: buildVersion(version)}
	fset := pflag.NewFlagSet("reel export", pflag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.SortFlags = false
	fset.StringVarP(&cfg.out, "output", "o", "", "write the export to `OUT` (- for standard output)")
	fset.StringVar(&cfg.to, "to", "", "export `FORMAT`: html, pdf or md (default: from OUT's extension)")
	switchVar(fset, &cfg.notes, "notes", "", "keep the speaker notes")
	fset.StringVar(&cfg.page, "page", "a4", "PDF paper `SIZE`, landscape: a4 or letter")
	switchVar(fset, &cfg.steps, "steps", "", "PDF: a page per reveal step, not one per section")
	format := fset.String("format", "auto", "story format: auto, text, markdown, html, mhtml or feed")
	maxSize := fset.Int64("max-size", read.DefaultLimit>>20, "refuse stories (and fetched pages) larger than `N` MiB")
	switchVar(fset, &cfg.debug, "debug", "", "say on standard error what the export could not keep")
	var help bool
	switchVar(fset, &help, "help", "h", "show this help and exit")
	if err := fset.Parse(args); err != nil {
		return cfg, usageError{err.Error()}
	}
	if help {
		fmt.Fprint(stdout, exportUsage)
		fmt.Fprint(stdout, fset.FlagUsages())
		return cfg, errHelp
	}
	paths := fset.Args()
	switch {
	case len(paths) > 1:
		return cfg, usageError{fmt.Sprintf("one story at a time: got %d", len(paths))}
	case len(paths) == 1:
		cfg.path = paths[0]
	}
	if cfg.out == "" {
		return cfg, usageError{"export needs -o OUT: a file, or - for standard output"}
	}
	var err error
	if cfg.format, err = story.ParseFormat(*format); err != nil {
		return cfg, usageError{err.Error()}
	}
	if *maxSize <= 0 || *maxSize > 1<<20 {
		return cfg, usageError{fmt.Sprintf("--max-size must be between 1 and %d MiB (got %d)", 1<<20, *maxSize)}
	}
	cfg.maxSize = *maxSize << 20
	return cfg, nil
}

// runExport is "reel export": it reads the story as the reader would
// and writes it out. It keeps no reading position and reads none.
func runExport(args []string, stdin, stdout, stderr *os.File, b Build) error {
	cfg, err := parseExportArgs(args, stdout, b.Version)
	if err != nil {
		return err
	}
	opt := export.Options{Notes: cfg.notes, Steps: cfg.steps}
	if opt.Format, err = export.FormatFor(cfg.out, cfg.to); err != nil {
		return usageError{usageWords(err)}
	}
	if opt.Page, err = export.ParsePage(cfg.page); err != nil {
		return usageError{usageWords(err)}
	}
	stdinTTY := term.IsTerminal(stdin.Fd())
	if cfg.path == "" && !stdinTTY && stdinHoldsStory(stdin) {
		cfg.path = "-"
	}
	var notice io.Writer = io.Discard
	if term.IsTerminal(stderr.Fd()) {
		notice = stderr
	}
	req := source.Request{Path: cfg.path, Format: cfg.format, MaxSize: cfg.maxSize, UserAgent: "reel/" + cfg.version,
		Sample: source.Sample{Name: b.SampleName, Text: b.Sample}}
	ld, err := source.Load(req, stdin, stdinTTY, notice, func() {})
	if err != nil {
		return err
	}
	ctx, caught, stop := source.SignalContext()
	defer stop()
	opt.Origin = exportOrigin(cfg.path, ld.Base, "reel/"+cfg.version)
	opt.Origin.Embedded = embeddedPictures(ld.Story) // a saved page's own pictures
	progress := newProgress(notice, ld.Base != "")
	opt.Progress = progress.update
	if cfg.debug {
		opt.Warn = func(w string) { fmt.Fprintf(stderr, "reel: %s\n", story.OneLine(w)) }
	}
	if cfg.out == "-" {
		err = export.Write(ctx, stdout, ld.Story, opt)
	} else {
		err = export.WriteFile(ctx, cfg.out, ld.Story, opt)
	}
	progress.done()
	if errors.Is(err, context.Canceled) {
		// As a signal ends a program: 130 for ctrl+c, no message.
		return &source.InterruptedError{Signal: caught()}
	}
	return err
}

// usageWords is a usage error's message without its marker.
func usageWords(err error) string {
	msg := err.Error()
	if prefix := export.ErrUsage.Error() + ": "; len(msg) > len(prefix) && msg[:len(prefix)] == prefix {
		return msg[len(prefix):]
	}
	return msg
}

// exportOrigin is where an export reads the story's pictures, under the
// reader's rules: a file's folder, a web story's address (public
// addresses only), and for a pipe only its data: pictures. A story read
// through a descriptor (/dev/fd/63 from `reel export <(curl …)`,
// /proc/self/fd/N) is a pipe's: /dev/fd is no folder of its pictures.
func exportOrigin(path, base, userAgent string) picture.Origin {
	switch {
	case base != "":
		if u, err := url.Parse(base); err == nil {
			return picture.Origin{Base: u, Fetch: pictureFetcher(u, userAgent)}
		}
	case path != "" && path != "-" && !read.IsDescriptor(path):
		return picture.Origin{Dir: filepath.Dir(path)}
	}
	return picture.Origin{}
}

// progress says on the terminal's standard error how many pictures an
// export has read, once it has taken a second or fetches from the web.
type progress struct {
	w       io.Writer
	start   time.Time
	web     bool
	printed bool
}

func newProgress(w io.Writer, web bool) *progress {
	return &progress{w: w, start: time.Now(), web: web}
}

func (p *progress) update(done, total int) {
	if !p.web && time.Since(p.start) < time.Second {
		return
	}
	fmt.Fprintf(p.w, "\rreel: exporting %d of %d pictures…", done, total)
	p.printed = true
}

// done clears the progress line.
func (p *progress) done() {
	if p.printed {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
