// Package servetest drives a served story from real SSH clients on
// loopback: keys, logins, and sessions whose screen is read through a
// virtual terminal, for tests and benchmarks.
package servetest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// Wait bounds every wait for something to show or end.
const Wait = 10 * time.Second

// Buffer is a bytes.Buffer for one writer and many readers.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// NewKey makes an ed25519 key for a client.
func NewKey(tb testing.TB) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return signer
}

// WriteKeys writes an authorized_keys file listing keys.
func WriteKeys(tb testing.TB, keys ...gossh.Signer) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("# viewers\n\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	path := filepath.Join(tb.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Dial logs in as user with the given ways.
func Dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         Wait,
	})
}

// MustDial is Dial that fails the test, and closes the client after it.
func MustDial(tb testing.TB, addr, user string, auth ...gossh.AuthMethod) *gossh.Client {
	tb.Helper()
	c, err := Dial(addr, user, auth...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = c.Close() })
	return c
}

// Screen is one session with a pty, read through a virtual terminal.
type Screen struct {
	tb   testing.TB
	Sess *gossh.Session
	emu  *vt.SafeEmulator
	// write serialises what changes emu, so that Shows may read its
	// cells (SafeEmulator locks Render only).
	write  sync.Mutex
	line   []byte // Shows' scratch
	stdin  io.Writer
	Stderr *Buffer
	Raw    *Buffer // every byte the server wrote
	done   chan error
	// OnWrite, if set before output starts, is called after each piece of
	// output reaches the screen.
	onWrite func(*Screen)
}

// Options shape a Screen.
type Options struct {
	Width, Height int // 80×24 if zero
	// XPixels, YPixels are the window's size in pixels that the pty
	// request gives, as OpenSSH's client sends its terminal's; zero sends
	// what golang.org/x/crypto/ssh sends, 8 pixels a cell.
	XPixels, YPixels int
	Term             string   // xterm-256color if empty
	Env              []string // KEY=VALUE pairs sent before the shell
	// OnWrite is called after each piece of output reaches the screen,
	// from the goroutine that reads it.
	OnWrite func(*Screen)
}

// Open starts a shell session on a pty of the client's.
func Open(tb testing.TB, c *gossh.Client, opt Options) *Screen {
	tb.Helper()
	sess, err := c.NewSession()
	if err != nil {
		tb.Fatal(err)
	}
	return Attach(tb, sess, opt)
}

// Attach is Open on a session already made, such as one that has sent
// requests of its own.
func Attach(tb testing.TB, sess *gossh.Session, opt Options) *Screen {
	tb.Helper()
	if opt.Width == 0 {
		opt.Width, opt.Height = 80, 24
	}
	if opt.Term == "" {
		opt.Term = "xterm-256color"
	}
	sc := &Screen{tb: tb, Sess: sess, emu: vt.NewSafeEmulator(opt.Width, opt.Height), Stderr: &Buffer{}, Raw: &Buffer{},
		done: make(chan error, 1), onWrite: opt.OnWrite}
	out, err := sess.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if sc.stdin, err = sess.StdinPipe(); err != nil {
		tb.Fatal(err)
	}
	sess.Stderr = sc.Stderr
	for _, kv := range opt.Env {
		k, v, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(k, v); err != nil {
			tb.Fatal(err)
		}
	}
	if err := requestPty(sess, opt); err != nil {
		tb.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		tb.Fatal(err)
	}
	go sc.read(out)
	go func() { _, _ = io.Copy(sc.stdin, sc.emu) }() // the terminal's answers
	go func() { sc.done <- sess.Wait() }()
	tb.Cleanup(func() { _ = sess.Close() })
	return sc
}

func (sc *Screen) read(out io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			_, _ = sc.Raw.Write(buf[:n])
			sc.write.Lock()
			_, _ = sc.emu.Write(buf[:n])
			sc.write.Unlock()
			if sc.onWrite != nil {
				sc.onWrite(sc)
			}
		}
		if err != nil {
			return
		}
	}
}

// Text is the screen as plain text.
func (sc *Screen) Text() string { return ansi.Strip(sc.emu.Render()) }

