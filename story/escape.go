package story

import "strings"

// EscapeMarkdown makes plain text safe to hand to a Markdown renderer: it
// reads back as the same text, with no markup, links or entities. A "#"
// is escaped where it would open a heading, at the start; for text that
// stands on a heading line, see EscapeMarkdownHeading. The readers use it
// for plain text they put into a body.
func EscapeMarkdown(s string) string { return escapeMarkdown(s, false) }

// EscapeMarkdownHeading is EscapeMarkdown with every "#" escaped, not
// only a first one: on a heading line a run of "#" after a space closes
// the heading, and "# Rank #" would read back as "Rank". The Markdown
// export writes all its plain text with it (captions, alt text, credits),
// headings or not.
func EscapeMarkdownHeading(s string) string { return escapeMarkdown(s, true) }

// escapeMarkdown escapes s; everyHash escapes each "#", not only a
// first one.
func escapeMarkdown(s string, everyHash bool) string {
	always := "\\`*_[]<>|~!"
	if everyHash {
		always += "#"
	}
	if !strings.ContainsAny(s, always+"&") && (s == "" || !strings.ContainsRune("#+-=0123456789", rune(s[0]))) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			// Not "\&": a CommonMark escape, but Glamour shows its
			// backslash. "&amp;" shows as "&", and being an entity whole,
			// cannot join the text after it into another.
			b.WriteString("&amp;")
			continue
		case strings.IndexByte(always, c) >= 0:
			b.WriteByte('\\')
		case i == 0 && strings.IndexByte("#+-=", c) >= 0:
			b.WriteByte('\\')
		case (c == '.' || c == ')') && i > 0 && isDigits(s[:i]):
			// "1. " or "1) " at the start would make a list.
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isDigits reports whether s is only ASCII digits (an empty s is).
func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
