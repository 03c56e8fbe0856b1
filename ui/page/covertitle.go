package page

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/reeltui/reel/story"
)

// coverTitle draws the story's title on the cover with the emphasis its
// Markdown gives it ("Introducing _presenterm_" shows presenterm in
// italics). A title that needs more than one line, or a plain theme,
// gets the plain title wrapped.
func coverTitle(s *story.Story, w int, st Styles, wm ansi.Method) []string {
	spans := s.TitleSpans()
	if st.Plain || len(spans) < 2 || wm.StringWidth(s.Title) > w {
		return WrapStyled(s.Title, w, st.Title, wm)
	}
	var b strings.Builder
	for _, sp := range spans {
		style := st.Title
		if sp.Emphasis {
			style = style.Italic(true)
		}
		if sp.Strong || sp.Code {
			style = style.Bold(true)
		}
		b.WriteString(style.Render(sp.Text))
	}
	return []string{b.String()}
}
