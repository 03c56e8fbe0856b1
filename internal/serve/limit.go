package serve

import (
	"net"
	"sync"
	"time"
)

// maxAddresses bounds the addresses the rate limit remembers; past it,
// those whose bucket has filled up again are forgotten.
const maxAddresses = 4096

// rateLimit lets burst connections in from one address at once and one
// more each every. It counts connections before their handshake, so that
// a flood costs the server no key exchange.
type rateLimit struct {
	burst int
	every time.Duration
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens  float64
	at      time.Time
	refused bool // the last connection was refused
}

func newRateLimit(burst int, every time.Duration) *rateLimit {
	return &rateLimit{burst: burst, every: every, now: time.Now, buckets: map[string]*bucket{}}
}

// allow takes a token for addr's host, if it has one. first is set on the
// first refusal after a connection was let in, so that a flood is logged
// once, not once a connection.
func (r *rateLimit) allow(addr net.Addr) (ok, first bool) {
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok {
		host = tcp.IP.String()
	}
	now := r.now()
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.buckets[host]
	if b == nil {
		if len(r.buckets) >= maxAddresses {
			r.forgetFull(now)
		}
		b = &bucket{tokens: float64(r.burst), at: now}
		r.buckets[host] = b
	}
	b.refill(now, r.every, r.burst)
	if b.tokens < 1 {
		first = !b.refused
		b.refused = true
		return false, first
	}
	b.tokens--
	b.refused = false
	return true, false
}

func (b *bucket) refill(now time.Time, every time.Duration, burst int) {
	if elapsed := now.Sub(b.at); elapsed > 0 {
		b.tokens = min(float64(burst), b.tokens+float64(elapsed)/float64(every))
		b.at = now
	}
}

// forgetFull drops the addresses that could connect burst times again,
// which is what a new address can do; if none is, it drops them all
// rather than grow without bound.
func (r *rateLimit) forgetFull(now time.Time) {
	for host, b := range r.buckets {
		b.refill(now, r.every, r.burst)
		if b.tokens >= float64(r.burst) {
			delete(r.buckets, host)
		}
	}
	if len(r.buckets) >= maxAddresses {
		clear(r.buckets)
	}
}

// handshakes caps the connections between accept and login.
type handshakes struct{ slots chan struct{} }

func newHandshakes(n int) *handshakes { return &handshakes{slots: make(chan struct{}, n)} }

// enter takes a slot, if one is free, and returns the function that gives
// it back (once, however often it is called).
func (h *handshakes) enter() (leave func(), ok bool) {
	select {
	case h.slots <- struct{}{}:
	default:
		return nil, false
	}
	var once sync.Once
	return func() { once.Do(func() { <-h.slots }) }, true
}

// gatedConn gives its handshake slot back when it closes, for a connection
// that never logged in.
type gatedConn struct {
	net.Conn
	leave func()
}

func (c *gatedConn) Close() error {
	c.leave()
	return c.Conn.Close()
}

// logBudget lets a kind of log line through a few times a second, and
// counts the ones it held back.
type logBudget struct {
	mu      sync.Mutex
	second  time.Time // the second being counted
	used    int
	skipped int
}

// logsPerSecond is how many lines of one kind a second may have.
const logsPerSecond = 10

// allow tells whether a line may be written now, and how many were
// held back since the last one written.
func (b *logBudget) allow(now time.Time) (skipped int, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if sec := now.Truncate(time.Second); !sec.Equal(b.second) {
		b.second, b.used = sec, 0
	}
	if b.used >= logsPerSecond {
		b.skipped++
		return 0, false
	}
	b.used++
	skipped, b.skipped = b.skipped, 0
	return skipped, true
}
