package prose

import (
	"strings"
)

// EscapeMarkdown makes plain text safe to hand to a Markdown renderer: it
// reads back as the same text, with no markup, links or entities.
func EscapeMarkdown(s string) string {
	const always = "\\`*_[]<>|~!"
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
		case (c == '.' || c == ')') && i > 0 && IsDigits(s[:i]):
			// "1. " or "1) " at the start would make a list.
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// IsDigits reports whether s is only ASCII digits (an empty s is).
func IsDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// UnescapeMarkdown undoes EscapeMarkdown, for text that is matched
// against patterns.
func UnescapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "&amp;") {
			b.WriteByte('&')
			i += len("&amp;") - 1
			continue
		}
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
