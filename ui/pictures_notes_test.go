package ui

import (
	"path/filepath"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/ui/graphics"
	"github.com/reeltui/reel/ui/page"
)

// statusLine is the bottom line of m's frame.
func statusLine(m Model) string {
	lines := strings.Split(frame(m), "\n")
	return lines[len(lines)-1]
}

// The notes that say why pictures fall back to half blocks show whole on
// an 80-column screen, beside the title, progress and position, on the
// cover and on a page.
func TestPictureNotesFitEightyColumns(t *testing.T) {
	l := picture.NewLoader(picture.Origin{Dir: filepath.Dir(pictureDeck)}, graphics.PicturePixels(graphics.PicturesKitty), graphics.PicturePixels(graphics.PicturesKitty), 0)
	for _, start := range []int{0, 1} {
		iterm := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesITerm, Loader: l, Tmux: true, Start: start}, 80, 24)
		sixel := pictureModelOpts(t, Options{Theme: page.ThemeDark, Pictures: graphics.PicturesSixel, Loader: l, Start: start}, 80, 24)
		sixel = send(sixel, uv.PrimaryDeviceAttributesEvent{62, 4})
		for _, tt := range []struct {
			name  string
			m     Model
			words []string
		}{
			{"iterm in tmux", iterm, []string{"iTerm2", "tmux", "half blocks"}},
			{"sixel without a cell size", sixel, []string{"sixel", "cell size", "half blocks"}},
		} {
			bar := statusLine(tt.m)
			for _, w := range tt.words {
				if !strings.Contains(tt.m.hint, w) {
					t.Errorf("%s: the note %q does not say %q", tt.name, tt.m.hint, w)
				}
			}
			if tt.m.hint == "" || !strings.Contains(bar, tt.m.hint) {
				t.Errorf("%s, page %d: the note %q is cut at 80 columns:\n%s", tt.name, start, tt.m.hint, bar)
			}
			if w := ansi.StringWidth(bar); w > 80 {
				t.Errorf("%s: status bar %d columns wide", tt.name, w)
			}
		}
	}
}
