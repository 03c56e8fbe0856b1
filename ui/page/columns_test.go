package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestColumnsSideBySideOrStacked: a presenterm column layout is drawn
// side by side where the width gives each column room, one column under
// the other where it does not, and the text after it follows it.
func TestColumnsSideBySideOrStacked(t *testing.T) {
	s := loadStory(t, "../../testdata/md/presenterm-columns.md")
	render := func(w int) []string {
		p := Render(Spec{Story: s, Index: 1, Width: w, Height: 40, Theme: ThemeNoTTY, Styles: new(NewStyles(true, true))})
		out := make([]string, len(p.Lines))
		for i, l := range p.Lines {
			out[i] = strings.TrimRight(ansi.Strip(l), " ")
		}
		return out
	}
	find := func(lines []string, s string) int {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i
			}
		}
		return -1
	}
	wide := render(80)
	row := find(wide, "Val di Funes")
	if row < 0 || !strings.Contains(wide[row], "Val Gardena") || find(wide, "a week later") != find(wide, "larches turn in mid-October") {
		t.Errorf("not side by side at 80 columns:\n%s", strings.Join(wide, "\n"))
	}
	if after := find(wide, "Both valleys were walked"); after <= find(wide, "the ridges turn") {
		t.Errorf("the text after the layout is not under it:\n%s", strings.Join(wide, "\n"))
	}
	for _, l := range wide {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("a line wider than 80: %q", l)
		}
	}
	narrow := render(40)
	if a, b := find(narrow, "Val di Funes"), find(narrow, "Val Gardena"); a < 0 || b <= find(narrow, "the valley floor goes gold first") || strings.Contains(narrow[a], "Val Gardena") {
		t.Errorf("not stacked at 40 columns:\n%s", strings.Join(narrow, "\n"))
	}
}

// TestColumnPictureIsAPanel: a picture in a column is drawn as a panel
// of its alt text, inside its column, side by side or stacked: never as
// Glamour's "Image: alt → file" link.
func TestColumnPictureIsAPanel(t *testing.T) {
	s := parseStory(t, "deck.md", "# Deck\n\n## Two\n\n<!-- column_layout: [2, 1] -->\n\n<!-- column: 0 -->\n\nThe left column's words.\n\n<!-- column: 1 -->\n\n![A red-blue gradient](pic.png)\n\n<!-- reset_layout -->\n\nUnder both.\n")
	for _, w := range []int{100, 40} {
		p := Render(Spec{Story: s, Index: 1, Width: w, Height: 40, Theme: ThemeNoTTY, Styles: new(NewStyles(true, true))})
		text := ansi.Strip(strings.Join(p.Lines, "\n"))
		if strings.Contains(text, "Image:") || strings.Contains(text, "→") {
			t.Errorf("at %d columns the picture is a link:\n%s", w, text)
		}
		if !strings.Contains(text, "A red-blue gradient") || !strings.Contains(text, "╭") {
			t.Errorf("at %d columns no panel with the alt text:\n%s", w, text)
		}
	}
}
