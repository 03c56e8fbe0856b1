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
