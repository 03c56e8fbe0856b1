package story

import (
	"regexp"
	"strings"
)

// The splitter finds where a Markdown deck's slides begin without parsing
// the whole deck, so that the first slide can be shown while the rest wait
// to be parsed on demand. It follows CommonMark's block rules as far as a
// split needs them: fenced code, HTML blocks, indented code, paragraphs
// (a "---" under a paragraph line is a setext heading, not a break) and
// list and quote containers (a "---" after them is a break).

type lineKind int

const (
	lineOther lineKind = iota
	lineBreak
	lineEndSlide
	lineHeading
)

// mark is a line that may start or end a slide.
type mark struct {
	kind  lineKind
	level int // for headings
	start int // byte offset where the slide would start (heading) or the separator line starts
	end   int // byte offset just past the separator line
}

// The HTML block starts; they are only tried on lines that start with "<".
var (
	htmlType1Re = regexp.MustCompile(`(?i)^<(script|pre|style|textarea)(?:[ \t>]|$)`)
	htmlType6Re = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9-]*(?:[ \t/>]|$)`)
)

// The line tests below run on every line of a deck, so they are written
// out by hand: regular expressions made the split five times slower.

// isBreak reports whether t (indent removed) is a thematic break: three or
// more of one of - * _, with spaces or tabs between.
func isBreak(t string) bool {
	if t == "" || (t[0] != '-' && t[0] != '*' && t[0] != '_') {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case t[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// atxLevel returns the level of an ATX heading line, or 0.
func atxLevel(t string) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

// isListItem reports whether t starts a list item: "-", "+", "*" or a
// number with "." or ")", then white space or the end of the line.
func isListItem(t string) bool {
	i := 0
	if t != "" && (t[0] == '-' || t[0] == '+' || t[0] == '*') {
		i = 1
	} else {
		for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(t) || (t[i] != '.' && t[i] != ')') {
			return false
		}
		i++
	}
	return i == len(t) || t[i] == ' ' || t[i] == '\t'
}

// isSetextUnderline reports whether t is a run of "=" or of "-", with
// trailing white space only.
func isSetextUnderline(t string) bool {
	t = strings.TrimRight(t, " \t")
	return t != "" && (t[0] == '=' || t[0] == '-') && strings.Trim(t, t[:1]) == ""
}

// scanMarks walks src line by line and returns its breaks, end_slide
// comments and headings, outside code and HTML blocks.
func scanMarks(src string) []mark {
	var marks []mark
	var (
		fence       string // the open fence ("```", "~~~~"), or ""
		htmlEnd     string // what ends the open HTML block; "\n" for a blank line
		inPara      bool
		paraStart   int
		inContainer bool
		emptyItem   bool
		lastBlank   = true
	)
	for pos := 0; pos < len(src); {
		end := strings.IndexByte(src[pos:], '\n')
		next := len(src)
		if end < 0 {
			end = len(src)
		} else {
			end += pos
			next = end + 1
		}
		line := src[pos:end]
		start := pos
		pos = next

		if fence != "" {
			t, ind := trimIndent(line)
			if ind < 4 && strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]+" \t") == "" {
				fence = ""
			}
			continue
		}
		blank := strings.TrimSpace(line) == ""
		if htmlEnd != "" {
			if (htmlEnd == "\n" && blank) || (htmlEnd != "\n" && strings.Contains(strings.ToLower(line), htmlEnd)) {
				htmlEnd = ""
			}
			lastBlank = blank
			continue
		}
		if blank {
			inPara = false
			lastBlank = true
			continue
		}
		wasBlank := lastBlank
		lastBlank = false
		t, ind := trimIndent(line)
		if ind >= 4 {
			continue // indented code, or a continuation line
		}
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			n := len(t) - len(strings.TrimLeft(t, t[:1]))
			if t[0] == '`' && strings.Contains(t[n:], "`") {
				break // not a fence: an inline code span
			}
			fence = t[:n]
			inPara = false
			continue
		case strings.HasPrefix(t, "<!--"):
			if strings.TrimSpace(t) == "<!-- end_slide -->" {
				marks = append(marks, mark{kind: lineEndSlide, start: start, end: next})
			} else if !strings.Contains(t[4:], "-->") {
				htmlEnd = "-->"
			}
			inPara = false
			continue
		case t[0] == '<' && htmlType1Re.MatchString(t):
			tag := strings.ToLower(htmlType1Re.FindStringSubmatch(t)[1])
			if !strings.Contains(strings.ToLower(t), "</"+tag+">") {
				htmlEnd = "</" + tag + ">"
			}
			inPara = false
			continue
		case !inPara && t[0] == '<' && htmlType6Re.MatchString(t):
			htmlEnd = "\n"
			continue
		}
		if level := atxLevel(t); level > 0 {
			marks = append(marks, mark{kind: lineHeading, level: level, start: start, end: next})
			inPara, inContainer = false, false
			continue
		}
		if inPara && !inContainer && isSetextUnderline(t) {
			level := 2
			if t[0] == '=' {
				level = 1
			}
			marks = append(marks, mark{kind: lineHeading, level: level, start: paraStart, end: next})
			inPara = false
			continue
		}
		if isBreak(t) {
			marks = append(marks, mark{kind: lineBreak, start: start, end: next})
			inPara, inContainer = false, false
			continue
		}
		if strings.HasPrefix(t, ">") || isListItem(t) {
			inContainer = true
			inPara = false
			// An empty item ("-" alone) holds only lines indented under
			// it: the next line at the margin is outside the list.
			emptyItem = strings.TrimLeft(t, "-+*0123456789.) \t") == "" && !strings.HasPrefix(t, ">")
			continue
		}
		if inContainer && ((wasBlank && ind == 0) || (emptyItem && ind < 2)) {
			inContainer = false
		}
		emptyItem = false
		if !inContainer && !inPara {
			inPara = true
			paraStart = start
		}
	}
	return marks
}

