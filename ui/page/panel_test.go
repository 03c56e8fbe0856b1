package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

func TestPanelsLayout(t *testing.T) {
	st := NewStyles(true, false)
	pics := []story.Picture{
		{Source: "a.jpg", Alt: "A fox in the snow", Credit: "Photo: AP"},
		{Source: "b.jpg", Alt: "Two owls on a branch"},
	}
	tests := []struct {
		name     string
		width    int
		sideways bool
	}{
		{"side by side at 80", 80, true},
		{"stacked at 40", 40, false},
		{"stacked at 12", 12, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := panels(pics, tt.width, 12, 12, st, ansi.WcWidth, nil, false)
			text := ansi.Strip(strings.Join(lines, "\n"))
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > tt.width {
					t.Fatalf("line %q is %d wide, more than %d", ansi.Strip(l), w, tt.width)
				}
			}
			fox, owls := -1, -1
			for i, l := range strings.Split(text, "\n") {
				if strings.Contains(l, "A fox") && fox < 0 {
					fox = i
				}
				if strings.Contains(l, "Two") && owls < 0 {
					owls = i
				}
			}
			if fox < 0 || owls < 0 {
				t.Fatalf("alt text missing:\n%s", text)
			}
			if (fox == owls) != tt.sideways {
				t.Errorf("sideways = %v, want %v:\n%s", fox == owls, tt.sideways, text)
			}
			if tt.width >= 40 && (strings.Count(text, "╭") != 2 || strings.Count(text, "╯") != 2) {
				t.Errorf("want two whole frames:\n%s", text)
			}
		})
	}
}

func TestPanelKinds(t *testing.T) {
	st := NewStyles(true, true)
	tests := []struct {
		name string
		pic  story.Picture
		want []string
	}{
		{"alt, caption, credit and source", story.Picture{Source: "x.jpg", Alt: "A heron", Caption: "At dawn", Credit: "© AP"}, []string{"▣ picture", "A heron", "At dawn", "x.jpg", "© AP", "╭"}},
		{"no alt", story.Picture{Source: "y.png"}, []string{"no description", "y.png"}},
		{"no alt with caption", story.Picture{Caption: "The bay"}, []string{"no description", "The bay"}},
		{"placeholder", story.Picture{Caption: "Plans", Placeholder: true}, []string{"photo not included in the text", "Plans", "╌"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ansi.Strip(strings.Join(panel(tt.pic, 50, 12, st, ansi.WcWidth, nil, false), "\n"))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("panel lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestPanelMarkIsOneLine: a panel's mark, such as why its picture cannot
// be shown, takes one line however narrow the panel: a reason wrapped
// over two or three rows pushes the page's words off a small screen. The
// details (i) say it whole.
func TestPanelMarkIsOneLine(t *testing.T) {
	st := NewStyles(true, false)
	p := story.Picture{Alt: "A damaged file", Source: "img/broken.png"}
	for _, iw := range []int{8, 20, 35, 60} {
		for _, mark := range []string{"▣ not a PNG, JPEG, GIF or WebP picture", "▣ too large to show (100000×100000 pixels)", "▢ photo not included in the text"} {
			pt := panelWords(p, iw, st, ansi.WcWidth, mark, false)
			if len(pt.mark) != 1 {
				t.Errorf("%d columns: mark %q takes %d lines: %q", iw, mark, len(pt.mark), pt.mark)
				continue
			}
			if w := ansi.StringWidth(pt.mark[0]); w > iw {
				t.Errorf("%d columns: mark %q is %d wide", iw, ansi.Strip(pt.mark[0]), w)
			}
			// Print cuts nothing: the mark is wrapped whole.
			printed := panelWords(p, iw, st, ansi.WcWidth, mark, true)
			noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if got := ansi.Strip(strings.Join(printed.mark, " ")); noSpace(got) != noSpace(mark) {
				t.Errorf("%d columns, printed: mark %q, want %q whole", iw, got, mark)
			}
		}
	}
}
