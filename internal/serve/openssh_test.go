package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeltui/reel/internal/serve/servetest"
)

// The system's OpenSSH client: a listed key reads (a forced terminal,
// q to leave), an unlisted key is refused, and a command gets nothing.
func TestOpenSSHClient(t *testing.T) {
	servetest.RequireSSH(t)
	dir := t.TempDir()
	listed, unlisted := servetest.SSHKeygen(t, dir, "listed"), servetest.SSHKeygen(t, dir, "unlisted")
	pub, err := os.ReadFile(listed + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(keys, pub, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, Options{AuthorizedKeys: keys}, newPages)

	sc := servetest.OpenSSH(t, srv.addr, listed)
	sc.WaitFor("hello viewer")
	sc.Send("q")
	if code := sc.Exit(); code != 0 {
		t.Errorf("a listed key: exit %d, stderr %q", code, sc.Stderr.String())
	}
	noPassword := []string{"-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no"}
	got := servetest.RunSSH(t, srv.addr, unlisted, append(noPassword, "-tt"))
	if got.Code != 255 || !strings.Contains(got.Stderr, "Permission denied") {
		t.Errorf("an unlisted key: %+v", got)
	}
	got = servetest.RunSSH(t, srv.addr, listed, noPassword, "cat", "/etc/passwd")
	if got.Code != 1 || strings.TrimSpace(got.Stderr) != NeedsTerminal || got.Stdout != "" {
		t.Errorf("ssh host cat /etc/passwd: %+v", got)
	}
	got = servetest.RunSSH(t, srv.addr, listed, append(noPassword, "-T"))
	if got.Code != 1 || strings.TrimSpace(got.Stderr) != NeedsTerminal || got.Stdout != "" {
		t.Errorf("ssh -T host: %+v", got)
	}
}
