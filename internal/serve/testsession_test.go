package serve

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/wish/v2/testsession"
	gossh "golang.org/x/crypto/ssh"
)

// The session handler, through wish's testsession: a session without a
// pty gets the one line and status 1, and no program is made.
func TestHandlerWithTestsession(t *testing.T) {
	made := make(chan struct{}, 1)
	s, err := New(Options{Listen: "127.0.0.1:0", HostKey: filepath.Join(t.TempDir(), "key"), Logger: log.New(io.Discard)},
		func(v Viewer) (tea.Model, []tea.ProgramOption) {
			made <- struct{}{}
			return newPages(v)
		})
	if err != nil {
		t.Fatal(err)
	}
	signer := newKey(t)
	sess := testsession.New(t, s.ssh, &gossh.ClientConfig{User: "t", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}})
	var stderr syncBuffer
	sess.Stderr = &stderr
	if code := exitStatus(t, sess.Run("")); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got := strings.TrimSpace(stderr.String()); got != NeedsTerminal {
		t.Errorf("stderr %q", got)
	}
	select {
	case <-made:
		t.Error("a program was made for a session without a terminal")
	default:
	}
}
