package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// pagesModel is a small stand-in for the reader: a page number that
// right arrow turns, q to quit.
type pagesModel struct {
	who           string
	page          int
	width, height int
}

func (m pagesModel) Init() tea.Cmd { return nil }

func (m pagesModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "right":
			m.page++
		case "q":
			return m, tea.Quit
		case "p":
			panic("a bug in the model")
		}
	}
	return m, nil
}

func (m pagesModel) View() tea.View {
	v := tea.NewView(fmt.Sprintf("hello %s\npage %d\nwindow %dx%d", m.who, m.page+1, m.width, m.height))
	v.AltScreen = true
	return v
}

func newPages(v Viewer) (tea.Model, []tea.ProgramOption) {
	return pagesModel{who: v.User}, nil
}

// syncBuffer is a bytes.Buffer for one writer and many readers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testServer is a server on a free loopback port with its log.
type testServer struct {
	*Server
	addr string
	log  *syncBuffer
}

// startServer serves newModel on 127.0.0.1 with a host key of the test's.
func startServer(t *testing.T, opts Options, newModel NewModel) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	opts.Listen = "127.0.0.1:0"
	if opts.HostKey == "" {
		opts.HostKey = filepath.Join(t.TempDir(), "host_key")
	}
	opts.Logger = log.NewWithOptions(logs, log.Options{Level: log.DebugLevel})
	s, err := New(opts, newModel)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		_ = s.Close()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return &testServer{Server: s, addr: ln.Addr().String(), log: logs}
}

// newKey makes an ed25519 key for a client.
func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// writeKeys writes an authorized_keys file listing keys.
func writeKeys(t *testing.T, keys ...gossh.Signer) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("# viewers\n\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// dial logs in as user with the given ways.
func dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
}

func mustDial(t *testing.T, addr, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := dial(addr, user, auth...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// screen is one session with a pty, read through a virtual terminal.
type screen struct {
	t      *testing.T
	sess   *gossh.Session
	emu    *vt.SafeEmulator
	stdin  io.Writer
	stderr *syncBuffer
	done   chan error
}

// openScreen starts a shell session on a 80×24 pty of the client's.
func openScreen(t *testing.T, c *gossh.Client) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sc := &screen{t: t, sess: sess, emu: vt.NewSafeEmulator(80, 24), stderr: &syncBuffer{}, done: make(chan error, 1)}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if sc.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	sess.Stderr = sc.stderr
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(sc.emu, out) }()
	go func() { _, _ = io.Copy(sc.stdin, sc.emu) }() // the terminal's answers
	go func() { sc.done <- sess.Wait() }()
	t.Cleanup(func() { _ = sess.Close() })
	return sc
}

func (sc *screen) text() string { return ansi.Strip(sc.emu.Render()) }

// waitFor waits until the screen shows text.
func (sc *screen) waitFor(text string) {
	sc.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(sc.text(), text) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	sc.t.Fatalf("screen never showed %q:\n%s", text, sc.text())
}

func (sc *screen) send(keys string) {
	sc.t.Helper()
	if _, err := io.WriteString(sc.stdin, keys); err != nil {
		sc.t.Fatal(err)
	}
}

// exit waits for the session to end and returns its exit status.
func (sc *screen) exit() int {
	sc.t.Helper()
	select {
	case err := <-sc.done:
		return exitStatus(sc.t, err)
	case <-time.After(10 * time.Second):
		sc.t.Fatalf("session did not end:\n%s", sc.text())
	}
	return -1
}

// waitSession waits for a session without a screen to end and returns
// its exit status.
func waitSession(t *testing.T, sess *gossh.Session) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		return exitStatus(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("session did not end")
	}
	return -1
}

func exitStatus(t *testing.T, err error) int {
	t.Helper()
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitStatus()
	}
	t.Fatalf("session ended without a status: %v", err)
	return -1
}

// waitLog waits until the server's log has a line with every part.
func waitLog(t *testing.T, logs *syncBuffer, parts ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
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
	t.Fatalf("no log line with %q in:\n%s", parts, logs.String())
	return ""
}
