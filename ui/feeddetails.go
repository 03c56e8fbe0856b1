package ui

import "github.com/reeltui/reel/ui/page"

// itemLines are the details overlay's lines about the feed item shown:
// its link (whole: i is where it can be read), date and author, above its
// pictures. Other pages have none.
func (m Model) itemLines(w int) []string {
	it := m.item()
	if it == nil {
		return nil
	}
	st, wm := *m.styles, m.method
	lines := page.WrapStyled("Item", w, st.Heading, wm)
	field := func(label, value, none string) { lines = append(lines, detailField(label, value, none, w, st, wm)...) }
	field("Link", it.Link, "none: the feed gives this item no link")
	if it.Date != "" {
		field("Published", it.Date, "")
	}
	if it.Author != "" {
		field("Author", it.Author, "")
	}
	return append(lines, "")
}
