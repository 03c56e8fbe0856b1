package fetch

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"sync"
)

// RedirectError is returned when a fetch that began at a public address
// is redirected to one that is not: a remote page may not send reel into
// the user's own machine or network.
type RedirectError struct{ Addr netip.Addr }

func (e *RedirectError) Error() string {
	return fmt.Sprintf("refused a redirect from a public address to %s, which is not public", e.Addr)
}

// route remembers where one fetch began. The rule for every later hop
// comes from the address the user gave, never from where a redirect led.
type route struct {
	mu     sync.Mutex
	began  bool
	public bool
}

type routeKey struct{}

// enter checks the address of one hop against where the fetch began.
func (r *route) enter(ip netip.Addr) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.began {
		r.began, r.public = true, IsPublic(ip)
		return nil
	}
	if r.public && !IsPublic(ip) {
		return &RedirectError{Addr: ip}
	}
	return nil
}

// checkDial runs before each connection, on the address actually dialled
// (after DNS, so a name that resolves to a private address is seen too).
func checkDial(ctx context.Context, opt Options, address string) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return err
	}
	ip = ip.Unmap()
	allowed := opt.AllowAddr != nil && opt.AllowAddr(ip)
	if opt.PublicOnly && !IsPublic(ip) && !allowed {
		return &BlockedError{Addr: ip}
	}
	if r, ok := ctx.Value(routeKey{}).(*route); ok && !allowed {
		return r.enter(ip)
	}
	return nil
}
