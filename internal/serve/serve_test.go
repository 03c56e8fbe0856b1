package serve

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
)

const right = "\x1b[C"

// A listed key reads and pages; the log has a line for the connection
// and one for the disconnection, with the user, key and address.
func TestListedKeyReads(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, Options{AuthorizedKeys: writeKeys(t, alice)}, newPages)
	sc := openScreen(t, mustDial(t, srv.addr, "alice", gossh.PublicKeys(alice)))
	sc.WaitFor("hello alice")
	sc.WaitFor("window 80x24")
	sc.Send(right)
	sc.WaitFor("page 2")
	sc.Send("q")
	if code := sc.Exit(); code != 0 {
		t.Errorf("q: exit %d, want 0", code)
	}
	fp := gossh.FingerprintSHA256(alice.PublicKey())
	waitLog(t, srv.log, "connect", "user=alice", "key="+fp, "addr=127.0.0.1:")
	line := waitLog(t, srv.log, "disconnect", "user=alice", "key="+fp, "duration=")
	if strings.Count(srv.log.String(), "disconnect") != 1 {
		t.Errorf("want one disconnect line, log:\n%s", srv.log.String())
	}
	t.Log(line)
}

// An unlisted key and a password are refused.
func TestUnlistedRefused(t *testing.T) {
	alice, mallory := newKey(t), newKey(t)
	srv := startServer(t, Options{AuthorizedKeys: writeKeys(t, alice)}, newPages)
	if c, err := dial(srv.addr, "mallory", gossh.PublicKeys(mallory)); err == nil {
		c.Close()
		t.Error("an unlisted key got in")
	}
	if c, err := dial(srv.addr, "alice", gossh.Password("alice")); err == nil {
		c.Close()
		t.Error("a password got in")
	}
	noQuestions := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	if c, err := dial(srv.addr, "alice", noQuestions); err == nil {
		c.Close()
		t.Error("keyboard-interactive got in")
	}
}

