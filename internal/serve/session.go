package serve

import (
	"fmt"
	"time"

	"charm.land/ssh"
)

// NeedsTerminal is what a session without a terminal, or with a command,
// is told.
const NeedsTerminal = "reel needs a terminal: ssh -t"

// KeyWithoutTerminal is what a session is told when its key's line in
// the keys file takes the terminal away: ssh -t would not help.
const KeyWithoutTerminal = "reel: this key may not open a terminal here (no-pty or restrict in the keys file)"

// logged writes one line when a session starts and one when it ends.
func (s *Server) logged(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		fields := []any{"user", sess.User(), "key", Fingerprint(sess.PublicKey()), "addr", sess.RemoteAddr().String()}
		s.log.Info("connect", fields...)
		defer func() {
			end := append(fields, "duration", time.Since(start).Round(time.Millisecond))
			if why := s.takeRefusal(sess); why != "" {
				end = append(end, "refused", why)
			}
			s.log.Info("disconnect", end...)
		}()
		next(sess)
	}
}

// needTerminal refuses a session without a pty, and any command. A key
// whose line takes the terminal away is told so, not to ask for one.
func (s *Server) needTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		_, _, tty := sess.Pty()
		_, noPty := sess.Permissions().Extensions[extNoPty]
		switch {
		case noPty:
			s.refuseLogged(sess, KeyWithoutTerminal, "the key's line has no-pty (or restrict)")
		case !tty:
			s.refuseLogged(sess, NeedsTerminal, "no terminal asked for")
		case sess.RawCommand() != "":
			s.refuseLogged(sess, NeedsTerminal+", and no command", "a command")
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
			s.refuseLogged(sess, fmt.Sprintf("reel is full: %d viewers are reading; try again later", s.opts.MaxViewers), "full")
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

// refuseLogged is refuse, with why kept for the session's disconnect
// line.
func (s *Server) refuseLogged(sess ssh.Session, tell, why string) {
	s.mu.Lock()
	s.refused[sess] = why
	s.mu.Unlock()
	refuse(sess, tell)
}

// takeRefusal is why sess was refused, if it was, forgotten as it is
// read.
func (s *Server) takeRefusal(sess ssh.Session) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	why := s.refused[sess]
	delete(s.refused, sess)
	return why
}
