package page

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
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
// containers is flattened, long code blocks and tables are cut with a note,
// and headings and comment openers beyond their limits are escaped so
// they read as text.
func tameMarkdown(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var fence string
	codeLines, tableRows, headings, comments := 0, 0, 0, 0
	for _, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				if codeLines > maxCodeLines {
					out = append(out, fmt.Sprintf("… %d more lines", codeLines-maxCodeLines))
				}
				fence = ""
				out = append(out, line)
				continue
			}
			codeLines++
			if codeLines <= maxCodeLines {
				out = append(out, line)
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			codeLines = 0
			out = append(out, line)
			continue
		}
		if strings.HasPrefix(trimmed, "|") {
			tableRows++
			if tableRows > maxTableRows {
				continue
			}
		} else {
			tableRows = 0
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
		out = append(out, flattenNesting(line))
	}
	if fence != "" && codeLines > maxCodeLines {
		out = append(out, fmt.Sprintf("… %d more lines", codeLines-maxCodeLines))
	}
	return strings.Join(out, "\n")
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
	var fence string
	room := w
	for _, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
			room = w - codeMargin - (len(line) - len(trimmed))
		case fence != "" && strings.HasPrefix(trimmed, fence):
			fence = ""
		case fence != "" && room > 8 && wm.StringWidth(line) > room:
			indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
			if wm.StringWidth(indent) > room/2 {
				indent = ""
			}
			parts := strings.Split(wm.Wrap(strings.TrimLeft(line, " \t"), room-wm.StringWidth(indent)-2, ""), "\n")
			for i, p := range parts {
				if i == 0 {
					out = append(out, indent+p)
				} else {
					out = append(out, indent+"  "+p)
				}
			}
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
