package markdown

import (
	"strconv"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/internal/prose"
)

var (
	// footDefRe matches a footnote's definition line: "[^1]: The note."
	footDefRe = prose.LazyRegexp(`^ {0,3}\[\^([^\]\s]{1,64})\]:[ \t]*(.*)$`)
	// footRefRe matches a reference to a footnote: "[^1]".
	footRefRe = prose.LazyRegexp(`\[\^([^\]\s]{1,64})\]`)
)

// takeFootnotes takes the footnote definitions ("[^1]: text", and the
// indented lines under it) out of a deck, outside code fences, and
// returns the deck without them and the notes by label. A deck with no
// "[^" comes back as it is.
func takeFootnotes(src string) (string, map[string]string) {
	if !strings.Contains(src, "[^") {
		return src, nil
	}
	var kept strings.Builder
	notes := map[string]string{}
	var fence story.Fence
	label := "" // the note whose indented lines follow
	for line := range strings.Lines(src) {
		body := strings.TrimRight(line, "\n")
		w, _ := story.Indent(body)
		switch {
		case fence.Open():
			fence.Line(body)
		case label != "" && w >= 2 && !isBlank(body):
			notes[label] += " " + strings.TrimSpace(body)
			continue
		case w < 4 && fence.Line(body) == story.FenceOpens:
		default:
			if m := footDefRe().FindStringSubmatch(body); m != nil {
				label = m[1]
				if _, seen := notes[label]; !seen {
					notes[label] = strings.TrimSpace(m[2])
				}
				continue
			}
		}
		if !isBlank(body) {
			label = ""
		}
		kept.WriteString(line)
	}
	if len(notes) == 0 {
		return src, nil
	}
	return kept.String(), notes
}

// superscripts are the digits as superscripts, for note marks.
var superscripts = []string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

// noteMark is the mark of a page's nth note: "¹", "¹²".
func noteMark(n int) string {
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteString(superscripts[d-'0'])
	}
	return b.String()
}

// footnotePage replaces the references to notes in a page's body by
// marks numbered on the page (code keeps its text), and sets the notes
// themselves at the end of the page, after a rule. The pictures and
// reveal steps keep their places in the text.
func footnotePage(sec *story.Section, notes map[string]string) {
	if len(notes) == 0 || !strings.Contains(sec.Body, "[^") {
		return
	}
	code := codeRanges(sec.Body)
	numbers := map[string]int{}
	var order []string
	var b strings.Builder
	last, shift := 0, 0
	shifts := map[int]int{} // body offset → how far what follows it moves
	for _, m := range footRefRe().FindAllStringSubmatchIndex(sec.Body, -1) {
		label := sec.Body[m[2]:m[3]]
		if _, ok := notes[label]; !ok || inRanges(code, m[0]) {
			continue
		}
		n, seen := numbers[label]
		if !seen {
			order = append(order, label)
			n = len(order)
			numbers[label] = n
		}
		mark := noteMark(n)
		b.WriteString(sec.Body[last:m[0]])
		b.WriteString(mark)
		last = m[1]
		shift += len(mark) - (m[1] - m[0])
		shifts[m[1]] = shift
	}
	if len(order) == 0 {
		return
	}
	b.WriteString(sec.Body[last:])
	moved := func(at int) int {
		best, d := -1, 0
		for end, s := range shifts {
			if end <= at && end > best {
				best, d = end, s
			}
		}
		return at + d
	}
	for i := range sec.Pictures {
		sec.Pictures[i].At = moved(sec.Pictures[i].At)
	}
	for i := range sec.Steps {
		sec.Steps[i] = moved(sec.Steps[i])
	}
	b.WriteString("\n\n---\n")
	for i, label := range order {
		b.WriteString("\n" + noteMark(i+1) + " " + notes[label] + "\n")
	}
	sec.Body = b.String()
}

// codeRanges returns where inline code and fenced or indented code stand
// in a page's Markdown, roughly: between backtick runs of one length, and
// on the lines of a fence.
func codeRanges(md string) [][2]int {
	var out [][2]int
	var fence story.Fence
	fenceAt, at := 0, 0
	for line := range strings.Lines(md) {
		body := strings.TrimRight(line, "\n")
		w, _ := story.Indent(body)
		switch {
		case fence.Open():
			if fence.Line(body) == story.FenceCloses {
				out = append(out, [2]int{fenceAt, at + len(line)})
			}
		case w < 4 && fence.Line(body) == story.FenceOpens:
			fenceAt = at
		case w >= 4:
			out = append(out, [2]int{at, at + len(line)})
		default:
			out = append(out, inlineCode(body, at)...)
		}
		at += len(line)
	}
	if fence.Open() {
		out = append(out, [2]int{fenceAt, len(md)})
	}
	return out
}

// inlineCode returns the code spans of one line, at offset base.
func inlineCode(line string, base int) [][2]int {
	var out [][2]int
	for i := 0; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		n := 1
		for i+n < len(line) && line[i+n] == '`' {
			n++
		}
		tick := strings.Repeat("`", n)
		end := strings.Index(line[i+n:], tick)
		if end < 0 {
			return out
		}
		out = append(out, [2]int{base + i, base + i + n + end + n})
		i += n + end + n
	}
	return out
}

// inRanges reports whether at lies in one of the ranges.
func inRanges(ranges [][2]int, at int) bool {
	for _, r := range ranges {
		if r[0] <= at && at < r[1] {
			return true
		}
	}
	return false
}
