package prose

import (
	"strings"
)

// IsDigits reports whether s is only ASCII digits (an empty s is).
func IsDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// UnescapeMarkdown undoes story.EscapeMarkdown, for text that is matched
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
