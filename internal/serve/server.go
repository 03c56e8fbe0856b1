package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"
)

// Server is an SSH server that shows each viewer the program NewModel
// makes.
type Server struct {
	opts     Options
	newModel NewModel
	signer   gossh.Signer
	keys     *keyFile // nil: anyone on loopback
	present  *keyFile // the presenters' keys, if any
	limit    *rateLimit
	gate     *handshakes
	log      *log.Logger
	ssh      *ssh.Server

	gateLogged atomic.Int64 // when a refusal for want of a handshake slot was last logged
	refusals   logBudget    // lines for refused keys
	stopping   atomic.Bool  // Stop has been called

	mu       sync.Mutex
	stopNote string // what viewers read when the server stops
	viewers  int
	programs map[*tea.Program]bool  // the sessions' programs, for Broadcast
	refused  map[ssh.Session]string // why sessions were refused, until their disconnect line
}

// leaveKey is where a connection keeps the function that gives its
// handshake slot back.
type leaveKey struct{}

// New checks opts, loads or makes the host key and the authorized keys,
// and returns a server that is not yet listening.
func New(opts Options, newModel NewModel) (*Server, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	if newModel == nil {
		return nil, errors.New("serve: no model to show")
	}
	s := &Server{
		opts:     opts,
		newModel: newModel,
		limit:    newRateLimit(opts.RateBurst, opts.RateEvery),
		gate:     newHandshakes(opts.MaxHandshakes),
		log:      opts.Logger,
	}
	var err error
	if s.signer, err = HostKey(opts.HostKey); err != nil {
		return nil, err
	}
	if opts.AuthorizedKeys != "" {
		if s.keys, err = loadKeyFile(opts.AuthorizedKeys, s.log); err != nil {
			return nil, err
		}
	}
	if opts.PresenterKeys != "" {
		if s.present, err = loadKeyFile(opts.PresenterKeys, s.log); err != nil {
			return nil, fmt.Errorf("presenter key: %w", err)
		}
	}
	s.programs, s.refused = map[*tea.Program]bool{}, map[ssh.Session]string{}
	s.ssh = s.newSSH()
	return s, nil
}

func (s *Server) newSSH() *ssh.Server {
	srv := &ssh.Server{
		Addr:             s.opts.Listen,
		HostSigners:      []ssh.Signer{s.signer},
		Version:          "reel",
		HandshakeTimeout: s.opts.HandshakeTimeout,
		ConnCallback:     s.admit,
		PublicKeyHandler: s.allowKey,
		ChannelHandlers:  map[string]ssh.ChannelHandler{"session": boundEnv(ssh.DefaultSessionHandler, s.log)},
		// Port forwarding stays off: its callbacks are nil.
	}
	if s.keys == nil {
		// Open to anyone on this machine: a client without a key logs
		// in with no questions asked.
		srv.KeyboardInteractiveHandler = func(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
			leaveHandshake(ctx)
			return true
		}
	}
	chain := recover.MiddlewareWithLogger(s.log, s.showProgram, s.capViewers, s.needTerminal)
	srv.Handler = s.logged(chain(func(ssh.Session) {}))
	return srv
}

// admit lets a new connection start its handshake if its address is
// within its rate and a handshake slot is free; otherwise it is closed
// before the server spends a key exchange on it.
func (s *Server) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	if ok, first := s.limit.allow(conn.RemoteAddr()); !ok {
		if first {
			s.log.Warn("refused", "addr", conn.RemoteAddr().String(), "reason", "rate limit", "until", "it slows down")
		}
		return nil
	}
	leave, ok := s.gate.enter()
	if !ok {
		// Once a second at most: a flood is one line, not thousands.
		now := time.Now().UnixNano()
		if last := s.gateLogged.Load(); now-last > int64(time.Second) && s.gateLogged.CompareAndSwap(last, now) {
			s.log.Warn("refused", "addr", conn.RemoteAddr().String(), "reason", "too many handshakes")
		}
		return nil
	}
	ctx.SetValue(leaveKey{}, leave)
	// A key taken out of a file is refused from the next connection on.
	s.keys.refresh()
	s.present.refresh()
	return &gatedConn{Conn: conn, leave: leave}
}

