package serve

import (
	"fmt"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/reeltui/reel/internal/serve/servetest"
)

// pagesModel is a small stand-in for the reader: a page number that
// right arrow turns, q to quit.
type pagesModel struct {
	who           string
	presenter     bool
	note          shoutMsg
	page          int
	width, height int
}

func (m pagesModel) Init() tea.Cmd { return nil }

func (m pagesModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case shoutMsg:
		m.note = msg
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
	v := tea.NewView(fmt.Sprintf("hello %s\npage %d\nwindow %dx%d\npresenter %v\n%s", m.who, m.page+1, m.width, m.height, m.presenter, m.note))
	v.AltScreen = true
	return v
}

// shoutMsg is a line every session shows once it comes.
type shoutMsg string

func newPages(v Viewer) (tea.Model, []tea.ProgramOption) {
	return pagesModel{who: v.User, presenter: v.Presenter}, nil
}

// testServer is a server on a free loopback port with its log.
type testServer struct {
	*Server
	addr string
	log  *servetest.Buffer
}

// startServer serves newModel on 127.0.0.1 with a host key of the test's.
func startServer(t testing.TB, opts Options, newModel NewModel) *testServer {
	t.Helper()
	logs := &servetest.Buffer{}
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

var (
	newKey      = servetest.NewKey
	writeKeys   = servetest.WriteKeys
	dial        = servetest.Dial
	mustDial    = servetest.MustDial
	waitSession = servetest.WaitSession
	exitStatus  = servetest.ExitStatus
	waitLog     = servetest.WaitLog
)

type syncBuffer = servetest.Buffer

// openScreen opens an 80×24 session.
func openScreen(t testing.TB, c *gossh.Client) *servetest.Screen {
	t.Helper()
	return servetest.Open(t, c, servetest.Options{})
}
