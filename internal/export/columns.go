package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/markdown"
)

// A deck's column layouts (presenterm's column_layout, which the reader
// draws side by side) are cut from its section's body and kept apart
// (story.Columns), their columns as Markdown. The HTML export draws them
// side by side and the Markdown export writes them back as presenterm's
// comments; the PDF sets them side by side too (pdfcolumns.go). Each
// column is read as a slide's body is (markdown.ReadColumn), so that its
// pictures are pictures in every export, not their alt text.

// layout is a column layout as the exports write it.
type layout struct {
	// widths are the columns' shares of the width ([2 1]: the first
	// twice the second), one for each column.
	widths []int
	// columns are the columns' text, each with its pictures and reveal
	// steps placed in it as a section's are.
	columns []story.Section
}

// stretch is a run of a section as the exports write it: its text with
// the pictures that stand in it, then the column layout that follows,
// if one does.
type stretch struct {
	text   story.Section // Body, Pictures and Steps of the run, placed in it
	layout *layout
}

// stretches cuts a section at its column layouts. A section with none is
// one stretch, itself.
func stretches(sec story.Section) []stretch {
	if len(sec.Columns) == 0 {
		return []stretch{{text: sec}}
	}
	cols := slices.Clone(sec.Columns)
	slices.SortStableFunc(cols, func(a, b story.Columns) int { return a.At - b.At })
	var out []stretch
	start := 0
	for _, c := range cols {
		at := min(max(c.At, start), len(sec.Body))
		out = append(out, stretch{text: bodyPart(sec, start, at, len(out) == 0), layout: readLayout(c)})
		start = at
	}
	return append(out, stretch{text: bodyPart(sec, start, len(sec.Body), false)})
}

// bodyPart is the part of sec's body from start to end, with the
// pictures and steps that stand in it, placed in it. As in the reader, a
// picture where a layout stands comes after the layout (it stood below
// it); a reveal step there comes before (the layout waits for it), and
// a step at the very start is the first part's.
func bodyPart(sec story.Section, start, end int, first bool) story.Section {
	last := end == len(sec.Body)
	part := story.Section{Body: sec.Body[start:end]}
	for _, p := range sec.Pictures {
		if p.At >= start && (p.At < end || last) {
			p.At -= start
			part.Pictures = append(part.Pictures, p)
		}
	}
	for _, s := range sec.Steps {
		if (s > start || first && s == start) && s <= end {
			part.Steps = append(part.Steps, s-start)
		}
	}
	return part
}

// readLayout reads each column of a layout. A layout whose widths do not
// match its columns (the reader makes none) shares the width evenly.
func readLayout(c story.Columns) *layout {
	l := &layout{widths: layoutWidths(c)}
	for _, part := range c.Parts {
		l.columns = append(l.columns, markdown.ReadColumn(plainText(part)))
	}
	return l
}

// layoutClass names a layout's grid in the HTML export's style sheet:
// "cols-2-1" for [2, 1].
func layoutClass(widths []int) string {
	var b strings.Builder
	b.WriteString("cols")
	for _, w := range widths {
		fmt.Fprintf(&b, "-%d", w)
	}
	return b.String()
}

// layoutStyles are the style rules of the story's column layouts: a grid
// for each set of widths, its columns as wide as their shares (fr units;
// minmax(0, …) lets a long word or a wide picture shrink, not widen, its
// column), and on a narrow screen one column under another. "" for a
// story with none.
func layoutStyles(secs []story.Section) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, sec := range secs {
		for _, c := range sec.Columns {
			widths := layoutWidths(c)
			class := layoutClass(widths)
			if seen[class] {
				continue
			}
			seen[class] = true
			b.WriteString("." + class + "{grid-template-columns:")
			for i, w := range widths {
				if i > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(&b, "minmax(0,%dfr)", w)
			}
			b.WriteString("}\n")
		}
	}
	if b.Len() == 0 {
		return ""
	}
	// After the layouts' own rules, so that it wins on a narrow screen.
	return b.String() + "@media screen and (max-width:40rem){.columns{grid-template-columns:minmax(0,1fr)}}\n"
}

// layoutWidths are the widths of c's columns: its own, or even shares
// if they do not match its columns.
func layoutWidths(c story.Columns) []int {
	if len(c.Widths) == len(c.Parts) {
		return c.Widths
	}
	widths := make([]int, len(c.Parts))
	for i := range widths {
		widths[i] = 1
	}
	return widths
}

// exportSections are the story's sections as the exports write them.
func exportSections(s *story.Story) []story.Section {
	return slices.Clone(s.Sections())
}
