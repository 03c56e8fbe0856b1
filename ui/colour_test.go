package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/story"
)

// TestColourGoldens keeps reel's styling, escape sequences and all, for
// the dark and the light theme: the cover, a picture's panel, and the
// status bar with a search under way. The plain goldens strip the
// styling, so without these a style regression would pass unseen. A
// failure shows the changed sequences quoted.
func TestColourGoldens(t *testing.T) {
	deck := loadStory(t, "../testdata/md/deck.md")
	for _, theme := range []struct {
		name  string
		theme Theme
	}{{"dark", ThemeDark}, {"light", ThemeLight}} {
		model := func(s *story.Story) Model {
			m := testModel(s, Options{Theme: theme.theme})
			m, _ = run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
			return m
		}
		t.Run("cover-"+theme.name, func(t *testing.T) {
			goldenFrame(t, "colour-cover-"+theme.name, model(sample(t)).View().Content)
		})
		t.Run("panel-"+theme.name, func(t *testing.T) {
			m := model(deck)
			sec := deck.Section(0)
			if len(sec.Pictures) == 0 {
				t.Fatal("the deck's first section has no picture")
			}
			goldenFrame(t, "colour-panel-"+theme.name, strings.Join(panel(sec.Pictures[0], 40, 20, *m.styles, ansi.WcWidth, nil, false), "\n"))
		})
		t.Run("status-"+theme.name, func(t *testing.T) {
			m := search(t, model(sample(t)), "korea")
			m = runKeys(t, m, "n")
			lines := strings.Split(m.View().Content, "\n")
			goldenFrame(t, "colour-status-"+theme.name, lines[len(lines)-1])
		})
	}
}
