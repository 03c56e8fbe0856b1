package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWideTableOnAWideScreen: in a 200-column window the prose keeps its
// 80-column measure, centred, while a table too wide for it is shown
// whole, each row on one line, standing from the prose's left edge as
// far as the window lets it, and a long line of code is not wrapped.
// Both were held to the prose's 80 columns.
func TestWideTableOnAWideScreen(t *testing.T) {
	m := newTestModel(loadStory(t, "../testdata/md/wide.md"), 200, 40)
	m = send(m, keys("right")...)
	lines := strings.Split(frame(m), "\n")
	prose, heading := -1, -1
	for _, l := range lines {
		switch {
		case strings.Contains(l, "Some prose before the table"):
			prose = len(l) - len(strings.TrimLeft(l, " "))
		case strings.Contains(l, "Passengers per weekday in 2024"):
			heading = len(l) - len(strings.TrimLeft(l, " "))
			if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > 198 {
				t.Errorf("the table runs into the margin (%d columns): %q", w, l)
			}
		}
		if strings.Contains(l, "…") {
			t.Errorf("a line is cut: %q", l)
		}
	}
	if prose != 60 {
		t.Errorf("the prose starts at column %d, want 60 (centred 80 columns)", prose)
	}
	if heading < 0 || heading >= prose {
		t.Errorf("the table's headings start at column %d, want whole and left of the prose's %d:\n%s", heading, prose, strings.Join(lines, "\n"))
	}
	m = send(m, keys("right")...)
	if f := frame(m); !strings.Contains(f, `fmt.Println("this is a long line of code that goes on well past eighty columns, then some more words to reach far") }`) {
		t.Errorf("the line of code was wrapped in 200 columns:\n%s", f)
	}
}

// TestWideTableFitsTheWindow: in windows narrower than the table it
// shrinks to fit, cut nowhere (its headings wrap), and nothing is drawn
// past the window's edge.
func TestWideTableFitsTheWindow(t *testing.T) {
	for _, w := range []int{120, 80, 50} {
		m := newTestModel(loadStory(t, "../testdata/md/wide.md"), w, 60)
		m = send(m, keys("right")...)
		f := frame(m)
		for _, l := range strings.Split(f, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("%d columns: a line %d wide: %q", w, ansi.StringWidth(l), l)
			}
		}
		if strings.Contains(f, "…") || !strings.Contains(f, "Anglia") {
			t.Errorf("%d columns: the table is cut:\n%s", w, f)
		}
	}
}
