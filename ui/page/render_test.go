package page

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

func TestPageRenderDeadline(t *testing.T) {
	// A formatter that never finishes: the page must not wait for it.
	stuck := make(chan struct{})
	defer close(stuck)
	never := func(string, int, Theme) string { <-stuck; return "" }
	sp := Spec{Story: sample(t), Index: 1, Width: 60, Height: 20, Theme: ThemeDark, Styles: new(NewStyles(true, false)),
		Deadline: 10 * time.Millisecond, Format: never}
	p := Render(sp)
	if !p.Plain || !strings.Contains(ansi.Strip(strings.Join(p.Lines, "\n")), "shown plainly") {
		t.Errorf("a render past its deadline should show the page plainly with a note")
	}
	if !strings.Contains(strings.Join(p.Lines, " "), "Workers' Party") {
		t.Errorf("the plain page lost its text")
	}
}