// Without --authorized-keys (loopback only) a client gets in with any key,
// or none.
func TestOpenOnLoopback(t *testing.T) {
	srv := startServer(t, Options{}, newPages)
	sc := openScreen(t, mustDial(t, srv.addr, "bob", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello bob")
	noQuestions := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	sc2 := openScreen(t, mustDial(t, srv.addr, "carol", noQuestions))
	sc2.WaitFor("hello carol")
}

// A session without a terminal is refused with one line and status 1.
func TestNoTerminalRefused(t *testing.T) {
	srv := startServer(t, Options{}, newPages)
	c := mustDial(t, srv.addr, "bob", gossh.PublicKeys(newKey(t)))
	sess, err := c.NewSession()
	if err != nil {
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
	if got := stderr.String(); got != NeedsTerminal+"\n" {
		t.Errorf("stderr %q, want %q", got, NeedsTerminal+"\n")
	}
	if stdout.String() != "" {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}
}

// ssh host COMMAND, even with a terminal, runs nothing.
func TestCommandRefused(t *testing.T) {
	made := 0
	srv := startServer(t, Options{}, func(v Viewer) (tea.Model, []tea.ProgramOption) {
		made++
		return newPages(v)
	})
	for _, tty := range []bool{false, true} {
		c := mustDial(t, srv.addr, "bob", gossh.PublicKeys(newKey(t)))
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if tty {
			if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
		}
		var stdout, stderr syncBuffer
		sess.Stdout, sess.Stderr = &stdout, &stderr
		if err := sess.Start("cat /etc/passwd"); err != nil {
			t.Fatal(err)
		}
		if code := waitSession(t, sess); code != 1 {
			t.Errorf("tty %v: exit %d, want 1", tty, code)
		}
		if !strings.HasPrefix(stderr.String(), NeedsTerminal) || strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
			t.Errorf("tty %v: stderr %q, want one line starting %q", tty, stderr.String(), NeedsTerminal)
		}
		if strings.Contains(stdout.String(), "root:") || strings.Contains(stdout.String(), "hello") {
			t.Errorf("tty %v: stdout %q", tty, stdout.String())
		}
	}
	if made != 0 {
		t.Errorf("a model was made %d times for a command", made)
	}
}

// Past --max-viewers a session is told the story is full; one that
// leaves makes room.
func TestViewerCap(t *testing.T) {
	srv := startServer(t, Options{MaxViewers: 1}, newPages)
	first := openScreen(t, mustDial(t, srv.addr, "one", gossh.PublicKeys(newKey(t))))
	first.WaitFor("hello one")
	second := openScreen(t, mustDial(t, srv.addr, "two", gossh.PublicKeys(newKey(t))))
	if code := second.Exit(); code != 1 {
		t.Errorf("second viewer: exit %d, want 1", code)
	}
	if !strings.Contains(second.Stderr.String(), "reel is full: 1 viewers") {
		t.Errorf("second viewer was told %q", second.Stderr.String())
	}
	first.Send("q")
	first.Exit()
	third := openScreen(t, mustDial(t, srv.addr, "three", gossh.PublicKeys(newKey(t))))
	third.WaitFor("hello three")
}

// One address gets its burst of connections (at least --max-viewers),
// then is refused before the handshake.
func TestRateLimitPerAddress(t *testing.T) {
	srv := startServer(t, Options{MaxViewers: 3, RateEvery: time.Hour}, newPages)
	key := gossh.PublicKeys(newKey(t))
	for range 3 + 10 {
		mustDial(t, srv.addr, "class", key)
	}
	if c, err := dial(srv.addr, "class", key); err == nil {
		c.Close()
		t.Fatal("a connection past the burst got in")
	}
	waitLog(t, srv.log, "refused", "reason=\"rate limit\"")
}

// Connections that hang in their handshake take the handshake slots; the
// next is refused until one goes.
func TestHandshakeCap(t *testing.T) {
	srv := startServer(t, Options{MaxHandshakes: 1}, newPages)
	hung, err := net.Dial("tcp", srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	// The server has admitted it once it sends its version.
	buf := make([]byte, 4)
	if _, err := hung.Read(buf); err != nil || string(buf) != "SSH-" {
		t.Fatalf("no server version: %q %v", buf, err)
	}
	key := gossh.PublicKeys(newKey(t))
	if c, err := dial(srv.addr, "late", key); err == nil {
		c.Close()
		t.Fatal("a second handshake started beside a hung one")
	}
	waitLog(t, srv.log, "refused", "too many handshakes")
	hung.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := dial(srv.addr, "late", key)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the slot never came back: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A logged-in connection holds no slot.
	mustDial(t, srv.addr, "again", key)
	mustDial(t, srv.addr, "again", key)
}

// A viewer who presses no key is warned, and then the session closes.
func TestIdle(t *testing.T) {
	// The warning comes Idle-IdleWarning after the last key, and so back
	// that long after the key: long enough that a loaded machine sees it
	// cleared first.
	srv := startServer(t, Options{Idle: 6 * time.Second, IdleWarning: 3 * time.Second}, newPages)
	sc := openScreen(t, mustDial(t, srv.addr, "dozy", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello dozy")
	sc.WaitFor("this session closes in")
	sc.Send(right)
	sc.WaitFor("page 2")
	if strings.Contains(sc.Text(), "this session closes in") {
		t.Errorf("a key did not clear the warning:\n%s", sc.Text())
	}
	if code := sc.Exit(); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got := sc.Stderr.String(); !strings.Contains(got, "closed after 6s without a key") {
		t.Errorf("stderr %q", got)
	}
}

// ctrl+z says why it does nothing.
func TestSuspendSaysSo(t *testing.T) {
	srv := startServer(t, Options{}, newPages)
	sc := openScreen(t, mustDial(t, srv.addr, "z", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello z")
	sc.Send("\x1a")
	sc.WaitFor("ctrl+z does nothing here")
}

// A panic in one session ends that session; the server goes on.
func TestPanicEndsOneSession(t *testing.T) {
	srv := startServer(t, Options{}, func(v Viewer) (tea.Model, []tea.ProgramOption) {
		if v.User == "boom" {
			panic("a bug in the constructor")
		}
		return newPages(v)
	})
	boom := openScreen(t, mustDial(t, srv.addr, "boom", gossh.PublicKeys(newKey(t))))
	boom.Exit()
	waitLog(t, srv.log, "a bug in the constructor")
	sc := openScreen(t, mustDial(t, srv.addr, "calm", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello calm")
	sc.Send("p")
	if code := sc.Exit(); code != 1 {
		t.Errorf("a panic in Update: exit %d, want 1", code)
	}
	waitLog(t, srv.log, "panic in a session", "a bug in the model")
	if !strings.Contains(sc.Stderr.String(), "internal error") {
		t.Errorf("the viewer was told %q", sc.Stderr.String())
	}
	other := openScreen(t, mustDial(t, srv.addr, "after", gossh.PublicKeys(newKey(t))))
	other.WaitFor("hello after")
	waitLog(t, srv.log, "disconnect", "user=calm")
}

// A presenter's key gets in beside the listed ones, and its session is
// the presenter's.
func TestPresenterKey(t *testing.T) {
	alice, pat := newKey(t), newKey(t)
	srv := startServer(t, Options{AuthorizedKeys: writeKeys(t, alice), PresenterKeys: writeKeys(t, pat)}, newPages)
	a := openScreen(t, mustDial(t, srv.addr, "alice", gossh.PublicKeys(alice)))
	a.WaitFor("presenter false")
	p := openScreen(t, mustDial(t, srv.addr, "pat", gossh.PublicKeys(pat)))
	p.WaitFor("presenter true")
}

// Broadcast reaches every session, and a window change reaches its own.
func TestBroadcastAndResize(t *testing.T) {
	srv := startServer(t, Options{}, newPages)
	a := openScreen(t, mustDial(t, srv.addr, "a", gossh.PublicKeys(newKey(t))))
	b := openScreen(t, mustDial(t, srv.addr, "b", gossh.PublicKeys(newKey(t))))
	a.WaitFor("hello a")
	b.WaitFor("hello b")
	srv.Broadcast(shoutMsg("the story was reloaded"))
	a.WaitFor("the story was reloaded")
	b.WaitFor("the story was reloaded")
	a.Resize(100, 30)
	a.WaitFor("window 100x30")
	b.WaitFor("window 80x24")
}

// A session asks the client's terminal for 24-bit colour, since ssh
// rarely forwards COLORTERM; not Apple's Terminal, which prints the
// question.
func TestAsksForRGB(t *testing.T) {
	srv := startServer(t, Options{}, newPages)
	const query = "\x1bP+q524742\x1b\\" // XTGETTCAP RGB
	sc := servetest.Open(t, mustDial(t, srv.addr, "rgb", gossh.PublicKeys(newKey(t))), servetest.Options{})
	sc.WaitFor("hello rgb")
	deadline := time.Now().Add(servetest.Wait)
	for !strings.Contains(sc.Raw.String(), query) {
		if time.Now().After(deadline) {
			t.Fatalf("no XTGETTCAP RGB query in %q", sc.Raw.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	apple := servetest.Open(t, mustDial(t, srv.addr, "apple", gossh.PublicKeys(newKey(t))),
		servetest.Options{Env: []string{"TERM_PROGRAM=Apple_Terminal"}})
	apple.WaitFor("hello apple")
	apple.Send("q")
	apple.Exit()
	if strings.Contains(apple.Raw.String(), "\x1bP+q") {
		t.Errorf("Apple's Terminal was asked: %q", apple.Raw.String())
	}
}

// Done closes when the session ends, and Output is the session's.
func TestViewerDone(t *testing.T) {
	dones := make(chan (<-chan struct{}), 1)
	srv := startServer(t, Options{}, func(v Viewer) (tea.Model, []tea.ProgramOption) {
		if v.Output == nil || v.Active == nil {
			t.Error("the viewer has no output or no Active")
		}
		dones <- v.Done
		return newPages(v)
	})
	sc := openScreen(t, mustDial(t, srv.addr, "d", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello d")
	done := <-dones
	sc.Send("q")
	sc.Exit()
	select {
	case <-done:
	case <-time.After(servetest.Wait):
		t.Fatal("Done still open after the session ended")
	}
}

// Stop ends each session as q would: the viewer is told, with status 0.
func TestStop(t *testing.T) {
	srv := startServer(t, Options{}, newPages)
	sc := openScreen(t, mustDial(t, srv.addr, "s", gossh.PublicKeys(newKey(t))))
	sc.WaitFor("hello s")
	go func() { _ = srv.Stop(time.Second) }()
	if code := sc.Exit(); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if got := sc.Stderr.String(); !strings.Contains(got, "the server stopped") {
		t.Errorf("the viewer was told %q", got)
	}
}

// pixelsModel shows the window's size in pixels as the viewer reads it
// at each window size.
type pixelsModel struct {
	read   func() (cols, rows, xpx, ypx int)
	pixels string
}

func (m pixelsModel) Init() tea.Cmd { return nil }

func (m pixelsModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		cols, rows, xpx, ypx := m.read()
		m.pixels = fmt.Sprintf("window %dx%d, %dx%d pixels", cols, rows, xpx, ypx)
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m pixelsModel) View() tea.View {
	v := tea.NewView(m.pixels)
	v.AltScreen = true
	return v
}

// A viewer's window size in pixels is the one its client's pty request
// and window changes give, as OpenSSH's client sends its tty's; the
// 8 pixels a cell golang.org/x/crypto/ssh's clients make up are none,
// and so are cells larger than any terminal's (more than 64×128 pixels),
// which would have the shared server encode pictures of gigabytes.
func TestWindowPixels(t *testing.T) {
	srv := startServer(t, Options{}, func(v Viewer) (tea.Model, []tea.ProgramOption) {
		return pixelsModel{read: v.WindowPixels}, nil
	})
	key := gossh.PublicKeys(newKey(t))
	xterm := servetest.Open(t, mustDial(t, srv.addr, "x", key), servetest.Options{Width: 100, Height: 30, XPixels: 604, YPixels: 394})
	xterm.WaitFor("window 100x30, 604x394 pixels")
	xterm.ResizePixels(120, 40, 724, 524)
	xterm.WaitFor("window 120x40, 724x524 pixels")
	xterm.ResizePixels(80, 78, 80*256, 78*512)
	xterm.WaitFor("window 80x78, 0x0 pixels")
	xterm.ResizePixels(80, 40, 80*64, 40*128)
	xterm.WaitFor("window 80x40, 5120x5120 pixels")
	xterm.ResizePixels(80, 40, 80*65, 40*10)
	xterm.WaitFor("window 80x40, 0x0 pixels")
	made := openScreen(t, mustDial(t, srv.addr, "g", key))
	made.WaitFor("window 80x24, 0x0 pixels")
}
