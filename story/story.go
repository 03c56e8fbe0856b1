// Package story is the model of a picture story (a plain-text news gallery,
// a Markdown deck or a web page): a title, an intro and an ordered list of
// captioned sections with their pictures. The readers that fill it live in
// story/text, story/markdown and story/web; story/read chooses among them.
//
// The package knows nothing about terminals. Every string it hands out has
// been cleaned of control characters and escape sequences, so callers may
// show it as text.
package story

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Format names a story format.
type Format int

// The formats reel reads.
const (
	FormatAuto Format = iota
	FormatText
	FormatMarkdown
	FormatHTML
	// FormatMHTML is a page saved whole, with its pictures, as one MIME
	// file (Chrome's .mhtml); its HTML is read as FormatHTML's.
	FormatMHTML
	FormatFeed // RSS, Atom or JSON Feed
)

// String returns the name used on the command line.
func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatMarkdown:
		return "markdown"
	case FormatHTML:
		return "html"
	case FormatMHTML:
		return "mhtml"
	case FormatFeed:
		return "feed"
	}
	return "auto"
}

// ParseFormat reads a format name as given to --format.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm", "web":
		return FormatHTML, nil
	case "mhtml", "mht":
		return FormatMHTML, nil
	case "feed", "rss", "atom", "jsonfeed":
		return FormatFeed, nil
	}
	return FormatAuto, fmt.Errorf("unknown format %q (want auto, text, markdown, html, mhtml or feed)", Clean(name))
}

// Limits on the pictures a saved page carries (Story.Embedded): as many
// bytes as a picture file may have, and a few hundred of them.
const (
	MaxEmbeddedBytes = 16 << 20
	MaxEmbedded      = 512
)

// Story is one picture story.
type Story struct {
	// Format is the format the story was read as.
	Format Format
	// FormatReason says why that format was chosen, for --debug listings.
	FormatReason string
	// Kicker is the label stripped from the title line, such as "In Pics".
	Kicker string
	// Title is plain text, for places that show only text: the status
	// bar, the window title.
	Title string
	// TitleMarkdown is the title as the story wrote it, with its inline
	// Markdown ("Introducing _presenterm_"), when that differs from Title;
	// the cover shows it through TitleSpans.
	TitleMarkdown string
	Subtitle      string
	Authors       []string
	Date          string
	Source        string
	// Intro is Markdown shown on the cover.
	Intro string
	// KeepLineBreaks is set for a deck whose every line is a line of its
	// own, as mdp shows them: a renderer keeps the line breaks inside its
	// paragraphs instead of flowing them together.
	KeepLineBreaks bool
	// Dropped holds what was read but kept off the pages outside any
	// section: page chrome, and the cover's notes and directives; for a
	// web page also teasers, ads, sidebars and empty pages.
	Dropped []Dropped
	// Reader names how a web page was read ("AMP story", "article"), and
	// TitleFrom where its title came from, for --debug listings.
	Reader    string
	TitleFrom string
	// Poster is the story's cover picture, when the page names one.
	Poster Picture
	// Embedded holds the pictures a saved page carries inside itself (an
	// .mhtml file's parts), by the addresses its pages name them with:
	// Picture.Source finds its bytes here before anywhere else. Nil for
	// most stories. Each is at most MaxEmbeddedBytes.
	Embedded map[string][]byte
	// Lang is the language the story says it is written in, a tag such
	// as "en" or "pt-BR" (LangTag); "" when it does not say.
	Lang string
	// BaseURL is the address the story was fetched from (Options.BaseURL).
	// It is empty for a file or a pipe: only a story from a URL may have
	// its pictures fetched from the web.
	BaseURL string
	// Feed is set for a story read from a feed (feeditem.go).
	Feed *FeedInfo

	mu       sync.Mutex // guards sections, parsed on demand
	sections []*Section // nil until parsed; a pointer keeps the slice of a long deck small
	lazy     Lazy       // a Markdown story's source, for the sections not yet parsed
	// titleSpans is the title's Markdown as runs of styled text, set by
	// the reader that set TitleMarkdown.
	titleSpans []Span
}

// Section is one captioned page of a story.
type Section struct {
	Caption string
	// Body is Markdown.
	Body string
	// Steps are the offsets in Body where reveal markers stood: the page
	// is shown a step at a time, Body[:Steps[0]] first. Nil for a page
	// shown whole.
	Steps    []int
	Pictures []Picture
	// Dropped holds the section's speaker notes and slide-tool directives,
	// kept off the page.
	Dropped []Dropped
	// Item is set for a section that is a feed's item (feeditem.go).
	Item *FeedItem
	// Lead is the first words of the prose under a slide's heading: what
	// tells apart slides that repeat one heading (Labels), and names a
	// section that has no caption (a copied gallery's photo without one).
	Lead string
	// Columns are runs of the page laid out side by side (presenterm's
	// column_layout), in the order they stand.
	Columns []Columns
}

// Columns is a run of a page laid out side by side: each column's
// Markdown, and their widths relative to each other ([1, 2]: the second
// twice the first). It stands at At in its section's Body, as a picture
// does; a screen too narrow for it shows the columns one under another.
type Columns struct {
	Widths []int
	Parts  []string
	At     int
}

