package main

import (
	"fmt"
	"net"
	"regexp"
	"strings"
	"syscall"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
	"github.com/reeltui/reel/ui"
)

// servedAddr is the address reel serve says it listens on: asked for
// port 0, it takes a free one, with no window for another to take it.
func servedAddr(t *testing.T, tm *ptyTerm, shown string) string {
	t.Helper()
	tm.waitFor(shown)
	m := regexp.MustCompile(regexp.QuoteMeta(shown) + `(\d+)`).FindStringSubmatch(tm.screen())
	if m == nil || m[1] == "0" {
		t.Fatalf("no port after %q:\n%s", shown, tm.screen())
	}
	return net.JoinHostPort("127.0.0.1", m[1])
}

// The serving terminal: q closes the sessions and exits 0, ctrl+c exits
// 130, SIGTERM 143; each ends the viewer's session too.
func TestServeStops(t *testing.T) {
	t.Parallel()
	for _, way := range []struct {
		name string
		code int
	}{{"q", 0}, {"ctrl+c", 130}, {"SIGTERM", 143}} {
		t.Run(way.name, func(t *testing.T) {
			dir := t.TempDir()
			tm := startTermEnv(t, nil, true, []string{"XDG_DATA_HOME=" + dir, "XDG_STATE_HOME=" + dir},
				"serve", "--listen", "127.0.0.1:0", "testdata/kim-rally.txt")
			addr := servedAddr(t, tm, "read it with: ssh -p ")
			tm.waitFor("q stops")
			tm.waitFor("host key:     SHA256:")
			viewer := servetest.Open(t, servetest.MustDial(t, addr, "v", gossh.PublicKeys(servetest.NewKey(t))), servetest.Options{})
			viewer.WaitFor("5 sections follow")
			tm.waitFor("1 viewer")
			switch way.name {
			case "q":
				tm.send("q")
			case "ctrl+c":
				tm.send("\x03")
			case "SIGTERM":
				_ = tm.cmd.Process.Signal(syscall.SIGTERM)
			}
			if code := tm.exit(); code != way.code {
				t.Errorf("exit %d, want %d", code, way.code)
			}
			if code := viewer.Exit(); code != 0 || !strings.Contains(viewer.Stderr.String(), "the server stopped") {
				t.Errorf("the viewer ended with %d, told %q", code, viewer.Stderr.String())
			}
		})
	}
}

// reel serve beyond loopback without --authorized-keys: one line, exit 2.
func TestServeRefusesOpenNetwork(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := reelEnv(t, []string{"XDG_DATA_HOME=" + dir}, "serve", "--listen", fmt.Sprintf("0.0.0.0:%d", 0), "testdata/kim-rally.txt")
	if r.code != 2 {
		t.Errorf("exit %d, want 2: %s", r.code, r.stderr)
	}
}

// The presenter's terminal says how viewers connect: the banner that
// says it is under the reader's alternate screen.
func TestServePresentSaysHowToConnect(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tm := startTermEnv(t, nil, true, []string{"XDG_DATA_HOME=" + dir, "XDG_STATE_HOME=" + dir},
		"serve", "--present", "--listen", "127.0.0.1:0", "testdata/kim-rally.txt")
	// The port it shows is the one it listens on: a viewer gets in.
	addr := servedAddr(t, tm, "viewers: ssh -p ")
	viewer := servetest.Open(t, servetest.MustDial(t, addr, "v", gossh.PublicKeys(servetest.NewKey(t))), servetest.Options{})
	viewer.WaitFor("following")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// The serving terminal presents; q ends the presentation and the server
// at once (measured: 0.22 s; it held its followers 5 s), and each
// follower is told why as the last line its terminal shows. The time is
// not asserted here: a loaded machine would make a stopwatch flaky.
func TestServePresentQuitEndsFollowers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tm := startTermEnv(t, nil, true, []string{"XDG_DATA_HOME=" + dir, "XDG_STATE_HOME=" + dir},
		"serve", "--present", "--listen", "127.0.0.1:0", "testdata/kim-rally.txt")
	addr := servedAddr(t, tm, "viewers: ssh -p ")
	viewer := servetest.Open(t, servetest.MustDial(t, addr, "v", gossh.PublicKeys(servetest.NewKey(t))), servetest.Options{})
	viewer.WaitFor("following")
	tm.waitFor("1 watching")
	tm.send("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("q: exit %d, want 0", code)
	}
	if code := viewer.Exit(); code != 0 || !strings.Contains(viewer.Stderr.String(), ui.PresenterEnded) {
		t.Errorf("the follower ended with %d, told %q", code, viewer.Stderr.String())
	}
}
