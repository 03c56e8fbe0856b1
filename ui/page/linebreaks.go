package page

// renderMarkdownKeepingLines is RenderMarkdown for stories whose every line
// is a line of its own (story.Story.KeepLineBreaks, mdp decks): Glamour
// keeps the line breaks inside paragraphs instead of flowing them together.
func renderMarkdownKeepingLines(md string, w int, theme Theme) string {
	return renderGlamour(md, w, theme, true)
}
