package page

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// columnGap is the blank space between two columns.
const columnGap = 3

// minColumnWidth is the narrowest a column is drawn beside another; a
// screen with less room stacks the columns.
const minColumnWidth = 24

// placeBody cuts a section's body into pieces as placePictures does, with
// each of its column layouts a piece of its own at its place.
func placeBody(sec story.Section, limit int) []bodyPiece {
	if len(sec.Columns) == 0 {
		return placePictures(sec, limit)
	}
	var out []bodyPiece
	start := 0
	for _, c := range sec.Columns {
		at := clamp(c.At, start, len(sec.Body))
		if at > limit {
			break
		}
		out = append(out, placePictures(sectionPart(sec, start, at), limit-start)...)
		out = append(out, bodyPiece{columns: &c})
		start = at
	}
	return append(out, placePictures(sectionPart(sec, start, len(sec.Body)), limit-start)...)
}

// sectionPart is the part of sec's body from start to end, with the
// pictures that stand in it.
func sectionPart(sec story.Section, start, end int) story.Section {
	part := story.Section{Body: sec.Body[start:end]}
	for _, p := range sec.Pictures {
		if p.At >= start && (p.At < end || end == len(sec.Body)) {
			p.At -= start
			part.Pictures = append(part.Pictures, p)
		}
	}
	return part
}

// columnLines draws a column layout: its columns side by side, each as
// wide as its share of the width, or one under another where a column
// would be narrower than minColumnWidth.
func columnLines(c *story.Columns, w int, theme Theme, deadline time.Duration, format func(string, int, Theme) string, wm ansi.Method) ([]string, bool) {
	total := 0
	for _, n := range c.Widths {
		total += n
	}
	room := w - columnGap*(len(c.Parts)-1)
	narrow := total == 0 || len(c.Parts) != len(c.Widths)
	widths := make([]int, len(c.Parts))
	for i := range c.Parts {
		if !narrow {
			widths[i] = room * c.Widths[i] / total
			narrow = widths[i] < minColumnWidth
		}
	}
	plain := false
	if narrow {
		var lines []string
		for _, part := range c.Parts {
			text, p := markdownLines(part, w, theme, deadline, format, wm)
			plain = plain || p
			lines = appendBlock(lines, text)
		}
		return lines, plain
	}
	cols := make([][]string, len(c.Parts))
	height := 0
	for i, part := range c.Parts {
		cols[i], _ = markdownLines(part, widths[i], theme, deadline, format, wm)
		height = max(height, len(cols[i]))
	}
	lines := make([]string, height)
	for row := range lines {
		var b strings.Builder
		for i, col := range cols {
			line := ""
			if row < len(col) {
				line = ansi.Truncate(col[row], widths[i], "")
			}
			b.WriteString(line)
			if i < len(cols)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(line)+columnGap))
			}
		}
		lines[row] = b.String()
	}
	return lines, false
}
