package page

import (
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// A table too wide for the screen shrinks its columns, but one so narrow
// that its columns break words in two ("Passenger" over "s") is no longer
// read as a table: then each of its rows is shown as a record, one line a
// cell, each led by its column's heading, the records a blank line apart.

// blockStartRe matches text that opens a Markdown block at a line's start.
var blockStartRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([#>+*=_-]|\d+[.)])`) })

// breaksWords reports whether lines, a table laid out narrower than it
// needs, broke a word that natural, the same table laid out whole, has
// whole: it holds a word that natural does not.
func breaksWords(lines, natural []string) bool {
	whole := map[string]bool{}
	for _, w := range tableWords(tableBody(natural)) {
		whole[w] = true
	}
	for _, w := range tableWords(tableBody(lines)) {
		if !whole[w] {
			return true
		}
	}
	return false
}

// tableWords are the words of a table's lines, its rules left out, cut
// at hyphens too.
func tableWords(lines []string) []string {
	var words []string
	for _, l := range lines {
		for _, w := range strings.FieldsFunc(ansi.Strip(l), func(r rune) bool {
			// A line may break after a hyphen: "--print" over two lines
			// is no word broken.
			return unicode.IsSpace(r) || r == '|' || r == '│' || r == '-'
		}) {
			if strings.Trim(w, "─┼") != "" {
				words = append(words, w)
			}
		}
	}
	return words
}

// tableRecords formats a table as records at width w: for each row, its
// cells one a line, each after its column's heading (in bold where the
// theme has it). What follows
// the table in md (tameMarkdown's note of the rows it cut) follows them.
func tableRecords(md string, w int, sp Spec, deadline time.Duration, format func(string, int, Theme) string) ([]string, string) {
	rows := strings.Split(tameMarkdown(md), "\n")
	headings := tableCells(rows[0])
	// Bold but in plain text, where Glamour would show the reader's own
	// "**" marks.
	bold := "**"
	if sp.Theme == ThemeNoTTY {
		bold = ""
	}
	var b strings.Builder
	i := 2
	for ; i < len(rows) && strings.TrimSpace(rows[i]) != ""; i++ {
		var fields []string
		for j, cell := range tableCells(rows[i]) {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				continue
			}
			switch {
			case j < len(headings) && strings.TrimSpace(headings[j]) != "":
				cell = bold + strings.TrimSpace(headings[j]) + ":" + bold + " " + cell
			case blockStartRe().MatchString(cell):
				// On a line of its own it would start a list, a
				// heading or a quote.
				cell = `\` + cell
			}
			fields = append(fields, cell)
		}
		if len(fields) > 0 {
			b.WriteString(strings.Join(fields, "\n") + "\n\n")
		}
	}
	b.WriteString(strings.Join(rows[i:], "\n"))
	if sp.Format == nil {
		// Each cell on a line of its own: Glamour keeps the line breaks.
		format = renderMarkdownKeepingLines
	}
	return formatMarkdown(strings.ReplaceAll(b.String(), `\|`, "|"), w, sp.Theme, deadline, format, sp.Method)
}
