package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// boldSGR is an SGR sequence that turns bold on (parameter 1).
var boldSGR = regexp.MustCompile(`\x1b\[(?:[0-9]+;)*1(?:;[0-9]+)*m`)

// TestHeadingsInABodyShowTheirWords: a heading inside a slide shows its
// words where the text starts, with no Markdown "#" and no stray space,
// and is told apart by its style.
func TestHeadingsInABodyShowTheirWords(t *testing.T) {
	md := "# Deck\n\n---\n\n## Slide one\n\nPara text here.\n\n## h2 inside\n\nMore text.\n\n# Headers\n\nLast words.\n"
	s, err := story.Parse([]byte(md), story.Options{Name: "h.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range []Theme{ThemeDark, ThemeLight} {
		m := send(testModel(s, Options{Theme: theme}), tea.WindowSizeMsg{Width: 100, Height: 30})
		m = runKeys(t, m, "right")
		styled := m.View().Content
		got := ansi.Strip(styled)
		if strings.Contains(got, "#") {
			t.Errorf("theme %v: a Markdown mark is shown:\n%s", theme, got)
		}
		indent := map[string]int{}
		styledLine := map[string]string{}
		for _, l := range strings.Split(styled, "\n") {
			plain := ansi.Strip(l)
			for _, w := range []string{"Para text here.", "h2 inside", "Headers"} {
				if strings.TrimSpace(plain) == w {
					indent[w] = len(plain) - len(strings.TrimLeft(plain, " "))
					styledLine[w] = l
				}
			}
		}
		for _, w := range []string{"h2 inside", "Headers"} {
			i, ok := indent[w]
			if !ok {
				t.Errorf("theme %v: no line that is just %q:\n%s", theme, w, got)
				continue
			}
			if i != indent["Para text here."] {
				t.Errorf("theme %v: %q starts at column %d, the text at %d:\n%s", theme, w, i, indent["Para text here."], got)
			}
			if !boldSGR.MatchString(styledLine[w]) {
				t.Errorf("theme %v: %q is not bold: %q", theme, w, styledLine[w])
			}
		}
	}
}
