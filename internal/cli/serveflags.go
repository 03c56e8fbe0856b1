package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/reeltui/reel/internal/serve"
)

// serveConfig is what `reel serve` is asked: where and to whom to serve,
// and the story as the reader's own flags shape it.
type serveConfig struct {
	config
	listen         string
	authorizedKeys string
	hostKey        string
	presenterKey   string
	present        bool
	idle           time.Duration
	maxViewers     int
}

const serveUsage = `reel serve shares a story over SSH: each viewer reads it in their own
terminal with ssh, and with --present follows the presenter's pages.

Usage:
  reel serve [flags] [FILE | URL]

With no FILE, reel serves a story piped to it (or a non-empty file given
as standard input), else its bundled sample story: a terminal, /dev/null
(a service manager's standard input) or a closed standard input mean the
sample. Anyone who can reach
the address reads the story and nothing else: no key reaches this machine's
files or network. Beyond loopback, --authorized-keys is required.

Examples:
  reel serve deck.md                          ssh -p 23234 localhost reads it
  reel serve --present deck.md                this terminal presents, viewers follow
  reel serve --listen :23234 --authorized-keys ~/.ssh/authorized_keys deck.md
  reel serve --present --presenter-key me.pub --authorized-keys class.keys deck.md

Flags:
  --listen HOST:PORT        where to listen (default 127.0.0.1:23234)
  --authorized-keys FILE    only these keys (OpenSSH authorized_keys) get in
  --host-key FILE           the server's key (default $XDG_DATA_HOME/reel/ssh_host_ed25519_key, made 0600 on first use)
  --present                 everyone follows the presenter's pages (F: read on your own)
  --presenter-key FILE      the presenter logs in with this key (a headless server); otherwise this terminal presents
  --idle DURATION           close a session after this long without a key (default 30m; warned a minute before)
  --max-viewers N           at most N sessions at once (default 100)
  --style, --pictures, --no-steps, --play, --start, --format, --max-size
                            shape the story as they do for the reader (reel --help)
`

// serveFlags are the flags of reel serve alone, each with a value but
// --present.
var serveFlags = map[string]bool{
	"listen": true, "authorized-keys": true, "host-key": true, "presenter-key": true,
	"idle": true, "max-viewers": true, "present": false,
}

// parseServeArgs reads reel serve's command line: its own flags, then the
// reader's, which shape the story the same way for every viewer.
func parseServeArgs(args []string, stdout io.Writer, version string) (serveConfig, error) {
	sc := serveConfig{listen: serve.DefaultListen, idle: serve.DefaultIdle, maxViewers: serve.DefaultMaxViewers}
	own, rest, err := splitServeFlags(args)
	if err != nil {
		return sc, err
	}
	for _, a := range rest {
		if a == "--help" || a == "-h" {
			fmt.Fprint(stdout, serveUsage)
			return sc, errHelp
		}
	}
	if sc.config, err = parseArgs(rest, stdout, version); err != nil {
		return sc, err
	}
	switch {
	case sc.print:
		return sc, usageError{"--print does not apply to reel serve"}
	case sc.debug:
		return sc, usageError{"--debug does not apply to reel serve"}
	}
	for name, val := range own {
		if err := sc.set(name, val); err != nil {
			return sc, err
		}
	}
	if sc.presenterKey != "" && !sc.present {
		return sc, usageError{"--presenter-key needs --present"}
	}
	opts := serve.Options{Listen: sc.listen, AuthorizedKeys: sc.authorizedKeys}
	if err := opts.Check(); err != nil {
		return sc, usageError{err.Error()}
	}
	return sc, nil
}

func (sc *serveConfig) set(name, val string) error {
	var err error
	switch name {
	case "listen":
		sc.listen = val
	case "authorized-keys":
		sc.authorizedKeys = val
	case "host-key":
		sc.hostKey = val
	case "presenter-key":
		sc.presenterKey = val
	case "present":
		sc.present, err = strconv.ParseBool(val)
	case "idle":
		if sc.idle, err = time.ParseDuration(val); err == nil && sc.idle < time.Minute {
			err = fmt.Errorf("at least a minute")
		}
	case "max-viewers":
		if sc.maxViewers, err = strconv.Atoi(val); err == nil && sc.maxViewers < 1 {
			err = fmt.Errorf("at least 1")
		}
	}
	if err != nil {
		return usageError{fmt.Sprintf("--%s %s: %v", name, val, err)}
	}
	return nil
}

// splitServeFlags takes reel serve's own flags (--name VALUE, --name=VALUE,
// --present) out of args and leaves the rest to the reader's parser.
func splitServeFlags(args []string) (own map[string]string, rest []string, err error) {
	own = map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		takesValue, ok := serveFlags[name]
		if !strings.HasPrefix(a, "--") || !ok {
			rest = append(rest, a)
			continue
		}
		switch {
		case hasVal:
		case !takesValue:
			val = "true"
		case i+1 < len(args):
			i++
			val = args[i]
		default:
			return nil, nil, usageError{fmt.Sprintf("flag needs an argument: --%s", name)}
		}
		own[name] = val
	}
	return own, rest, nil
}
