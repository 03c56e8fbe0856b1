package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/reeltui/reel/story"
)

// slowNotice is how long reading may wait on a writer before reel says
// what it is waiting for.
const slowNotice = 300 * time.Millisecond

// readStory reads the story the command line names: a file, standard
// input, or the bundled sample. Waits the user could mistake for a hang
// (a terminal as standard input, a FIFO with no writer yet) are explained
// on notice, which is the terminal's standard error or io.Discard.
func readStory(cfg config, stdin *os.File, stdinTTY bool, notice io.Writer) (string, string, error) {
	switch {
	case cfg.path == "" && stdinTTY:
		return sampleStory, sampleName, nil
	case cfg.path == "" || cfg.path == "-":
		if stdinTTY {
			fmt.Fprintln(notice, "reel: reading a story from standard input; ctrl+d ends it")
		}
		data, err := story.ReadText(stdin, cfg.maxSize)
		if err != nil {
			return "", "", fmt.Errorf("standard input: %w", err)
		}
		return data, "-", nil
	}
	name := cfg.path
	info, err := os.Stat(name)
	if err == nil && info.IsDir() {
		return "", "", fmt.Errorf("%s is a directory, not a story", displayName(name))
	}
	if err == nil && info.Mode()&fs.ModeNamedPipe != 0 {
		// Opening a FIFO blocks until something writes to it.
		t := time.AfterFunc(slowNotice, func() {
			fmt.Fprintf(notice, "reel: waiting for a writer on %s (ctrl+c gives up)\n", displayName(name))
		})
		defer t.Stop()
	}
	f, err := os.Open(name)
	if err != nil {
		return "", "", fileError(name, err)
	}
	defer f.Close()
	data, err := story.ReadText(f, cfg.maxSize)
	if err != nil {
		return "", "", fileError(name, err)
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

// loaded is a story as the command line names it, read and parsed.
type loaded struct {
	story *story.Story
	data  string // its text, for its resume key
	name  string // the file name, "-", or a web story's short address
	base  string // a web story's address: its pictures' base
}

// loadStory reads and parses the story the command line names: a URL, a
// file, standard input or the bundled sample. release gives the garbage
// collector back its pacing (collector.go): it is called before a web
// page is parsed.
func loadStory(cfg config, stdin *os.File, stdinTTY bool, notice io.Writer, release func()) (loaded, error) {
	var (
		data       string
		name       string
		opt        = story.Options{Format: cfg.format}
		serverHTML bool   // the server said the page is HTML, and no --format overrode it
		base       string // a web story's address: its pictures' base
		err        error
	)
	if isURL(cfg.path) {
		page, err := fetchStory(cfg.path, cfg.maxSize, notice)
		if err != nil {
			return loaded{}, err
		}
		data, name, opt.BaseURL = string(page.data), shortURL(page.url), page.url
		base = page.url
		if page.html && opt.Format == story.FormatAuto {
			opt.Format, serverHTML = story.FormatHTML, true
		}
	} else if err := schemeError(cfg.path); err != nil {
		return loaded{}, err
	} else if data, name, err = readStory(cfg, stdin, stdinTTY, notice); err != nil {
		return loaded{}, err
	}
	opt.Name = name
	if f, _ := story.Detect(opt.Format, name, data); f == story.FormatHTML {
		release()
	}
	s, err := story.ParseText(data, opt)
	if err != nil {
		return loaded{}, fmt.Errorf("%s: %w", displayName(name), err)
	}
	if serverHTML {
		s.FormatReason = "the server sent an HTML page"
	}
	return loaded{story: s, data: data, name: name, base: base}, nil
}
