package markdown

import (
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

var (
	mdpLineRe   = prose.LazyRegexp(`^%(title|author|date):[ \t]*(.*)$`)
	mdpCenterRe = prose.LazyRegexp(`(?m)^-> ?(.*?) ?<-[ \t]*$`)
)

// readMdpMeta takes mdp's leading "%title:", "%author:" and "%date:" lines,
// and reads such a deck as mdp does (see mdpLines).
func readMdpMeta(s *story.Story, src string) string {
	for found := false; ; found = true {
		line, rest, _ := strings.Cut(src, "\n")
		m := mdpLineRe().FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			if found {
				src = mdpLines(mdpCenterRe().ReplaceAllString(src, "$1"))
				s.KeepLineBreaks = true
			}
			return src
		}
		switch v := strings.TrimSpace(m[2]); m[1] {
		case "title":
			setTitle(s, v)
		case "author":
			s.Authors = append(s.Authors, v)
		case "date":
			s.Date = v
		}
		src = rest
	}
}

// mdpPause is what an mdp stop line becomes: a pause comment, which the
// slide reader takes for a reveal step where the stop was.
const mdpPause = "<!-- pause -->"

// mdpLines rewrites what mdp reads differently from CommonMark. mdp stops
// at a line that is only "^" or "<br>" until a key is pressed: those lines
// become pause comments, kept off the page (a reveal step, where a reader
// makes one). mdp shows every line as a line, so the deck is marked to
// keep its line breaks, and the indentation of a paragraph's continuation
// lines (a table of keys lined up with spaces), which CommonMark strips, is
// kept as no-break spaces. Code is left alone.
func mdpLines(src string) string {
	lines := strings.Split(src, "\n")
	fence := ""
	plainAbove := false // the line above is paragraph text at the margin
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			plainAbove = false
			continue
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			plainAbove = false
			continue
		case trimmed == "^" || strings.EqualFold(trimmed, "<br>") || strings.EqualFold(trimmed, "<br/>") || strings.EqualFold(trimmed, "<br />"):
			lines[i] = indent + mdpPause
			plainAbove = false
			continue
		case trimmed == "":
			plainAbove = false
			continue
		}
		block := startsBlock(trimmed)
		if plainAbove && indent != "" && !block {
			lines[i] = strings.Repeat("\u00a0", len(strings.ReplaceAll(indent, "\t", "    "))) + trimmed
			continue // still paragraph text
		}
		plainAbove = indent == "" && !block
	}
	return strings.Join(lines, "\n")
}

// startsBlock reports whether a trimmed line starts a list item, quote,
// heading, table row or HTML block rather than running on a paragraph.
func startsBlock(trimmed string) bool {
	if trimmed == "" {
		return false
	}
	switch trimmed[0] {
	case '>', '#', '|', '<':
		return true
	case '*', '-', '+':
		return len(trimmed) == 1 || trimmed[1] == ' ' || trimmed[1] == '\t'
	}
	digits := len(trimmed) - len(strings.TrimLeft(trimmed, "0123456789"))
	return digits > 0 && digits < len(trimmed) && (trimmed[digits] == '.' || trimmed[digits] == ')')
}
