package page

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/reeltui/reel/internal/guard"
	"github.com/reeltui/reel/internal/picture"
	"github.com/reeltui/reel/story"
)

// panickyArt is an Art with a bug: it panics when asked to draw.
type panickyArt struct{}

func (panickyArt) Draw(story.Picture, int, int, int) ([]string, string) { panic("art bug") }
func (panickyArt) Loading(story.Picture) bool                           { return false }

const pictureDeck = "# One\n\nWords of the first page.\n\n![A sunset](img/sunset.png)\n"

// TestRenderPanicSaysSo: a page whose render panics shows its words and
// says it could not be drawn, with the panic, rather than "formatting…"
// for ever.
func TestRenderPanicSaysSo(t *testing.T) {
	s := parseStory(t, "deck.md", pictureDeck)
	st := NewStyles(true, false)
	p := Render(Spec{Story: s, Index: 1, Width: 60, Height: 24, Theme: ThemeDark, Styles: &st, Art: panickyArt{}, Deadline: time.Minute})
	got := strings.Join(strings.Fields(ansi.Strip(strings.Join(p.Lines, "\n"))), " ")
	if !p.Plain || !strings.Contains(got, "Words of the first page.") || !strings.Contains(got, "could not be drawn: internal error in page render: art bug") {
		t.Errorf("a page whose render panicked shows:\n%s", got)
	}
}

// TestFormatPanicSaysSo: a panic in the formatting goroutine shows the
// text plainly and says why.
func TestFormatPanicSaysSo(t *testing.T) {
	boom := func(string, int, Theme) string { panic("glamour bug") }
	lines, why := formatMarkdown("Some *words*.", 60, ThemeDark, time.Minute, boom, ansi.WcWidth)
	if !strings.Contains(strings.Join(lines, "\n"), "Some *words*.") || !strings.Contains(why, "internal error in page format: glamour bug") {
		t.Errorf("a panicking format gave %q, %q", lines, why)
	}
	s := parseStory(t, "deck.md", "# One\n\nSome *words*.\n")
	st := NewStyles(true, false)
	p := Render(Spec{Story: s, Index: 1, Width: 60, Height: 24, Theme: ThemeDark, Styles: &st, Format: boom, Deadline: time.Minute})
	if got := strings.Join(strings.Fields(ansi.Strip(strings.Join(p.Lines, "\n"))), " "); !strings.Contains(got, "(shown plainly: internal error in page format: glamour bug") {
		t.Errorf("the page does not say why it is plain:\n%s", got)
	}
}

// TestPrintPicturePanicIsAnError: a panic while print loads a picture
// ahead ends the wait for it, and the printing, with the panic as error.
func TestPrintPicturePanicIsAnError(t *testing.T) {
	s := parseStory(t, "deck.md", pictureDeck)
	l := picture.NewLoader(picture.Origin{Dir: t.TempDir()}, 16, 16, 0)
	p := loadAheadWith(s, l, func(context.Context, string) { panic("decoder bug") })
	defer p.stop()
	waited := make(chan struct{})
	go func() { p.wait(1); close(waited) }()
	<-waited // a hang here is the bug
	var pe *guard.PanicError
	if err := p.problem(); !errors.As(err, &pe) || pe.Value != "decoder bug" {
		t.Errorf("problem() = %v, want the loader's panic", err)
	}
}
