// Package source reads a story from where the command line names it: a
// file, a pipe, a process substitution (<(…)), standard input, a web
// address or the bundled sample; and follows a story file for live
// reload.
package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/feed"
	"github.com/reeltui/reel/story/read"
)

// slowNotice is how long reading may wait on a writer before reel says
// what it is waiting for.
const slowNotice = 300 * time.Millisecond

// Request is the story the command line asks for, and how to read it.
type Request struct {
	Path      string // "" for the bundled sample, "-" for standard input
	Format    story.Format
	MaxSize   int64  // the largest story (or fetched page), in bytes
	UserAgent string // for fetching a web page
	// Base is the web address a file or a pipe came from (--base): its
	// relative addresses resolve against it, and its pictures load from
	// the web as a fetched page's do.
	Base   string
	Sample Sample // the bundled story
}

// Sample is the story reel brings with it, opened when none is named.
type Sample struct {
	Name, Text string
}

// readStory reads the story the command line names: a file, standard
// input, or the bundled sample. Waits the user could mistake for a hang
// (a terminal as standard input, a FIFO with no writer yet) are explained
// on notice, which is the terminal's standard error or io.Discard.
func readStory(req Request, stdin *os.File, stdinTTY bool, notice io.Writer) (string, string, error) {
	switch {
	case req.Path == "":
		// No story named: the caller found none on standard input.
		return req.Sample.Text, req.Sample.Name, nil
	case req.Path == "-":
		if stdinTTY {
			fmt.Fprintln(notice, "reel: reading a story from standard input; ctrl+d ends it")
		}
		data, err := read.ReadText(stdin, req.MaxSize)
		if err != nil {
			return "", "", fmt.Errorf("standard input: %w", err)
		}
		return data, "-", nil
	}
	name := req.Path
	info, err := os.Stat(name)
	if err == nil && info.IsDir() {
		return "", "", fmt.Errorf("%s is a directory, not a story", DisplayName(name))
	}
	if err == nil && info.Mode()&fs.ModeNamedPipe != 0 {
		// Opening a FIFO blocks until something writes to it.
		t := time.AfterFunc(slowNotice, func() {
			fmt.Fprintf(notice, "reel: waiting for a writer on %s (ctrl+c gives up)\n", DisplayName(name))
		})
		defer t.Stop()
	}
	f, err := os.Open(name)
	if err != nil {
		return "", "", fileError(name, err)
	}
	defer f.Close()
	data, err := read.ReadText(f, req.MaxSize)
	if err != nil {
		return "", "", fileError(name, err)
	}
	return data, name, nil
}

// fileError says in plain words what went wrong with a file.
func fileError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist) && looksLikeAddress(name):
		return fmt.Errorf("%s: no such file (a web address? try https://%s)", DisplayName(name), DisplayName(name))
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", DisplayName(name))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", DisplayName(name))
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	return fmt.Errorf("%s: %w", DisplayName(name), err)
}

// DisplayName is a story's name as messages show it: "standard input"
// for "-", and a file name on one line.
func DisplayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return story.OneLine(name)
}

// Loaded is a story as the command line names it, read and parsed.
type Loaded struct {
	Story *story.Story
	Data  string // its text, for its resume key
	Name  string // the file name, "-", or a web story's short address
	Base  string // a web story's address: its pictures' base
}

// Load reads and parses the story the command line names: a URL, a
// file, standard input or the bundled sample. release gives the garbage
// collector back its pacing (internal/tune): it is called before a web
// page is parsed.
func Load(req Request, stdin *os.File, stdinTTY bool, notice io.Writer, release func()) (Loaded, error) {
	var (
		data       string
		name       string
		opt        = story.Options{Format: req.Format}
		serverHTML bool   // the server said the page is HTML, and no --format overrode it
		base       string // a web story's address: its pictures' base
		err        error
	)
	if IsURL(req.Path) {
		var keys *os.File
		if stdinTTY {
			keys = stdin
		}
		page, err := fetchStory(req.Path, req.MaxSize, req.UserAgent, notice, keys)
		if err != nil {
			return Loaded{}, err
		}
		data, name, opt.BaseURL, opt.Charset = string(page.data), shortURL(page.url), page.url, page.charset
		base, opt.ContentType = page.url, page.contentType
		// A feed served as text/html (servers do) is still a feed.
		if _, isFeed := feed.Detect(page.data, ""); page.html && opt.Format == story.FormatAuto && !isFeed {
			opt.Format, serverHTML = story.FormatHTML, true
		}
	} else if err := schemeError(req.Path); err != nil {
		return Loaded{}, err
	} else if data, name, err = readStory(req, stdin, stdinTTY, notice); err != nil {
		return Loaded{}, err
	}
	if base == "" && req.Base != "" {
		opt.BaseURL, base = req.Base, req.Base
	}
	opt.Name = name
	if f, _ := read.Detect(opt.Format, name, data); f == story.FormatHTML || f == story.FormatMHTML {
		release()
	}
	s, err := read.ParseText(data, opt)
	if err != nil {
		return Loaded{}, fmt.Errorf("%s: %w", DisplayName(name), err)
	}
	if serverHTML {
		s.FormatReason = "the server sent an HTML page"
	}
	return Loaded{Story: s, Data: data, Name: name, Base: base}, nil
}

// Size is the size of the story file path names, or 0 if it is not a
// regular file (a pipe, standard input, a URL).
func Size(path string) int64 {
	if path == "" || path == "-" || IsURL(path) {
		return 0
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return 0
	}
	return info.Size()
}
