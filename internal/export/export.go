// Package export writes a story out as something to take away: one
// self-contained HTML page, a PDF, or a Markdown deck with its pictures
// beside it. It writes the story itself (its title, sections, captions,
// credits, alt text and original pictures), not a picture of a terminal,
// and every export is a story reel reads back.
//
// Pictures come from the story's own sources under the reader's rules
// (picture.Origin): the story's folder, data: URIs, and the web only for
// a story read from the web. Export reads no reading positions and writes
// none.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
)

// Format is what an export is written as.
type Format int

// The formats an export is written in.
const (
	FormatUnknown Format = iota
	FormatHTML
	FormatPDF
	FormatMarkdown
)

// String returns the name --to takes.
func (f Format) String() string {
	switch f {
	case FormatHTML:
		return "html"
	case FormatPDF:
		return "pdf"
	case FormatMarkdown:
		return "md"
	}
	return "unknown"
}

// ErrUsage marks an export asked for in a way that cannot work: an
// unknown format or extension, or a PDF to standard output.
var ErrUsage = errors.New("usage")

// FormatFor chooses the format of an export to out: to (as --to gives it)
// if set, else out's extension. Standard output ("-") is HTML unless to
// says Markdown; a PDF is never written there.
func FormatFor(out, to string) (Format, error) {
	if to != "" {
		f := parseFormat(to)
		if f == FormatUnknown {
			return f, fmt.Errorf("%w: unknown export format %q (want html, pdf or md)", ErrUsage, story.Clean(to))
		}
		if out == "-" && f == FormatPDF {
			return f, fmt.Errorf("%w: a PDF is not written to standard output: name a file with -o", ErrUsage)
		}
		// A file named for one format and written in another would
		// open in the wrong program: say so rather than write it.
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if named := parseFormat(ext); out != "-" && named != FormatUnknown && named != f {
			return f, fmt.Errorf("%w: --to %s but %s is named for .%s: give it the .%s extension, or leave --to out", ErrUsage, story.Clean(to), story.Clean(filepath.Base(out)), ext, f)
		}
		return f, nil
	}
	if out == "-" {
		return FormatHTML, nil
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
	if f := parseFormat(ext); f != FormatUnknown {
		return f, nil
	}
	if ext == "" {
		return FormatUnknown, fmt.Errorf("%w: %s has no extension: name it .html, .pdf or .md, or give --to", ErrUsage, story.Clean(out))
	}
	return FormatUnknown, fmt.Errorf("%w: unknown extension .%s (want .html, .pdf or .md, or give --to)", ErrUsage, story.Clean(ext))
}

func parseFormat(name string) Format {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "html", "htm":
		return FormatHTML
	case "pdf":
		return FormatPDF
	case "md", "markdown":
		return FormatMarkdown
	}
	return FormatUnknown
}

// Page is the paper size of a PDF.
type Page int

// The paper sizes a PDF is set on, landscape.
const (
	PageA4 Page = iota
	PageLetter
)

// ParsePage reads a paper size as --page gives it.
func ParsePage(name string) (Page, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "a4":
		return PageA4, nil
	case "letter", "us-letter":
		return PageLetter, nil
	}
	return PageA4, fmt.Errorf("%w: unknown page size %q (want a4 or letter)", ErrUsage, story.Clean(name))
}

// Options says how to export a story.
type Options struct {
	Format Format
	// Notes puts the speaker notes in the export.
	Notes bool
	// Page is a PDF's paper size.
	Page Page
	// Steps gives a PDF a page per reveal step, not one per section.
	Steps bool
	// Origin is where the story's pictures may be read from, as the
	// reader reads them.
	Origin picture.Origin
	// Progress, if set, is told how many of the story's pictures have
	// been read so far.
	Progress func(done, total int)
	// Warn, if set, is told what the export could not keep (text a PDF's
	// font cannot show), one line at a time.
	Warn func(string)
}

func (o Options) warn(format string, args ...any) {
	if o.Warn != nil {
		o.Warn(fmt.Sprintf(format, args...))
	}
}

// Write writes the story to w in opt.Format. A Markdown deck written to
// a stream has its pictures embedded as data: URIs, as there is no
// folder to put them in.
func Write(ctx context.Context, w io.Writer, s *story.Story, opt Options) error {
	budget := newMemoryBudget()
	defer budget.release()
	secs := exportSections(s)
	pics, err := loadPictures(ctx, s, secs, opt, targetFor(opt.Format), budget)
	if err != nil {
		return err
	}
	switch opt.Format {
	case FormatHTML:
		return writeHTML(w, s, secs, pics, opt)
	case FormatPDF:
		return writePDF(w, s, secs, pics, opt)
	case FormatMarkdown:
		return writeDeck(w, s, secs, pics, opt, nil)
	}
	return fmt.Errorf("%w: no export format chosen", ErrUsage)
}

// targetFor is what pictures a format can hold.
func targetFor(f Format) target {
	if f == FormatPDF {
		return targetPDF
	}
	return targetWeb
}
