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
		if words, ok := unemphasised(line, sec.Item.Byline()); ok {
			pieces[i].text = words + "\n" + rest
		}
		return
	}
}

// plainFeedNote takes the emphasis off the note a feed's reader ends the
// cover's intro with ("_Not all of this feed could be read: …_") in plain
// text, as plainByline does a byline's.
func plainFeedNote(pieces []bodyPiece, s *story.Story, theme Theme) {
	if theme != ThemeNoTTY || s.Feed == nil || s.Feed.Note == "" || len(pieces) == 0 {
		return
	}
	last := &pieces[len(pieces)-1]
	text := strings.TrimRight(last.text, "\n ")
	at := 0
	if k := strings.LastIndex(text, "\n\n"); k >= 0 {
		at = k + 2
	}
	if words, ok := unemphasised(text[at:], s.Feed.Note); ok {
		last.text = text[:at] + words
	}
}

// unemphasised is the Markdown md without the underscores around it, if
// it is the text want in emphasis.
func unemphasised(md, want string) (string, bool) {
	if len(md) > 2 && md[0] == '_' && md[len(md)-1] == '_' && unescapeMarkdown(md[1:len(md)-1]) == want {
		return md[1 : len(md)-1], true
	}
	return "", false
}
