package story

import (
	"strings"
	"unicode"
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
	// Charset is the character set the server declared for a web page
	// (its Content-Type's charset), if any: it wins over the page's own
	// <meta charset>.
	Charset string
	// ContentType is the media type the server sent with a story fetched
	// from the web ("application/rss+xml"), for Detect; "" otherwise.
	ContentType string
}

// OneLine cleans s (see Clean) and folds its white space, newlines
// included, into single spaces: for titles, status lines and file names.
func OneLine(s string) string {
	s = Clean(s)
	if folded(s) {
		// Most titles and names are folded already: no copy to make
		// (a 10,000-item feed asks this some 100,000 times).
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// folded reports whether s has no white space to fold: none at either
// end, no two together, and none but plain spaces (strings.Fields's
// white space is unicode.IsSpace).
func folded(s string) bool {
	space := true // white space at the start is folded away
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return !space || s == ""
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
