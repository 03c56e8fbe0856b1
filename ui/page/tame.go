package page

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// Limits that keep one page's Markdown cheap to format. Glamour's time
// grows exponentially with nesting depth, and goldmark's quadratically
// with thousands of headings or unclosed comments.
const (
	maxNesting     = 4
	maxCodeLines   = 400
	maxTableRows   = 200
	maxHeadings    = 200
	maxComments    = 50
	maxMarkdownLen = 256 << 10
)

// tameMarkdown bounds what Glamour is given (a page longer than
// maxMarkdownLen is not given to it at all): nesting beyond maxNesting
// containers is flattened, long code blocks and tables are cut with a note
// that says how much, and headings and comment openers beyond their limits
// are escaped so they read as text.
func tameMarkdown(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var fence story.Fence
	codeLines, tableRows, headings, comments := 0, 0, 0, 0
	for _, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		kind := fence.Line(line)
		if kind != story.Unfenced || !strings.HasPrefix(trimmed, "|") {
			out = endTable(out, tableRows)
			tableRows = 0
		}
		switch kind {
		case story.FenceOpens:
			codeLines = 0
		case story.Fenced:
			if codeLines++; codeLines > maxCodeLines {
				continue
			}
		case story.FenceCloses:
			out = endCode(out, codeLines)
		}
		if kind != story.Unfenced {
			// A terminal cell holds no tab: code keeps its indent in spaces.
			out = append(out, story.ExpandTabs(line))
			continue
		}
		if strings.HasPrefix(trimmed, "|") {
			if tableRows++; tableRows > maxTableRows {
				continue
			}
		}
		if strings.HasPrefix(trimmed, "#") {
			if headings++; headings > maxHeadings {
				line = `\` + trimmed
			}
		}
		if n := strings.Count(line, "<!--"); n > 0 {
			if comments += n; comments > maxComments {
				line = strings.ReplaceAll(line, "<!--", `\<!--`)
			}
		}
		out = append(out, flattenNesting(innerTabs(line)))
	}
	if fence.Open() {
		out = endCode(out, codeLines)
	}
	return strings.Join(endTable(out, tableRows), "\n")
}

// endCode notes, inside a code block of n lines, the lines cut from it.
func endCode(out []string, n int) []string {
	if n > maxCodeLines {
		out = append(out, moreOf(n-maxCodeLines, "line"))
	}
	return out
}

// endTable notes, after a table of n rows, the rows cut from it. The note
// stands apart from the table, which would take a line after it for a
// row.
func endTable(out []string, n int) []string {
	if n > maxTableRows {
		out = append(out, "", moreOf(n-maxTableRows, "row"), "")
	}
	return out
}

// moreOf says how many more of a thing were cut: "… 3 more rows".
func moreOf(n int, thing string) string {
	if n != 1 {
		thing += "s"
	}
	return fmt.Sprintf("… %d more %s", n, thing)
}

// flattenNesting keeps at most maxNesting container markers (quote ">"
// and list markers) at the start of a line and drops the rest, and caps
// indentation, so that "> - > - > - …" cannot nest without bound.
func flattenNesting(line string) string {
	depth, i, indent := 0, 0, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			indent++
			i++
			continue
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			i += 2
		default:
			if indent > 4*maxNesting {
				return strings.Repeat(" ", 4*maxNesting) + strings.TrimLeft(line, " \t")
			}
			return line
		}
		if depth++; depth > maxNesting {
			keep := line[:prefixEnd(line, maxNesting)]
			return keep + strings.TrimLeft(strings.TrimLeft(line[i:], " \t>-*+"), " \t")
		}
	}
	return line
}

// prefixEnd returns where the first n container markers of line end.
func prefixEnd(line string, n int) int {
	depth := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
		case c == '>' || ((c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t')):
			if depth++; depth > n {
				return i
			}
		default:
			return i
		}
	}
	return len(line)
}

// codeMargin is the margin Glamour's styles give a code block.
const codeMargin = 2

// wrapCode wraps the lines of fenced code blocks that are wider than a
// page of w columns (as wm measures), before Glamour sees them: Glamour
// wraps them itself, but starts the rest of a line at the left edge,
// outside the block and its indent. A wrapped line goes on with the
// line's own indent and two more spaces.
func wrapCode(md string, w int, wm ansi.Method) string {
	if !strings.Contains(md, "```") && !strings.Contains(md, "~~~") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var fence story.Fence
	room := w
	for _, line := range lines {
		switch fence.Line(line) {
		case story.FenceOpens:
			trimmed := strings.TrimLeft(line, " ")
			room = w - codeMargin - (len(line) - len(trimmed))
		case story.Fenced:
			if room > 8 && wm.StringWidth(line) > room {
				out = append(out, wrapCodeLine(line, room, wm)...)
				continue
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// wrapCodeLine wraps one line of code to room columns; the rest of the
// line goes on with its indent and two more spaces.
func wrapCodeLine(line string, room int, wm ansi.Method) []string {
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	if wm.StringWidth(indent) > room/2 {
		indent = ""
	}
	parts := strings.Split(wm.Wrap(strings.TrimLeft(line, " \t"), room-wm.StringWidth(indent)-2, ""), "\n")
	for i, p := range parts {
		if i == 0 {
			parts[i] = indent + p
		} else {
			parts[i] = indent + "  " + p
		}
	}
	return parts
}

// innerTabs turns the tabs inside a line of prose into spaces: a terminal
// cell holds no tab, and the words either side of one were drawn as one
// word. A line's leading tabs stay, where Markdown reads them as indent.
func innerTabs(line string) string {
	lead := len(line) - len(strings.TrimLeft(line, " \t"))
	if !strings.Contains(line[lead:], "\t") {
		return line
	}
	return line[:lead] + strings.ReplaceAll(line[lead:], "\t", " ")
}
