package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// Which line breaks of a paragraph are the author's: a list's, a poem's,
// an address's are kept; a hard-wrapped paragraph's (72 columns, an
// e-mail's) are joined.

// shortLine is the most runes a line of a run of short lines holds: an
// address, a poem, a list without marks.
const shortLine = 40

// joinLines joins a paragraph's lines where they were wrapped and keeps
// the breaks that the author made. Lines of wide scripts (CJK) are joined
// without a space.
func joinLines(lines []string) string {
	if len(lines) == 1 {
		return lines[0]
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, prose.RuneLen(l))
	}
	short := isShortRun(lines, longest)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			p, _ := utf8.DecodeLastRuneInString(prev)
			n, _ := utf8.DecodeRuneInString(l)
			switch {
			case short || isListLine(l) || nextWordFits(prev, l, longest):
				b.WriteByte('\n')
			case !(prose.IsWide(p) && prose.IsWide(n)):
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// isShortRun reports whether lines are a run of short lines, each its own
// (an address, a poem): all short, and none after the first going on
// with a lower-case word, as a wrapped sentence's lines do.
func isShortRun(lines []string, longest int) bool {
	if longest > shortLine {
		return false
	}
	for _, l := range lines[1:] {
		if r, _ := utf8.DecodeRuneInString(l); unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isListLine reports whether a line is a list item: "- ", "* ", "• ",
// "1. " or "1) ".
func isListLine(l string) bool {
	for _, mark := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(l, mark) {
			return true
		}
	}
	digits := len(l) - len(strings.TrimLeft(l, "0123456789"))
	return digits > 0 && digits <= 3 && (strings.HasPrefix(l[digits:], ". ") || strings.HasPrefix(l[digits:], ") "))
}

// nextWordFits reports whether the first word of next would have fitted
// on prev, with room to spare, in a paragraph wrapped at about longest
// columns: then no wrapping broke the line there, its author did.
func nextWordFits(prev, next string, longest int) bool {
	if longest < 50 {
		return false // too short to tell wrapping from breaks
	}
	word, _, _ := strings.Cut(next, " ")
	return prose.RuneLen(prev)+1+prose.RuneLen(word) <= longest*85/100
}

// escapeLines is prose.EscapeMarkdown for text whose kept line breaks
// each start a line that Markdown must read as text ("- milk" is no list
// item, "# 3" no heading).
func escapeLines(s string) string {
	if !strings.Contains(s, "\n") {
		return story.EscapeMarkdown(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = story.EscapeMarkdown(l)
	}
	return strings.Join(lines, "\n")
}

// keptBreaks reports whether the story's text keeps a line break inside
// a paragraph, which the page must then show (story.KeepLineBreaks).
func keptBreaks(s *story.Story) bool {
	has := func(md string) bool { return strings.Contains(strings.ReplaceAll(md, "\n\n", ""), "\n") }
	if has(s.Intro) {
		return true
	}
	for _, sec := range s.Sections() {
		if has(sec.Body) {
			return true
		}
	}
	return false
}
