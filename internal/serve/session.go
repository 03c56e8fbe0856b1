package serve

import (
	"fmt"
	"time"

	"charm.land/ssh"
)

// NeedsTerminal is what a session without a terminal, or with a command,
// is told.
const NeedsTerminal = "reel needs a terminal: ssh -t"

// logged writes one line when a session starts and one when it ends.
func (s *Server) logged(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		fields := []any{"user", sess.User(), "key", Fingerprint(sess.PublicKey()), "addr", sess.RemoteAddr().String()}
		s.log.Info("connect", fields...)
		defer func() {
			s.log.Info("disconnect", append(fields, "duration", time.Since(start).Round(time.Millisecond))...)
		}()
		next(sess)
	}
}

// needTerminal refuses a session without a pty, and any command.
func (s *Server) needTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		_, _, tty := sess.Pty()
		_, noPty := sess.Permissions().Extensions[extNoPty]
		switch {
		case !tty, noPty:
			refuse(sess, NeedsTerminal)
		case sess.RawCommand() != "":
			refuse(sess, NeedsTerminal+", and no command")
		default:
			next(sess)
		}
	}
}

// capViewers refuses a session past MaxViewers.
func (s *Server) capViewers(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		full := s.viewers >= s.opts.MaxViewers
		if !full {
			s.viewers++
		}
		s.mu.Unlock()
		if full {
			refuse(sess, fmt.Sprintf("reel is full: %d viewers are reading; try again later", s.opts.MaxViewers))
			return
		}
		defer func() {
			s.mu.Lock()
			s.viewers--
			s.mu.Unlock()
		}()
		next(sess)
	}
}

// refuse tells the client why in one line and ends the session with
// status 1.
func refuse(sess ssh.Session, why string) {
	end := "\n"
	if _, _, tty := sess.Pty(); tty {
		end = "\r\n"
	}
	_, _ = fmt.Fprint(sess.Stderr(), why+end)
	_ = sess.Exit(1)
}
