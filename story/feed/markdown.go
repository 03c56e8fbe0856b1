package feed

import "strings"

// escapeMarkdown makes plain text safe to hand to a Markdown renderer: it
// reads back as the same text, with no markup, links or entities. (The same
// rules as the other readers' escape, which lives in a package of theirs.)
func escapeMarkdown(s string) string {
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
			// "&amp;" shows as "&" (Glamour shows the backslash of "\&").
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

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// markdownOf joins paragraphs of plain text into Markdown that shows them
// as they are.
func markdownOf(paras []string) string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		if p != "" {
			out = append(out, escapeMarkdown(p))
		}
	}
	return strings.Join(out, "\n\n")
}
