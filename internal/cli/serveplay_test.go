package cli

import (
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
	"github.com/reeltui/reel/ui/page"
)

// The presenter's slideshow timer turns everyone's pages: the presenter
// starts it (a, then + down to a second a page) and a follower that
// presses nothing, and has no slideshow of its own, is turned with it.
func TestServePresenterSlideshowTurnsFollowers(t *testing.T) {
	pat := servetest.NewKey(t)
	sc := serveConfig{config: config{theme: page.ThemeDark}, present: true, presenterKey: servetest.WriteKeys(t, pat)}
	_, _, addr, _ := servedStory(t, sc, "../../testdata/kim-rally.txt")
	follower := servetest.Open(t, servetest.MustDial(t, addr, "fay", gossh.PublicKeys(servetest.NewKey(t))), servetest.Options{})
	follower.WaitFor("following")
	presenter := servetest.Open(t, servetest.MustDial(t, addr, "pat", gossh.PublicKeys(pat)), servetest.Options{})
	presenter.WaitFor("1 watching")
	presenter.Send("a++++")
	follower.WaitFor("1 / 5")
	follower.WaitFor("2 / 5")
	presenter.WaitFor("2 / 5")
}
