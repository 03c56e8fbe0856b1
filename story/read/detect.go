package read

import (
	"path/filepath"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

// sniffSize is how much of the input content sniffing looks at.
const sniffSize = 8 << 10

var (
	htmlTagRe    = prose.LazyRegexp(`(?i)<(html|body|amp-story)[\s>]|<!doctype\s+html`)
	htmlStartRe  = prose.LazyRegexp(`(?i)^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<amp-story[\s>]|<\?xml[^>]*>\s*<(!doctype\s+html|html))`)
	atxHeadingRe = prose.LazyRegexp(`(?m)^ {0,3}#{1,6}[ \t]+\S`)
	mdImageRe    = prose.LazyRegexp(`!\[[^\]\n]*\]\([^)\n]*\)`)
	mdFenceRe    = prose.LazyRegexp("(?m)^ {0,3}(```|~~~)")
	frontRe      = prose.LazyRegexp(`^---[ \t]*\n`)
	mdpMetaRe    = prose.LazyRegexp(`^%(title|author|date):`)
)

// headingLines is how far from the top one ATX heading makes a story
// Markdown.
const headingLines = 12

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	at := 0
	for range n {
		i := strings.IndexByte(s[at:], '\n')
		if i < 0 {
			return s
		}
		at += i + 1
	}
	return s[:at]
}

// Detect chooses the format of a story: an explicit format wins, then the
// file name's extension, then the content. It returns the format and the
// reason, in words, for the choice.
func Detect(explicit story.Format, name, text string) (story.Format, string) {
	if explicit != story.FormatAuto {
		// The reader asked, so the format holds; a --debug listing says
		// when the story reads as another ("--format html deck.md").
		reason := "--format " + explicit.String()
		if auto, why := Detect(story.FormatAuto, name, text); auto != explicit {
			reason += "; without it, " + auto.String() + ": " + why
		}
		return explicit, reason
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return story.FormatMarkdown, "file extension " + filepath.Ext(name)
	case ".txt", ".text":
		return story.FormatText, "file extension " + filepath.Ext(name)
	case ".html", ".htm":
		return story.FormatHTML, "file extension " + filepath.Ext(name)
	}
	head := text
	if len(head) > sniffSize {
		head = head[:sniffSize]
	}
	switch {
	case htmlStartRe().MatchString(skipComments(head)):
		return story.FormatHTML, "content: starts as a web page"
	case htmlTagRe().MatchString(head):
		return story.FormatHTML, "content: HTML tags"
	case frontRe().MatchString(head):
		return story.FormatMarkdown, "content: front matter"
	case mdpMetaRe().MatchString(head):
		return story.FormatMarkdown, "content: mdp metadata"
	case strings.Contains(head, "<!-- end_slide -->"):
		return story.FormatMarkdown, "content: <!-- end_slide -->"
	case len(atxHeadingRe().FindAllStringIndex(head, 2)) >= 2:
		return story.FormatMarkdown, "content: Markdown headings"
	case atxHeadingRe().MatchString(firstLines(head, headingLines)):
		// "## Part one" near the top. Hashtags ("#Diwali") have no space
		// after the "#" and are no heading.
		return story.FormatMarkdown, "content: a Markdown heading"
	case mdImageRe().MatchString(head):
		return story.FormatMarkdown, "content: Markdown images"
	case mdFenceRe().MatchString(head):
		return story.FormatMarkdown, "content: code fences"
	}
	return story.FormatText, "content: plain text"
}

// skipComments returns s past leading white space and HTML comments, where
// a saved web page may hide its doctype. A Markdown deck that starts with
// a comment goes on with Markdown, which htmlStartRe does not match.
func skipComments(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\n\ufeff")
		if !strings.HasPrefix(s, "<!--") {
			return s
		}
		end := strings.Index(s, "-->")
		if end < 0 {
			return ""
		}
		s = s[end+3:]
	}
}
