package serve

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// IdleWarningMsg tells a session it closes in Left unless a key comes.
type IdleWarningMsg struct{ Left time.Duration }

// noticeMsg is a line the server shows a viewer over the bottom row.
type noticeMsg string

// crashMsg is a panic caught in one of the program's commands.
type crashMsg struct {
	panic any
	stack string
}

// suspendKey would suspend a reader in its own terminal.
var suspendKey = key.NewBinding(key.WithKeys("ctrl+z"))

// suspendNotice answers ctrl+z.
const suspendNotice = "ctrl+z does nothing here: suspending would stop the story for every viewer"

// IdleNotice is the warning shown for IdleWarningMsg.
func IdleNotice(left time.Duration) string {
	return fmt.Sprintf("no key for a while: this session closes in %s unless you press one", left)
}

// sessionModel wraps the viewer's program. It shows the server's own
// notices (idle, ctrl+z) over the bottom row, whatever that program is,
// until a key clears them; and it turns a panic in the program's Update,
// View or commands into a log line and the end of this session alone
// (Bubble Tea would print it on the server's own terminal).
type sessionModel struct {
	inner         tea.Model
	notice        string
	width, height int
	log           *log.Logger
	quit          func()      // the program's Quit, for a panic in View
	crashed       atomic.Bool // set once a panic ended the program
	askColour     bool        // ask the terminal whether it has 24-bit colour
}

func (m *sessionModel) Init() tea.Cmd {
	defer m.catch(nil)
	return m.guardCmd(m.inner.Init())
}

// rgbQuery asks the terminal for 24-bit colour: ssh rarely forwards
// COLORTERM, so the environment says 256 colours at most. Bubble Tea
// upgrades the profile on a yes.
func rgbQuery() tea.Cmd {
	return tea.Batch(tea.RequestCapability("RGB"), tea.RequestCapability("Tc"))
}

func (m *sessionModel) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	model = m
	defer m.catch(&cmd)
	switch msg := msg.(type) {
	case crashMsg:
		m.logCrash(msg.panic, msg.stack)
		return m, tea.Quit
	case IdleWarningMsg:
		m.notice = IdleNotice(msg.Left)
	case noticeMsg:
		m.notice = string(msg)
		return m, nil
	case tea.KeyPressMsg:
		m.notice = ""
		if key.Matches(msg, suspendKey) {
			m.notice = suspendNotice
		}
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.ColorProfileMsg:
		if m.askColour && msg.Profile < colorprofile.TrueColor && msg.Profile > colorprofile.NoTTY {
			m.askColour = false
			defer func() { cmd = tea.Batch(cmd, rgbQuery()) }()
		}
	}
	m.inner, cmd = m.inner.Update(msg)
	return m, m.guardCmd(cmd)
}

func (m *sessionModel) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			m.logCrash(r, string(debug.Stack()))
			v = tea.NewView("reel: internal error; this session ends")
			if m.quit != nil {
				go m.quit()
			}
		}
	}()
	if m.crashed.Load() {
		return tea.NewView("")
	}
	v = m.inner.View()
	if m.notice == "" || m.height < 1 || m.width < 1 {
		return v
	}
	lines := strings.Split(v.Content, "\n")
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	line := ansi.Truncate(" "+m.notice+" ", m.width, "…")
	// Reverse video stands out in any colour scheme, or none.
	lines[m.height-1] = "\x1b[7m" + line + strings.Repeat(" ", max(0, m.width-ansi.StringWidth(line))) + "\x1b[m"
	v.Content = strings.Join(lines[:m.height], "\n")
	return v
}

// catch turns a panic in Init or Update into the end of the program.
func (m *sessionModel) catch(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		m.logCrash(r, string(debug.Stack()))
		if cmd != nil {
			*cmd = tea.Quit
		}
	}
}

func (m *sessionModel) logCrash(r any, stack string) {
	m.crashed.Store(true)
	m.log.Error("panic in a session", "panic", fmt.Sprint(r), "stack", stack)
}

// guardCmd makes a command report its panic as a crashMsg.
func (m *sessionModel) guardCmd(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{r, string(debug.Stack())}
			}
		}()
		return cmd()
	}
}

// filter is the program's message filter: a batch's commands are guarded
// one by one, and a suspend (ctrl+z) becomes a notice, since suspending
// the server would stop every session.
func (m *sessionModel) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.BatchMsg:
		guarded := make(tea.BatchMsg, len(msg))
		for i, cmd := range msg {
			guarded[i] = m.guardCmd(cmd)
		}
		return guarded
	case tea.SuspendMsg:
		return noticeMsg(suspendNotice)
	}
	return msg
}
