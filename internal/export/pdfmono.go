package export

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/image/font/sfnt"
)

// Code and tables are set in DejaVu Sans Mono, as a reader's terminal
// sets them: code keeps its columns, and a table's cells line up under
// their headings. A table too wide for its band at that size, or text the
// monospaced font has no letters for, is set in the text font instead,
// its cells joined by bars.

//go:embed fonts/DejaVuSansMono.ttf
var fontMono []byte

// monoFamily is the name the monospaced font goes by in fpdf.
const monoFamily = "DejaVuMono"

// parsedMono is the monospaced font, parsed once to answer which
// characters it has.
var parsedMono = sync.OnceValues(func() (*sfnt.Font, error) { return sfnt.Parse(fontMono) })

// monoCovers reports whether the monospaced font has a letter for every
// character of s that is not a space.
func monoCovers(s string) bool {
	f, err := parsedMono()
	if err != nil {
		return false
	}
	var buf sfnt.Buffer
	for _, r := range s {
		if r <= ' ' || r == '\u00a0' {
			continue
		}
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// tableLines sets rows (the first being the headings when header is
// set) as lines of cells padded to their column's width, with a rule
// under the headings.
func tableLines(rows [][]string, header bool) []string {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	line := func(cells []string) string {
		var b strings.Builder
		for i, w := range widths {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(cell)
			if i < len(widths)-1 {
				b.WriteString(strings.Repeat(" ", w-ansi.StringWidth(cell)))
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	var out []string
	for i, row := range rows {
		out = append(out, line(row))
		if i == 0 && header {
			rule := make([]string, len(widths))
			for k, w := range widths {
				rule[k] = strings.Repeat("─", max(w, 1))
			}
			out = append(out, line(rule))
		}
	}
	return out
}

// setTable lays a table out: as aligned monospaced lines where they fit
// the band w wide, else as rows of cells joined by bars. It returns the
// blocks to set.
func (p *pdfWriter) setTable(b textBlock, w, size float64) []textBlock {
	lines := tableLines(b.rows, b.header)
	longest := 0
	all := strings.Join(lines, "\n")
	for _, l := range lines {
		longest = max(longest, ansi.StringWidth(l))
	}
	p.pdf.SetFont(monoFamily, "", size-1.5)
	if monoCovers(all) && float64(longest)*p.pdf.GetStringWidth("M") <= w-float64(b.indent)*6 {
		return []textBlock{{text: all, indent: b.indent, code: true}}
	}
	var out []textBlock
	for i, row := range b.rows {
		out = append(out, textBlock{text: strings.Join(row, " | "), bold: i == 0 && b.header, indent: b.indent})
	}
	return out
}
