package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/serve/servetest"
	"github.com/reeltui/reel/ui/page"
)

// The system's OpenSSH client against the real reader: a listed key
// reads the story and pages with →, q leaves with status 0; a client
// that has only a password to offer is refused.
func TestServeOpenSSHClient(t *testing.T) {
	servetest.RequireSSH(t)
	dir := t.TempDir()
	listed := servetest.SSHKeygen(t, dir, "listed")
	pub, err := os.ReadFile(listed + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(keys, pub, 0o600); err != nil {
		t.Fatal(err)
	}
	sc := serveConfig{config: config{theme: page.ThemeDark}, authorizedKeys: keys}
	_, _, addr, logs := servedStory(t, sc, "../../testdata/kim-rally.txt")

	screen := servetest.OpenSSH(t, addr, listed)
	screen.WaitFor("5 sections follow")
	screen.Send(right)
	screen.WaitFor("1 / 5")
	screen.Send(right)
	screen.WaitFor("2 / 5")
	screen.Send("q")
	if code := screen.Exit(); code != 0 {
		t.Errorf("q: ssh exit %d, stderr %q", code, screen.Stderr.String())
	}
	servetest.WaitLog(t, logs, "disconnect", "user=viewer")

	// A password, really sent: the server offers no password login.
	got := servetest.PasswordSSH(t, addr, "hunter2")
	if got.Code != 255 || !strings.Contains(got.Stderr, "Permission denied") || got.Stdout != "" {
		t.Errorf("a password login: %+v", got)
	}
	if strings.Count(logs.String(), "connect") != 2 { // one connect, one disconnect: the refused login had no session
		t.Errorf("a refused password login reached a session:\n%s", logs.String())
	}
}
