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
	field := func(label, value, none string) {
		lines = append(lines, page.WrapStyled(label, w, st.Faint, wm)...)
		if value == "" {
			lines = append(lines, page.WrapStyled("  "+none, w, st.PanelNoAlt, wm)...)
			return
		}
		for _, l := range page.WrapWidth(value, max(w-2, 1), wm) {
			lines = append(lines, "  "+st.PanelAlt.Render(l))
		}
	}
	field("Link", it.Link, "none: the feed gives this item no link")
	if it.Date != "" {
		field("Published", it.Date, "")
	}
	if it.Author != "" {
		field("Author", it.Author, "")
	}
	return append(lines, "")
}
