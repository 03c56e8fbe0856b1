package page

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestColourPanelGoldens keeps a picture's panel's styling, escape
// sequences and all, for the dark and the light theme, in the styles the
// reader builds for each (ui's TestColourGoldens keeps the rest).
func TestColourPanelGoldens(t *testing.T) {
	deck := loadStory(t, "../../testdata/md/deck.md")
	for _, theme := range []struct {
		name  string
		theme Theme
	}{{"dark", ThemeDark}, {"light", ThemeLight}} {
		t.Run("panel-"+theme.name, func(t *testing.T) {
			st := NewStyles(theme.theme != ThemeLight, theme.theme == ThemeNoTTY)
			sec := deck.Section(0)
			if len(sec.Pictures) == 0 {
				t.Fatal("the deck's first section has no picture")
			}
			goldenFrame(t, "colour-panel-"+theme.name, strings.Join(panel(sec.Pictures[0], 40, 20, st, ansi.WcWidth, nil, false), "\n"))
		})
	}
}
