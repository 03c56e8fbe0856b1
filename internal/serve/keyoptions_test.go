package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// keyLine is key's authorized_keys line with options in front.
func keyLine(options string, key gossh.Signer) string {
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key.PublicKey())))
	if options == "" {
		return line + "\n"
	}
	return options + " " + line + "\n"
}

// writeFile writes text to a file of the test's and returns its path.
func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A key's from="…" is honoured against the client's address, here
// 127.0.0.1; options that mean nothing to reel change nothing.
func TestKeyFromOption(t *testing.T) {
	tests := []struct {
		options string
		in      bool
	}{
		{`from="10.9.9.9",restrict`, false},
		{`from="10.0.0.0/8"`, false},
		{`from="127.0.0.*"`, true},
		{`from="!127.0.0.1,*"`, false},
		{`from="127.0.0.0/8",no-port-forwarding,command="echo hi",environment="A=B"`, true},
		{`from="*.example.com"`, false},
		{`restrict,pty`, true},
	}
	for _, tt := range tests {
		t.Run(tt.options, func(t *testing.T) {
			alice := newKey(t)
			srv := startServer(t, Options{AuthorizedKeys: writeFile(t, "keys", keyLine(tt.options, alice))}, newPages)
			if got := canDial(t, srv.addr, "alice", alice); got != tt.in {
				t.Errorf("%s from 127.0.0.1: in %v, want %v", tt.options, got, tt.in)
			}
			if !tt.in {
				waitLog(t, srv.log, "refused", "user=alice", "key="+gossh.FingerprintSHA256(alice.PublicKey()), "addr=127.0.0.1:")
			}
		})
	}
}

// A key listed nowhere is logged when it is refused, so that an admin
// sees who tried.
func TestUnlistedKeyLogged(t *testing.T) {
	alice, mallory := newKey(t), newKey(t)
	srv := startServer(t, Options{AuthorizedKeys: writeKeys(t, alice)}, newPages)
	if canDial(t, srv.addr, "mallory", mallory) {
		t.Fatal("an unlisted key got in")
	}
	waitLog(t, srv.log, "refused", "user=mallory", "key="+gossh.FingerprintSHA256(mallory.PublicKey()), "addr=127.0.0.1:", "not listed")
}

// A key whose line takes the terminal away (no-pty, restrict without
// pty, or such a line before a plain one: the first line decides) logs
// in but gets no session, and is told why in a line of its own, not to
// ask for the terminal it asked for; the log says why too.
func TestKeyNoPty(t *testing.T) {
	alice := newKey(t)
	for name, file := range map[string]string{
		"no-pty":             keyLine("no-pty", alice),
		"restrict":           keyLine("restrict", alice),
		"no-pty, then plain": keyLine("no-pty", alice) + keyLine("", alice),
	} {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, Options{AuthorizedKeys: writeFile(t, "keys", file)}, newPages)
			c := mustDial(t, srv.addr, "alice", gossh.PublicKeys(alice))
			sess, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr syncBuffer
			sess.Stdout, sess.Stderr = &stdout, &stderr
			if err := sess.Shell(); err != nil {
				t.Fatal(err)
			}
			if code := waitSession(t, sess); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if got := strings.TrimSpace(stderr.String()); got != KeyWithoutTerminal {
				t.Errorf("stderr %q, want %q", got, KeyWithoutTerminal)
			}
			if strings.Contains(stdout.String(), "hello") {
				t.Errorf("a no-pty key was shown the story: %q", stdout.String())
			}
			waitLog(t, srv.log, "disconnect", "user=alice", "refused=", "no-pty")
		})
	}
}

// A key past its expiry-time is refused; one before it gets in. Of two
// expiry-time= on a line the earliest holds, as in sshd.
func TestKeyExpiryTime(t *testing.T) {
	old, fresh, twice := newKey(t), newKey(t), newKey(t)
	file := keyLine(`expiry-time="20200101"`, old) + keyLine(`expiry-time="29991231235959Z"`, fresh) +
		keyLine(`expiry-time="20200101",expiry-time="29991231"`, twice)
	srv := startServer(t, Options{AuthorizedKeys: writeFile(t, "keys", file)}, newPages)
	if canDial(t, srv.addr, "old", old) {
		t.Error("an expired key got in")
	}
	if canDial(t, srv.addr, "twice", twice) {
		t.Error("a later expiry-time= brought an expired key back")
	}
	if !canDial(t, srv.addr, "fresh", fresh) {
		t.Error("a key before its expiry-time was refused")
	}
	waitLog(t, srv.log, "refused", "user=old", "expired")
}

// A cert-authority line is never taken as a plain key, and the log says
// reel does not do certificates.
func TestCertAuthorityLineSkipped(t *testing.T) {
	ca, alice := newKey(t), newKey(t)
	file := keyLine("cert-authority", ca) + keyLine("", alice)
	srv := startServer(t, Options{AuthorizedKeys: writeFile(t, "keys", file)}, newPages)
	if canDial(t, srv.addr, "ca", ca) {
		t.Error("a cert-authority key got in as a plain key")
	}
	if !canDial(t, srv.addr, "alice", alice) {
		t.Error("the plain key beside it was refused")
	}
	waitLog(t, srv.log, "cert-authority", "line 1")
}

// A presenter's key is a presenter only where its own line allows.
func TestPresenterKeyFrom(t *testing.T) {
	pat := newKey(t)
	presenters := writeFile(t, "presenters", keyLine(`from="10.0.0.0/8"`, pat))
	srv := startServer(t, Options{AuthorizedKeys: writeKeys(t, pat), PresenterKeys: presenters}, newPages)
	openScreen(t, mustDial(t, srv.addr, "pat", gossh.PublicKeys(pat))).WaitFor("presenter false")
	rewrite(t, presenters, keyLine(`from="127.0.0.1"`, pat))
	openScreen(t, mustDial(t, srv.addr, "pat", gossh.PublicKeys(pat))).WaitFor("presenter true")
}