// Picture is one picture of a section.
type Picture struct {
	// Source is a path or URL; empty for a placeholder.
	Source  string
	Alt     string
	Caption string
	Credit  string
	// Placeholder is set when the picture only stands for one that the text
	// left out, as in galleries copied from a web page.
	Placeholder bool
	// Width and Height are the size the page gives, in pixels (0 if none).
	Width, Height int
	// Video is the address of a video whose poster this picture is.
	Video string
	// At is where the picture stands in its section's Body: a byte
	// offset at the start of a block, or at the line break that ends the
	// text before it (position.go). The text before it comes before the
	// picture; 0, as for a gallery's photo, puts the picture above the
	// text.
	At int
	// ListResume is set when At splits an ordered list between two
	// items: it is the number of the item after At, which the rest of
	// the list must start with when drawn apart ("1." in the source may
	// stand for any number after the first item). 0 otherwise.
	ListResume int
}

// Dropped is a piece of input kept off the pages.
type Dropped struct {
	// Kind is "chrome", "note" or "directive"; for web pages also
	// "teaser", "ad", "navigation", "hidden", "empty page" and "metadata".
	Kind string
	Text string
}

// Lazy parses a story's sections on first use, so that the first page of
// a long story can be shown before the rest is parsed. The Story calls it
// under its lock.
type Lazy interface {
	// Section parses section i.
	Section(i int) Section
	// ParseRest parses every section of secs that is nil, and sets it:
	// secs[i] is section i.
	ParseRest(secs []*Section)
}

// SetLazy makes the story's sections those of secs, one per section; a nil
// one is parsed by lazy when it is first asked for. The story keeps secs.
func (s *Story) SetLazy(lazy Lazy, secs []*Section) {
	s.lazy, s.sections = lazy, secs
}

// Lazy returns what parses the story's sections on demand, or nil for a
// story read whole.
func (s *Story) Lazy() Lazy { return s.lazy }

// Len returns the number of sections.
func (s *Story) Len() int { return len(s.sections) }

// Section returns section i, parsing it first if need be. It is safe for
// concurrent use. An index out of range returns the zero Section.
func (s *Story) Section(i int) Section {
	if i < 0 || i >= len(s.sections) {
		return Section{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sections[i] == nil {
		sec := s.lazy.Section(i)
		s.sections[i] = &sec
	}
	return numbered(*s.sections[i], i)
}

// numbered names section i by its number when nothing else names it: a
// slide of code only, with no heading, prose or picture, is "Slide 3".
// (A picture with no words is named by the reader as "Picture 3".)
func numbered(sec Section, i int) Section {
	if sec.Caption == "" && len(sec.Pictures) == 0 {
		sec.Caption = fmt.Sprintf("Slide %d", i+1)
	}
	return sec
}

// ItemNamer is a Lazy that can name a feed's item without parsing it
// whole (story/feed's reader does).
type ItemNamer interface {
	// ItemID returns the FeedItem.ID section i will have.
	ItemID(i int) string
}

// ItemID returns the id of section i's feed item (FeedItem.ID), and
// whether the section is a feed's item at all. A section not yet parsed
// is not parsed for it when its reader can name the item alone: finding
// a feed's unseen items asks this of every one of them. It is safe for
// concurrent use.
func (s *Story) ItemID(i int) (string, bool) {
	if i < 0 || i >= len(s.sections) {
		return "", false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sections[i] == nil {
		if namer, ok := s.lazy.(ItemNamer); ok {
			return namer.ItemID(i), true
		}
		sec := s.lazy.Section(i)
		s.sections[i] = &sec
	}
	if it := s.sections[i].Item; it != nil {
		return it.ID, true
	}
	return "", false
}

// Sections parses and returns every section. It is safe for concurrent
// use.
func (s *Story) Sections() []Section {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lazy != nil {
		s.lazy.ParseRest(s.sections)
	}
	out := make([]Section, len(s.sections))
	for i := range s.sections {
		out[i] = numbered(*s.sections[i], i)
	}
	return out
}

// Labels names every section for a list of contents. A section's label
// is its caption; where consecutive sections share one, as in a deck that
// repeats its heading on every slide, the label adds what tells them
// apart: the first words under the heading ("Supported markdown
// formatting · Inline codes are surrounded with backticks."), or failing
// those the section's place in the run ("Supported markdown formatting
// (2)").
func (s *Story) Labels() []string {
	secs := s.Sections()
	out := make([]string, len(secs))
	shared := func(i int) bool {
		return i >= 0 && i < len(secs) && secs[i].Caption != "" &&
			((i > 0 && secs[i-1].Caption == secs[i].Caption) || (i+1 < len(secs) && secs[i+1].Caption == secs[i].Caption))
	}
	for i, sec := range secs {
		out[i] = sec.Caption
		if sec.Caption == "" {
			out[i] = sec.Lead // a photo with no caption, named by its first words
		}
		if shared(i) && sec.Lead != "" && sec.Lead != sec.Caption {
			out[i] = sec.Caption + " · " + sec.Lead
		}
	}
	// Labels still alike (no words under the heading, or the same ones)
	// are numbered by their place among the sections of their caption.
	alike := slices.Clone(out)
	run := 0
	for i := range out {
		if i > 0 && secs[i].Caption == secs[i-1].Caption {
			run++
		} else {
			run = 1
		}
		if shared(i) && ((i > 0 && alike[i-1] == alike[i]) || (i+1 < len(out) && alike[i+1] == alike[i])) {
			out[i] = fmt.Sprintf("%s (%d)", secs[i].Caption, run)
		}
	}
	return out
}

// AddSection appends a parsed section.
func (s *Story) AddSection(sec Section) {
	s.sections = append(s.sections, &sec)
}

// HasPictures reports whether the section has at least one picture.
func (sec Section) HasPictures() bool { return len(sec.Pictures) > 0 }
