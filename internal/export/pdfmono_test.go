package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A PDF sets code and tables in the monospaced font, as a terminal does:
// a table's cells line up under their headings, and code keeps its
// indentation. A table too wide for the page is set as rows of cells
// joined by bars, in the text font, never cut.
func TestPDFCodeAndTablesInMonospace(t *testing.T) {
	wideCells := strings.Repeat("a long cell of words ", 8)
	deck := "# Tables and code\n\nThe intro.\n\n---\n\n## The weather\n\n" +
		"| Town | Rain (mm) | Wind |\n|---|---|---|\n| Seahaven | 12 | strong gale |\n| Port Example Longname | 3 | calm |\n\n" +
		"```\nfunc rain() int {\n\tif wet {\n\t\treturn 12\n\t}\n}\n```\n\n---\n\n## Too wide\n\n" +
		"| One | Two |\n|---|---|\n| " + wideCells + " | " + wideCells + "end |\n"
	path := filepath.Join(t.TempDir(), "deck.md")
	if err := os.WriteFile(path, []byte(deck), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := writePDFFile(t, path, Options{})
	if fonts := poppler(t, "pdffonts", out); !strings.Contains(strings.ToLower(fonts), "dejavumono") {
		t.Errorf("no monospaced font in the PDF:\n%s", fonts)
	}
	text := poppler(t, "pdftotext", "-layout", out, "-")
	lineWith := func(s string) string {
		for _, l := range strings.Split(text, "\n") {
			if strings.Contains(l, s) {
				return l
			}
		}
		t.Fatalf("no line holds %q:\n%s", s, text)
		return ""
	}
	head, first, second := lineWith("Rain (mm)"), lineWith("Seahaven"), lineWith("Port Example Longname")
	if strings.Contains(first, "|") {
		t.Errorf("a table that fits is set with bars: %q", first)
	}
	col := func(line, cell string) int { return len([]rune(line[:strings.Index(line, cell)])) }
	if a, b, c := col(head, "Rain"), col(first, "12"), col(second, "3"); a != b || b != c {
		t.Errorf("the second column does not line up: %d %d %d\n%s\n%s\n%s", a, b, c, head, first, second)
	}
	if a, b := col(lineWith("if wet"), "if wet"), col(lineWith("return 12"), "return 12"); b-a != 4 {
		t.Errorf("code lost its indentation: %d then %d", a, b)
	}
	if !strings.Contains(text, "end") || !strings.Contains(lineWith("a long cell"), "a long cell") {
		t.Errorf("the wide table lost words:\n%s", text)
	}
}
