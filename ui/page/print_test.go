package page

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// plainMarkdown formats md as print mode does with no terminal.
func plainMarkdown(t *testing.T, md string, w int) string {
	t.Helper()
	lines, plain := markdownLines(md, w, ThemeNoTTY, time.Minute, RenderMarkdown, ansi.WcWidth)
	if plain {
		t.Fatalf("not formatted: %q", lines)
	}
	return strings.Join(lines, "\n")
}

func TestPlainPrintMarks(t *testing.T) {
	md := "Some **bold**, _italic_, `code` and ~~struck~~ words.\n\nSetext heading\n--------------\n\n### ATX heading\n\nEnd."
	got := plainMarkdown(t, md, 60)
	for _, want := range []string{"**bold**", "*italic*", "`code`", "~~struck~~", "Setext heading", "ATX heading"} {
		if !strings.Contains(got, want) {
			t.Errorf("plain print lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "#") {
		t.Errorf("plain print marks headings with #:\n%s", got)
	}
}

func TestWrappedCodeKeepsIndent(t *testing.T) {
	md := "```go\nfunc main() {\n        fmt.Println(\"a very long line of code that will surely need wrapping at forty columns\")\n}\n```"
	for _, w := range []int{30, 40, 50} {
		got := plainMarkdown(t, md, w)
		lines := strings.Split(got, "\n")
		for _, l := range lines {
			if ansi.StringWidthWc(l) > w {
				t.Errorf("width %d: %q is too wide", w, l)
			}
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "  ") {
				t.Errorf("width %d: a code line left its block: %q\n%s", w, l, got)
			}
		}
		// The wrapped statement's lines are indented deeper than it.
		for i, l := range lines {
			if strings.Contains(l, "fmt.Println") && i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "            ") {
				t.Errorf("width %d: continuation %q lost the indent:\n%s", w, lines[i+1], got)
			}
		}
		if squeeze(got) != squeeze("func main() { fmt.Println(\"a very long line of code that will surely need wrapping at forty columns\") }") {
			t.Errorf("width %d: code text changed:\n%s", w, got)
		}
	}
}