// Shows tells whether a line of the screen shows text. It reads the
// cells' characters alone: Text encodes every cell's style only to strip
// it, and a check made on every write (Crowd's) cost the benchmark's
// process more than the server it measures.
func (sc *Screen) Shows(text string) bool {
	sc.write.Lock()
	defer sc.write.Unlock()
	emu, want := sc.emu.Emulator, []byte(text) // sc.write keeps emu's writer out
	for y := range emu.Height() {
		sc.line = sc.line[:0]
		for x := range emu.Width() {
			c := emu.CellAt(x, y)
			switch {
			case c == nil, c.Width == 0 && c.Content == "": // the right half of a wide character
			case c.Content == "":
				sc.line = append(sc.line, ' ')
			default:
				sc.line = append(sc.line, c.Content...)
			}
		}
		if bytes.Contains(sc.line, want) {
			return true
		}
	}
	return false
}

// WaitFor waits until the screen shows text.
func (sc *Screen) WaitFor(text string) {
	sc.tb.Helper()
	deadline := time.Now().Add(Wait)
	for time.Now().Before(deadline) {
		if strings.Contains(sc.Text(), text) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	sc.tb.Fatalf("screen never showed %q:\n%s", text, sc.Text())
}

// Send types keys.
func (sc *Screen) Send(keys string) {
	sc.tb.Helper()
	if _, err := io.WriteString(sc.stdin, keys); err != nil {
		sc.tb.Fatal(err)
	}
}

// Resize tells the server the window changed.
func (sc *Screen) Resize(width, height int) {
	sc.tb.Helper()
	sc.write.Lock()
	sc.emu.Resize(width, height)
	sc.write.Unlock()
	if err := sc.Sess.WindowChange(height, width); err != nil {
		sc.tb.Fatal(err)
	}
}

// ResizePixels is Resize with the window's size in pixels, as OpenSSH's
// client sends it.
func (sc *Screen) ResizePixels(width, height, xpx, ypx int) {
	sc.tb.Helper()
	sc.write.Lock()
	sc.emu.Resize(width, height)
	sc.write.Unlock()
	req := struct{ W, H, XPixels, YPixels uint32 }{uint32(width), uint32(height), uint32(xpx), uint32(ypx)}
	if _, err := sc.Sess.SendRequest("window-change", false, gossh.Marshal(&req)); err != nil {
		sc.tb.Fatal(err)
	}
}

// requestPty asks for the session's pty as opt describes it.
func requestPty(sess *gossh.Session, opt Options) error {
	if opt.XPixels == 0 && opt.YPixels == 0 {
		return sess.RequestPty(opt.Term, opt.Height, opt.Width, gossh.TerminalModes{})
	}
	req := struct {
		Term                            string
		Columns, Rows, XPixels, YPixels uint32
		Modes                           string
	}{opt.Term, uint32(opt.Width), uint32(opt.Height), uint32(opt.XPixels), uint32(opt.YPixels), "\x00"}
	ok, err := sess.SendRequest("pty-req", true, gossh.Marshal(&req))
	if err == nil && !ok {
		err = errors.New("pty-req refused")
	}
	return err
}

// Exit waits for the session to end and returns its exit status.
func (sc *Screen) Exit() int {
	sc.tb.Helper()
	select {
	case err := <-sc.done:
		return ExitStatus(sc.tb, err)
	case <-time.After(Wait):
		sc.tb.Fatalf("session did not end:\n%s", sc.Text())
	}
	return -1
}

// WaitSession waits for a session without a screen to end and returns
// its exit status.
func WaitSession(tb testing.TB, sess *gossh.Session) int {
	tb.Helper()
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		return ExitStatus(tb, err)
	case <-time.After(Wait):
		tb.Fatal("session did not end")
	}
	return -1
}

// ExitStatus is the status a session ended with.
func ExitStatus(tb testing.TB, err error) int {
	tb.Helper()
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitStatus()
	}
	tb.Fatalf("session ended without a status: %v", err)
	return -1
}

// WaitLog waits until logs has a line with every part, and returns it.
func WaitLog(tb testing.TB, logs *Buffer, parts ...string) string {
	tb.Helper()
	deadline := time.Now().Add(Wait)
	for time.Now().Before(deadline) {
	lines:
		for _, line := range strings.Split(logs.String(), "\n") {
			for _, p := range parts {
				if !strings.Contains(line, p) {
					continue lines
				}
			}
			return line
		}
		time.Sleep(10 * time.Millisecond)
	}
	tb.Fatalf("no log line with %q in:\n%s", parts, logs.String())
	return ""
}
