package page

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

const (
	wideHeading = "Passengers per weekday in 2024"
	wideCode    = `func main() { fmt.Println("this is a long line of code that goes on well past eighty columns, then some more words to reach far") }`
)

// widePage renders page i of testdata/md/wide.md with the prose at width
// and tables and code up to wide.
func widePage(t *testing.T, i, width, wide int, print bool) *Page {
	t.Helper()
	s := loadStory(t, "../../testdata/md/wide.md")
	return Render(Spec{Story: s, Index: i, Width: width, Wide: wide, Height: 40, Theme: ThemeNoTTY,
		Styles: new(NewStyles(true, true)), Print: print, Method: ansi.WcWidth})
}

// TestWideTablesAndCodeTakeTheWidth: on a wide screen a table too wide
// for the prose's measure is laid out as wide as it needs (its headings
// and cells whole, each row on one line) and a long line of code is not
// wrapped at the measure, while the prose keeps it. Both were held to
// 80 columns: headings cut to "…", code wrapped.
func TestWideTablesAndCodeTakeTheWidth(t *testing.T) {
	p := widePage(t, 1, 80, 196, false)
	text := strings.Join(p.Lines, "\n")
	for _, want := range []string{wideHeading, "Eurostar, Thameslink, Northern, Piccadilly, Victoria, Circle"} {
		if !strings.Contains(text, want) {
			t.Errorf("want %q on one line in\n%s", want, text)
		}
	}
	if strings.Contains(text, "…") {
		t.Errorf("the table was cut:\n%s", text)
	}
	if p.Shifts == nil {
		t.Fatalf("no line stands left of the prose")
	}
	headingShifted := false
	for i, l := range p.Lines {
		w := ansi.StringWidth(l)
		// The prose stands 58 columns from the wide width's left edge,
		// with 58 to its right.
		switch {
		case p.Shifts[i] == 0 && w > 80:
			t.Errorf("line %d is prose %d wide, past the measure: %q", i, w, l)
		case p.Shifts[i] > 58 || 58-p.Shifts[i]+w > 196:
			t.Errorf("line %d, %d wide, shifted %d, stands outside the wide width: %q", i, w, p.Shifts[i], l)
		case strings.Contains(l, wideHeading):
			headingShifted = p.Shifts[i] > 0
		}
	}
	if !headingShifted {
		t.Errorf("the table's headings, 145 columns wide, do not stand left of the prose")
	}
	code := strings.Join(widePage(t, 2, 80, 196, false).Lines, "\n")
	if !strings.Contains(code, wideCode) {
		t.Errorf("the line of code was wrapped on a 200-column screen:\n%s", code)
	}
}

