package serve

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
)

// A client that sends more env requests than a terminal needs, or longer
// ones, is told no past the bounds; its session goes on, with the
// variables it was given.
func TestEnvBounded(t *testing.T) {
	srv := startServer(t, Options{}, func(v Viewer) (tea.Model, []tea.ProgramOption) {
		return pagesModel{who: fmt.Sprintf("with %d variables", len(v.Environ))}, nil
	})
	c := mustDial(t, srv.addr, "eve", gossh.PublicKeys(newKey(t)))
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	setenv := func(k, v string) bool {
		ok, err := sess.SendRequest("env", true, gossh.Marshal(struct{ Key, Value string }{k, v}))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if setenv("HUGE", strings.Repeat("x", maxEnvBytes)) {
		t.Error("a variable longer than the bound was taken")
	}
	taken := 0
	for i := range 10 * maxEnvVars {
		if setenv(fmt.Sprintf("V%d", i), "1") {
			taken++
		}
	}
	if taken != maxEnvVars {
		t.Errorf("%d variables taken, want %d", taken, maxEnvVars)
	}
	sc := servetest.Attach(t, sess, servetest.Options{})
	sc.WaitFor(fmt.Sprintf("hello with %d variables", maxEnvVars+1)) // and the pty's TERM
}
