package cli

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/reeltui/reel/internal/present"
	"github.com/reeltui/reel/ui"
)

// nextPresent calls a presentation's Next until it returns a message
// that satisfies ok, failing the test after a while.
func nextPresent(t *testing.T, p *ui.Presentation, ok func(ui.PresentMsg) bool) ui.PresentMsg {
	t.Helper()
	got := make(chan ui.PresentMsg, 1)
	go func() {
		for {
			msg, isPresent := p.Next().(ui.PresentMsg)
			if !isPresent {
				return
			}
			if ok(msg) {
				got <- msg
				return
			}
		}
	}()
	select {
	case msg := <-got:
		return msg
	case <-time.After(10 * time.Second):
		t.Fatal("the awaited scene never came")
	}
	return ui.PresentMsg{}
}

// reel --present and reel --follow of one story, in two terminals of
// this machine: the follower sees the presenter's turns, and the
// presenter how many follow.
func TestLocalPresentAndFollow(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	path := "../../testdata/md/steps.md"
	pres, _, stopPres, err := localPresentation(config{path: path, present: true}, path)
	if err != nil {
		t.Fatal(err)
	}
	defer stopPres()
	fol, hint, stopFol, err := localPresentation(config{path: path, follow: true}, path)
	if err != nil {
		t.Fatal(err)
	}
	defer stopFol()
	if !strings.Contains(hint, "waiting for a presenter of") {
		t.Errorf("the follower's note: %q", hint)
	}
	nextPresent(t, fol, func(m ui.PresentMsg) bool { return m.Followers == 1 }) // it has connected
	nextPresent(t, pres, func(m ui.PresentMsg) bool { return m.Followers == 1 })
	pres.Turned(1, 2)
	if msg := nextPresent(t, fol, func(m ui.PresentMsg) bool { return m.Presented }); msg.Page != 1 || msg.Hidden != 2 {
		t.Errorf("the follower sees %+v, want page 1 with 2 steps hidden", msg)
	}
	_, _, _, err = localPresentation(config{path: path, present: true}, path)
	if !errors.Is(err, present.ErrPresenting) {
		t.Errorf("a second presenter: %v", err)
	}
	stopPres()
	nextPresent(t, fol, func(m ui.PresentMsg) bool { return m.Ended })
}

func TestPipeCannotBePresented(t *testing.T) {
	for _, cfg := range []config{{path: "-", present: true}, {path: "-", follow: true}} {
		_, _, _, err := localPresentation(cfg, "-")
		var usage usageError
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), "piped story") {
			t.Errorf("%+v: %v", cfg, err)
		}
	}
	if _, err := parseArgs([]string{"--present", "--follow", "d.md"}, nil, "dev"); err == nil {
		t.Error("--present --follow taken")
	}
	if _, err := parseArgs([]string{"--notes-view", "d.md"}, nil, "dev"); err == nil {
		t.Error("--notes-view without --follow taken")
	}
	if cfg, err := parseArgs([]string{"--follow", "--notes-view", "d.md"}, nil, "dev"); err != nil || !cfg.notesView {
		t.Errorf("--follow --notes-view: %+v %v", cfg, err)
	}
}