// TestWideTableShrinksWhole: a table wider than the screen shrinks its
// columns and wraps its cells and its headings, cutting nothing (Lip
// Gloss cut the headings to "…"), and no line is wider than the screen;
// code wraps, never cut. So does print, which promises to cut nothing.
// Where its columns would break words, its rows are shown as records.
func TestWideTableShrinksWhole(t *testing.T) {
	tests := []struct {
		name         string
		width, wide  int
		print        bool
		widestAllows int
		records      bool // each row shown as a record, its cells one a line
	}{
		{"120 columns", 80, 116, false, 116, false},
		{"80 columns", 76, 76, false, 76, false},
		// Columns narrower than their words: "Passenger" over "s".
		{"50 columns", 46, 46, false, 46, true},
		{"40 columns", 36, 36, false, 36, true},
		// Lip Gloss dropped a wrapped cell's last line ("Circle") in a
		// table a column or two narrower than the 146 it needs.
		{"145 columns", 80, 145, false, 145, false},
		{"144 columns", 80, 144, false, 144, false},
		{"print to a file", 80, 80, true, 80, false},
		{"print in 200 columns", 80, 200, true, 200, false},
		{"print in 40 columns", 40, 40, true, 40, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := widePage(t, 1, tt.width, tt.wide, tt.print)
			s := loadStory(t, "../../testdata/md/wide.md")
			text := strings.Join(p.Lines, "\n")
			if strings.Contains(text, "…") {
				t.Errorf("the table was cut:\n%s", text)
			}
			sec := s.Section(0)
			if got, want := letters(text), letters(sec.Caption+sec.Body); got < want || (got > want && !tt.records) {
				t.Errorf("the page shows %d letters and digits of its %d:\n%s", got, want, text)
			}
			words := strings.Fields(text)
			for _, want := range []string{"Station", "Opening", "year", "line", "Passengers", "weekday", "2024", "Connecting", "notes", "Circle", "Northern", "Anglia"} {
				if !containsWord(words, want) {
					t.Errorf("%q is missing or broken:\n%s", want, text)
				}
			}
			if records := strings.Contains(text, "Station name: Waterloo\nOpening year of the line: 1898\n"); records != tt.records {
				t.Errorf("shown as records: %v, want %v:\n%s", records, tt.records, text)
			}
			for _, l := range p.Lines {
				if w := ansi.StringWidth(l); w > tt.widestAllows {
					t.Errorf("a line %d wide, past %d: %q", w, tt.widestAllows, l)
				}
			}
			code := strings.Join(widePage(t, 2, tt.width, tt.wide, tt.print).Lines, " ")
			if got := strings.Join(strings.Fields(code), " "); !strings.Contains(got, strings.Join(strings.Fields(wideCode), " ")) &&
				!strings.Contains(strings.ReplaceAll(got, " ", ""), strings.ReplaceAll(wideCode, " ", "")) {
				t.Errorf("the code lost words:\n%s", code)
			}
		})
	}
}

// letters counts the letters and digits of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		}
	}
	return n
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if strings.Trim(x, ",:|│") == w {
			return true
		}
	}
	return false
}

// TestSmallTableKeepsTheMeasure: a table that fits the prose's measure is
// laid out in it, as before, whatever the wide width.
func TestSmallTableKeepsTheMeasure(t *testing.T) {
	narrow := widePage(t, 2, 80, 80, false)
	wide := widePage(t, 2, 80, 196, false)
	tail := func(p *Page) string {
		text := strings.Join(p.Lines, "\n")
		return text[strings.Index(text, "A small table"):]
	}
	if tail(narrow) != tail(wide) {
		t.Errorf("the small table changed with the wide width:\n%s\n---\n%s", tail(narrow), tail(wide))
	}
}

// TestPrintTableInTerminalWidth: print run from a 200-column terminal
// keeps its prose to 80 columns and gives a wide table the width there
// is: each of its rows on one line.
func TestPrintTableInTerminalWidth(t *testing.T) {
	s := loadStory(t, "../../testdata/md/wide.md")
	var b bytes.Buffer
	if err := Print(&b, s, PrintOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, wideHeading) || !strings.Contains(out, wideCode) {
		t.Errorf("the table or the code was narrowed:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 80 && !strings.Contains(l, "|") && !strings.Contains(l, "func main") {
			t.Errorf("prose %d wide: %q", w, l)
		}
	}
}

// TestLongWideTableKeepsItsRows: a table longer than a page formats
// (maxTableRows) keeps as many rows narrowed as whole, with the note of
// how many more there are: the headings moved into its rows must not cut
// two of them, which made print lay it out 141 columns wide instead.
func TestLongWideTableKeepsItsRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Long\n\n## Table\n\n| Name of the thing | Longer description column that is wide | Third | Fourth column with notes |\n|---|---|---|---|\n")
	for i := range 250 {
		fmt.Fprintf(&b, "| item %d | a description of item number %d that goes on for a while | %d | notes about %d, with more words to wrap |\n", i, i, i*7, i)
	}
	s := parseStory(t, "long.md", b.String())
	var out bytes.Buffer
	if err := Print(&out, s, PrintOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	last := fmt.Sprintf(" item %d ", maxTableRows-3)
	if !strings.Contains(text, last) || strings.Contains(text, fmt.Sprintf(" item %d ", maxTableRows-2)) || !strings.Contains(text, fmt.Sprintf("… %d more rows", 250-(maxTableRows-2))) {
		t.Errorf("want rows up to%q and a note of the rest:\n%s", last, text[max(0, len(text)-1500):])
	}
	for _, l := range strings.Split(text, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("a line %d wide: %q", w, l)
		}
	}
}

