package serve

import (
	"os"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// canDial tells whether signer logs in.
func canDial(t *testing.T, addr, user string, signer gossh.Signer) bool {
	t.Helper()
	c, err := dial(addr, user, gossh.PublicKeys(signer))
	if err != nil {
		return false
	}
	_ = c.Close()
	return true
}

// rewrite replaces path's text, as an editor saving it would.
func rewrite(t *testing.T, path, text string) {
	t.Helper()
	tmp := path + ".new"
	if err := os.WriteFile(tmp, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func authorized(keys ...gossh.Signer) string {
	var b strings.Builder
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	return b.String()
}

// A key taken out of the authorized keys is refused from the next
// connection on, without a restart; a file that turns bad, or goes,
// keeps the keys last read, and the log says so once.
func TestAuthorizedKeysReadAgain(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	path := writeKeys(t, alice, bob)
	srv := startServer(t, Options{AuthorizedKeys: path}, newPages)
	if !canDial(t, srv.addr, "bob", bob) {
		t.Fatal("a listed key was refused")
	}
	rewrite(t, path, "# bob has gone\n"+authorized(alice))
	if canDial(t, srv.addr, "bob", bob) {
		t.Error("a key taken out of the file still gets in")
	}
	if !canDial(t, srv.addr, "alice", alice) {
		t.Error("a key left in the file was refused")
	}
	waitLog(t, srv.log, "keys read again", "keys=1")

	rewrite(t, path, authorized(alice)+"not a key\n"+authorized(bob))
	for range 2 {
		if !canDial(t, srv.addr, "alice", alice) || canDial(t, srv.addr, "bob", bob) {
			t.Fatal("a file that turned bad did not keep the keys last read")
		}
	}
	if n := strings.Count(srv.log.String(), "keys not read again"); n != 1 {
		t.Errorf("%d log lines about the bad file, want 1:\n%s", n, srv.log.String())
	}
	waitLog(t, srv.log, "keys not read again", "keys=1", "line 2 is not a public key")

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if !canDial(t, srv.addr, "alice", alice) || canDial(t, srv.addr, "bob", bob) {
		t.Error("a file that went did not keep the keys last read")
	}
	waitLog(t, srv.log, "keys not read again", "no such file")

	rewrite(t, path, authorized(bob))
	if !canDial(t, srv.addr, "bob", bob) || canDial(t, srv.addr, "alice", alice) {
		t.Error("the file put back was not read again")
	}
}

// The presenter's keys are read again too: a key taken out of them
// logs in as a viewer from then on.
func TestPresenterKeysReadAgain(t *testing.T) {
	alice, pat := newKey(t), newKey(t)
	presenters := writeKeys(t, pat)
	srv := startServer(t, Options{AuthorizedKeys: writeKeys(t, alice, pat), PresenterKeys: presenters}, newPages)
	openScreen(t, mustDial(t, srv.addr, "pat", gossh.PublicKeys(pat))).WaitFor("presenter true")
	rewrite(t, presenters, authorized(alice))
	openScreen(t, mustDial(t, srv.addr, "pat", gossh.PublicKeys(pat))).WaitFor("presenter false")
	openScreen(t, mustDial(t, srv.addr, "alice", gossh.PublicKeys(alice))).WaitFor("presenter true")
}
