package story

import (
	"errors"
	"path/filepath"
	"strings"
)

// Options says how to read a story.
type Options struct {
	// Format forces a format; FormatAuto chooses one from Name and content.
	Format Format
	// Name is the file name, if any: it helps choose the format and is the
	// title of last resort.
	Name string
	// BaseURL is the address a web page was fetched from (after redirects):
	// relative picture and link addresses resolve against it. Empty for a
	// file or a pipe, whose relative addresses stay relative.
	BaseURL string
}

// ErrNoContent is returned for a web page with no text or pictures to
// read: only scripts, say, or an app shell that builds itself in a browser.
var ErrNoContent = errors.New("the page holds no readable text or pictures")

// Parse reads a story from raw bytes. It refuses binary data and empty
// input with an error that says so.
func Parse(data []byte, opt Options) (*Story, error) {
	return ParseText(string(data), opt)
}

// ParseText is Parse for input read as a string (see ReadText): a long
// story that is clean text already is parsed without a copy.
func ParseText(data string, opt Options) (*Story, error) {
	src, err := DecodeText(data)
	if err != nil {
		return nil, err
	}
	format, reason := Detect(opt.Format, opt.Name, src)
	s := &Story{Format: format, FormatReason: reason, BaseURL: opt.BaseURL}
	switch format {
	case FormatHTML:
		parseHTML(s, src, opt)
		if s.Len() == 0 && s.Intro == "" {
			return nil, ErrNoContent
		}
	case FormatMarkdown:
		parseMarkdown(s, src)
	default:
		parseText(s, src)
	}
	tidy(s, opt.Name)
	return s, nil
}

// tidy folds white space in the one-line fields and gives a story with no
// title one from its file name.
func tidy(s *Story, name string) {
	for _, f := range []*string{&s.Kicker, &s.Title, &s.TitleMarkdown, &s.Subtitle, &s.Date, &s.Source} {
		*f = OneLine(*f)
	}
	for i := range s.Authors {
		s.Authors[i] = OneLine(s.Authors[i])
	}
	if s.Title == "" {
		s.Title = OneLine(titleFromName(name))
	}
}

// titleFromName makes a title of last resort from a file name. A name
// that is a number or a descriptor ("/dev/fd/63" from process
// substitution, "/dev/stdin") says nothing about the story.
func titleFromName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	dir := filepath.ToSlash(filepath.Dir(name))
	switch {
	case name == "" || name == "-" || base == "" || base == ".",
		isDigits(base),
		dir == "/dev" || strings.HasPrefix(dir, "/dev/") || (strings.HasPrefix(dir, "/proc/") && strings.HasSuffix(dir, "/fd")):
		return "Untitled story"
	}
	return base
}

// OneLine cleans s (see Clean) and folds its white space, newlines
// included, into single spaces: for titles, status lines and file names.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// AllDropped returns everything kept off the pages, the sections' notes
// and directives included. It parses every section.
func (s *Story) AllDropped() []Dropped {
	out := append([]Dropped(nil), s.Dropped...)
	for i := range s.Len() {
		out = append(out, s.Section(i).Dropped...)
	}
	return out
}