// TestSplitWide: only a top-level table or fenced code block wider than
// the measure is cut out of the prose; one in a list item or a quote, or
// one that fits, stays where it stands.
func TestSplitWide(t *testing.T) {
	long := strings.Repeat("word ", 20)
	tests := []struct {
		name string
		md   string
		want []string // the runs, wide ones marked "W:"
	}{
		{"narrow table", "Text\n\n| a | b |\n|---|---|\n| 1 | 2 |", []string{"Text\n\n| a | b |\n|---|---|\n| 1 | 2 |"}},
		{"wide table", "Text\n\n| a | " + long + "|\n|---|---|\n| 1 | 2 |\n\nAfter", []string{"Text\n", "W:| a | " + long + "|\n|---|---|\n| 1 | 2 |", "\nAfter"}},
		{"table after a line", "Text\n| a | " + long + "|\n|---|---|", []string{"Text", "W:| a | " + long + "|\n|---|---|"}},
		{"no leading pipe", "a | " + long + "\n--|--", []string{"W:a | " + long + "\n--|--"}},
		{"quoted table", "> | a | " + long + "|\n> |---|---|", []string{"> | a | " + long + "|\n> |---|---|"}},
		{"not a table", "| a | " + long + "|\n|---|", []string{"| a | " + long + "|\n|---|"}},
		{"setext heading", "Title " + long + "\n---", []string{"Title " + long + "\n---"}},
		{"wide code", "```\n" + long + "\n```\nAfter", []string{"W:```\n" + long + "\n```", "After"}},
		{"narrow code", "```\nshort\n```", []string{"```\nshort\n```"}},
		{"code in a list", "- item\n\n  ```\n  " + long + "\n  ```", []string{"- item\n\n  ```\n  " + long + "\n  ```"}},
		{"pipe in code", "```\n| a | " + long + "|\n|---|---|\n```", []string{"W:```\n| a | " + long + "|\n|---|---|\n```"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range splitWide(tt.md, 40, true, ansi.WcWidth) {
				if r.wide {
					r.text = "W:" + r.text
				}
				got = append(got, r.text)
			}
			if strings.Join(got, "¶") != strings.Join(tt.want, "¶") {
				t.Errorf("splitWide:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestNarrowedTableWithLinks: a table whose cells link somewhere is
// narrowed as any other. Glamour lists the links under the table, with
// the address at one width and without it at another, which read as
// words lost or broken: print laid the README's flags table out 297
// columns wide, then as records.
func TestNarrowedTableWithLinks(t *testing.T) {
	md := "# T\n\n## Flags\n\n| flag | meaning |\n|---|---|\n" +
		"| `--format auto\\|text\\|markdown` | the story's format (default: from the extension, else from the content); `mhtml` is a page saved whole |\n" +
		"| `--present` / `--follow` | present this story to `reel --follow` in another terminal of this machine / follow its presenter ([Share a story](#share-a-story)) |\n"
	s := parseStory(t, "flags.md", md)
	var b bytes.Buffer
	if err := Print(&b, s, PrintOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line %d wide: %q", w, l)
		}
	}
	if !strings.Contains(out, " flag ") || strings.Contains(out, "flag: ") || strings.Contains(out, "…") {
		t.Errorf("want the table narrowed, whole:\n%s", out)
	}
}
