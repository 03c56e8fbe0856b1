package prose

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
)

// TestEscapeMarkdownRoundTrip: what escapeMarkdown writes reads back as
// the same text, and an ampersand is written as "&amp;" (Glamour shows
// the backslash of "\&").
func TestEscapeMarkdownRoundTrip(t *testing.T) {
	for _, s := range []string{"AT&T", "&lt; is not <", "&amp; stays", `a \& b`, "#1 & *two*", "1. AT&T", ""} {
		esc := story.EscapeMarkdown(s)
		if strings.Count(esc, "&") != strings.Count(esc, "&amp;") {
			t.Errorf("escapeMarkdown(%q) = %q: an ampersand not written &amp;", s, esc)
		}
		if got := UnescapeMarkdown(esc); got != s {
			t.Errorf("unescapeMarkdown(escapeMarkdown(%q)) = %q (escaped %q)", s, got, esc)
		}
	}
}
