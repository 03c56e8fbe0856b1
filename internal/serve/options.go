// Package serve shares a story over SSH: it owns the server (host key,
// who may come in, limits, idle sessions, logging) and runs one Bubble Tea
// program per viewer, made by a constructor the caller passes in, so that
// it knows nothing of the reader itself.
package serve

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"time"

	"charm.land/log/v2"
)

// DefaultListen is where reel serve listens unless told otherwise: this
// machine only.
const DefaultListen = "127.0.0.1:23234"

// Defaults for the limits a person can change on the command line.
const (
	DefaultIdle       = 30 * time.Minute
	DefaultMaxViewers = 100
)

// Options says how to serve.
type Options struct {
	// Listen is the TCP address, HOST:PORT.
	Listen string
	// AuthorizedKeys names an OpenSSH authorized_keys file: only its keys
	// get in. Empty lets anyone in, which is allowed on loopback only.
	AuthorizedKeys string
	// PresenterKeys names an authorized_keys file of the keys whose
	// sessions present (reel serve --present on a headless server).
	PresenterKeys string
	// HostKey names the server's private key, made on first use.
	HostKey string
	// Idle closes a session that sent no key for this long; it is warned
	// IdleWarning before (half the idle time when that is shorter).
	Idle        time.Duration
	IdleWarning time.Duration
	// MaxViewers caps the sessions open at once.
	MaxViewers int
	// MaxHandshakes caps the connections still in their SSH handshake.
	MaxHandshakes int
	// HandshakeTimeout drops a connection that has not logged in by then.
	HandshakeTimeout time.Duration
	// RateBurst connections may come from one address at once, one more
	// each RateEvery. Zero takes the defaults (at least MaxViewers, one a
	// second).
	RateBurst int
	RateEvery time.Duration
	// Logger gets one line per connection and disconnection.
	Logger *log.Logger
}

// ErrOpenToAll is the refusal to let anyone in from beyond this machine.
var ErrOpenToAll = errors.New("listening beyond loopback needs --authorized-keys FILE: anyone who can reach the port could read")

// withDefaults fills in what the caller left at zero.
func (o Options) withDefaults() Options {
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	if o.Idle <= 0 {
		o.Idle = DefaultIdle
	}
	if o.IdleWarning <= 0 {
		o.IdleWarning = time.Minute
	}
	if o.IdleWarning > o.Idle/2 {
		o.IdleWarning = o.Idle / 2
	}
	if o.MaxViewers <= 0 {
		o.MaxViewers = DefaultMaxViewers
	}
	if o.MaxHandshakes <= 0 {
		o.MaxHandshakes = 64
	}
	if o.HandshakeTimeout <= 0 {
		o.HandshakeTimeout = 20 * time.Second
	}
	// A classroom behind one NAT address connects all at once, and a
	// few come back after a dropped line.
	o.RateBurst = max(o.RateBurst, o.MaxViewers+10)
	if o.RateEvery <= 0 {
		o.RateEvery = time.Second
	}
	if o.Logger == nil {
		o.Logger = log.New(nil)
	}
	return o
}

// Check reports options that cannot be served; each is a mistake on the
// command line.
func (o Options) Check() error {
	o = o.withDefaults()
	host, _, err := net.SplitHostPort(o.Listen)
	if err != nil {
		return fmt.Errorf("--listen %s: want HOST:PORT", o.Listen)
	}
	if o.AuthorizedKeys == "" && !IsLoopback(host) {
		return ErrOpenToAll
	}
	return nil
}

// IsLoopback tells whether a listening host reaches this machine only.
// An empty host or a name other than localhost may reach further.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// DefaultHostKey is where the host key lives unless --host-key names one:
// under $XDG_DATA_HOME/reel, or ~/.local/share/reel.
func DefaultHostKey(getenv func(string) string) (string, error) {
	dir := getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("no place for the host key: set HOME or XDG_DATA_HOME, or give --host-key FILE")
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "reel", "ssh_host_ed25519_key"), nil
}
