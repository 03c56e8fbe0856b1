package page

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/story"
)

// Prose keeps its measure (Spec.Width), but a table or a block of code
// too wide for it takes the width there is (Spec.Wide): on a 200-column
// screen a table is not squeezed into 80 columns and code does not wrap
// at 80. Such a block is formatted on its own, as wide as it needs up to
// Wide, and stands from the prose's left edge, moved left only as far as
// the window's right edge asks. A table as wide as it needs is never
// stretched to the width; one too wide even for Wide shrinks its columns,
// wrapping its cells; and in print, which promises to cut nothing, a table
// whose headings would still be cut to "…" is printed as wide as it needs.

// mdRun is a stretch of a piece's Markdown: prose, or a table or fenced
// code block that is wider than the prose measure.
type mdRun struct {
	text        string
	wide, table bool
}

// tableDelimiterRe matches a table's delimiter row: "|---|:--:|".
var tableDelimiterRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
})

// splitWide cuts md where a top-level table or (if code is set) fenced
// code block is wider than w columns: those runs are wide, the rest prose. It returns
// one prose run when there is no such block. Prose runs keep the link
// reference definitions of md, so that a reference link still resolves.
func splitWide(md string, w int, code bool, wm ansi.Method) []mdRun {
	if !strings.Contains(md, "|") && !strings.Contains(md, "```") && !strings.Contains(md, "~~~") {
		return []mdRun{{text: md}}
	}
	lines := strings.Split(md, "\n")
	var runs []mdRun
	start := 0 // where the prose run under way starts
	for i := 0; i < len(lines); {
		end, wide, table := wideBlock(lines, i, w, wm)
		if !wide || (!table && !code) {
			i = max(end, i+1)
			continue
		}
		if text := strings.Join(lines[start:i], "\n"); strings.TrimSpace(text) != "" {
			runs = append(runs, mdRun{text: text})
		}
		runs = append(runs, mdRun{text: strings.Join(lines[i:end], "\n"), wide: true, table: table})
		i, start = end, end
	}
	if len(runs) == 0 {
		return []mdRun{{text: md}}
	}
	if text := strings.Join(lines[start:], "\n"); strings.TrimSpace(text) != "" {
		runs = append(runs, mdRun{text: text})
	}
	if defs := refDefRe().FindAllString(md, -1); len(defs) > 0 {
		for i := range runs {
			if !runs[i].wide || runs[i].table {
				runs[i].text += "\n\n" + strings.Join(defs, "\n")
			}
		}
	}
	return runs
}

// wideBlock reads the block that starts at lines[i], if it is a fenced
// code block that opens at the left edge or a table: end is the line
// after it, and wide says whether it is wider than w columns (for a
// table, as its source estimates; formatTable measures). Any other line
// is a block of its own, never wide.
func wideBlock(lines []string, i, w int, wm ansi.Method) (end int, wide, table bool) {
	var fence story.Fence
	if line := lines[i]; fence.Line(line) == story.FenceOpens {
		if line[0] == ' ' {
			// Indented: it may stand in a list item; it stays with it.
			return skipFence(lines, i), false, false
		}
		for end = i + 1; end < len(lines); end++ {
			kind := fence.Line(lines[end])
			if kind == story.FenceCloses {
				end++
				break
			}
			if wm.StringWidth(lines[end]) > w-codeMargin {
				wide = true
			}
		}
		return end, wide, false
	}
	// A table at the left edge: one indented may stand in a list item.
	if i+1 >= len(lines) || !strings.Contains(lines[i], "|") || strings.IndexAny(lines[i], " \t>") == 0 || !strings.Contains(lines[i+1], "|") ||
		!tableDelimiterRe().MatchString(lines[i+1]) || len(tableCells(lines[i])) != len(tableCells(lines[i+1])) {
		return i + 1, false, false
	}
	for end = i + 2; end < len(lines) && strings.TrimSpace(lines[end]) != "" && strings.Contains(lines[end], "|"); end++ {
	}
	return end, tableEstimate(lines[i:end], wm) > w, true
}

// skipFence is the line after the fenced code block that opens at
// lines[i].
func skipFence(lines []string, i int) int {
	var fence story.Fence
	fence.Line(lines[i])
	for j := i + 1; j < len(lines); j++ {
		if fence.Line(lines[j]) == story.FenceCloses {
			return j + 1
		}
	}
	return len(lines)
}

