package story

import (
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
