package export

import (
	"slices"
	"strings"

	"github.com/reeltui/reel/story"
)

// withColumns puts a section's column layouts (presenterm's
// column_layout, which the reader cuts from the body and draws side by
// side) back into its body where they stood, one column under another,
// so that no export loses their words. Pictures and reveal steps after a
// layout move with the text.
func withColumns(sec story.Section) story.Section {
	if len(sec.Columns) == 0 {
		return sec
	}
	cols := slices.Clone(sec.Columns)
	slices.SortStableFunc(cols, func(a, b story.Columns) int { return a.At - b.At })
	pics := slices.Clone(sec.Pictures)
	steps := slices.Clone(sec.Steps)
	var b strings.Builder
	from := 0
	for _, c := range cols {
		at := min(max(c.At, from), len(sec.Body))
		b.WriteString(sec.Body[from:at])
		text := columnsText(c)
		b.WriteString(text)
		for i := range pics {
			if sec.Pictures[i].At > at {
				pics[i].At += len(text)
			}
		}
		for i := range steps {
			if sec.Steps[i] > at {
				steps[i] += len(text)
			}
		}
		from = at
	}
	b.WriteString(sec.Body[from:])
	sec.Body, sec.Pictures, sec.Steps, sec.Columns = b.String(), pics, steps, nil
	return sec
}

// columnsText is a layout's columns as Markdown, one after another.
func columnsText(c story.Columns) string {
	var b strings.Builder
	for _, part := range c.Parts {
		if part = strings.TrimSpace(part); part != "" {
			b.WriteString("\n\n" + part)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String() + "\n\n"
}

// exportSections are the story's sections as the exports write them: with
// their column layouts back in their text.
func exportSections(s *story.Story) []story.Section {
	secs := slices.Clone(s.Sections())
	for i := range secs {
		secs[i] = withColumns(secs[i])
	}
	return secs
}
