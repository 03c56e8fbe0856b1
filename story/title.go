package story

// Span is a run of text in one inline style: what is left of Markdown's
// emphasis for the few places outside a page's body that can show it, such
// as the cover's title.
type Span struct {
	Text string
	// Emphasis is _text_ or *text*, Strong is **text**, Code is `text`.
	Emphasis, Strong, Code bool
}

// TitleSpans returns the title as runs of styled text: its Markdown
// emphasis kept, other markup gone. A title with no markup is one span.
func (s *Story) TitleSpans() []Span {
	if s.TitleMarkdown == "" {
		return []Span{{Text: s.Title}}
	}
	return s.titleSpans
}

// SetTitle sets Title to plain and TitleMarkdown to md, which spans shows
// as runs of styled text: the cover shows the markup, and plain text goes
// where only text fits. An md the same as plain is not kept.
func (s *Story) SetTitle(plain, md string, spans []Span) {
	s.Title, s.TitleMarkdown, s.titleSpans = plain, "", nil
	if plain != md {
		s.TitleMarkdown, s.titleSpans = md, spans
	}
}
