package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/story"
	"github.com/reeltui/reel/ui/page"
)

// TestColourGoldens keeps reel's styling, escape sequences and all, for
// the dark and the light theme: the cover and the status bar with a
// search under way (a picture's panel: page's TestColourPanelGoldens). The plain goldens strip the
// styling, so without these a style regression would pass unseen. A
// failure shows the changed sequences quoted.
func TestColourGoldens(t *testing.T) {
	for _, theme := range []struct {
		name  string
		theme page.Theme
	}{{"dark", page.ThemeDark}, {"light", page.ThemeLight}} {
		model := func(s *story.Story) Model {
			m := testModel(s, Options{Theme: theme.theme})
			m, _ = run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
			return m
		}
		t.Run("cover-"+theme.name, func(t *testing.T) {
			goldenFrame(t, "colour-cover-"+theme.name, model(sample(t)).View().Content)
		})
		t.Run("status-"+theme.name, func(t *testing.T) {
			m := search(t, model(sample(t)), "korea")
			m = runKeys(t, m, "n")
			lines := strings.Split(m.View().Content, "\n")
			goldenFrame(t, "colour-status-"+theme.name, lines[len(lines)-1])
		})
	}
}
