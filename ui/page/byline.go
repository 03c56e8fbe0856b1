package page

import (
	"strings"

	"github.com/reeltui/reel/story"
)

// plainByline takes the emphasis off a feed item's byline, the line
// ("_Mon 19 Jan 2026 11:04 GMT · Ann_") the feed reader opens its page
// with, in plain text: there Glamour marks emphasis with Markdown's own
// "*", and "*Mon 19 Jan 2026*" is the reader's markup, not the feed's
// words. The byline stands at the start of the first piece with text.
// Other themes show emphasis as italics: there it stays.
func plainByline(pieces []bodyPiece, sec story.Section, theme Theme) {
	if theme != ThemeNoTTY || sec.Item == nil || sec.Item.Byline() == "" {
		return
	}
	for i := range pieces {
		text := pieces[i].text
		if strings.TrimSpace(text) == "" {
			continue
		}
		line, rest, _ := strings.Cut(text, "\n")
		if len(line) > 2 && line[0] == '_' && line[len(line)-1] == '_' && unescapeMarkdown(line[1:len(line)-1]) == sec.Item.Byline() {
			pieces[i].text = line[1:len(line)-1] + "\n" + rest
		}
		return
	}
}