// tableEstimate is about how wide a table's source rows make it: each
// column as wide as its widest cell, with a column's padding and rule.
// Formatting takes markup away, so the table is rarely wider than this.
func tableEstimate(rows []string, wm ansi.Method) int {
	var widths []int
	for i, row := range rows {
		if i == 1 {
			continue // the delimiter row
		}
		for c, cell := range tableCells(row) {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], wm.StringWidth(strings.TrimSpace(cell)))
		}
	}
	total := 0
	for _, cw := range widths {
		total += cw + 3
	}
	return total
}

// tableCells splits a table row at its unescaped pipes.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	from := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, row[from:i])
			from = i + 1
		}
	}
	return append(cells, row[from:])
}

// wideLines formats one piece of a page's Markdown: its prose at the
// page's width, and its wide tables and code blocks each as wide as it
// needs, up to sp.Wide, marked with how far left of the prose they stand
// (markShift). why is set as formatMarkdown sets it.
func wideLines(md string, sp Spec, deadline time.Duration, format func(string, int, Theme) string) (lines []string, why string) {
	wide := max(sp.Wide, sp.Width)
	runs := splitWide(strings.TrimSpace(md), sp.Width, wide > sp.Width, sp.Method)
	if len(runs) == 1 && !runs[0].wide {
		return formatMarkdown(md, sp.Width, sp.Theme, deadline, format, sp.Method)
	}
	for _, r := range runs {
		var block []string
		var w string
		switch {
		case !r.wide:
			block, w = formatMarkdown(r.text, sp.Width, sp.Theme, deadline, format, sp.Method)
		case r.table:
			block, w = formatTable(r.text, sp, deadline, format)
		default:
			block, w = formatMarkdown(r.text, wide, sp.Theme, deadline, format, sp.Method)
		}
		if why == "" {
			why = w
		}
		if r.wide {
			block = markShift(block, sp)
		}
		lines = appendBlock(lines, block)
	}
	return lines, why
}

// formatTable formats a table as wide as it needs, up to the page's wide
// width. Lip Gloss, which lays Glamour's tables out, cuts a heading to
// "…" in a column narrower than it (formatNarrowTable wraps them
// instead) and can cut a wrapped cell's last line: in print, which
// promises to cut nothing, a table it would still cut is printed as wide
// as it needs.
func formatTable(md string, sp Spec, deadline time.Duration, format func(string, int, Theme) string) ([]string, string) {
	natural := naturalLines(md, sp.Theme, format)
	need := 0
	for _, l := range natural {
		need = max(need, sp.Method.StringWidth(trimRightStyled(l, sp.Method)))
	}
	if need <= sp.Width {
		return formatMarkdown(md, sp.Width, sp.Theme, deadline, format, sp.Method)
	}
	tw := max(min(need, sp.Wide), sp.Width)
	if tw >= need {
		return formatMarkdown(md, tw, sp.Theme, deadline, format, sp.Method)
	}
	// Lip Gloss can drop the last line of a wrapped cell in a table a
	// column or two narrower than it needs: a little narrower still, it
	// wraps the cell whole.
	var lines []string
	var why string
	for try := tw; try >= max(tw-8, 10); try-- {
		lines, why = formatNarrowTable(md, try, sp, deadline, format)
		switch {
		case why != "":
			return lines, why
		case cutsText(lines, natural):
			continue
		case breaksWords(lines, natural):
			return tableRecords(md, sp.Width, sp, deadline, format)
		}
		return lines, why
	}
	if sp.Print {
		return formatMarkdown(md, need, sp.Theme, deadline, format, sp.Method)
	}
	return formatNarrowTable(md, tw, sp, deadline, format)
}

// rowMark fills the first cell of the row formatNarrowTable puts under a
// table's headings, to find where they end.
const rowMark = "⁂"

// formatNarrowTable formats a table narrower than it needs, tw columns
// wide, with its headings wrapped as its cells are: Lip Gloss cuts a
// heading to one line, so the headings go in as the first row, under
// empty ones, with a marked row after them, and the rule under the empty
// headings is moved to where the marked row stands.
func formatNarrowTable(md string, tw int, sp Spec, deadline time.Duration, format func(string, int, Theme) string) ([]string, string) {
	if strings.Contains(md, rowMark) || !strings.Contains(md, "\n") {
		return formatMarkdown(md, tw, sp.Theme, deadline, format, sp.Method)
	}
	// Tamed first: the two rows added must not cut two of its own.
	headingsAsRow := func(md string) string {
		rows := strings.Split(tameMarkdown(md), "\n")
		n := len(tableCells(rows[0]))
		empty := "|" + strings.Repeat(" |", n)
		marked := "| " + rowMark + " |" + strings.Repeat(" |", n-1)
		return strings.Join(slices.Concat([]string{empty, rows[1], rows[0], marked}, rows[2:]), "\n")
	}
	lines, why := formatTamed(md, headingsAsRow, tw, sp.Theme, deadline, format, sp.Method)
	if why != "" {
		return lines, why
	}
	rule, at := -1, -1
	for i, l := range lines {
		plain := strings.TrimSpace(ansi.Strip(l))
		switch {
		case rule < 0 && strings.ContainsAny(plain, "-─") && strings.Trim(plain, "-|─┼ ") == "":
			rule = i
		case rule >= 0 && strings.Contains(plain, rowMark):
			at = i
		}
		if at >= 0 {
			break
		}
	}
	if rule < 0 || at < 0 {
		return formatMarkdown(md, tw, sp.Theme, deadline, format, sp.Method)
	}
	// The empty headings' line, if Glamour kept it, goes too.
	return slices.Concat(lines[:rule-blankAbove(lines, rule)], lines[rule+1:at], lines[rule:rule+1], lines[at+1:]), ""
}

