// Package read turns the bytes of a story into a story.Story: it decodes
// them (input.go), chooses the format (Detect) and hands the text to that
// format's reader, named in an explicit table (readers), not registered by
// the readers themselves.
package read

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
	"github.com/reeltui/reel/story/markdown"
	"github.com/reeltui/reel/story/text"
	"github.com/reeltui/reel/story/web"
)

// ErrNoContent is returned for a web page with no text or pictures to
// read: only scripts, say, or an app shell that builds itself in a browser.
var ErrNoContent = errors.New("the page holds no readable text or pictures")

// reader fills a story from its decoded source.
type reader func(s *story.Story, src string, opt story.Options)

// readers is the reader of each format. A format with none (FormatAuto,
// which Detect never returns) is read as text.
var readers = map[story.Format]reader{
	story.FormatText:     func(s *story.Story, src string, _ story.Options) { text.Parse(s, src) },
	story.FormatMarkdown: func(s *story.Story, src string, _ story.Options) { markdown.Parse(s, src) },
	story.FormatHTML:     web.Parse,
}

// Parse reads a story from raw bytes. It refuses binary data and empty
// input with an error that says so.
func Parse(data []byte, opt story.Options) (*story.Story, error) {
	return ParseText(string(data), opt)
}

// ParseText is Parse for input read as a string (see ReadText): a long
// story that is clean text already is parsed without a copy.
func ParseText(data string, opt story.Options) (*story.Story, error) {
	src, err := DecodeText(data)
	if err != nil {
		return nil, err
	}
	format, reason := Detect(opt.Format, opt.Name, src)
	s := &story.Story{Format: format, FormatReason: reason, BaseURL: opt.BaseURL}
	parse, ok := readers[format]
	if !ok {
		parse = readers[story.FormatText]
	}
	parse(s, src, opt)
	if format == story.FormatHTML && s.Len() == 0 && s.Intro == "" {
		return nil, ErrNoContent
	}
	tidy(s, opt.Name)
	return s, nil
}

// tidy folds white space in the one-line fields and gives a story with no
// title one from its file name.
func tidy(s *story.Story, name string) {
	for _, f := range []*string{&s.Kicker, &s.Title, &s.TitleMarkdown, &s.Subtitle, &s.Date, &s.Source} {
		*f = story.OneLine(*f)
	}
	for i := range s.Authors {
		s.Authors[i] = story.OneLine(s.Authors[i])
	}
	if s.Title == "" {
		s.Title = story.OneLine(titleFromName(name))
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
		prose.IsDigits(base),
		dir == "/dev" || strings.HasPrefix(dir, "/dev/") || (strings.HasPrefix(dir, "/proc/") && strings.HasSuffix(dir, "/fd")):
		return "Untitled story"
	}
	return base
}
