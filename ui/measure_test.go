package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/ui/page"
)

// longestLine is the widest line of s, in columns.
func longestLine(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, ansi.StringWidth(strings.TrimRight(l, " ")))
	}
	return w
}

// wrapsNear reports whether the line of frame f that holds start is,
// from start to its last letter, from lo to hi columns wide: a paragraph
// wrapped at hi.
func wrapsNear(f, start string, lo, hi int) bool {
	for _, l := range strings.Split(ansi.Strip(f), "\n") {
		if i := strings.Index(l, start); i >= 0 {
			w := ansi.StringWidth(strings.TrimRight(l[i:], " "))
			return w >= lo && w <= hi
		}
	}
	return false
}

// TestWidthSetsTheMeasure: --width sets the page's measure in the reader
// as in print, above 80 too; without it the text keeps 80 columns.
func TestWidthSetsTheMeasure(t *testing.T) {
	wide := func(measure int) Model {
		m := send(testModel(sample(t), Options{Theme: page.ThemeDark, Measure: measure}), tea.WindowSizeMsg{Width: 200, Height: 40})
		return runKeys(t, m, "right")
	}
	// The page's rule and panel span the measure, after the centring pad.
	if got := wide(0).contentWidth(); got != 80 {
		t.Errorf("default: text %d wide in a 200-column window, want 80", got)
	}
	if m := wide(150); m.contentWidth() != 150 {
		t.Errorf("--width 150 in a 200-column window: text %d wide", m.contentWidth())
	} else if f := frame(m); !wrapsNear(f, "The Workers' Party", 140, 150) {
		t.Errorf("--width 150: the text is not wrapped at 150 columns:\n%s", f)
	}
	if m := wide(150); page.MeasureWidth(120, 150) != 116 || m.contentWidth() > 200 {
		t.Errorf("a measure wider than the window: %d", page.MeasureWidth(120, 150))
	}

	var b strings.Builder
	if err := Print(&b, sample(t), page.PrintOptions{Width: 200, Measure: 120}); err != nil {
		t.Fatal(err)
	}
	if got := longestLine(b.String()); got != 120 {
		t.Errorf("print --width 120 on a 200-column terminal: lines %d wide, want 120", got)
	}
}
