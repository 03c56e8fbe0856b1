package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/story/read"
)

// TestMdpLinesDrawn checks that an mdp deck's lines stay lines on the
// page, where Glamour would flow them into one.
func TestMdpLinesDrawn(t *testing.T) {
	src := "%title: Keys\n\n# Keys\n\nquit            *q*\nreload          *r*\n\n▛▀▀▀▜\n▌ x ▐\n▙▄▄▄▟\n"
	s, err := read.Parse([]byte(src), story.Options{Name: "keys.md"})
	if err != nil {
		t.Fatal(err)
	}
	p := Render(Spec{Story: s, Index: 1, Width: 60, Height: 20, Theme: ThemeDark, Styles: new(NewStyles(true, false))})
	var lines []string
	for _, l := range p.Lines {
		lines = append(lines, strings.TrimRight(ansi.Strip(l), " "))
	}
	page := strings.Join(lines, "\n")
	for _, want := range []string{"quit            q\nreload          r", "▛▀▀▀▜\n▌ x ▐\n▙▄▄▄▟"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lost the line breaks of %q:\n%s", want, page)
		}
	}
}
