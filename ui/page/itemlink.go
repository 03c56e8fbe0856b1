package page

import (
	"github.com/reeltui/reel/story"
)

// itemLinkLines are the lines print mode adds under a feed item's page:
// its link, which the reader opens with o, so that a printed feed keeps
// where each item leads. The address is printed whole, never wrapped or
// cut, so that it can be copied from the output. Other pages have none.
func itemLinkLines(s *story.Story, i int, st Styles) []string {
	if i <= 0 {
		return nil
	}
	it := s.Section(i - 1).Item
	if it == nil || it.Link == "" {
		return nil
	}
	return []string{st.Faint.Render("Link: " + story.OneLine(it.Link))}
}
