package serve

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckListen(t *testing.T) {
	keys := "authorized_keys"
	tests := []struct {
		name   string
		opts   Options
		wantOK bool
	}{
		{"default", Options{}, true},
		{"loopback v4", Options{Listen: "127.0.0.1:2222"}, true},
		{"loopback v6", Options{Listen: "[::1]:2222"}, true},
		{"localhost", Options{Listen: "localhost:2222"}, true},
		{"all addresses", Options{Listen: ":2222"}, false},
		{"any v4", Options{Listen: "0.0.0.0:2222"}, false},
		{"a LAN address", Options{Listen: "192.168.1.5:2222"}, false},
		{"a name", Options{Listen: "example.org:2222"}, false},
		{"all addresses with keys", Options{Listen: ":2222", AuthorizedKeys: keys}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Check()
			if tt.wantOK && err != nil {
				t.Errorf("refused: %v", err)
			}
			if !tt.wantOK && !errors.Is(err, ErrOpenToAll) {
				t.Errorf("got %v, want ErrOpenToAll", err)
			}
		})
	}
	if err := (Options{Listen: "23234"}).Check(); err == nil || !strings.Contains(err.Error(), "HOST:PORT") {
		t.Errorf("a port alone: %v", err)
	}
}

// New refuses to build an open server beyond loopback, before it makes
// any key.
func TestNewRefusesOpenServer(t *testing.T) {
	hostKey := filepath.Join(t.TempDir(), "key")
	_, err := New(Options{Listen: "0.0.0.0:0", HostKey: hostKey}, newPages)
	if !errors.Is(err, ErrOpenToAll) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(hostKey); !os.IsNotExist(err) {
		t.Errorf("a refused server made a host key: %v", err)
	}
}

func TestDefaultHostKey(t *testing.T) {
	env := map[string]string{"HOME": "/home/ann"}
	got, err := DefaultHostKey(func(k string) string { return env[k] })
	if err != nil || got != "/home/ann/.local/share/reel/ssh_host_ed25519_key" {
		t.Errorf("HOME only: %q %v", got, err)
	}
	env["XDG_DATA_HOME"] = "/data"
	if got, _ := DefaultHostKey(func(k string) string { return env[k] }); got != "/data/reel/ssh_host_ed25519_key" {
		t.Errorf("XDG_DATA_HOME: %q", got)
	}
	env["XDG_DATA_HOME"] = "relative" // the XDG spec says to ignore it
	if got, _ := DefaultHostKey(func(k string) string { return env[k] }); got != "/home/ann/.local/share/reel/ssh_host_ed25519_key" {
		t.Errorf("relative XDG_DATA_HOME: %q", got)
	}
	if _, err := DefaultHostKey(func(string) string { return "" }); err == nil {
		t.Error("no HOME, no XDG_DATA_HOME: no error")
	}
}

// The host key is made once, 0600 in a 0700 directory, and reused.
func TestHostKeyMadeOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reel", "ssh_host_ed25519_key")
	first, err := HostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if first.PublicKey().Type() != "ssh-ed25519" {
		t.Errorf("key type %s", first.PublicKey().Type())
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("key mode %04o, want 0600", info.Mode().Perm())
	}
	if dir, _ := os.Stat(filepath.Dir(path)); dir.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %04o, want 0700", dir.Mode().Perm())
	}
	again, err := HostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if Fingerprint(again.PublicKey()) != Fingerprint(first.PublicKey()) {
		t.Error("the second start made a new key")
	}
}

// A host key others can read, or a file that is no key, is refused.
func TestHostKeyRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "key")
	if _, err := HostKey(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := HostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a 0644 key: %v", err)
	}
	junk := filepath.Join(dir, "junk")
	if err := os.WriteFile(junk, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := HostKey(junk); err == nil {
		t.Error("a file that is no key was taken")
	}
}

func TestReadKeys(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	path := writeKeys(t, alice)
	keys, err := ReadKeys(path)
	if err != nil {
		t.Fatal(err)
	}
	if !keys.Has(alice.PublicKey()) || keys.Has(bob.PublicKey()) || keys.Has(nil) {
		t.Error("the set does not hold alice alone")
	}
	bad := filepath.Join(t.TempDir(), "bad")
	if err := os.WriteFile(bad, []byte("# ok\nssh-ed25519 AAAAnot-base64\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadKeys(bad); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad line: %v", err)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, []byte("# nobody yet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadKeys(empty); err == nil {
		t.Error("a file with no key was taken")
	}
}

func TestRateBuckets(t *testing.T) {
	now := time.Unix(1000, 0)
	r := newRateLimit(3, time.Second)
	r.now = func() time.Time { return now }
	a := &net.TCPAddr{IP: net.ParseIP("10.0.0.1"), Port: 1}
	a2 := &net.TCPAddr{IP: net.ParseIP("10.0.0.1"), Port: 2} // same host, another port
	b := &net.TCPAddr{IP: net.ParseIP("10.0.0.2"), Port: 1}
	steps := []struct {
		addr    net.Addr
		advance time.Duration
		want    bool
	}{
		{a, 0, true}, {a2, 0, true}, {a, 0, true}, {a2, 0, false},
		{b, 0, true}, // another address has its own burst
		{a, 500 * time.Millisecond, false},
		{a, 500 * time.Millisecond, true}, // one token a second
		{a, 0, false},
		{a, time.Hour, true}, {a, 0, true}, {a, 0, true}, {a, 0, false}, // never more than the burst
	}
	for i, st := range steps {
		now = now.Add(st.advance)
		if got, _ := r.allow(st.addr); got != st.want {
			t.Errorf("step %d (%v after %v): allow %v, want %v", i, st.addr, st.advance, got, st.want)
		}
	}
}

// The limit forgets addresses whose burst is back, so that a scan of many
// addresses cannot make it grow without bound.
func TestRateLimitBounded(t *testing.T) {
	now := time.Unix(1000, 0)
	r := newRateLimit(2, time.Second)
	r.now = func() time.Time { return now }
	for i := range maxAddresses + 10 {
		r.allow(&net.TCPAddr{IP: net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)), Port: 1})
		if i == maxAddresses/2 {
			now = now.Add(time.Minute)
		}
	}
	if n := len(r.buckets); n > maxAddresses {
		t.Errorf("%d addresses remembered, want at most %d", n, maxAddresses)
	}
}
