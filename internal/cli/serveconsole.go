package cli

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/reeltui/reel/internal/serve"
	"github.com/reeltui/reel/story"
)

// logSink is where the server's log lines go: a writer, or, while the
// console runs, the lines printed above it.
type logSink struct {
	mu   sync.Mutex
	out  io.Writer
	prog *tea.Program
}

func (l *logSink) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.prog != nil {
		l.prog.Println(strings.TrimRight(string(p), "\n"))
		return len(p), nil
	}
	return l.out.Write(p)
}

func (l *logSink) printTo(p *tea.Program) {
	l.mu.Lock()
	l.prog = p
	l.mu.Unlock()
}

// console is the serving terminal while it does not present: what is
// served, how many read it, and the keys that stop it.
type console struct {
	name, addr string
	viewers    func() int
	count      int
	note       string
	keys       consoleKeys
}

type consoleKeys struct{ quit, interrupt, suspend key.Binding }

type consoleTick struct{}

func (c console) tick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return consoleTick{} })
}

func (c console) Init() tea.Cmd { return c.tick() }

func (c console) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case consoleTick:
		c.count = c.viewers()
		return c, c.tick()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, c.keys.quit):
			return c, tea.Quit
		case key.Matches(msg, c.keys.interrupt):
			return c, tea.Interrupt
		case key.Matches(msg, c.keys.suspend):
			c.note = "ctrl+z would stop every session: q stops serving"
		}
	}
	return c, nil
}

func (c console) View() tea.View {
	who := fmt.Sprintf("%d viewers", c.count)
	if c.count == 1 {
		who = "1 viewer"
	}
	line := fmt.Sprintf("serving %s on %s · %s · q stops", story.OneLine(c.name), c.addr, who)
	if c.note != "" {
		line += "\n" + c.note
	}
	return tea.NewView(line)
}

// runConsole shows the console until q (exit 0), ctrl+c (130) or a
// signal, with the server's log lines above it.
func runConsole(srv *serve.Server, name string, addr net.Addr, logs *logSink) error {
	c := console{name: name, addr: addr.String(), viewers: srv.Viewers, keys: consoleKeys{
		quit:      key.NewBinding(key.WithKeys("q")),
		interrupt: key.NewBinding(key.WithKeys("ctrl+c")),
		suspend:   key.NewBinding(key.WithKeys("ctrl+z")),
	}}
	prog := tea.NewProgram(c)
	logs.printTo(prog)
	defer logs.printTo(nil)
	ended, stopSignals := watchSignals(prog)
	defer stopSignals()
	_, err := prog.Run()
	if err != nil {
		return err
	}
	return endedBy(ended)
}
