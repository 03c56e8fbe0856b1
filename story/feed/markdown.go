package feed

import (
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// isDigits reports whether s is only ASCII digits.
func isDigits(s string) bool { return prose.IsDigits(s) }

// markdownOf joins paragraphs of plain text into Markdown that shows them
// as they are.
func markdownOf(paras []string) string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		if p != "" {
			out = append(out, story.EscapeMarkdown(p))
		}
	}
	return strings.Join(out, "\n\n")
}