// leaveHandshake gives the connection's handshake slot back: it has
// logged in.
func leaveHandshake(ctx ssh.Context) {
	if leave, ok := ctx.Value(leaveKey{}).(func()); ok {
		leave()
	}
}

// What a session's permissions carry from its key's lines.
const (
	extPresenter = "reel-presenter" // a presenter's line lets it in
	extNoPty     = "reel-no-pty"    // the line that lets it in has no-pty
)

// allowKey lets key in if a line of the authorized keys (or of the
// presenters') lists it and its from= and expiry-time= allow this
// connection. What the lines say is kept in the connection's
// permissions, which x/crypto keeps with the key that logged in.
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	addr := addrOf(ctx.RemoteAddr())
	presenter := s.present.judge(key, addr)
	viewer := accepted
	if s.keys != nil {
		viewer = s.keys.judge(key, addr)
	}
	best := max(viewer, presenter)
	if best < acceptedNoPty {
		s.logRefused(ctx, key, best)
		return false
	}
	perms := ctx.Permissions()
	if perms.Extensions == nil {
		perms.Extensions = map[string]string{}
	}
	if presenter == accepted {
		perms.Extensions[extPresenter] = ""
	}
	if best == acceptedNoPty {
		perms.Extensions[extNoPty] = ""
	}
	leaveHandshake(ctx)
	return true
}

// logRefused writes a line for a refused key, so that an admin sees
// who tries; a flood is logsPerSecond (10) lines a second at most, the
// first of the next second saying how many went unlogged.
func (s *Server) logRefused(ctx ssh.Context, key ssh.PublicKey, why verdict) {
	skipped, ok := s.refusals.allow(time.Now())
	if !ok {
		return
	}
	fields := []any{"user", ctx.User(), "key", Fingerprint(key), "addr", ctx.RemoteAddr().String(), "reason", why.reason()}
	if skipped > 0 {
		fields = append(fields, "unlogged", skipped)
	}
	s.log.Warn("refused", fields...)
}

// addrOf is the client's IP address, or the zero address if it has
// none (which no from= pattern matches).
func addrOf(a net.Addr) netip.Addr {
	if tcp, ok := a.(*net.TCPAddr); ok {
		if ip, ok := netip.AddrFromSlice(tcp.IP); ok {
			return ip.Unmap()
		}
	}
	return netip.Addr{}
}

// Fingerprint is the host key's, for viewers to check.
func (s *Server) Fingerprint() string { return Fingerprint(s.signer.PublicKey()) }

// Listen opens the listening socket.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.opts.Listen)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return ln, nil
}

// Serve serves on ln until Close or Shutdown, and then returns nil.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close ends every session at once.
func (s *Server) Close() error { return s.ssh.Close() }

// Shutdown stops listening and waits for the sessions to end, or for ctx.
func (s *Server) Shutdown(ctx context.Context) error { return s.ssh.Shutdown(ctx) }

// Stop ends every session the way q would (each viewer's terminal is
// restored, and told the server stopped), waits up to wait for them to
// go, then closes what is left.
func (s *Server) Stop(wait time.Duration) error {
	return s.StopSaying(wait, StoppedNote)
}

// StoppedNote is the last line a viewer reads when the server stops.
const StoppedNote = "reel: the server stopped"

// StopSaying is Stop with the last line each viewer reads, such as why
// the presentation ended. Only the first call does anything.
func (s *Server) StopSaying(wait time.Duration, note string) error {
	s.mu.Lock()
	if s.stopping.Load() {
		s.mu.Unlock()
		return nil
	}
	s.stopNote = note
	s.stopping.Store(true)
	for p := range s.programs {
		p.Quit()
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	_ = s.ssh.Shutdown(ctx)
	return s.ssh.Close()
}

// Viewers is how many sessions are open.
func (s *Server) Viewers() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.viewers
}

// Broadcast sends msg to every session's program, such as a reloaded
// story.
func (s *Server) Broadcast(msg tea.Msg) {
	s.mu.Lock()
	programs := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		programs = append(programs, p)
	}
	s.mu.Unlock()
	for _, p := range programs {
		p.Send(msg)
	}
}

func (s *Server) track(p *tea.Program, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if on {
		s.programs[p] = true
	} else {
		delete(s.programs, p)
	}
}
