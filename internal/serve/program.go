package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// Viewer is what the server knows of one session's client: all a model
// may use to fit it, since nothing of the server's own terminal or
// environment applies to it.
type Viewer struct {
	User        string
	Key         gossh.PublicKey // nil when the client logged in without one
	Fingerprint string
	Addr        string
	// Presenter is set for a key listed in Options.PresenterKeys.
	Presenter bool
	Term      string
	Width     int
	Height    int
	// WindowPixels reads the client's window size in cells and in pixels
	// as its pty request and window changes said it (pixels zero where
	// unknown): what a local reader reads with TIOCGWINSZ.
	WindowPixels func() (cols, rows, xpx, ypx int)
	// Environ is the client's environment as ssh sent it, TERM included.
	Environ []string
	// Output is where the program draws: a model that writes more than
	// its frames (pictures in pixels) wraps it in tea.WithOutput.
	Output io.Writer
	// Done is closed when the session ends.
	Done <-chan struct{}
	// Active counts as a key from the viewer, for the idle timeout: a
	// follower watching a presenter's pages is not idle.
	Active func()
}

// NewModel makes the program one viewer sees, with any options of its
// own (input, output and environment are the session's).
type NewModel func(v Viewer) (tea.Model, []tea.ProgramOption)

// showProgram runs the viewer's program until it quits, the client goes
// away or the session has been idle too long.
func (s *Server) showProgram(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		pty, windows, _ := sess.Pty()
		win := newWindow(pty.Window)
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		keys := newActivity(sess)
		v := s.viewer(sess, win, ctx.Done(), keys.Touch)
		model, own := s.newModel(v)
		// The session's input, output and environment; then the model's
		// own options, which may wrap the output.
		opts := append(bubbletea.MakeOptions(sess), own...)
		// Apple's Terminal prints the capability query as text.
		root := &sessionModel{inner: model, log: s.log, askColour: envValue(v.Environ, "TERM_PROGRAM") != "Apple_Terminal"}
		opts = append(opts, tea.WithInput(keys), tea.WithFilter(root.filter), tea.WithoutSignalHandler())
		p := tea.NewProgram(root, opts...)
		root.quit = p.Quit

		expired := make(chan struct{})
		go s.guard(p, func() { followWindow(ctx, p, windows, win) })
		go s.guard(p, func() {
			watchIdle(ctx, keys, s.opts.Idle, s.opts.IdleWarning, p.Send, func() { close(expired); p.Quit() })
		})
		s.track(p, true)
		defer s.track(p, false)
		_, err := p.Run()
		p.Kill()
		select {
		case <-expired:
			refuse(sess, fmt.Sprintf("reel: closed after %s without a key", s.opts.Idle))
			return
		default:
		}
		if s.stopping.Load() {
			s.mu.Lock()
			note := s.stopNote
			s.mu.Unlock()
			_, _ = fmt.Fprint(sess.Stderr(), note+"\r\n")
			_ = sess.Exit(0)
			return
		}
		if root.crashed.Load() {
			refuse(sess, "reel: internal error; the server goes on (please report this)")
			return
		}
		if err != nil && !errors.Is(err, tea.ErrProgramKilled) && ctx.Err() == nil {
			s.log.Error("session", "addr", v.Addr, "error", err)
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// viewer is what the model is told of the session, whose window is win.
func (s *Server) viewer(sess ssh.Session, win *window, done <-chan struct{}, active func()) Viewer {
	pty, _, _ := sess.Pty()
	_, presenter := sess.Permissions().Extensions[extPresenter]
	return Viewer{
		User: sess.User(), Key: sess.PublicKey(), Fingerprint: Fingerprint(sess.PublicKey()),
		Addr: sess.RemoteAddr().String(), Presenter: presenter,
		Term: pty.Term, Width: pty.Window.Width, Height: pty.Window.Height, WindowPixels: win.pixels,
		Environ: append(sess.Environ(), "TERM="+pty.Term),
		Output:  sess, Done: done, Active: active,
	}
}

// followWindow sends the client's window changes to the program, once
// win holds them for its WindowPixels.
func followWindow(ctx context.Context, p *tea.Program, windows <-chan ssh.Window, win *window) {
	for {
		select {
		case <-ctx.Done():
			p.Quit()
			return
		case w, ok := <-windows:
			if !ok {
				return
			}
			win.set(w)
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}
}

// guard runs fn, a goroutine of one session's: a panic in it ends that
// session, never the server.
func (s *Server) guard(p *tea.Program, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("session goroutine", "panic", r, "stack", string(debug.Stack()))
			p.Kill()
		}
	}()
	fn()
}

// watchIdle sends IdleWarningMsg when the viewer has pressed no key for
// idle-warn, and calls expire when for idle.
func watchIdle(ctx context.Context, keys *activity, idle, warn time.Duration, send func(tea.Msg), expire func()) {
	warned := false
	for {
		since := time.Since(keys.last())
		var wait time.Duration
		switch {
		case since >= idle:
			expire()
			return
		case since >= idle-warn:
			if !warned {
				send(IdleWarningMsg{Left: (idle - since).Round(time.Second)})
				warned = true
			}
			wait = idle - since
		default:
			warned = false
			wait = idle - warn - since
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}

// envValue is key's value in env, the last one set.
func envValue(env []string, key string) string {
	val := ""
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			val = v
		}
	}
	return val
}