// trimIndent returns line without its leading spaces and the width of
// that indent, a tab counting as four.
func trimIndent(line string) (string, int) {
	ind := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			ind++
		case '\t':
			ind += 4 - ind%4
		default:
			return line[i:], ind
		}
	}
	return "", ind
}

// splitDeck cuts src into slides, by the rule the slide tools share
// (presenterm, slides, patat, mdp):
// <!-- end_slide --> if present, else thematic breaks if present, else
// headings. With headings, a top level that occurs once is the title: its
// heading is returned as title and the next level splits. What stands
// before the first split heading is returned as pre.
func splitDeck(src string) (mode string, pre string, title string, chunks []span) {
	marks := scanMarks(src)
	for _, kind := range []lineKind{lineEndSlide, lineBreak} {
		var seps []mark
		for _, m := range marks {
			if m.kind == kind {
				seps = append(seps, m)
			}
		}
		if len(seps) == 0 {
			continue
		}
		from := 0
		for _, m := range seps {
			chunks = appendChunk(chunks, src, from, m.start)
			from = m.end
		}
		chunks = appendChunk(chunks, src, from, len(src))
		if kind == lineEndSlide {
			return "<!-- end_slide --> comments", "", "", chunks
		}
		return "thematic breaks", "", "", chunks
	}

	var heads []mark
	counts := map[int]int{}
	for _, m := range marks {
		if m.kind == lineHeading {
			heads = append(heads, m)
			counts[m.level]++
		}
	}
	if len(heads) == 0 {
		return "no breaks or headings: one section", "", "", appendChunk(nil, src, 0, len(src))
	}
	top := 7
	for l := range counts {
		top = min(top, l)
	}
	split := top
	titleAt := -1
	if counts[top] == 1 && len(counts) > 1 {
		split = 7
		for l := range counts {
			if l > top {
				split = min(split, l)
			}
		}
		for i, h := range heads {
			if h.level == top {
				titleAt = i
			}
		}
	}
	from, started := 0, false
	for i, h := range heads {
		if i != titleAt && h.level > split {
			continue
		}
		if started {
			chunks = appendChunk(chunks, src, from, h.start)
		} else {
			pre += src[from:h.start]
		}
		if i == titleAt {
			title = src[h.start:h.end]
			from = h.end
			continue
		}
		started = true
		from = h.start
	}
	if started {
		chunks = appendChunk(chunks, src, from, len(src))
	} else {
		pre += src[from:]
	}
	return "headings", pre, title, chunks
}

// appendChunk appends src[start:end] as a slide unless it is blank.
func appendChunk(chunks []span, src string, start, end int) []span {
	if strings.TrimSpace(src[start:end]) == "" {
		return chunks
	}
	return append(chunks, span{start, end})
}
