package serve

import (
	"runtime/debug"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// A session keeps every env request its client sends (charm.land/ssh
// appends each to a slice, with no bound, and asks no callback). These
// bound them: a client that sends more, or longer, is told no, and the
// session goes on with the variables it was given. Real clients send a
// handful (TERM is the pty's; LANG, LC_*, COLORTERM, NO_COLOR...).
const (
	maxEnvVars  = 64
	maxEnvBytes = 16 << 10
)

// boundEnv wraps the session channel's handler so that its requests pass
// through envLimit first: charm.land/ssh's session type is its own, but
// the channel it accepts is the caller's to give.
func boundEnv(next ssh.ChannelHandler, logger *log.Logger) ssh.ChannelHandler {
	return func(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
		next(srv, conn, envLimitedChannel{NewChannel: newChan, ctx: ctx, log: logger}, ctx)
	}
}

// envLimitedChannel is a new session channel whose requests, once it is
// accepted, are bounded by envLimit.
type envLimitedChannel struct {
	gossh.NewChannel
	ctx ssh.Context
	log *log.Logger
}

func (c envLimitedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go envLimit(reqs, out, c.ctx.Done(), c.log)
	return ch, out, nil
}

// envLimit passes requests from in to out, refusing env requests past
// maxEnvVars or maxEnvBytes; it closes out when in closes or done does.
func envLimit(in <-chan *gossh.Request, out chan<- *gossh.Request, done <-chan struct{}, logger *log.Logger) {
	defer close(out)
	defer func() {
		if r := recover(); r != nil {
			logger.Error("session requests", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	vars, size := 0, 0
	for req := range in {
		if req.Type == "env" {
			if vars >= maxEnvVars || size+len(req.Payload) > maxEnvBytes {
				if req.WantReply {
					_ = req.Reply(false, nil)
				}
				continue
			}
			vars, size = vars+1, size+len(req.Payload)
		}
		select {
		case out <- req:
		case <-done:
			return
		}
	}
}