// naturalLines are a table's lines with nothing wrapped or cut: Glamour
// with no width lays it out as wide as its content. Nil if it fails.
func naturalLines(md string, theme Theme, format func(string, int, Theme) string) []string {
	var out string
	if guard.Run("table width", func() error { out = format(tameMarkdown(md), 0, theme); return nil }) != nil {
		return nil
	}
	return strings.Split(out, "\n")
}

// cutsText reports whether lines, a table laid out narrower than it
// needs, lost any of the letters and digits of natural, the same table
// laid out whole: a heading cut to "…", a cell's last line dropped.
func cutsText(lines, natural []string) bool {
	return wordRunes(tableBody(lines)) < wordRunes(tableBody(natural))
}

// tableBody is a formatted table's lines without what Glamour writes
// under it (its links, after a blank line), which it writes at one width
// otherwise than at another: "[1]: Share a story #share" or without the
// address.
func tableBody(lines []string) []string {
	start := 0
	for start < len(lines) && strings.TrimSpace(ansi.Strip(lines[start])) == "" {
		start++
	}
	for end := start; end < len(lines); end++ {
		if strings.TrimSpace(ansi.Strip(lines[end])) == "" {
			return lines[start:end]
		}
	}
	return lines[start:]
}

// blankAbove is 1 if the line above lines[i] is blank, else 0.
func blankAbove(lines []string, i int) int {
	if i > 0 && strings.Trim(ansi.Strip(lines[i-1]), " |│") == "" {
		return 1
	}
	return 0
}

// wordRunes counts the letters and digits of lines: what a table keeps
// however its columns are laid out.
func wordRunes(lines []string) int {
	n := 0
	for _, l := range lines {
		for _, r := range ansi.Strip(l) {
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				n++
			}
		}
	}
	return n
}

// shiftMark starts a line of a wide block while a page is assembled; the
// shift follows it, then shiftMark again. No page text holds a NUL
// (story.Clean takes them out).
const shiftMark = "\x00"

// markShift trims a wide block's lines of the padding Glamour gives them
// and marks each with how far left of the prose's edge the block stands.
func markShift(block []string, sp Spec) []string {
	bw := 0
	for i, l := range block {
		block[i] = trimRightStyled(l, sp.Method)
		bw = max(bw, sp.Method.StringWidth(block[i]))
	}
	if bw <= sp.Width {
		return block
	}
	mark := shiftMark + strconv.Itoa(sp.shiftFor(bw)) + shiftMark
	for i, l := range block {
		block[i] = mark + l
	}
	return block
}

// shiftFor is how far left of the prose's edge a block b columns wide
// stands: none while it ends within the wide width's right edge, else as
// far as it must, up to the wide width's left edge. Print's prose stands
// at the left edge: there blocks only reach to the right.
func (sp Spec) shiftFor(b int) int {
	wide := max(sp.Wide, sp.Width)
	if sp.Print || b <= sp.Width {
		return 0
	}
	left := (wide - sp.Width) / 2
	right := wide - sp.Width - left
	return clamp(b-sp.Width-right, 0, left)
}

// takeShifts takes the marks of markShift off a page's lines and returns
// each line's shift, or nil if no line has one.
func takeShifts(lines []string) []int {
	var shifts []int
	for i, l := range lines {
		if !strings.HasPrefix(l, shiftMark) {
			continue
		}
		n, rest, found := strings.Cut(l[1:], shiftMark)
		shift, err := strconv.Atoi(n)
		if !found || err != nil {
			continue
		}
		if shifts == nil {
			shifts = make([]int, len(lines))
		}
		shifts[i], lines[i] = shift, rest
	}
	return shifts
}
