package page

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// codeRows returns n lines of code that would read as table rows outside
// a code block.
func codeRows(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "| line %d\n", i)
	}
	return b.String()
}

// TestCodeAfterAShorterFenceIsKept: a "```" line inside a "````" block is
// code, so the lines after it are neither a table nor cut.
func TestCodeAfterAShorterFenceIsKept(t *testing.T) {
	md := "````\n```\n" + codeRows(250) + "````\n\nafter"
	got := tameMarkdown(md)
	if got != md {
		t.Errorf("tameMarkdown changed a 250-line code block:\n%s", got)
	}
	lines, plain := markdownLines(md, 60, ThemeDark, time.Minute, RenderMarkdown, ansi.WcWidth)
	page := ansi.Strip(strings.Join(lines, "\n"))
	if plain || !strings.Contains(page, "| line 249") || !strings.Contains(page, "after") {
		t.Errorf("the page lost the end of the code block (plain %v):\n%s", plain, page)
	}
}

// TestCutTableSaysSo: a table longer than maxTableRows is cut, and the
// page says by how many rows.
func TestCutTableSaysSo(t *testing.T) {
	md := "| a | b |\n|---|---|\n" + strings.Repeat("| x | y |\n", maxTableRows+48) + "\nafter"
	got := tameMarkdown(md)
	if n := strings.Count(got, "| x | y |"); n != maxTableRows-2 {
		t.Errorf("kept %d rows, want %d", n, maxTableRows-2)
	}
	if !strings.Contains(got, "… 50 more rows") || !strings.Contains(got, "after") {
		t.Errorf("a cut table says nothing:\n%s", got[len(got)-200:])
	}
	lines, _ := markdownLines(md, 60, ThemeDark, time.Minute, RenderMarkdown, ansi.WcWidth)
	if page := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(page, "50 more rows") {
		t.Errorf("the page does not say the table was cut")
	}
	// At the end of the page too.
	if got := tameMarkdown(strings.Repeat("| x |\n", maxTableRows+1)); !strings.Contains(got, "| x |\n\n… 1 more row\n") {
		t.Errorf("a cut table at the end says nothing: %q", got[len(got)-40:])
	}
}

// TestWrapCodeInsideALongerFence: the lines after a "```" inside a "````"
// block are code and wrap as code.
func TestWrapCodeInsideALongerFence(t *testing.T) {
	long := strings.Repeat("word ", 30)
	got := wrapCode("````\n```\n"+long+"\n````\n"+long, 40, ansi.WcWidth)
	lines := strings.Split(got, "\n")
	if len(lines) < 6 {
		t.Fatalf("code line not wrapped:\n%s", got)
	}
	for _, l := range lines[2 : len(lines)-2] {
		if ansi.StringWidthWc(l) > 40-codeMargin {
			t.Errorf("code line %q wider than %d", l, 40-codeMargin)
		}
	}
	if lines[len(lines)-1] != long {
		t.Errorf("text after the block was wrapped as code: %q", lines[len(lines)-1])
	}
}

// TestCodeKeepsItsTabs: Go code is indented with tabs, which a terminal
// cell cannot hold: a page shows them as spaces, to the next multiple of
// four, so the code keeps its shape.
func TestCodeKeepsItsTabs(t *testing.T) {
	md := "```go\nfunc main() {\n\tif wet {\n\t\treturn\n\t}\n}\n```\n"
	lines, plain := markdownLines(md, 60, ThemeDark, time.Minute, RenderMarkdown, ansi.WcWidth)
	page := ansi.Strip(strings.Join(lines, "\n"))
	col := func(s string) int {
		for _, l := range strings.Split(page, "\n") {
			if i := strings.Index(l, s); i >= 0 {
				return i
			}
		}
		t.Fatalf("no %q on the page (plain %v):\n%s", s, plain, page)
		return -1
	}
	if f, i, r := col("func main"), col("if wet"), col("return"); i-f != 4 || r-i != 4 {
		t.Errorf("indents %d, %d, %d, want steps of 4:\n%s", f, i, r, page)
	}
}

// TestProseKeepsWordsApartAtATab: a tab inside a sentence is a space on
// the page, not nothing ("A boat\tin the harbour" was "A boatin").
func TestProseKeepsWordsApartAtATab(t *testing.T) {
	lines, _ := markdownLines("A boat\tin the harbour.\n\n- an item\twith a tab\n", 60, ThemeDark, time.Minute, RenderMarkdown, ansi.WcWidth)
	page := ansi.Strip(strings.Join(lines, "\n"))
	for _, want := range []string{"A boat in the harbour.", "an item with a tab"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q on the page:\n%s", want, page)
		}
	}
}
