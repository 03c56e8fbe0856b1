package page

import (
	"strings"
	"testing"

	"github.com/reeltui/reel/story"
)

// roomArt draws a picture as tall as the room it is given, in rows of X.
type roomArt struct{}

func (roomArt) Draw(p story.Picture, iw, room, textRows int) ([]string, string) {
	lines := make([]string, max(room-textRows-2, 1))
	for i := range lines {
		lines[i] = strings.Repeat("X", 10)
	}
	return lines, ""
}

func (roomArt) Loading(story.Picture) bool { return false }

// TestPictureSitsStillThroughTheSteps: a slide's picture is drawn at the
// size it has on the last reveal step from the first, so the slide does
// not jump as its text comes in.
func TestPictureSitsStillThroughTheSteps(t *testing.T) {
	s := parseStory(t, "talk.md", "# Talk\n\n---\n\n## Tides\n\n![the shore](shore.png)\n\nThe sea goes out.\n\n<!-- pause -->\n\n"+
		strings.Repeat("It comes back, and goes out again, and comes back. ", 12)+"\n\n<!-- pause -->\n\n"+
		strings.Repeat("It does so twice a day, every day, here and elsewhere. ", 12)+"\n")
	st := NewStyles(true, false)
	rows := func(hidden int) int {
		p := Render(Spec{Story: s, Index: 1, Width: 70, Height: 40, Theme: ThemeDark, Styles: &st, Art: roomArt{}, Hidden: hidden,
			Format: func(md string, w int, _ Theme) string { return md }})
		return strings.Count(strings.Join(p.Lines, "\n"), "XXXXXXXXXX")
	}
	first, last := rows(2), rows(0)
	if first != last || last < 1 {
		t.Errorf("the picture takes %d rows on the first step, %d on the last: it should not move", first, last)
	}
}
