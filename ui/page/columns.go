package page

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/markdown"
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
func columnLines(c *story.Columns, w int, cs columnStyle, deadline time.Duration, format func(string, int, Theme) string, wm ansi.Method) ([]string, bool) {
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
			text, p := columnPart(part, w, cs, deadline, format, wm)
			plain = plain || p
			lines = appendBlock(lines, text)
		}
		return lines, plain
	}
	cols := make([][]string, len(c.Parts))
	height := 0
	for i, part := range c.Parts {
		cols[i], _ = columnPart(part, widths[i], cs, deadline, format, wm)
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

// columnStyle is what a column's pictures are drawn with.
type columnStyle struct {
	theme Theme
	st    Styles
	print bool
}

// columnPart draws one column w wide: its text, and its pictures where
// they stand as panels of their alt text, caption and credit (a picture
// of its own would need a place on the page's picture layer, which
// columns do not have), so that no picture shows as a bare link.
func columnPart(part string, w int, cs columnStyle, deadline time.Duration, format func(string, int, Theme) string, wm ansi.Method) ([]string, bool) {
	sec := markdown.ReadColumn(part)
	if len(sec.Pictures) == 0 {
		return markdownLines(part, w, cs.theme, deadline, format, wm)
	}
	var lines []string
	plain := false
	for _, pc := range placePictures(sec, len(sec.Body)) {
		if strings.TrimSpace(pc.text) != "" {
			text, p := markdownLines(pc.text, w, cs.theme, deadline, format, wm)
			plain = plain || p
			lines = appendBlock(lines, text)
		}
		if len(pc.pictures) > 0 {
			lines = appendBlock(lines, panels(pc.pictures, w, columnPanelRows, columnPanelRows, cs.st, wm, nil, cs.print))
		}
	}
	return lines, plain
}

// columnPanelRows bounds a column picture's panel.
const columnPanelRows = 6
